/**
 * What crosses the worker boundary: the scenario as a typed object validated
 * once on the main thread (workers never parse it again), runs packed as
 * transferable typed arrays, and the API each kind of worker exposes through
 * comlink.
 */
import { SERIES_KEYS, type RunResult, type Series, type Summary } from '../model/metrics.ts';
import type { EnsembleSummary } from '../model/ensemble.ts';
import type { Comparison } from '../model/compare.ts';
import type { Scenario } from '../model/scenario.ts';
import type { OpenResult } from '../model/files.ts';
import type { ChatLog } from '../model/engine/chat.ts';

export interface SimulationApi {
  /** Runs [firstRun, firstRun + count) of a validated scenario. */
  run(scenario: Scenario, firstRun: number, count: number): Promise<PackedRuns>;
  /** Runs [firstRun, firstRun + count) and returns only each run's summary (planning needs no daily series). */
  summaries(scenario: Scenario, firstRun: number, count: number): Promise<Summary[]>;
  /**
   * As `summaries`, for a validated scenario sent as its JSON text: the planner's
   * strategies cross the page as strings, which cost the main thread nothing to
   * pass on (hundreds of scenario objects took it 50–90 ms to copy).
   */
  summariesOfText(scenarioJson: string, firstRun: number, count: number): Promise<Summary[]>;
  /** One run with its chat log (a replay). */
  replay(scenario: Scenario, runIndex: number): Promise<{ result: RunResult; chat: ChatLog }>;
}

export interface SummaryApi {
  /** Starts a new ensemble of a validated scenario; drops earlier runs. */
  reset(scenario: Scenario): Promise<void>;
  add(runs: PackedRuns): Promise<void>;
  /** Quantiles over the runs added so far (ordered by run index). */
  summarise(): Promise<EnsembleSummary>;
  /** Run 0's daily series (the one kept, for the membership pyramid); null for another index. */
  sample(runIndex: number): Promise<{ series: Series; summary: Summary } | null>;
  /** The per-run summaries of the current ensemble, ordered by run index (a pinned baseline pairs with them). */
  runSummaries(): Promise<Summary[]>;
  /** Keeps the current ensemble's per-run summaries as scenario `slot` of a paired comparison. */
  keepForComparison(slot: number): Promise<void>;
  /** The paired comparison of the kept slots 0 … n−1 (the scenarios as aligned for comparison). */
  compare(scenarios: readonly Scenario[]): Promise<Comparison>;
}

export interface LinkApi {
  /** Reads a share fragment (checksum, capped inflation, validation), off the main thread. */
  decode(fragment: string): Promise<OpenResult>;
  /** Reads a scenario file's text (JSON, migration, validation), off the main thread. */
  open(text: string): Promise<OpenResult>;
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
  /** Per run: every series, then the 24-hour profile. */
  readonly series: Float64Array;
}

const HOURS = 24;

export function packRuns(runs: readonly RunResult[]): PackedRuns {
  const horizonDays = runs[0]?.horizonDays ?? 0;
  const stride = SERIES_KEYS.length * horizonDays + HOURS;
  const series = new Float64Array(runs.length * stride);
  runs.forEach((run, r) => {
    SERIES_KEYS.forEach((key, k) => series.set(run.series[key], r * stride + k * horizonDays));
    series.set(run.hourlyProfile, r * stride + SERIES_KEYS.length * horizonDays);
  });
  return { horizonDays, runIndex: runs.map((r) => r.runIndex), summaries: runs.map((r) => r.summary), series };
}

/** The runs again, their series as views into the one buffer (no copy). */
export function unpackRuns(packed: PackedRuns): RunResult[] {
  const { horizonDays, series } = packed;
  const stride = SERIES_KEYS.length * horizonDays + HOURS;
  return packed.runIndex.map((runIndex, r) => {
    const out = {} as Series;
    SERIES_KEYS.forEach((key, k) => { out[key] = series.subarray(r * stride + k * horizonDays, r * stride + (k + 1) * horizonDays); });
    const profileAt = r * stride + SERIES_KEYS.length * horizonDays;
    return { runIndex, horizonDays, series: out, summary: packed.summaries[r], hourlyProfile: series.subarray(profileAt, profileAt + HOURS) };
  });
}
