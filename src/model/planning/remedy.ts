/**
 * One remedy and how it is judged: its effects on every goal from the
 * current strategy's runs and its own (paired), its ranking value, what it
 * costs the other goals, the team's service, hours and answers, and the
 * settings it puts in the editor. The diagnosis (diagnose.ts) ranks and lists
 * them; the moves it tries are in diagnosis-moves.ts.
 */
import type { Summary, SummaryKey } from '../metrics.ts';
import { goalsOf, meetsAll, meetsGoal, RELIABLY_MET, shortfall, type Threshold } from '../playbook.ts';
import type { Scenario } from '../scenario.ts';
import { quantileSorted, wilson } from '../stats.ts';
import { medianAnswer } from './goal-seek.ts';
import { advicePosition, breachesOf, type Breach } from './guardrails.ts';
import { isWindowLever, leverAt, WINDOW_PATH, type Lever, type Setting } from './levers.ts';

/** A move must raise a goal's chance by at least this much to be suggested for it. */
export const WORTH_SUGGESTING = 0.05;
/** A move against the playbook ranks below a playbook-consistent one unless it is better by more than this (a share of runs). */
export const PLAYBOOK_MARGIN = 0.05;
/** Beside the chance of meeting every goal, how far runs fall short of them steers the ranking (small: the chance dominates). */
const SHORTFALL_WEIGHT = 0.05;

export interface Move {
  readonly path: string;
  readonly from: number;
  readonly to: number;
}

/** What a remedy does to one goal. */
export interface GoalEffect {
  readonly metric: SummaryKey;
  /** Share of runs meeting the goal, current → with the remedy. */
  readonly metShare: readonly [before: number, after: number];
  /** Paired median difference of the goal's KPI (with the remedy − current). */
  readonly kpiChange: number;
  /** Mean relative shortfall from the goal (0 = met in every run), current → with the remedy. */
  readonly shortfall: readonly [before: number, after: number];
}

/** One move or a pair of moves, with what it does to every goal. */
export interface Remedy {
  readonly moves: readonly Move[];
  readonly runs: number;
  /** Share of runs meeting every goal, current → with the remedy, and the 90 % interval of the latter (Wilson). */
  readonly allGoals: readonly [before: number, after: number];
  readonly allGoalsInterval: readonly [number, number];
  readonly goals: readonly GoalEffect[];
  /** Median team hours per week, current → with the remedy (what it costs the team). */
  readonly hours: readonly [before: number, after: number];
  /** The playbook's guardrails the remedy leaves (empty: it keeps to the playbook). */
  readonly breaches: readonly Breach[];
  /**
   * How long questions wait: the median over runs of each run's median first
   * answer, in minutes, current → with the remedy (null when no question was
   * answered; absent in results saved before it).
   */
  readonly answerMinutes?: readonly [before: number, after: number] | null;
  /**
   * Re-run on fresh runs the search never saw (the figures above are then
   * those runs'): the paired difference in the share meeting every goal, with
   * its 90 % interval, and whether that interval is above 0 (confirmed); and
   * the same for each goal alone (`goals`: what a section under a missed goal
   * confirms; absent in results saved before it).
   */
  readonly check?: {
    readonly firstRun: number; readonly difference: number; readonly interval: readonly [number, number]; readonly confirmed: boolean;
    readonly goals?: readonly GoalCheck[];
  };
}

/** A remedy's check on one goal: the paired difference in the share of fresh runs meeting it, with its 90 % interval. */
export interface GoalCheck {
  readonly metric: SummaryKey;
  readonly difference: number;
  readonly interval: readonly [number, number];
  readonly confirmed: boolean;
}

export const share = (list: readonly Summary[], test: (s: Summary) => boolean) => list.filter(test).length / list.length;

function pairedMedian(a: readonly Summary[], b: readonly Summary[], key: SummaryKey): number {
  const diffs: number[] = [];
  b.forEach((s, r) => {
    const x = a[r][key];
    const y = s[key];
    if (x !== null && y !== null) diffs.push(y - x);
  });
  return diffs.length ? quantileSorted(Float64Array.from(diffs).sort(), 0.5) : 0;
}

const meanShortfall = (list: readonly Summary[], g: Threshold) => list.reduce((sum, s) => sum + shortfall(g, s[g.metric]), 0) / list.length;

