/**
 * Goal seek on the group model: the strategy, over levers and ranges the
 * planner picks, that maximises the chance that every goal is met with team
 * hours per week within a budget, or needs the fewest team hours for a chance
 * of at least p (optimize.ts does the search). By default it stays within the
 * playbook: each lever's range is narrowed to its guardrail (guardrails.ts),
 * and the search starts from the current strategy, the playbook strategy and
 * any points the planner brings (e.g. a sweep's best), and from the points of
 * the hours–chance frontier over the same levers (frontier.ts, run first).
 * The search's leaders and the frontier's points are then run on the same
 * fresh runs the search never saw (held-out run indices, as many as the
 * frontier's check): the recommendation is the best of them on those runs,
 * so it is never beaten on both hours and chance by a frontier point, and the
 * figures shown are those runs', paired with the current strategy.
 */
import { compareRuns, type PairedDifference } from '../compare.ts';
import { pairedMean, quantileSorted, wilson } from '../stats.ts';
import type { Summary } from '../metrics.ts';
import { goalsOf, meetsAll, type Threshold } from '../playbook.ts';
import type { Scenario } from '../scenario.ts';
import type { Executor } from './jobs.ts';
import { breachesOf, type Breach } from './guardrails.ts';
import type { Lever, Setting } from './levers.ts';
import { countingRuns, JobProgress } from './time-left.ts';
import { assess, expectedSearchRuns, keyOf, search, spaceSize, type Assessment, type Objective, type SearchStage } from './optimize.ts';
import { expectedFrontierRuns, expectedFrontierTried, frontOf } from './frontier.ts';
import { CONFIRM_FIRST_RUN, FRESH_RUNS, HOLDOUT_FIRST_RUN, runRecord, searchSpace } from './search-space.ts';

export { CONFIRM_FIRST_RUN, HOLDOUT_FIRST_RUN, runRecord, searchSpace } from './search-space.ts';

export interface GoalSeekOptions {
  readonly levers: readonly Lever[];
  readonly objective: Objective;
  readonly candidates?: number;
  readonly firstRuns?: number;
  readonly finalRuns?: number;
  /** Held-out runs for the check (default 200, as the frontier's; 0 skips it, and the frontier's points with it). */
  readonly checkRuns?: number;
  /** Points of the frontier run first, whose strategies the search starts from and the check weighs (default 10, as the frontier's; 0 skips it). */
  readonly frontierPoints?: number;
  /** Narrow every lever to its playbook guardrail (default true). */
  readonly withinPlaybook?: boolean;
  /** More strategies to start from, e.g. the best points of a sweep (settings of any of the levers; the others stay as they are). */
  readonly starts?: readonly (readonly Setting[])[];
  /** Generations of the global stage and the racing cap (defaults in optimize.ts). */
  readonly generations?: number;
  readonly maxRuns?: number;
  /** Progress over the whole job: the stage running, runs done and the runs expected in all (an estimate until the end). */
  readonly onProgress?: (stage: GoalSeekStage, done: number, total: number) => void;
}

/** Below this chance of meeting every goal, the best strategy found is said to leave the goals missed in most runs. */
export const WEAK_CHANCE = 0.5;

export type GoalSeekStage = 'frontier' | SearchStage | 'check';

export interface Candidate {
  readonly settings: readonly Setting[];
  readonly assessment: Assessment;
  /** The playbook guardrails the candidate's settings leave (empty: it keeps to the playbook). */
  readonly breaches: readonly Breach[];
}

export interface CheckSide {
  readonly chance: number;
  readonly interval: readonly [number, number];
  readonly medianCost: number;
  /** Mean relative shortfall from the goals (0 = every goal met in every run). */
  readonly shortfall: number;
}

export interface HeldOutCheck {
  readonly firstRun: number;
  readonly runs: number;
  /** Share of held-out runs meeting every goal, with a 90 % interval (Wilson). */
  readonly best: CheckSide;
  readonly start: CheckSide;
  /** Paired difference in that chance (best − current), with a 90 % interval. */
  readonly chanceDifference: { readonly mean: number; readonly interval: readonly [number, number] };
  /** Per goal: the paired difference of its KPI (median and p5–p95 over runs). */
  readonly goals: readonly { readonly threshold: Threshold; readonly difference: PairedDifference | null; readonly metShare: readonly [number, number] }[];
  readonly withinBudget: boolean | null;
  /**
   * How long questions wait on the held-out runs: the median over runs of each
   * run's median first answer (minutes), current → recommended; null when
   * either answered no question (absent in results saved before it). Shown as
   * a cost when answers are slower (diagnose.ts `answersSlower`).
   */
  readonly answerMinutes?: readonly [current: number, best: number] | null;
  /**
   * What the fresh runs say: `improves` (maximise: the paired difference's
   * interval is above 0; minimise: the chance holds and the hours fall),
   * `unclear` (a gain the interval does not confirm), `noGain` (no gain, or
   * the constraint fails on fresh runs: keep the current strategy), `closer`
   * (no run meets every goal either way, but the goals are missed by less).
   */
  readonly verdict: 'improves' | 'unclear' | 'noGain' | 'closer';
}

