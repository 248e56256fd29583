/**
 * Incentives (MODEL §4, PLAYBOOK §4–§5): points lift the posting of the members
 * who respond to them, more so near the next title (goal gradient); a team
 * points competition pulls in members who have not spoken this week. Points and
 * titles are awarded as messages are posted (actions.ts `award`); chain rewards
 * run as chains (topics.ts).
 */
import type { GroupState } from './state.ts';

/** `boost` plus what points add for this member: only the ~20 % who respond to them (Hoernle et al. 2020). */
export function withPointsBoost(g: GroupState, i: number, boost: number): number {
  const a = g.members.a;
  const p = g.params;
  if (g.scenario.incentives.points === 'none' || !a.responsive[i]) return boost;
  boost += p.pointsBoost;
  const next = g.scenario.incentives.titleThresholds[a.title[i]];
  if (next !== undefined && a.points[i] >= p.goalGradientWindow * next) boost += p.goalGradientBoost;
  return boost;
}

/**
 * Messages a day teammates draw from a member silent since the week began (§5
 * team competitions), as talkative as they are (MODEL §3.3: low-rate members stay
 * quiet whatever is done to draw them in).
 */
export function competitionNudge(g: GroupState, i: number, engagement: number): number {
  if (!g.scenario.incentives.teamCompetition) return 0;
  const weekStart = g.day - (g.day % 7);
  const a = g.members.a;
  return a.lastSpoke[i] < weekStart ? g.params.competitionNudgePerDay * engagement * a.talkativeness[i] : 0;
}