/** A remedy's effects from the current strategy's runs and its own (the same run indices; `after` may be the first runs only). */
export function remedyOf(base: Scenario, moves: readonly Move[], current: readonly Summary[], after: readonly Summary[]): Remedy {
  const goals = goalsOf(base);
  const before = current.slice(0, after.length);
  const hits = after.filter((s) => meetsAll(goals, s)).length;
  return {
    moves,
    runs: after.length,
    allGoals: [share(before, (s) => meetsAll(goals, s)), hits / after.length],
    allGoalsInterval: wilson(hits, after.length),
    goals: goals.map((g) => ({
      metric: g.metric,
      metShare: [share(before, (s) => meetsGoal(g, s[g.metric])), share(after, (s) => meetsGoal(g, s[g.metric]))],
      kpiChange: pairedMedian(before, after, g.metric),
      shortfall: [meanShortfall(before, g), meanShortfall(after, g)],
    })),
    hours: [medianHours(before), medianHours(after)],
    breaches: breachesOf(moves.map((m): Setting => [m.path, m.to]), base),
    answerMinutes: medianAnswer(before, after),
  };
}

/**
 * Answers slower by enough to say so: the median first answer later by at
 * least a minute and a tenth (judgement: smaller shifts are the runs' noise
 * when a move does not touch the team). The cost is stated wherever the move
 * or recommendation is shown ("questions wait longer: median first answer
 * 12 → 31 min"); the playbook sets no answer time outside customer service.
 */
export const SLOWER_ANSWERS = { minutes: 1, share: 0.1 } as const;
export const answersSlower = (wait: readonly [number, number] | null | undefined): wait is readonly [number, number] =>
  wait !== null && wait !== undefined && wait[1] - wait[0] >= Math.max(SLOWER_ANSWERS.minutes, SLOWER_ANSWERS.share * wait[0]);

const medianHours = (list: readonly Summary[]) => quantileSorted(Float64Array.from(list, (s) => s.teamHoursPerWeek ?? 0).sort(), 0.5);

/** The ranking value: the chance of meeting every goal, less a margin for leaving the playbook, steered by how far runs fall short. */
export function rankValue(r: Remedy): number {
  const shortfallAfter = r.goals.reduce((s, g) => s + g.shortfall[1], 0) / Math.max(1, r.goals.length);
  return r.allGoals[1] - (r.breaches.length ? PLAYBOOK_MARGIN : 0) - SHORTFALL_WEIGHT * shortfallAfter;
}

/**
 * Moves that lower the team's service: slower answers, less enforcement, fewer
 * admins than the playbook's 3 (§3). An operator does not do the job worse on
 * a hunch: such a move is listed only when fresh runs confirm it with a clear
 * gain (SERVICE_GAIN) in the chance of meeting every goal.
 */
export const LOWERS_SERVICE: readonly { readonly path: string; readonly worse: 'up' | 'down'; readonly below?: number }[] = [
  { path: 'team.replyMinutes', worse: 'up' },
  { path: 'penalties.detection', worse: 'down' },
  { path: 'penalties.enabled', worse: 'down' },
  { path: 'team.admins', worse: 'down', below: 3 },
];
/** The confirmed gain (a share of runs, the fresh runs' paired difference) a move that lowers the team's service must show. */
export const SERVICE_GAIN = 0.1;

/** Whether a remedy lowers the team's service (LOWERS_SERVICE). */
export function lowersService(r: Remedy): boolean {
  return r.moves.some((m) => LOWERS_SERVICE.some((l) => l.path === m.path
    && (l.worse === 'up' ? m.to > m.from : m.to < m.from) && (l.below === undefined || m.to < l.below)));
}

/** A move that lowers the team's service without a confirmed clear gain is not shown. */
export const serviceJustified = (r: Remedy) => !lowersService(r) || (r.check !== undefined && r.check.confirmed && r.check.difference >= SERVICE_GAIN);

/** Whether a remedy moves a goal's own KPI the right way (a band: closer to it), not only its share met. */
export function improvesGoal(e: GoalEffect, g: Threshold): boolean {
  if (g.direction === 'between') return e.shortfall[1] < e.shortfall[0];
  return g.direction === 'atLeast' || g.direction === 'above' ? e.kpiChange > 0 : e.kpiChange < 0;
}

/**
 * A band goal left on its upper side (more than 15 messages a day in a
 * knowledge group): it still counts against every goal at once, but an
 * operator reads a busier group as lively, not harmed — a note, not a cost.
 */
