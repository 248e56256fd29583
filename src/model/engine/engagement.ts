/**
 * Engagement and attention each night (MODEL §4): e ← clamp(e + replies
 * received (a reply to a first message most) + valuable content read ×
 * relevance + recognition + what DMs gave or cost − overload − annoyance²
 * − ignored posts (a first message most) − penalties − notices and rule
 * changes − mean reversion toward a baseline set by relevance, values fit and
 * reply ties). Annoyance mutes before it drives out: overload and annoyance
 * switch members to do-not-disturb, where they see little, which they may
 * later turn off.
 *
 * Annoyance by count (MODEL v3 §4): what a member felt today is
 *
 *   Aᵢ = unwanted · readᵢ / (T · (1 + o · valueᵢ)),
 *   valueᵢ = min(valuable · readᵢ, V) · relevanceᵢ + min(repliesᵢ, R)
 *
 * — the ads, promotions and violations they saw, against what they take and the
 * value they got — smoothed over days. It counts messages, not a share of
 * them, so a quiet group with one ad is not an ad channel.
 */
import { clamp01 } from './actions.ts';
import { MAX_TIES_TABLED, type GroupState } from './state.ts';

/** Engagement every member loses tonight: @all notices, rule changes. */
export function groupCostTonight(g: GroupState): number {
  return g.params.publicNoticeEngagementCost * g.today.notices + g.today.ruleCost;
}

/** Overload: messages seen today beyond the member's tolerance, relative (0 when within it). */
export function overloadOf(g: GroupState, i: number): number {
  const a = g.members.a;
  const read = a.dnd[i] ? g.params.dndReadFactor : 1;
  return Math.max(0, (g.today.messages * read) / a.tolerance[i] - 1);
}

/** Replies received today that count (diminishing returns). */
function repliesCounted(g: GroupState, i: number): number {
  const replies = g.members.a.repliesToday[i];
  const cap = g.params.repliesCountedPerDay;
  return replies < cap ? replies : cap;
}

/** Valuable posts read today that count (diminishing returns). */
function valuableRead(g: GroupState, read: number): number {
  return Math.min(g.today.valuable * read, g.params.valuableCountedPerDay);
}

/** Tonight's annoyance of member i, smoothed over days (see the header); returns it squared (convex, Dasgupta et al. 2012). */
export function feelAnnoyance(g: GroupState, i: number): number {
  const a = g.members.a;
  const p = g.params;
  const read = a.dnd[i] ? p.dndReadFactor : 1;
  const value = valuableRead(g, read) * a.relevance[i] + repliesCounted(g, i);
  const today = (g.today.unwanted * read) / (p.adTolerance * (1 + p.annoyanceValueOffset * value));
  const felt = p.annoyanceMemory * a.annoyance[i] + (1 - p.annoyanceMemory) * today;
  a.annoyance[i] = felt;
  return felt * felt;
}

/** One member's engagement after the day (MODEL §4). */
export function updateEngagement(g: GroupState, i: number, groupCost: number, overload: number, annoyanceSquared: number): void {
  const a = g.members.a;
  const p = g.params;
  const read = a.dnd[i] ? p.dndReadFactor : 1;
  const ignored = a.ignoredToday[i] < p.ignoredCountedPerDay ? a.ignoredToday[i] : p.ignoredCountedPerDay;
  const ties = a.ties[i] < MAX_TIES_TABLED ? a.ties[i] : MAX_TIES_TABLED;
  let e = a.engagement[i];
  e += p.replyLift * repliesCounted(g, i)
    + (a.welcomedToday[i] ? p.newcomerReplyLift : 0)
    + p.contentLift * valuableRead(g, read) * a.relevance[i]
    + a.recognitionToday[i]
    + a.dmToday[i]
    - p.overloadCost * overload
    - p.adExposureCost * annoyanceSquared
    - p.ignoredCost * ignored
    - (a.firstIgnoredToday[i] ? p.newcomerIgnoredCost : 0)
    - (a.penalisedToday[i] ? p.penaltyCost : 0)
    - groupCost
    - p.meanReversion * (e - a.baseline[i] - g.tables.tieBaseline[ties]);
  a.engagement[i] = clamp01(e);
}

/**
 * Overload and annoyance mute more members than they drive out (survey: 74.6 %
 * mute, 38.4 % leave); the engaged mute least, so a core keeps trading in a busy group.
 */
export function updateAttention(g: GroupState, i: number, overload: number, annoyanceSquared: number): void {
  const a = g.members.a;
  const p = g.params;
  const u = g.rng.daily;
  if (!a.dnd[i]) {
    const annoyance = p.dndSwitchRate * overload + p.dndAdRate * annoyanceSquared;
    if (annoyance > 0 && u() < Math.min(p.dndSwitchMax, annoyance * (1 - a.engagement[i]))) {
      a.dnd[i] = 1;
      g.chat?.system(i, 'dnd');
    }
  } else if (p.dndRevertPerDay > 0 && u() < p.dndRevertPerDay) {
    a.dnd[i] = 0;
  }
}
