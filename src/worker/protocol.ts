/**
 * What crosses the worker boundary: runs packed as transferable typed arrays,
 * and the API each kind of worker exposes through comlink.
 */
import { SERIES_KEYS, type RunResult, type Series, type Summary } from '../model/metrics.ts';
import type { EnsembleSummary } from '../model/ensemble.ts';

export interface SimulationApi {
  /** Runs [firstRun, firstRun + count) of a scenario (validated again in the worker). */
  run(scenario: unknown, firstRun: number, count: number): Promise<PackedRuns>;
}

export interface SummaryApi {
  /** Starts a new ensemble of `scenario`; drops earlier runs. */
  reset(scenario: unknown): Promise<void>;
  add(runs: PackedRuns): Promise<void>;
  /** Quantiles over the runs added so far (ordered by run index). */
  summarise(): Promise<EnsembleSummary>;
  /** Every run's summary at the horizon, ordered by run index (for paired comparison). */
  runSummaries(): Promise<Summary[]>;
  /** One run's daily series, for the membership pyramid. */
  sample(runIndex: number): Promise<{ series: Series; summary: Summary } | null>;
}

/**
 * Runs as they travel between workers: every daily series of every run in one
 * Float64Array (run, then series in SERIES_KEYS order, then day), so a chunk
 * crosses as one transferred buffer instead of dozens of small arrays per run.
 */
export interface PackedRuns {
  readonly horizonDays: number;
  readonly runIndex: readonly number[];
  readonly summaries: readonly Summary[];
  readonly series: Float64Array;
}

export function packRuns(runs: readonly RunResult[]): PackedRuns {
  const horizonDays = runs[0]?.horizonDays ?? 0;
  const stride = SERIES_KEYS.length * horizonDays;
  const series = new Float64Array(runs.length * stride);
  runs.forEach((run, r) => SERIES_KEYS.forEach((key, k) => series.set(run.series[key], r * stride + k * horizonDays)));
  return { horizonDays, runIndex: runs.map((r) => r.runIndex), summaries: runs.map((r) => r.summary), series };
}

/** The runs again, their series as views into the one buffer (no copy). */
export function unpackRuns(packed: PackedRuns): RunResult[] {
  const { horizonDays, series } = packed;
  const stride = SERIES_KEYS.length * horizonDays;
  return packed.runIndex.map((runIndex, r) => {
    const out = {} as Series;
    SERIES_KEYS.forEach((key, k) => { out[key] = series.subarray(r * stride + k * horizonDays, r * stride + (k + 1) * horizonDays); });
    return { runIndex, horizonDays, series: out, summary: packed.summaries[r] };
  });
}
