/**
 * Private-message re-activation (MODEL §4, PLAYBOOK §6): each admin DMs
 * `activation.dmPerAdminPerDay` members silent for at least `silentDays`,
 * longest-silent first; a DM succeeds ∝ relevance (tags help on enterprise
 * accounts): the member answers the admin's invitation with a message in the
 * group the next day, gains engagement and a few days of more posting, and
 * leaves do-not-disturb.
 */
import { EventType } from '../events.ts';
import { PRESENT } from '../members.ts';
import { drawMinute, weekendOf, work } from './actions.ts';
import { MINUTES_PER_DAY, type GroupState } from './state.ts';

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
    const willing = p.dmEngagementFloor + (1 - p.dmEngagementFloor) * a.engagement[i];
    if (g.rng.activation() < Math.min(1, p.dmSuccessBase * a.relevance[i] * tagBonus * willing)) {
      a.dmToday[i] = 1;
      a.dnd[i] = 0;
      a.dmBoostUntil[i] = d + p.dmBoostDays;
      // the answer to the admin's invitation: one message in the group tomorrow, at an hour of their rhythm
      if (d + 1 < g.horizon) {
        const row = (a.profile[i] * 2 + weekendOf(g, d + 1)) * 24;
        g.queue.push((d + 1) * MINUTES_PER_DAY + drawMinute(g.rng.activation, g.rhythms.hourCdf, row), EventType.Organic, i, 0);
      }
    }
  }
}