const busier = (g: GoalEffect, goals: readonly Threshold[]) => g.kpiChange > 0 && goals.find((t) => t.metric === g.metric)?.direction === 'between';

const worse = (g: GoalEffect) => g.metShare[0] - g.metShare[1] >= WORTH_SUGGESTING || g.shortfall[1] - g.shortfall[0] >= WORTH_SUGGESTING;

/** Other goals a remedy costs: met less often by WORTH_SUGGESTING, or missed by more (mean shortfall up by as much), missed already or not; a busier band is a note (`notesOf`), not a cost. */
export function costsOf(r: Remedy, goals: readonly Threshold[], except?: SummaryKey): GoalEffect[] {
  return r.goals.filter((g) => g.metric !== except && worse(g) && !busier(g, goals));
}

/** Band goals a remedy leaves on their upper side more often (busier than the playbook's 5–15 messages a day). */
export function notesOf(r: Remedy, goals: readonly Threshold[], except?: SummaryKey): GoalEffect[] {
  return r.goals.filter((g) => g.metric !== except && worse(g) && busier(g, goals));
}

/** Goals a remedy makes met more often, by WORTH_SUGGESTING or more. */
export function gainsOf(r: Remedy, except?: SummaryKey): GoalEffect[] {
  return r.goals.filter((g) => g.metric !== except && g.metShare[1] - g.metShare[0] >= WORTH_SUGGESTING);
}

/** A remedy's check on one goal (absent: not checked, or a result saved before goals were checked one by one). */
export const goalCheckOf = (r: Remedy, metric: SummaryKey): GoalCheck | undefined => r.check?.goals?.find((g) => g.metric === metric);

/**
 * Team hours a remedy may add without fixing a missed goal (judgement): half
 * an hour a week, or a quarter more. A move that nearly triples the hours
 * (customer service: DMs 0 → 3, 2 h → 5.6 h a week) to lift a goal already met
 * in ≥ 80 % of runs is not advice: it is listed only when it raises a goal
 * that is missed (met in < 80 % of runs) by WORTH_SUGGESTING or more.
 */
export const EXTRA_HOURS = { hours: 0.5, share: 0.25 } as const;
export function hoursJustified(r: Remedy, base: Scenario, current: readonly Summary[]): boolean {
  const added = r.hours[1] - r.hours[0];
  if (added < Math.max(EXTRA_HOURS.hours, EXTRA_HOURS.share * r.hours[0])) return true;
  const goals = goalsOf(base);
  return gainsOf(r).some((e) => {
    const g = goals.find((t) => t.metric === e.metric)!;
    return share(current, (s) => meetsGoal(g, s[g.metric])) < RELIABLY_MET;
  });
}

/**
 * Whether a remedy removes unwanted messages (fewer promotions, plain red
 * packets or a promotion's hook): daily messages falling below the band are
 * then the ads' absence, the group's own talk showing (§5: over-marketing
 * inflates activity falsely), said so where the cost is shown.
 */
export function removesAds(r: { readonly moves: readonly Move[] }): boolean {
  return r.moves.some((m) => ['content.promoPerWeek', 'content.redPacketsPerWeek', 'content.promoHook'].includes(m.path) && m.to < m.from);
}

/** The levers a remedy moves, the window's start and length as one (19:00–21:00 and 19:00–20:00 are one remedy's two versions). */
export const leverKey = (r: { readonly moves: readonly Move[] }): string => [...new Set(r.moves.map((m) => (isWindowLever(m.path) ? WINDOW_PATH : m.path)))].sort().join('&');

/** How far a remedy moves its levers from where they are or from the playbook's setting, whichever is nearer (shares of each lever's range, summed). */
export function reach(r: Remedy, base: Scenario): number {
  return r.moves.reduce((sum, m) => { const lever = leverAt(m.path); return lever ? sum + reachOf(lever, m.from, m.to, base) : sum; }, 0);
}

/** How far one move takes a lever from where it is or from the playbook's setting, whichever is nearer (a share of its range). */
export function reachOf(lever: Lever, from: number, to: number, base: Scenario): number {
  const advice = advicePosition(lever, base);
  const span = Math.max(1e-9, lever.max - lever.min);
  return Math.min(Math.abs(to - from), advice === undefined ? Infinity : Math.abs(to - advice)) / span;
}

/** The settings a remedy puts in the editor. */
export const settingsOfRemedy = (r: Remedy): Setting[] => r.moves.map((m): Setting => [m.path, m.to]);
