/**
 * Each morning's roll call: who is present (the team apart), their daily
 * counters reset, who may reply or answer today and how readily (engaged,
 * attentive, talkative and, for answers, relevant members), yesterday's posts
 * that nobody answered (a first message among them costs its author more), and
 * the group's mood, which scales reply cascades.
 */
import { PRESENT } from '../members.ts';
import type { GroupState } from './state.ts';

/**
 * Bursty members (MODEL v3 §3.2): each member is in an active or a quiet spell,
 * a two-state Markov chain by day with stationary share π of active days and
 * persistence ρ: P(active tomorrow | active) = π + ρ(1 − π), P(active | quiet) =
 * π(1 − ρ). A quiet day posts at m_off of the member's mean, an active one at
 * m_on = (1 − (1 − π)·m_off)/π, so the mean rate is unchanged and daily counts
 * are over-dispersed (Fano = 1 + λ·Var m). Heavy posters are the bursty ones:
 * the spell's depth grows with the member's rate, full at `spellFullRate`, so
 * m_off = 1 − (1 − activeOffFactor) · min(1, rate / spellFullRate); a member who
 * says one line a week says it in any week. The spell scales how readily the
 * member replies and answers too: a quiet day is quiet in every way.
 */
export function spellFactors(p: GroupState['params'], rate: number): { on: number; off: number } {
  const off = 1 - (1 - p.activeOffFactor) * Math.min(1, rate / p.spellFullRate);
  return { on: (1 - (1 - p.activeOnShare) * off) / p.activeOnShare, off };
}

export function rollCall(g: GroupState): void {
  const members = g.members;
  const a = members.a;
  const p = g.params;
  if (g.present.length < members.count) g.present = new Int32Array(members.capacity);
  g.presentCount = 0;
  let engagementSum = 0;
  g.replyPicker.reset(members.capacity);
  g.answerPicker.reset(members.capacity);
  const boostLeft = p.hookBoostDecay;
  const dmMemory = p.dmWearinessDecay;
  const u = g.rng.activity;
  const stayActive = p.activeOnShare + p.activePersistence * (1 - p.activeOnShare);
  const becomeActive = p.activeOnShare * (1 - p.activePersistence);
  for (let i = 0; i < members.count; i++) {
    if (a.presence[i] !== PRESENT || a.isTeam[i]) continue;
    g.present[g.presentCount++] = i;
    // a new day for the member's own counters (only present members' are ever read)
    a.spokeMask[i] = a.spokeMask[i] << 1 >>> 0;
    a.repliesToday[i] = 0;
    a.penalisedToday[i] = 0;
    a.recognitionToday[i] = 0;
    a.dmToday[i] = 0;
    a.messagesToday[i] = 0;
    a.daysPresent[i]++;
    a.dmWeariness[i] *= dmMemory; // DMs are remembered for weeks (MODEL v3 §4)
    a.ignoredToday[i] = 0;
    a.welcomedToday[i] = 0;
    a.firstIgnoredToday[i] = 0;
    a.hookBoost[i] *= boostLeft; // a burst's blip fades over a day or two (MODEL §3.8)
    a.activeSpell[i] = u() < (a.activeSpell[i] ? stayActive : becomeActive) ? 1 : 0;
    const attention = a.dnd[i] ? p.dndReadFactor : 1;
    const attentive = a.engagement[i] * attention * (a.activeSpell[i] ? a.spellOn[i] : a.spellOff[i]);
    engagementSum += a.engagement[i];
    if (g.day < a.probationUntil[i]) continue;
    g.speakersAllowed[g.day]++;
    // Talkative members reply and answer more: rate/(rate + rate½) (MODEL §3.3).
    const talkative = a.talkativeness[i];
    g.replyPicker.add(i, a.profile[i], attentive * talkative);
    g.answerPicker.add(i, a.profile[i], attentive * talkative * a.relevance[i]);
  }
  // Posts of yesterday that nobody answered discourage their authors; an ignored first message most (MODEL §4).
  if (g.day > 0) {
    const log = g.messages;
    for (let k = g.dayFirstMessage[g.day - 1]; k < g.dayFirstMessage[g.day]; k++) {
      if (!log.starter[k] || log.replied[k]) continue;
      const author = log.author[k];
      a.ignoredToday[author]++;
      if (a.firstMessage[author] === k && !a.isTeam[author]) a.firstIgnoredToday[author] = 1;
    }
  }
  // Group mood scales the reply cascade (MODEL §3.4): mean engagement of present members.
  g.mood = g.presentCount ? engagementSum / g.presentCount : 0;
}
