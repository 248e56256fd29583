/**
 * Goal seek on the group model: the strategy, over levers and ranges the
 * planner picks, that maximises the chance that every goal is met with team
 * hours per week within a budget, or needs the fewest team hours for a chance
 * of at least p (optimize.ts does the search). By default it stays within the
 * playbook: each lever's range is narrowed to its guardrail (guardrails.ts),
 * and the search starts from the current strategy, the playbook strategy and
 * any points the planner brings (e.g. a sweep's best). The recommendation is
 * then checked on fresh runs the search never saw (held-out run indices)
 * against the current strategy, paired.
 */
import { compareRuns, type PairedDifference } from '../compare.ts';
import { pairedMean, quantileSorted, wilson } from '../stats.ts';
import type { Summary } from '../metrics.ts';
import { goalsOf, meetsAll, shortfall, type Threshold } from '../playbook.ts';
import type { Scenario } from '../scenario.ts';
import { evaluate, type Executor } from './jobs.ts';
import { breachesOf, playbookSettings, withinPlaybook, type Breach } from './guardrails.ts';
import { isWindowLever, positionOf, withSettings, type Lever, type Setting } from './levers.ts';
import { countingRuns } from './time-left.ts';
import { expectedSearchRuns, search, type Assessment, type CandidateEvaluator, type Objective, type RunRecord, type SearchStage } from './optimize.ts';

/** Held-out runs start here; a search never uses run indices this high. */
export const HOLDOUT_FIRST_RUN = 1_000_000;

export interface GoalSeekOptions {
  readonly levers: readonly Lever[];
  readonly objective: Objective;
  readonly candidates?: number;
  readonly firstRuns?: number;
  readonly finalRuns?: number;
  /** Held-out runs for the check (default 200; 0 skips it). */
  readonly checkRuns?: number;
  /** Narrow every lever to its playbook guardrail (default true). */
  readonly withinPlaybook?: boolean;
  /** More strategies to start from, e.g. the best points of a sweep (settings of any of the levers; the others stay as they are). */
  readonly starts?: readonly (readonly Setting[])[];
  /** Generations of the global stage and the racing cap (defaults in optimize.ts). */
  readonly generations?: number;
  readonly maxRuns?: number;
  /** Progress over the whole job: the stage running, runs done and the runs expected in all (an estimate until the end). */
  readonly onProgress?: (stage: SearchStage | 'check', done: number, total: number) => void;
}

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
  /** Null when nothing was recommended or the best is the current strategy. */
  readonly check: HeldOutCheck | null;
}

export function runRecord(goals: readonly Threshold[], s: Summary): RunRecord {
  return {
    met: meetsAll(goals, s) ? 1 : 0,
    shortfall: goals.reduce((sum, g) => sum + shortfall(g, s[g.metric]), 0) / Math.max(1, goals.length),
    cost: s.teamHoursPerWeek ?? 0,
    answerMinutes: s.firstAnswerMinutesMedian,
  };
}

const INVALID: RunRecord = { met: 0, shortfall: 1, cost: Infinity };

/**
 * What a search over levers needs: the levers' axes (narrowed to the playbook's
 * guardrails when asked; a lever set outside keeps its setting reachable, so the
 * current strategy is always a candidate), positions ↔ settings ↔ scenarios, an
 * evaluator of candidates on run indices, the current position and the
 * playbook strategy (every lever outside its guardrail at the playbook's own setting).
 */
export function searchSpace(executor: Executor, base: Scenario, chosen: readonly Lever[], keepToPlaybook: boolean) {
  const goals = goalsOf(base);
  // within the playbook, only the guardrail's range is searched (the current setting stays a candidate as the start);
  // outside it, a lever set beyond its practical range keeps its setting reachable
  const levers = chosen.map((lever) => {
    if (keepToPlaybook) return withinPlaybook(lever, base);
    const current = positionOf(lever, base);
    return { ...lever, min: Math.min(lever.min, current), max: Math.max(lever.max, current) };
  });
  const settingsOf = (position: readonly number[]) => levers.map((l, i): Setting => [l.path, position[i]]);
  const scenarioAt = (position: readonly number[]) => withSettings(base, settingsOf(position));
  const start = levers.map((l) => positionOf(l, base));
  // with both the window's start and its length searched, each is narrowed alone: a pair that leaves 19:00–21:00 (20:00 for 2 hours) is not a candidate
  const windowAt = levers.flatMap((l, i) => (isWindowLever(l.path) ? [i] : []));
  const leavesWindow = (position: readonly number[]) => keepToPlaybook && windowAt.length === 2 && windowAt.some((i) => position[i] !== start[i])
    && breachesOf(windowAt.map((i): Setting => [levers[i].path, position[i]]), base).length > 0;
  const evaluator: CandidateEvaluator = async (candidates, firstRun, count) => {
    const parsed = candidates.map((p) => (leavesWindow(p) ? { ok: false as const } : scenarioAt(p)));
    const valid = parsed.flatMap((p) => (p.ok ? [p.scenario] : []));
    const summaries = await evaluate(executor, valid, firstRun, count);
    let k = 0;
    return parsed.map((p) => (p.ok ? summaries[k++].map((s) => runRecord(goals, s)) : Array.from({ length: count }, () => INVALID)));
  };
  const advised = playbookSettings(chosen, base);
  const playbook = levers.map((l, i) => advised.find(([path]) => path === l.path)?.[1] ?? start[i]);
  return { levers, settingsOf, scenarioAt, evaluator, start, playbook };
}

