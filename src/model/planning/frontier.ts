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
 *    again on them. Each point is a strategy the planner can apply.
 */
import seedrandom from 'seedrandom';
import { quantileSorted, wilson } from '../stats.ts';
import type { Scenario } from '../scenario.ts';
import type { Executor } from './jobs.ts';
import { breachesOf, type Breach } from './guardrails.ts';
import type { Lever, Setting } from './levers.ts';
import { assess, childOf, keyOf, latinHypercube, RunBook, type Assessment } from './optimize.ts';
import { searchSpace } from './goal-seek.ts';
import { countingRuns } from './time-left.ts';

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
  /** Progress over the whole job: the stage running, runs done and the runs expected in all (an estimate until the end). */
  readonly onProgress?: (stage: 'screen' | 'evolve' | 'final', done: number, total: number) => void;
}

export interface FrontierPoint {
  readonly settings: readonly Setting[];
  readonly runs: number;
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

export async function frontier(executor: Executor, base: Scenario, options: FrontierOptions): Promise<FrontierResult> {
  const keepToPlaybook = options.withinPlaybook ?? true;
  let stage: 'screen' | 'evolve' | 'final' = 'screen';
  let expected = Infinity;
  let runsDone = 0;
  const counted = countingRuns(executor, (done) => { runsDone = done; options.onProgress?.(stage, done, Math.max(expected, done)); });
  const { levers, settingsOf, evaluator, start, playbook } = searchSpace(counted, base, options.levers, keepToPlaybook);
  const wanted = options.points ?? 10;
  const firstRuns = options.firstRuns ?? 12;
  const finalRuns = Math.max(firstRuns, options.finalRuns ?? 80);
  const count = options.candidates ?? Math.min(60, 12 + 6 * levers.length);
  const children = Math.min(24, 8 + 3 * levers.length);
  // progress over the whole job, task by task: the runs done of the runs expected. About half the children
  // are new and the front holds about half the points wanted (knowledge sharing, 7 levers, 10 points:
  // 39 of 72 children new, 5 points and the current strategy to every run); corrected when the final stage starts
  expected = (count + 2) * firstRuns + Math.round(0.55 * (options.generations ?? 3) * children) * firstRuns + (Math.ceil(wanted / 2) + 1) * (finalRuns - firstRuns);
  const book = new RunBook(evaluator);
  const { records } = book;
  const run = (positions: readonly (readonly number[])[], runs: number, now: 'screen' | 'evolve' | 'final') => { stage = now; return book.ensure(positions, runs); };
  const assessed = (runs: number) => [...records.entries()]
    .filter(([, r]) => r.length >= runs)
    .map(([key, r]) => assess(key.split(',').map(Number), r.slice(0, runs), OPEN));

  const seen = new Set<string>();
  const fresh = (list: readonly (readonly number[])[]) => list.filter((p) => !seen.has(keyOf(p)) && seen.add(keyOf(p)));
  await run(fresh([start, playbook, ...latinHypercube(count, levers, base.seed)]), firstRuns, 'screen');

  const u = seedrandom.alea(`${base.seed}:frontier`) as unknown as () => number;
  for (let generation = 0; generation < (options.generations ?? 3); generation++) {
    const front = paretoFront(assessed(firstRuns)).map((a) => a.position);
    const brood = fresh(Array.from({ length: children }, () => childOf(front, levers, u)));
    if (!brood.length) break;
    await run(brood, firstRuns, 'evolve');
  }

  // twice the points wanted get every run: some fall off the front once their chance is known better
  const chosen = spread(paretoFront(assessed(firstRuns)), 2 * wanted).map((a) => a.position);
  expected = runsDone + (chosen.length + 1) * (finalRuns - firstRuns);
  await run([...chosen, start], finalRuns, 'final');
  const finalists = assessed(finalRuns);
  const point = (a: Assessment): FrontierPoint => {
    const hits = Math.round(a.chance * a.runs);
    const settings = settingsOf(a.position);
    return {
      settings, runs: a.runs, chance: a.chance, interval: wilson(hits, a.runs), hours: a.medianCost,
      breaches: breachesOf(settings, base), current: keyOf(a.position) === keyOf(start),
      answerMinutes: medianOf((records.get(keyOf(a.position)) ?? []).slice(0, a.runs).flatMap((r) => (r.answerMinutes == null ? [] : [r.answerMinutes]))),
    };
  };
  return {
    kind: 'frontier',
    scenario: base.name,
    seed: base.seed,
    withinPlaybook: keepToPlaybook,
    levers: levers.map((l, i) => ({ path: l.path, min: l.min, max: l.max, current: start[i] })),
    points: spread(paretoFront(finalists), wanted).map(point),
    pointsWanted: wanted,
    current: point(finalists.find((a) => keyOf(a.position) === keyOf(start))!),
    evaluations: book.evaluations,
  };
}
