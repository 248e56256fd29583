/**
 * Private-message re-activation (MODEL v3 §4, PLAYBOOK §6): each admin DMs
 * `activation.dmPerAdminPerDay` members silent for at least `silentDays`,
 * longest-silent first, skipping members who have muted the team. A DM
 * persuades; it does not post. Each DM has one of four outcomes:
 *
 *   reply      P = min(1, s₀ · relevance · tags · willing(e) · tie · exp(−f · w))
 *   unwelcome  P = min(1 − P(reply), u₀ · (1 − e) · (1 + w))
 *   ignored    otherwise
 *
 * where tie = t₀ + (1 − t₀) · ties/(ties + t½) is the member's tie strength
 * (reply partners in the group) and w the DMs they had lately (weariness,
 * fading daily). A reply lifts engagement by dmLift · tie; most replies stay
 * private, the rest persuade: the member leaves do-not-disturb and for a few
 * days posts at (1 + dmPostLift · tie) × their own rate, so a member who barely
 * speaks still barely speaks. An unwelcome DM costs engagement, and the member
 * mutes the team's DMs; some mute the group, a few leave.
 */
import { exp } from '../detmath.ts';
import { PRESENT } from '../members.ts';
import { work } from './actions.ts';
import { leave } from './retention.ts';
import type { GroupState } from './state.ts';

/** How close a member is to the team and the group: their reply ties, from a floor for strangers to 1. */
export function tieStrength(g: GroupState, i: number): number {
  const p = g.params;
  const ties = g.members.a.ties[i];
  return p.dmTieFloor + (1 - p.dmTieFloor) * (ties / (ties + p.dmTieHalf));
}

export function sendDirectMessages(g: GroupState): void {
  const s = g.scenario;
  const a = g.members.a;
  const d = g.day;
  const quota = s.activation.dmPerAdminPerDay * s.team.admins;
  if (quota === 0) return;
  const silentDays = s.activation.silentDays;
  // One pass keeps the `quota` longest-silent candidates, ties broken by a random key.
  const chosen = g.dmChosen.length >= quota ? g.dmChosen : (g.dmChosen = new Int32Array(quota));
  let count = 0;
  const longer = (i: number, j: number, si: number, sj: number) => si > sj || (si === sj && a.tieKey[i] < a.tieKey[j]);
  const silenceOf = (i: number) => d - (a.lastSpoke[i] >= a.joinDay[i] ? a.lastSpoke[i] : a.joinDay[i]);
  for (let k = 0; k < g.presentCount; k++) {
    const i = g.present[k];
    if (a.presence[i] !== PRESENT || a.dmBlocked[i] || d < a.probationUntil[i] || d - a.lastDm[i] < silentDays) continue;
    const silence = silenceOf(i);
    if (silence < silentDays) continue;
    if (count === quota && !longer(i, chosen[count - 1], silence, silenceOf(chosen[count - 1]))) continue;
    let at = count < quota ? count++ : count - 1;
    while (at > 0 && longer(i, chosen[at - 1], silence, silenceOf(chosen[at - 1]))) {
      chosen[at] = chosen[at - 1];
      at--;
    }
    chosen[at] = i;
  }
  for (let k = 0; k < count; k++) directMessage(g, chosen[k]);
}

/** One DM from an admin and its outcome (see the header). */
function directMessage(g: GroupState, i: number): void {
  const a = g.members.a;
  const p = g.params;
  const u = g.rng.activation;
  const d = g.day;
  a.lastDm[i] = d;
  work(g, 'dm');
  const e = a.engagement[i];
  const weariness = a.dmWeariness[i];
  a.dmWeariness[i] = weariness + 1;
  const tie = tieStrength(g, i);
  const tags = g.scenario.group.platform === 'enterprise' ? 1 + p.dmTagBonus : 1;
  const willing = p.dmEngagementFloor + (1 - p.dmEngagementFloor) * e;
  const reply = Math.min(1, p.dmSuccessBase * a.relevance[i] * tags * willing * tie * exp(-p.dmFatigue * weariness));
  const unwelcome = Math.min(1 - reply, p.dmUnwantedBase * (1 - e) * (1 + weariness));
  const x = u();
  if (x < reply) {
    a.dmToday[i] += p.dmLift * tie;
    if (u() < p.dmPrivateShare) return; // answered in private only
    a.dnd[i] = 0;
    a.dmBoostUntil[i] = d + p.dmBoostDays;
    g.series.dmPersuaded[d]++;
  } else if (x < reply + unwelcome) {
    a.dmToday[i] -= p.dmUnwantedCost;
    a.dmBlocked[i] = 1;
    g.series.dmUnwelcome[d]++;
    const y = u();
    if (y < p.dmUnwantedLeave) leave(g, i);
    else if (y < p.dmUnwantedLeave + p.dmUnwantedMute) a.dnd[i] = 1;
  }
}
