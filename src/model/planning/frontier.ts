/**
 * The trade-off curve: team hours per week against the chance of meeting every
 * goal. The Pareto front — strategies no other strategy beats on both (fewer
 * or equal hours and a higher or equal chance) — over the levers the planner
 * picks, by default within the playbook's guardrails.
 *
 * 1. Candidates: the current strategy, the playbook strategy and a Latin
 *    hypercube over the levers, each on a few runs (common random numbers).
 * 2. A few generations of children of the front (uniform crossover and
 *    mutation, as the goal seek's global stage), so the front fills in along
 *    the whole range of hours, not only at its best end.
 * 3. Points spread along the front by hours get every run; the front is taken
 *    again on them.
 * 4. That front and the current strategy are checked on fresh runs (the goal
 *    seek's: run indices from HOLDOUT_FIRST_RUN, as many): the front is taken
 *    once more on those, and every figure shown is theirs, so a point and a
 *    goal seek's recommendation are compared on the same runs. Each point is a
 *    strategy the planner can apply.
 */
import seedrandom from 'seedrandom';
import { quantileSorted, wilson } from '../stats.ts';
import type { Scenario } from '../scenario.ts';
import type { Executor } from './jobs.ts';
import { breachesOf, type Breach } from './guardrails.ts';
import type { Lever, Setting } from './levers.ts';
import { assess, childOf, keyOf, latinHypercube, RunBook, spaceSize, type Assessment, type Dimension } from './optimize.ts';
import { FRESH_RUNS, HOLDOUT_FIRST_RUN, searchSpace, type SearchSpace } from './search-space.ts';
import { countingRuns, JobProgress } from './time-left.ts';

export interface FrontierOptions {
  readonly levers: readonly Lever[];
  /** Points wanted on the curve (default 10). */
  readonly points?: number;
  /** Runs per candidate while searching (default 12) and per point on the curve (default 80). */
  readonly firstRuns?: number;
  readonly finalRuns?: number;
  /** Candidates of the first design (default 12 + 6 per lever, at most 60) and generations (default 3). */
  readonly candidates?: number;
  readonly generations?: number;
  /** Narrow every lever to its playbook guardrail (default true). */
  readonly withinPlaybook?: boolean;
  /** Fresh runs for the figures shown (default 200, as the goal seek's check; 0: the points' own runs). */
  readonly checkRuns?: number;
  /** Progress over the whole job: the stage running, runs done and the runs expected in all (an estimate until the end). */
  readonly onProgress?: (stage: FrontierStage, done: number, total: number) => void;
}

export type FrontierStage = 'screen' | 'evolve' | 'final' | 'check';

export interface FrontierPoint {
  readonly settings: readonly Setting[];
  /** Runs behind the figures: the fresh runs of the check (from `firstRun`), or the point's own when there was none. */
  readonly runs: number;
  readonly firstRun: number;
  /** Share of runs meeting every goal, with its 90 % interval (Wilson). */
  readonly chance: number;
  readonly interval: readonly [number, number];
  /** Median team hours per week. */
  readonly hours: number;
  readonly breaches: readonly Breach[];
  /** True for the planner's own strategy. */
  readonly current: boolean;
  /** The median over its runs of each run's median first answer, minutes (null: no question answered; absent in results saved before it). */
  readonly answerMinutes?: number | null;
}

export interface FrontierResult {
  readonly kind: 'frontier';
  readonly scenario: string;
  readonly seed: number;
  readonly withinPlaybook: boolean;
  readonly levers: readonly { readonly path: string; readonly min: number; readonly max: number; readonly current: number }[];
  /** The front, fewest hours first: each point has more hours and a higher chance than the one before. */
  readonly points: readonly FrontierPoint[];
  /** Points asked for (the front may have fewer: more hours then buy no higher chance). */
  readonly pointsWanted: number;
  /** The current strategy on the same runs (on the front or not). */
  readonly current: FrontierPoint;
  readonly evaluations: number;
}

const medianOf = (values: readonly number[]): number | null => (values.length ? quantileSorted(Float64Array.from(values).sort(), 0.5) : null);

/** Objective used only to read chance and cost from records: a budget no strategy exceeds. */
const OPEN = { kind: 'maxGoals', budget: Infinity } as const;

/** The candidates no other beats on both hours (fewer or equal) and chance (higher or equal, one of them strictly). */
export function paretoFront(list: readonly Assessment[]): Assessment[] {
  const sorted = [...list].sort((a, b) => a.medianCost - b.medianCost || b.chance - a.chance || a.meanShortfall - b.meanShortfall);
  const front: Assessment[] = [];
  for (const a of sorted) {
    const last = front.at(-1);
    if (!last || a.chance > last.chance) front.push(a);
  }
  return front;
}

