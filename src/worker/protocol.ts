/**
 * What crosses the worker boundary: runs packed as transferable typed arrays,
 * and the API each kind of worker exposes through comlink.
 */
import type { RunResult, Series, Summary } from '../model/metrics.ts';
import type { EnsembleSummary } from '../model/ensemble.ts';

export interface SimulationApi {
  /** Runs [firstRun, firstRun + count) of a scenario (validated again in the worker). */
  run(scenario: unknown, firstRun: number, count: number): Promise<RunResult[]>;
}

export interface SummaryApi {
  /** Starts a new ensemble of `scenario`; drops earlier runs. */
  reset(scenario: unknown): Promise<void>;
  add(runs: RunResult[]): Promise<void>;
  /** Quantiles over the runs added so far (ordered by run index). */
  summarise(): Promise<EnsembleSummary>;
  /** Every run's summary at the horizon, ordered by run index (for paired comparison). */
  runSummaries(): Promise<Summary[]>;
  /** One run's daily series, for the membership pyramid. */
  sample(runIndex: number): Promise<{ series: Series; summary: Summary } | null>;
}

/** The typed-array buffers of some runs, to transfer rather than copy. */
export function buffersOf(runs: RunResult[]): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const r of runs) for (const values of Object.values(r.series)) out.push(values.buffer as ArrayBuffer);
  return out;
}