export async function goalSeek(executor: Executor, base: Scenario, options: GoalSeekOptions): Promise<GoalSeekResult> {
  const goals = goalsOf(base);
  const keepToPlaybook = options.withinPlaybook ?? true;
  const checkRuns = options.checkRuns ?? 200;
  // progress over the whole job, task by task: the runs done of the runs expected
  let stage: SearchStage | 'check' = 'screen';
  const stages = expectedSearchRuns(options.levers.length, { ...options, starts: (keepToPlaybook ? 2 : 1) + (options.starts?.length ?? 0) });
  const order = ['screen', 'evolve', 'refine', 'race'] as const;
  // at each stage: the runs done, and the runs expected of this stage and the ones after it
  const expectedFrom = (from: SearchStage) => order.slice(order.indexOf(from)).reduce((sum, s) => sum + stages[s], 0) + 2 * checkRuns;
  let expected = expectedFrom('screen');
  let runsDone = 0;
  const counted = countingRuns(executor, (done) => { runsDone = done; options.onProgress?.(stage, done, Math.max(expected, done)); });
  const { levers, settingsOf, scenarioAt, evaluator, start, playbook } = searchSpace(counted, base, options.levers, keepToPlaybook);
  const brought = (options.starts ?? []).map((settings) => levers.map((l, i) => settings.find(([path]) => path === l.path)?.[1] ?? start[i]));
  const found = await search(evaluator, {
    dimensions: levers, start, objective: options.objective, seed: base.seed,
    starts: keepToPlaybook ? [playbook, ...brought] : brought,
    candidates: options.candidates, firstRuns: options.firstRuns, finalRuns: options.finalRuns,
    generations: options.generations, maxRuns: options.maxRuns,
    onProgress: (s) => {
      if (s === stage) return;
      stage = s;
      expected = runsDone + expectedFrom(s);
      options.onProgress?.(stage, runsDone, expected);
    },
  });
  const candidate = (a: Assessment): Candidate => ({ settings: settingsOf(a.position), assessment: a, breaches: breachesOf(settingsOf(a.position), base) });
  const best = found.best ? candidate(found.best) : null;
  let check: HeldOutCheck | null = null;
  const changed = best !== null && best.assessment.position.some((v, i) => v !== start[i]);
  if (best && changed && checkRuns > 0) {
    const bestScenario = scenarioAt(best.assessment.position);
    if (!bestScenario.ok) throw new Error('the best candidate is not a valid scenario');
    const pair = [base, bestScenario.scenario];
    // the search is over: what is left is the check
    stage = 'check';
    expected = runsDone + 2 * checkRuns;
    const runs = await evaluate(counted, pair, HOLDOUT_FIRST_RUN, checkRuns);
    check = heldOutCheck(pair, runs, goals, options.objective);
  }
  return {
    kind: 'goalSeek',
    scenario: base.name,
    seed: base.seed,
    objective: options.objective,
    levers: levers.map((l, i) => ({ path: l.path, min: l.min, max: l.max, current: start[i] })),
    best,
    start: candidate(found.start),
    runnersUp: found.runnersUp.map(candidate),
    evaluations: found.evaluations + (check ? 2 * checkRuns : 0),
    withinPlaybook: keepToPlaybook,
    cheapest: found.cheapest ? candidate(found.cheapest) : null,
    separated: found.separated,
    leaderRuns: found.leaderRuns,
    check,
  };
}

function heldOutCheck(pair: readonly Scenario[], runs: readonly (readonly Summary[])[], goals: readonly Threshold[], objective: Objective): HeldOutCheck {
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
    firstRun: HOLDOUT_FIRST_RUN,
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
