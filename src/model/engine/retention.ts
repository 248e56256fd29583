/**
 * Retention: every way a member goes, and the way back (MODEL §4, §5;
 * PLAYBOOK §3–§5). Each night a present member leaves with the daily hazard
 *
 *   min(hmax, h₀ · (tenure + 1)^(k−1) · (1 + ties)^(−κ) · rule-change shock
 *     · dnd factor · exp(−c(e − ½)) · M(x)),
 *   x = w_overload · overload + w_ad · Aᵢ² (annoyance by count, engagement.ts),
 *   M(x) = 1 + (Mmax − 1)(1 − exp(−x / (Mmax − 1)))
 *
 * (the hazard falls with tenure; ties protect, Backstrom et al. 2006; a muted
 * member finds the group cheap to stay in; annoyance multiplies the hazard by
 * about e^x while small and never by more than Mmax, and no member's daily
 * chance of leaving exceeds hmax, so no lever has a cliff). A marketer muted on probation may
 * give up; the ladder removes repeat offenders; and win-back contacts those
 * who left within the week, a few of whom rejoin.
 */
import { exp } from '../detmath.ts';
import type { Uniform } from '../rng.ts';
import { LEFT, PRESENT, REMOVED } from '../members.ts';
import { capacityOf, clamp01, setPresence, work } from './actions.ts';
import { startEngagement } from './admission.ts';
import { MAX_TIES_TABLED, type GroupState } from './state.ts';

/** The saturating annoyance multiplier M(x). */
export function annoyanceMultiplier(max: number, x: number): number {
  return max > 1 ? 1 + (max - 1) * (1 - exp(-x / (max - 1))) : 1;
}

/** The nightly leaving draw (MODEL §4), after engagement and attention are updated. */
export function decideLeaving(g: GroupState, i: number, overload: number, annoyanceSquared: number): void {
  const a = g.members.a;
  const p = g.params;
  const t = g.tables;
  const tenure = g.day - a.joinDay[i];
  const ties = a.ties[i] < MAX_TIES_TABLED ? a.ties[i] : MAX_TIES_TABLED;
  const muted = a.dnd[i] === 1;
  const x = p.leaveOverloadWeight * overload + p.leaveAdWeight * annoyanceSquared;
  const annoyance = x > 0 ? annoyanceMultiplier(p.annoyanceMax, x) : 1;
  const hazard = p.leaveHazardBase * t.tenureFactor[tenure] * t.tiesFactor[ties] * g.today.leaveShock * (muted ? p.dndLeaveFactor : 1)
    * t.engagementProtection.at(a.engagement[i]) * annoyance;
  if (g.rng.daily() < Math.min(p.leaveHazardMax, hazard)) leave(g, i);
}

/** A marketer muted on probation cannot advertise and may give up (§3 probation blocks early ads). */
export function giveUpOnProbation(g: GroupState, i: number, u: Uniform): void {
  if (g.members.a.marketer[i] && u() < g.params.probationMarketerQuitPerDay) leave(g, i);
}

export function leave(g: GroupState, i: number): void {
  const a = g.members.a;
  setPresence(g, i, LEFT);
  g.chat?.system(i, 'left');
  a.leftDay[i] = g.day;
  a.contacted[i] = 0;
  g.series.leaves[g.day]++;
}

/** Removed by the ladder (enforcement.ts decides when); retention leaves them out (MODEL §7). */
export function remove(g: GroupState, i: number): void {
  setPresence(g, i, REMOVED);
  g.chat?.system(i, 'removed');
  g.cohortRemoved[g.members.a.cohortDay[i]]++;
  g.members.a.leftDay[i] = g.day;
  g.series.removals[g.day]++;
}

/** Win-back reaches members who left within this many days: "within the week" (MODEL §4, §5 离群回访). */
export const WIN_BACK_DAYS = 7;

/** The team contacts members who left within the week; a few rejoin (MODEL §4, §5 离群回访). */
export function winBack(g: GroupState): void {
  const a = g.members.a;
  const d = g.day;
  // Keep only departures of the last WIN_BACK_DAYS days on the list.
  let kept = 0;
  for (const i of g.recentlyLeft) if (a.presence[i] === LEFT && d - a.leftDay[i] < WIN_BACK_DAYS) g.recentlyLeft[kept++] = i;
  g.recentlyLeft.length = kept;
  if (!g.scenario.activation.winBack) return;
  const p = g.params;
  const cap = capacityOf(g);
  for (const i of [...g.recentlyLeft]) {
    if (a.contacted[i] || a.marketer[i]) continue;
    a.contacted[i] = 1;
    work(g, 'winBack');
    if (g.groupSize < cap && g.rng.activation() < p.winBackShare) {
      setPresence(g, i, PRESENT);
      g.chat?.system(i, 'rejoined');
      a.engagement[i] = clamp01(startEngagement(g, a.archetype[i]) * p.winBackEngagementFactor);
      a.joinDay[i] = d;
      a.dnd[i] = 0;
      a.spokeMask[i] = 0;
      g.series.joins[d]++;
    }
  }
}
