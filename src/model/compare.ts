/**
 * Paired comparison of 2–4 scenarios (MODEL §9, common random numbers):
 * every scenario runs with the first one's seed and the same run indices, so
 * run r of each draws the same population; the per-run difference against the
 * first scenario is the levers' effect, summarised by its median and a 90 %
 * interval over runs (p5–p95).
 */
import { SUMMARY_KEYS, type Summary, type SummaryKey } from './metrics.ts';
import { quantileSorted } from './stats.ts';
import { goalsOf, meetsAll, meetsGoal, type Threshold } from './playbook.ts';
import type { Scenario } from './scenario.ts';

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 4;

/** Fields that describe a scenario rather than set a lever (its names and descriptions in either language). */
const NOT_LEVERS = new Set(['$schema', 'name', 'description', 'zh']);

export interface LeverDifference {
  readonly path: string;
  /** The value in each scenario, as JSON text. */
  readonly values: readonly string[];
}

function flatten(value: unknown, prefix: string, out: Map<string, string>): void {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (!prefix && NOT_LEVERS.has(key)) continue;
      flatten(child, prefix ? `${prefix}.${key}` : key, out);
    }
    return;
  }
  out.set(prefix, JSON.stringify(value));
}

/** The levers that differ between the scenarios (defaults filled in), in schema order. */
export function leverDifferences(scenarios: readonly Scenario[]): LeverDifference[] {
  const flat = scenarios.map((s) => {
    const map = new Map<string, string>();
    flatten(s, '', map);
    return map;
  });
  const paths: string[] = [];
  for (const map of flat) for (const path of map.keys()) if (!paths.includes(path)) paths.push(path);
  return paths
    .map((path) => ({ path, values: flat.map((m) => m.get(path) ?? '—') }))
    .filter((d) => d.values.some((v) => v !== d.values[0]));
}

/** Scenarios as compared: all with the first one's seed and run count. */
export function alignForComparison(scenarios: readonly Scenario[]): Scenario[] {
  if (scenarios.length < MIN_COMPARED || scenarios.length > MAX_COMPARED) {
    throw new RangeError(`compare needs ${MIN_COMPARED} to ${MAX_COMPARED} scenarios (got ${scenarios.length})`);
  }
  const [first] = scenarios;
  return scenarios.map((s) => ({ ...s, seed: first.seed, runs: first.runs }));
}

export interface PairedDifference {
  readonly median: number;
  readonly p5: number;
  readonly p95: number;
  /** Runs where both scenarios have a value. */
  readonly n: number;
}

export interface MetricComparison {
  /** Ensemble median of each scenario. */
  readonly medians: readonly (number | null)[];
  /** Against the first scenario; null for the first itself or when undefined in every run. */
  readonly differences: readonly (PairedDifference | null)[];
}

export interface Comparison {
  readonly names: readonly string[];
  readonly seed: number;
  readonly runs: number;
  readonly levers: readonly LeverDifference[];
  readonly metrics: Record<SummaryKey, MetricComparison>;
  /** For each goal of the first scenario's positioning: each scenario's share of runs meeting it. */
  readonly goals: readonly { readonly threshold: Threshold; readonly metShare: readonly number[] }[];
  /** Each scenario's share of runs meeting all its goals at once. */
  readonly allGoalsMetShare: readonly number[];
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  return quantileSorted(Float64Array.from(values).sort(), 0.5);
}

/**
 * `runs[k]` holds scenario k's per-run summaries ordered by run index. Every
 * scenario is judged against the goals of the first one's positioning.
 */
export function compareRuns(scenarios: readonly Scenario[], runs: readonly (readonly Summary[])[]): Comparison {
  const aligned = alignForComparison(scenarios);
  const metrics = {} as Record<SummaryKey, MetricComparison>;
  for (const key of SUMMARY_KEYS) {
    const medians = runs.map((list) => median(list.flatMap((s) => (s[key] === null ? [] : [s[key] as number]))));
    const differences = runs.map((list, k) => {
      if (k === 0) return null;
      const diffs: number[] = [];
      const n = Math.min(list.length, runs[0].length);
      for (let r = 0; r < n; r++) {
        const a = runs[0][r][key];
        const b = list[r][key];
        if (a !== null && b !== null) diffs.push(b - a);
      }
      if (!diffs.length) return null;
      const sorted = Float64Array.from(diffs).sort();
      return { median: quantileSorted(sorted, 0.5), p5: quantileSorted(sorted, 0.05), p95: quantileSorted(sorted, 0.95), n: diffs.length };
    });
    metrics[key] = { medians, differences };
  }
  const thresholds = goalsOf(aligned[0]);
  const share = (list: readonly Summary[], test: (s: Summary) => boolean) => (list.length ? list.filter(test).length / list.length : 0);
  const goals = thresholds.map((threshold) => ({ threshold, metShare: runs.map((list) => share(list, (s) => meetsGoal(threshold, s[threshold.metric]))) }));
  return {
    names: aligned.map((s) => s.name),
    seed: aligned[0].seed,
    runs: aligned[0].runs,
    levers: leverDifferences(aligned),
    metrics,
    goals,
    allGoalsMetShare: runs.map((list) => share(list, (s) => meetsAll(thresholds, s))),
  };
}
