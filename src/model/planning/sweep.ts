/**
 * Sweeps: one or two levers over a range, an ensemble at every point with the
 * same seed and run indices (common random numbers), so the difference between
 * neighbouring points is the lever's effect and not sampling noise. Each point
 * is reduced to its statistics as soon as its runs are in: memory grows with
 * the points, not with the runs.
 */
import { quantilesOf, type Quantiles } from '../ensemble.ts';
import { SUMMARY_KEYS, type Summary, type SummaryKey } from '../metrics.ts';
import { goalsOf, meetsAll, meetsGoal, type Threshold } from '../playbook.ts';
import type { Problem, Scenario } from '../scenario.ts';
import { describePosition, withSettings, type Lever, type Setting } from './levers.ts';
import { assembleFinished, evaluate, type Executor, type TaskResult } from './jobs.ts';

export interface KpiStats extends Quantiles {
  readonly mean: number | null;
  /** Runs with a value. */
  readonly n: number;
}

export interface PointStats {
  readonly runs: number;
  readonly kpis: Record<SummaryKey, KpiStats>;
  /** Per goal, the share of runs meeting it. */
  readonly goalMetShare: readonly number[];
  readonly allGoalsMetShare: number;
}

export function pointStats(goals: readonly Threshold[], summaries: readonly Summary[]): PointStats {
  const kpis = {} as Record<SummaryKey, KpiStats>;
  for (const key of SUMMARY_KEYS) {
    const values: number[] = [];
    for (const s of summaries) if (s[key] !== null) values.push(s[key] as number);
    kpis[key] = { ...quantilesOf(values), mean: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null, n: values.length };
  }
  const share = (test: (s: Summary) => boolean) => (summaries.length ? summaries.filter(test).length / summaries.length : 0);
  return {
    runs: summaries.length,
    kpis,
    goalMetShare: goals.map((g) => share((s) => meetsGoal(g, s[g.metric]))),
    allGoalsMetShare: share((s) => meetsAll(goals, s)),
  };
}

export interface SweepAxis {
  readonly lever: Lever;
  readonly positions: readonly number[];
}

export interface SweepPoint {
  /** Index along each axis. */
  readonly at: readonly number[];
  readonly settings: readonly Setting[];
  /** Null when the combination is not a valid scenario (then `problems` says why). */
  readonly stats: PointStats | null;
  readonly problems?: readonly Problem[];
  /** True when the job was cancelled before this point's runs finished. */
  readonly notRun?: boolean;
}

export interface SweepResult {
  readonly kind: 'sweep';
  readonly scenario: string;
  readonly seed: number;
  readonly runs: number;
  readonly goals: readonly Threshold[];
  readonly axes: readonly { readonly path: string; readonly positions: readonly number[]; readonly labels: { readonly en: readonly string[]; readonly zh: readonly string[] } }[];
  /** Row-major: the last axis varies fastest. */
  readonly points: readonly SweepPoint[];
}

/** The points of a sweep, each a scenario (or the problems that make it invalid). */
export function sweepPoints(base: Scenario, axes: readonly SweepAxis[]): { at: number[]; settings: Setting[]; parsed: ReturnType<typeof withSettings> }[] {
  if (axes.length < 1 || axes.length > 2) throw new RangeError('a sweep varies one or two levers');
  const [first, second] = axes;
  const out: { at: number[]; settings: Setting[]; parsed: ReturnType<typeof withSettings> }[] = [];
  first.positions.forEach((p, i) => {
    const inner = second ? second.positions : [null];
    inner.forEach((q, j) => {
      const settings: Setting[] = [[first.lever.path, p]];
      if (second && q !== null) settings.push([second.lever.path, q]);
      out.push({ at: second ? [i, j] : [i], settings, parsed: withSettings(base, settings) });
    });
  });
  return out;
}

export async function runSweep(
  executor: Executor, base: Scenario, axes: readonly SweepAxis[], runs: number,
  onProgress?: (done: number, total: number) => void,
): Promise<SweepResult> {
  const points = sweepPoints(base, axes);
  const scenarios = points.flatMap((p) => (p.parsed.ok ? [p.parsed.scenario] : []));
  const summaries = await evaluate(executor, scenarios, 0, runs, onProgress);
  return sweepResult(base, axes, runs, summaries, points);
}

/** A sweep cut short, from the tasks that finished: the points whose runs all finished (null when none did). */
export function partialSweep(base: Scenario, axes: readonly SweepAxis[], runs: number, finished: readonly TaskResult[]): SweepResult | null {
  const points = sweepPoints(base, axes);
  const byPoint = assembleFinished(points.filter((p) => p.parsed.ok).length, runs, finished);
  return byPoint.some((list) => list !== null) ? sweepResult(base, axes, runs, byPoint, points) : null;
}

/** Assemble a sweep from per-point run summaries (valid points only, in point order; null: not run). */
export function sweepResult(
  base: Scenario, axes: readonly SweepAxis[], runs: number, summaries: readonly (readonly Summary[] | null)[],
  points: ReturnType<typeof sweepPoints> = sweepPoints(base, axes),
): SweepResult {
  const goals = goalsOf(base);
  let k = 0;
  return {
    kind: 'sweep',
    scenario: base.name,
    seed: base.seed,
    runs,
    goals,
    axes: axes.map((a) => ({
      path: a.lever.path,
      positions: a.positions,
      labels: {
        en: a.positions.map((p) => describePosition(a.lever, p, base, 'en')),
        zh: a.positions.map((p) => describePosition(a.lever, p, base, 'zh')),
      },
    })),
    points: points.map((p) => {
      if (!p.parsed.ok) return { at: p.at, settings: p.settings, stats: null, problems: p.parsed.problems };
      const runsHere = summaries[k++];
      return runsHere ? { at: p.at, settings: p.settings, stats: pointStats(goals, runsHere) } : { at: p.at, settings: p.settings, stats: null, notRun: true };
    }),
  };
}