/** `count` points spread evenly along a front sorted by hours (its ends included). */
export function spread<T>(front: readonly T[], count: number): T[] {
  if (front.length <= count) return [...front];
  const picked = new Set<number>();
  for (let k = 0; k < count; k++) picked.add(Math.round((k * (front.length - 1)) / (count - 1)));
  return [...picked].sort((a, b) => a - b).map((i) => front[i]);
}

/** What a frontier found (inside a frontier or a goal seek): the front and the current strategy, and every strategy checked on fresh runs. */
export interface FrontOf {
  readonly points: readonly Assessment[];
  readonly current: Assessment;
  /** The strategies checked on fresh runs (the front on every run, and the current one): a goal seek weighs each of them. */
  readonly checked: readonly (readonly number[])[];
  /** The run indices behind the figures. */
  readonly firstRun: number;
}

/**
 * The runs a frontier is expected to take, for its progress: the first design,
 * about half the children new, and the front holding about a third of the
 * points wanted (knowledge sharing, 7 levers, 10 points: 39 of 72 children
 * new, 3–5 points with the current strategy to every run and to the check),
 * never more strategies than the space holds.
 */
export function expectedFrontierRuns(dimensions: readonly Dimension[], options: Pick<FrontierOptions, 'points' | 'firstRuns' | 'finalRuns' | 'candidates' | 'generations' | 'checkRuns'>): number {
  const firstRuns = options.firstRuns ?? 12;
  const size = spaceSize(dimensions);
  const first = Math.min(size, (options.candidates ?? Math.min(60, 12 + 6 * dimensions.length)) + 2);
  return first * firstRuns + laterFrontierRuns(dimensions, options, size - first, options.generations ?? 3);
}

/** The strategies a frontier is expected to try (on its first runs) and to check on fresh runs: a goal seek that runs it first has their runs at hand. */
export function expectedFrontierTried(dimensions: readonly Dimension[], options: Pick<FrontierOptions, 'points' | 'candidates' | 'generations'>): { readonly tried: number; readonly checked: number } {
  const size = spaceSize(dimensions);
  const first = Math.min(size, (options.candidates ?? Math.min(60, 12 + 6 * dimensions.length)) + 2);
  const children = Math.min(24, 8 + 3 * dimensions.length);
  return { tried: Math.min(size, first + Math.round(0.55 * (options.generations ?? 3) * children)), checked: Math.min(size, frontOnEveryRun(options.points)) };
}

/** Points expected on the front on every run, the current strategy with them: about a third of those wanted (knowledge sharing, 10 wanted: 3–5). */
const frontOnEveryRun = (points = 10) => Math.ceil(points / 3) + 1;

/** The runs after the first design, as expected: about half the children new (no more than the positions left untried), and the front on every run and the check. */
function laterFrontierRuns(dimensions: readonly Dimension[], options: Pick<FrontierOptions, 'points' | 'firstRuns' | 'finalRuns' | 'checkRuns'>, untried: number, generations: number): number {
  const firstRuns = options.firstRuns ?? 12;
  const finalRuns = Math.max(firstRuns, options.finalRuns ?? 80);
  const children = Math.min(24, 8 + 3 * dimensions.length);
  const front = Math.min(frontOnEveryRun(options.points), spaceSize(dimensions));
  return Math.min(Math.max(0, untried), Math.round(0.55 * generations * children)) * firstRuns + front * (finalRuns - firstRuns + (options.checkRuns ?? FRESH_RUNS));
}

/**
 * The front over a search space (its evaluator keeps every run: a goal seek
 * that runs this first has the points' runs at hand). `stage` says which stage
 * runs; `expect` the runs expected from now on.
 */
