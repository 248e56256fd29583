/**
 * Members' own messages (MODEL §3.2, §3.5): each member's daily Poisson count,
 * lifted or damped by how lively the group has been (critical mass) and by the
 * member's active or quiet spell, split over the hours by rhythm; each
 * message's kind when it happens (filler, question, 干货 share, chat) and whether it is effective;
 * each can start a reply cascade (cascades.ts).
 *
 * Hourly Poisson activity is drawn as one Poisson count per member-day split
 * over the hours by the member's rhythm: by Poisson splitting this is the same
 * distribution as one Poisson draw per hour, at a twenty-fourth of the cost.
 * Mutes that begin mid-day thin the messages after them.
 */
import { poisson } from '../rng.ts';
import { pow } from '../detmath.ts';
import { EventType } from '../events.ts';
import { chatEffective, drawMinute, post } from './actions.ts';
import { spawnReplies } from './cascades.ts';
import { offenceDamping, planViolations } from './enforcement.ts';
import { tieStrength } from './activation.ts';
import { competitionNudge, withPointsBoost } from './incentives.ts';
import { planMarketerAds } from './promotions.ts';
import { giveUpOnProbation } from './retention.ts';
import { scheduleAnswer } from './questions.ts';
import { MINUTES_PER_DAY, type GroupState } from './state.ts';

/**
 * Critical mass (MODEL §3.2): members post more where others have posted
 * lately. L(d) = ((ε + A/A*) / (ε + 1))^β, capped at Lmax, where A is member
 * messages per member-day over the last few days, counting only members who
 * could speak (not on probation). Without such a past (day 0, or everyone on
 * probation) L = 1.
 */
export function livelinessToday(g: GroupState): number {
  const p = g.params;
  const d = g.day;
  const days = Math.min(d, Math.max(1, Math.round(p.livelinessDays)));
  let messages = 0;
  let memberDays = 0;
  for (let k = d - days; k < d; k++) {
    messages += g.series.memberMessages[k];
    memberDays += g.speakersAllowed[k];
  }
  if (memberDays === 0) return 1;
  const perMember = messages / memberDays;
  const relative = (p.livelinessFloor + perMember / p.livelinessReference) / (p.livelinessFloor + 1);
  return Math.min(p.livelinessMax, pow(relative, p.livelinessExponent));
}

/** Members' own messages for the day: Poisson(λᵢ) split over the hours by rhythm (MODEL §3.2). */
export function planMemberMessages(g: GroupState): void {
  const a = g.members.a;
  const p = g.params;
  const d = g.day;
  const u = g.rng.activity;
  const { hourCdf, dayFactor } = g.rhythms;
  const damping = offenceDamping(g);
  const liveliness = livelinessToday(g);
  // the defaults are calibrated on a typical group (need 1): a group that needs less posts less, one that needs more
  // gets posts the team did not draw (MODEL v3 §3.2)
  const needDamping = g.need < 1 ? Math.sqrt(g.need) : 1;
  const needShare = g.need > 1 ? p.needPostShare * (g.need - 1) : 0;
  const needHalf2 = p.needTieHalf * p.needTieHalf;
  for (let k = 0; k < g.presentCount; k++) {
    const i = g.present[k];
    if (d < a.probationUntil[i]) {
      giveUpOnProbation(g, i, u); // muted newcomers cannot post; a marketer among them may give up (§3)
      continue;
    }
    const e = a.engagement[i];
    const boost = withPointsBoost(g, i, 1) + a.hookBoost[i];
    const row = a.profile[i] * 2 + g.weekend;
    // do-not-disturb mutes notifications, not the member's own speech (MODEL v3 §4)
    const spell = a.activeSpell[i] ? a.spellOn[i] : a.spellOff[i];
    let lambda = a.rate[i] * dayFactor[row] * g.tables.engagementPower.at(e) * boost * spell * liveliness * needDamping;
    // a DM that persuaded lifts the member's own posting, as far as their tie to the team goes (MODEL v3 §4)
    if (d <= a.dmBoostUntil[i]) lambda *= 1 + p.dmPostLift * tieStrength(g, i);
    lambda += competitionNudge(g, i, e);
    // what members need from the group brings them back whatever their engagement, where someone has answered them (MODEL v3 §3.2)
    if (needShare > 0) {
      const t2 = a.ties[i] * a.ties[i];
      lambda += needShare * a.rate[i] * dayFactor[row] * spell * t2 / (t2 + needHalf2);
    }
    const n = poisson(u, lambda);
    for (let m = 0; m < n; m++) g.queue.push(d * MINUTES_PER_DAY + drawMinute(u, hourCdf, row * 24), EventType.Organic, i, 0);
    if (a.marketer[i]) planMarketerAds(g, i, row, damping);
    if (a.violationRate[i] > 0) planViolations(g, i, row, damping);
  }
}

/** A member's own message: its kind (MODEL §3.5), then its consequences. */
export function onOrganicMessage(g: GroupState, i: number, _ref: number, time: number): void {
  const a = g.members.a;
  const p = g.params;
  const s = g.scenario;
  let u = g.rng.kinds();
  if (s.incentives.points === 'message' && a.responsive[i]) {
    // points per message invite filler from those who chase them (MODEL §3.5)
    if (u < p.fillerShare) {
      const k = post(g, i, 'filler', false, false, time);
      spawnReplies(g, k, i, time, p.lowValueReplyFactor);
      return;
    }
    u = (u - p.fillerShare) / (1 - p.fillerShare);
  }
  const questionShare = s.group.positioning === 'customer_service' ? p.questionShareService
    : s.group.positioning === 'resource_matching' ? p.questionShareResource : p.questionShareKnowledge;
  if (u < questionShare) {
    const k = post(g, i, 'question', true, true, time);
    g.series.questions[g.day]++;
    scheduleAnswer(g, k, i, time);
    spawnReplies(g, k, i, time, 1);
    return;
  }
  const shareChance = (a.archetype[i] === 0 ? p.shareBaseCore : p.shareBaseOther) * a.relevance[i];
  if (u < questionShare + shareChance) {
    const k = post(g, i, 'share', true, true, time);
    g.today.valuable++;
    g.series.valuablePosts[g.day]++;
    spawnReplies(g, k, i, time, 1);
    return;
  }
  const k = post(g, i, 'chat', chatEffective(g, i), true, time);
  spawnReplies(g, k, i, time, 1);
}
