/**
 * Private-message re-activation (MODEL §4, PLAYBOOK §6): each admin DMs
 * `activation.dmPerAdminPerDay` members silent for at least `silentDays`,
 * longest-silent first; a DM succeeds ∝ relevance (tags help on enterprise
 * accounts) and gives an engagement boost, a few days of more posting, and
 * ends do-not-disturb.
 */
import { PRESENT } from '../members.ts';
import { work } from './actions.ts';
import type { GroupState } from './state.ts';

export function sendDirectMessages(g: GroupState): void {
  const s = g.scenario;
  const p = g.params;
  const a = g.members.a;
  const d = g.day;
  const quota = s.activation.dmPerAdminPerDay * Math.max(1, s.team.admins);
  if (quota === 0) return;
  const silentDays = s.activation.silentDays;
  // One pass keeps the `quota` longest-silent candidates, ties broken by a random key.
  const chosen = g.dmChosen.length >= quota ? g.dmChosen : (g.dmChosen = new Int32Array(quota));
  let count = 0;
  const longer = (i: number, j: number, si: number, sj: number) => si > sj || (si === sj && a.tieKey[i] < a.tieKey[j]);
  const silenceOf = (i: number) => d - (a.lastSpoke[i] >= a.joinDay[i] ? a.lastSpoke[i] : a.joinDay[i]);
  for (let k = 0; k < g.presentCount; k++) {
    const i = g.present[k];
    if (a.presence[i] !== PRESENT || d < a.probationUntil[i] || d - a.lastDm[i] < silentDays) continue;
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
  const tagBonus = s.group.platform === 'enterprise' ? 1 + p.dmTagBonus : 1;
  for (let k = 0; k < count; k++) {
    const i = chosen[k];
    a.lastDm[i] = d;
    work(g, 'dm');
    if (g.rng.activation() < Math.min(1, p.dmSuccessBase * a.relevance[i] * tagBonus)) {
      a.dmToday[i] = 1;
      a.dnd[i] = 0;
      a.dmBoostUntil[i] = d + p.dmBoostDays;
    }
  }
}