export interface GoalSeekResult {
  readonly kind: 'goalSeek';
  readonly scenario: string;
  readonly seed: number;
  readonly objective: Objective;
  readonly levers: readonly { readonly path: string; readonly min: number; readonly max: number; readonly current: number }[];
  readonly best: Candidate | null;
  readonly start: Candidate;
  readonly runnersUp: readonly Candidate[];
  readonly evaluations: number;
  /** Whether the search kept to the playbook's guardrails. */
  readonly withinPlaybook: boolean;
  /** The cheapest strategy tried (what a budget that nothing fits would have to be). */
  readonly cheapest: Candidate | null;
  /** Racing: the best told apart from the runner-up (90 % interval of the paired difference above 0), on this many runs. */
  readonly separated: boolean;
  readonly leaderRuns: number;
  /** Null when nothing was recommended or the best is the current strategy. The runs the recommendation was picked on (shared with the frontier). */
  readonly check: HeldOutCheck | null;
  /**
   * The recommendation against the current strategy on a second set of fresh
   * runs that picked nothing (`CONFIRM_FIRST_RUN`): the figures to trust and the
   * verdict shown. Null with `check`, or when only one set was run (results
   * saved before it).
   */
  readonly confirm?: HeldOutCheck | null;
  /**
   * When nothing fits the constraint: the cheapest strategy tried against the current one on the runs of the
   * confirmation (`CONFIRM_FIRST_RUN`), so its costs (goals met less often, slower answers) can be shown as a
   * recommendation's are. Null or absent when there is no cheapest, it is the current strategy, or no check ran.
   */
  readonly cheapestCheck?: HeldOutCheck | null;
  /** Strategies weighed on the fresh runs (the search's leaders, the frontier's points and the current one): the best of them on those runs is recommended. */
  readonly weighed: number;
}

/**
 * The best of the strategies weighed on the same fresh runs: within the budget
 * (maximise) the highest chance, then the fewest hours; with the chance
 * reached (minimise) the fewest hours, then the highest chance. No strategy
 * weighed has both fewer or equal hours and a higher chance on those runs
 * (nor the same chance with fewer hours). While no run meets every goal, the
 * one that misses the goals by least. Ties keep the order given (the current
 * strategy first: no change without a gain). Null when none is feasible.
 */
export function bestOnFresh(list: readonly Assessment[], objective: Objective): Assessment | null {
  const feasible = list.filter((a) => a.feasible);
  if (!feasible.length) return null;
  const order = (a: Assessment, b: Assessment) => (objective.kind === 'maxGoals'
    ? b.chance - a.chance || (a.chance === 0 ? a.meanShortfall - b.meanShortfall : 0) || a.medianCost - b.medianCost || a.meanShortfall - b.meanShortfall
    : a.medianCost - b.medianCost || b.chance - a.chance || a.meanShortfall - b.meanShortfall);
  return [...feasible].sort(order)[0];
}