export async function frontOf(space: SearchSpace, base: Scenario, options: Omit<FrontierOptions, 'onProgress' | 'levers' | 'withinPlaybook'>,
  progress: { readonly stage: (stage: FrontierStage) => void; readonly expect: (left: number) => void }): Promise<FrontOf> {
  const { levers: dimensions, evaluator, start, playbook } = space;
  const wanted = options.points ?? 10;
  const firstRuns = options.firstRuns ?? 12;
  const finalRuns = Math.max(firstRuns, options.finalRuns ?? 80);
  const checkRuns = options.checkRuns ?? FRESH_RUNS;
  const count = options.candidates ?? Math.min(60, 12 + 6 * dimensions.length);
  const children = Math.min(24, 8 + 3 * dimensions.length);
  const generations = options.generations ?? 3;
  const book = new RunBook(evaluator);
  const { records } = book;
  const run = (positions: readonly (readonly number[])[], runs: number, now: FrontierStage) => { progress.stage(now); return book.ensure(positions, runs); };
  const assessed = (runs: number) => [...records.entries()]
    .filter(([, r]) => r.length >= runs)
    .map(([key, r]) => assess(key.split(',').map(Number), r.slice(0, runs), OPEN));

  const seen = new Set<string>();
  const fresh = (list: readonly (readonly number[])[]) => list.filter((p) => !seen.has(keyOf(p)) && seen.add(keyOf(p)));
  const first = fresh([start, playbook, ...latinHypercube(count, dimensions, base.seed)]);
  progress.expect(first.length * firstRuns + laterFrontierRuns(dimensions, options, spaceSize(dimensions) - first.length, generations));
  await run(first, firstRuns, 'screen');

  const u = seedrandom.alea(`${base.seed}:frontier`) as unknown as () => number;
  for (let generation = 0; generation < generations; generation++) {
    const parents = paretoFront(assessed(firstRuns)).map((a) => a.position);
    const brood = fresh(Array.from({ length: children }, () => childOf(parents, dimensions, u)));
    if (!brood.length) break;
    // this generation's size is known: the ones after it as expected
    progress.expect(brood.length * firstRuns + laterFrontierRuns(dimensions, options, spaceSize(dimensions) - seen.size, generations - generation - 1));
    await run(brood, firstRuns, 'evolve');
  }

  // twice the points wanted get every run: some fall off the front once their chance is known better
  const chosen = spread(paretoFront(assessed(firstRuns)), 2 * wanted).map((a) => a.position);
  progress.expect((chosen.length + 1) * (finalRuns - firstRuns) + Math.min(chosen.length + 1, frontOnEveryRun(wanted)) * checkRuns);
  await run([...chosen, start], finalRuns, 'final');
  const finalists = assessed(finalRuns);
  const onFront = paretoFront(finalists).map((a) => a.position);
  const currentOn = finalists.find((a) => keyOf(a.position) === keyOf(start))!;
  if (checkRuns <= 0) return { points: spread(paretoFront(finalists), wanted), current: currentOn, checked: onFront, firstRun: 0 };
  // the front and the current strategy on fresh runs: the figures shown, and the front taken again on them
  const checked = [...new Map([...onFront, start].map((p) => [keyOf(p), p])).values()];
  progress.expect(checked.length * checkRuns);
  progress.stage('check');
  const runs = await evaluator(checked, HOLDOUT_FIRST_RUN, checkRuns);
  const onFresh = checked.map((p, i) => assess(p, runs[i], OPEN));
  return {
    points: spread(paretoFront(onFresh), wanted),
    current: onFresh.find((a) => keyOf(a.position) === keyOf(start))!,
    checked,
    firstRun: HOLDOUT_FIRST_RUN,
  };
}

export async function frontier(executor: Executor, base: Scenario, options: FrontierOptions): Promise<FrontierResult> {
  const keepToPlaybook = options.withinPlaybook ?? true;
  let stage: FrontierStage = 'screen';
  const job = new JobProgress((done, total) => options.onProgress?.(stage, done, total));
  let evaluations = 0;
  const counted = countingRuns(executor, (done) => { evaluations = done; job.runs(done); });
  const space = searchSpace(counted, base, options.levers, keepToPlaybook);
  job.expect(expectedFrontierRuns(space.levers, options));
  const { levers, settingsOf, start } = space;
  const found = await frontOf(space, base, options, { stage: (s) => { stage = s; }, expect: (left) => job.expect(left) });
  job.finish();
  const point = (a: Assessment): FrontierPoint => {
    const hits = Math.round(a.chance * a.runs);
    const settings = settingsOf(a.position);
    return {
      settings, runs: a.runs, firstRun: found.firstRun, chance: a.chance, interval: wilson(hits, a.runs), hours: a.medianCost,
      breaches: breachesOf(settings, base), current: keyOf(a.position) === keyOf(start),
      answerMinutes: medianOf(space.madeSummaries(a.position, found.firstRun, a.runs).flatMap((s) => (s.firstAnswerMinutesMedian == null ? [] : [s.firstAnswerMinutesMedian]))),
    };
  };
  return {
    kind: 'frontier',
    scenario: base.name,
    seed: base.seed,
    withinPlaybook: keepToPlaybook,
    levers: levers.map((l, i) => ({ path: l.path, min: l.min, max: l.max, current: start[i] })),
    points: found.points.map(point),
    pointsWanted: options.points ?? 10,
    current: point(found.current),
    evaluations,
  };
}
