/**
 * Engagement and attention each night (MODEL §4): e ← clamp(e + replies
 * received (a reply to a first message most) + valuable content read ×
 * relevance + recognition + a successful DM − overload − ad exposure (convex in
 * the ad share, felt only as far as the member reads) − ignored posts (a first
 * message most) − penalties − notices and rule changes − mean reversion toward
 * a baseline set by relevance and values fit). Annoyance mutes before it drives
 * out: overload and ads switch members to do-not-disturb, where they see
 * little, which they may later turn off.
 */
import { clamp01 } from './actions.ts';
import type { GroupState } from './state.ts';

/** What the whole group felt today, the same for every member. */
export interface Tonight {
  /** The ad share members feel, squared (Dasgupta et al. 2012: convex). */
  readonly adSquared: number;
  /** Engagement every member loses today: @all notices, rule changes. */
  readonly groupCost: number;
}

/** The day's ad share (every ad posted today, over every message) joins the moving average; the group-wide costs of the day. */
export function tonight(g: GroupState): Tonight {
  const p = g.params;
  const today = g.today;
  const todayAdShare = today.messages > 0 ? today.ads / today.messages : 0;
  g.adShare = p.adShareMemory * g.adShare + (1 - p.adShareMemory) * todayAdShare;
  const adSquared = g.adShare * g.adShare;
  const groupCost = p.publicNoticeEngagementCost * today.notices + today.ruleCost;
  return { adSquared, groupCost };
}

/** Overload: messages seen today beyond the member's tolerance, relative (0 when within it). */
export function overloadOf(g: GroupState, i: number): number {
  const a = g.members.a;
  const read = a.dnd[i] ? g.params.dndReadFactor : 1;
  return Math.max(0, (g.today.messages * read) / a.tolerance[i] - 1);
}

/** One member's engagement after the day (MODEL §4). */
export function updateEngagement(g: GroupState, i: number, night: Tonight, overload: number): void {
  const a = g.members.a;
  const p = g.params;
  const read = a.dnd[i] ? p.dndReadFactor : 1;
  const replies = a.repliesToday[i] < p.repliesCountedPerDay ? a.repliesToday[i] : p.repliesCountedPerDay;
  const valuable = Math.min(g.today.valuable * read, p.valuableCountedPerDay);
  const ignored = a.ignoredToday[i] < p.ignoredCountedPerDay ? a.ignoredToday[i] : p.ignoredCountedPerDay;
  let e = a.engagement[i];
  e += p.replyLift * replies
    + (a.welcomedToday[i] ? p.newcomerReplyLift : 0)
    + p.contentLift * valuable * a.relevance[i]
    + a.recognitionToday[i]
    + (a.dmToday[i] ? p.dmLift : 0)
    - p.overloadCost * overload
    - p.adExposureCost * night.adSquared * read
    - p.ignoredCost * ignored
    - (a.firstIgnoredToday[i] ? p.newcomerIgnoredCost : 0)
    - (a.penalisedToday[i] ? p.penaltyCost : 0)
    - night.groupCost
    - p.meanReversion * (e - a.baseline[i]);
  a.engagement[i] = clamp01(e);
}

/**
 * Overload and ads mute more members than they drive out (survey: 74.6 % mute,
 * 38.4 % leave); the engaged mute least, so a core keeps trading in a busy group.
 */
export function updateAttention(g: GroupState, i: number, night: Tonight, overload: number): void {
  const a = g.members.a;
  const p = g.params;
  const u = g.rng.daily;
  if (!a.dnd[i]) {
    const annoyance = p.dndSwitchRate * overload + p.dndAdRate * night.adSquared;
    if (annoyance > 0 && u() < Math.min(p.dndSwitchMax, annoyance * (1 - a.engagement[i]))) {
      a.dnd[i] = 1;
      g.chat?.system(i, 'dnd');
    }
  } else if (p.dndRevertPerDay > 0 && u() < p.dndRevertPerDay) {
    a.dnd[i] = 0;
  }
}