export async function goalSeek(executor: Executor, base: Scenario, options: GoalSeekOptions): Promise<GoalSeekResult> {
  const goals = goalsOf(base);
  const keepToPlaybook = options.withinPlaybook ?? true;
  const checkRuns = options.checkRuns ?? FRESH_RUNS;
  const wanted = checkRuns > 0 ? options.frontierPoints ?? 10 : 0;
  const finalRuns = options.finalRuns ?? 80;
  // progress over the whole job, task by task: the runs done of the runs expected, re-estimated as each stage starts
  let stage: GoalSeekStage = wanted > 0 ? 'frontier' : 'screen';
  const job = new JobProgress((done, total) => options.onProgress?.(stage, done, total));
  let evaluations = 0;
  const counted = countingRuns(executor, (done) => { evaluations = done; job.runs(done); });
  const space = searchSpace(counted, base, options.levers, keepToPlaybook);
  const { levers, settingsOf, summaries, evaluator, start, playbook } = space;
  const brought = (options.starts ?? []).map((settings) => levers.map((l, i) => settings.find(([path]) => path === l.path)?.[1] ?? start[i]));
  const starts = keepToPlaybook ? [playbook, ...brought] : brought;
  // the runs the search and the check are expected to take from the start of the search on (optimize.ts), and the check's
  // (the search's best and runners-up that the frontier did not check: about 5 on knowledge sharing)
  const frontierOptions = { points: wanted, finalRuns, checkRuns };
  const size = spaceSize(levers);
  const fromFrontier = wanted > 0 ? expectedFrontierTried(levers, frontierOptions) : { tried: 0, checked: 0 };
  // (+ the confirmation of the recommendation and the current strategy on a second set of fresh runs)
  const checkAfter = checkRuns > 0 ? ((wanted > 0 ? Math.min(5, Math.max(0, size - fromFrontier.checked)) : 2) + 2) * checkRuns : 0;
  // after a frontier the search finds many of its candidates run already (all of them in a small space): the frontier's first runs
  const searchAfter = expectedSearchRuns(levers, { ...options, starts: starts.length + (wanted > 0 ? 0 : 1), made: wanted > 0 ? 12 * Math.min(1, fromFrontier.tried / size) : 0 });
  if (wanted > 0) job.expect(expectedFrontierRuns(levers, frontierOptions) + searchAfter + checkAfter);
  // 1. the hours–chance frontier over the same levers, as `sim frontier` draws it: its points are starts, and weighed at the end
  const front = wanted > 0
    ? (await frontOf(space, base, frontierOptions, { stage: () => { stage = 'frontier'; }, expect: (left) => job.expect(left + searchAfter + checkAfter) })).checked
    : [];
  // 2. the search (optimize.ts), from the current strategy, the playbook's, the planner's and the frontier's points
  const found = await search(evaluator, {
    dimensions: levers, start, objective: options.objective, seed: base.seed,
    starts: [...starts, ...front],
    candidates: options.candidates, firstRuns: options.firstRuns, finalRuns,
    generations: options.generations, maxRuns: options.maxRuns,
    onStage: (s, left) => { stage = s; job.expect(left + checkAfter); },
    madeRuns: space.madeRuns,
  });
  const candidate = (a: Assessment): Candidate => ({ settings: settingsOf(a.position), assessment: a, breaches: breachesOf(settingsOf(a.position), base) });
  // 3. the search's best and runners-up, the frontier's points and the current strategy on the same fresh runs: the best of them on those runs is recommended
  const leaders = [...(found.best ? [found.best] : []), ...found.runnersUp].map((a) => a.position);
  const weighed = [...new Map([start, ...leaders, ...front].map((p) => [keyOf(p), p])).values()];
  let best = found.best;
  let check: HeldOutCheck | null = null;
  let confirm: HeldOutCheck | null = null;
  let weighedOnFresh = 0;
  // (also when the search found nothing within the constraint: a frontier point may meet it on the fresh runs it shows)
  if (checkRuns > 0 && weighed.length > 1 && (found.best || front.length)) {
    weighedOnFresh = weighed.length;
    stage = 'check';
    // (+ the confirmation on a second set: the recommendation and the current strategy)
    job.expect(weighed.reduce((sum, p) => sum + Math.max(0, checkRuns - space.madeRuns(p, HOLDOUT_FIRST_RUN)), 0) + 2 * checkRuns);
    const fresh = await evaluator(weighed, HOLDOUT_FIRST_RUN, checkRuns);
    const onFresh = weighed.map((p, i) => assess(p, fresh[i], options.objective));
    const chosen = bestOnFresh(onFresh, options.objective);
    // none feasible on fresh runs: the search's best (if any), whose check says so
    const position = chosen?.position ?? found.best?.position;
    // the search's own assessment of the one chosen (its runs in the search), for "in the search"
    best = position ? [found.best, ...found.runnersUp, found.start].find((a) => a && keyOf(a.position) === keyOf(position))
      ?? assess(position, (await evaluator([position], 0, finalRuns))[0], options.objective) : null;
    if (position && keyOf(position) !== keyOf(start)) {
      const pair = [space.scenarioAt(start), space.scenarioAt(position)].map((p) => (p.ok ? p.scenario : base));
      const runs = (await summaries([start, position], HOLDOUT_FIRST_RUN, checkRuns)) as Summary[][];
      check = heldOutCheck(pair, runs, goals, options.objective, HOLDOUT_FIRST_RUN);
      // picked as the best of several on those runs, its figure there flatters it: confirmed on runs that picked nothing
      const again = (await summaries([start, position], CONFIRM_FIRST_RUN, checkRuns)) as Summary[][];
      confirm = heldOutCheck(pair, again, goals, options.objective, CONFIRM_FIRST_RUN);
    }
  }
  // nothing fits: the cheapest strategy tried on the confirmation's runs, for its costs (what applying it would do to the members)
  let cheapestCheck: HeldOutCheck | null = null;
  if (!best && found.cheapest && checkRuns > 0 && keyOf(found.cheapest.position) !== keyOf(start)) {
    const position = found.cheapest.position;
    const pair = [space.scenarioAt(start), space.scenarioAt(position)].map((p) => (p.ok ? p.scenario : base));
    const runs = (await summaries([start, position], CONFIRM_FIRST_RUN, checkRuns)) as Summary[][];
    cheapestCheck = heldOutCheck(pair, runs, goals, options.objective, CONFIRM_FIRST_RUN);
  }
  job.finish();
  const bestCandidate = best ? candidate(best) : null;
  const runnersUp = found.runnersUp.filter((a) => !best || keyOf(a.position) !== keyOf(best.position));
  return {
    kind: 'goalSeek',
    scenario: base.name,
    seed: base.seed,
    objective: options.objective,
    levers: levers.map((l, i) => ({ path: l.path, min: l.min, max: l.max, current: start[i] })),
    best: bestCandidate,
    start: candidate(found.start),
    runnersUp: [...(found.best && best && keyOf(found.best.position) !== keyOf(best.position) ? [found.best] : []), ...runnersUp].map(candidate).slice(0, 5),
    evaluations,
    withinPlaybook: keepToPlaybook,
    cheapest: found.cheapest ? candidate(found.cheapest) : null,
    separated: found.separated,
    leaderRuns: found.leaderRuns,
    check,
    confirm,
    cheapestCheck,
    weighed: weighedOnFresh,
  };
}

function heldOutCheck(pair: readonly Scenario[], runs: readonly (readonly Summary[])[], goals: readonly Threshold[], objective: Objective, firstRun: number): HeldOutCheck {
  const n = runs[0].length;
  const met = runs.map((list) => list.map((s): number => (meetsAll(goals, s) ? 1 : 0)));
  const medianCost = (list: readonly Summary[]) => quantileSorted(Float64Array.from(list, (s) => s.teamHoursPerWeek ?? 0).sort(), 0.5);
  const side = (k: number): CheckSide => {
    const hits = met[k].reduce((a, b) => a + b, 0);
    const shortfall = runs[k].reduce((sum, s) => sum + runRecord(goals, s).shortfall, 0) / n;
    return { chance: hits / n, interval: wilson(hits, n), medianCost: medianCost(runs[k]), shortfall };
  };
  const { mean, interval } = pairedMean(met[1].map((v, r) => v - met[0][r]));
  const comparison = compareRuns(pair.map((s, k) => ({ ...s, runs: runs[k].length })), runs);
  const best = side(1);
  const start = side(0);
  const withinBudget = objective.kind === 'maxGoals' ? best.medianCost <= objective.budget : null;
  const verdict = objective.kind === 'maxGoals'
    ? (withinBudget === false ? 'noGain'
      : best.chance === 0 && start.chance === 0 ? (best.shortfall < start.shortfall ? 'closer' : 'noGain')
      : mean <= 0 ? 'noGain' : interval[0] > 0 ? 'improves' : 'unclear')
    : (best.chance < objective.minChance || best.medianCost >= start.medianCost ? 'noGain' : 'improves');
  return {
    firstRun,
    runs: n,
    best,
    start,
    chanceDifference: { mean, interval },
    goals: comparison.goals.map((g) => ({ threshold: g.threshold, difference: comparison.metrics[g.threshold.metric].differences[1], metShare: [g.metShare[0], g.metShare[1]] as const })),
    withinBudget,
    answerMinutes: medianAnswer(runs[0], runs[1]),
    verdict,
  };
}

/** The median over runs of each run's median first answer, before → after (null when either side answered none). */
export function medianAnswer(current: readonly Summary[], best: readonly Summary[]): readonly [number, number] | null {
  const median = (list: readonly Summary[]) => {
    const values = list.flatMap((s) => (s.firstAnswerMinutesMedian === null ? [] : [s.firstAnswerMinutesMedian]));
    return values.length ? quantileSorted(Float64Array.from(values).sort(), 0.5) : null;
  };
  const [a, b] = [median(current), median(best)];
  return a === null || b === null ? null : [a, b];
}
