/**
 * Ensembles: many runs of one scenario (run indices 0…runs−1, each seeded by
 * (seed, run index)), summarised by quantiles, the share of runs meeting each
 * goal, and pass / warn / fail against the playbook's thresholds.
 * Results are ordered by run index before summarising, so the order in which
 * runs finish, and how an ensemble is split into chunks, never changes a number.
 * Beyond the first EXACT_RUNS runs the daily quantiles come from histograms,
 * so memory does not grow with the runs.
 */
export { EXACT_RUNS };
import { simulate } from './engine/run.ts';
import {
  SERIES_KEYS, SUMMARY_KEYS,
  type RunResult, type SeriesKey, type Summary, type SummaryKey,
} from './metrics.ts';
import { EXACT_RUNS, IndexedQuantiles } from './daily-quantiles.ts';
import { quantileSorted } from './stats.ts';
import { describeThreshold, goalsOf, goalStatus, meetsAll, meetsGoal, type Status, type Threshold } from './playbook.ts';
import type { Scenario } from './scenario.ts';

export const QUANTILES = [0.1, 0.25, 0.5, 0.75, 0.9] as const;
export const QUANTILE_NAMES = ['p10', 'p25', 'p50', 'p75', 'p90'] as const;
export type QuantileName = (typeof QUANTILE_NAMES)[number];
export type Quantiles = Record<QuantileName, number | null>;

export interface MetricSummary extends Quantiles {
  /** Mean over the runs with a value (for a 0/1 metric such as silentWithinWeek: the share of runs). */
  readonly mean: number | null;
  /** Runs with a value (a metric can be undefined in a run, e.g. no questions asked). */
  readonly n: number;
  readonly threshold: string | null;
  readonly thresholdSource: string | null;
  readonly status: Status | null;
  /** Share of all runs whose value meets the threshold. */
  readonly goalMetShare: number | null;
}

export interface EnsembleSummary {
  readonly scenario: string;
  readonly seed: number;
  readonly runs: number;
  readonly horizonDays: number;
  readonly metrics: Record<SummaryKey, MetricSummary>;
  /** The goals the runs were judged against (playbook.ts `goalsOf`). */
  readonly goals: readonly Threshold[];
  /** Share of runs that meet every goal of the positioning at once. */
  readonly allGoalsMetShare: number;
  /** Per series, per quantile: one value per day. */
  readonly daily: Record<SeriesKey, Record<QuantileName, Float64Array>>;
  /**
   * Whether the daily and hourly quantiles are exact: true up to EXACT_RUNS
   * runs; beyond, they are read from histograms (daily-quantiles.ts).
   */
  readonly dailyExact: boolean;
  /** Share of member messages by hour of the day: per quantile, 24 values (MODEL §7). */
  readonly hourlyProfile: Record<QuantileName, Float64Array>;
}

/** Runs `count` runs starting at `firstRun`. A chunk of an ensemble, as a worker would run it. */
export function runChunk(scenario: Scenario, firstRun: number, count: number): RunResult[] {
  const results: RunResult[] = [];
  for (let r = firstRun; r < firstRun + count; r++) results.push(simulate(scenario, r));
  return results;
}

/**
 * Runs [firstRun, firstRun + count) keeping each run's summary only (planning
 * tasks and paired comparisons need no daily series): memory stays small.
 */
export function runSummaries(scenario: Scenario, firstRun: number, count: number): Summary[] {
  return Array.from({ length: count }, (_, k) => simulate(scenario, firstRun + k).summary);
}

/** An ensemble run here, one run at a time: memory does not grow with the runs (daily-quantiles.ts). */
export function runEnsemble(scenario: Scenario, runs = scenario.runs): EnsembleSummary {
  const ensemble = new EnsembleAccumulator(scenario);
  for (let r = 0; r < runs; r++) ensemble.add(simulate(scenario, r));
  return ensemble.summarise();
}

export function quantilesOf(values: number[]): Quantiles {
  const sorted = Float64Array.from(values).sort();
  const out = {} as Record<QuantileName, number | null>;
  QUANTILES.forEach((q, k) => {
    out[QUANTILE_NAMES[k]] = sorted.length ? quantileSorted(sorted, q) : null;
  });
  return out;
}

export function summariseEnsemble(scenario: Scenario, unordered: readonly RunResult[]): EnsembleSummary {
  const ensemble = new EnsembleAccumulator(scenario);
  for (const run of unordered) ensemble.add(run);
  return ensemble.summarise();
}

/**
 * An ensemble's statistics, fed run by run in any order (a worker's chunks
 * arrive as they finish). Each run's summary is kept (about 30 numbers: goal
 * shares and paired comparisons need them), its daily series and hour profile
 * only until the quantiles switch to histograms (daily-quantiles.ts), and run
 * 0's series for the membership pyramid.
 */
export class EnsembleAccumulator {
  private readonly summaries = new Map<number, Summary>();
  private readonly daily: Record<SeriesKey, IndexedQuantiles>;
  private readonly hourly = new IndexedQuantiles(24);
  private first: RunResult | null = null;

  constructor(readonly scenario: Scenario) {
    this.daily = Object.fromEntries(SERIES_KEYS.map((key) => [key, new IndexedQuantiles(scenario.horizonDays)])) as Record<SeriesKey, IndexedQuantiles>;
  }

  get runs(): number {
    return this.summaries.size;
  }

  add(run: RunResult): void {
    this.summaries.set(run.runIndex, run.summary);
    for (const key of SERIES_KEYS) this.daily[key].add(run.runIndex, run.series[key]);
    this.hourly.add(run.runIndex, run.hourlyProfile);
    if (run.runIndex === 0) this.first = run;
  }

  /** Every run's summary, in run-index order. */
  runSummaries(): Summary[] {
    return [...this.summaries.entries()].sort((a, b) => a[0] - b[0]).map(([, s]) => s);
  }

  /** Run 0's daily series and summary (the membership pyramid), once it is in. */
  sampleRun(): RunResult | null {
    return this.first;
  }

  summarise(): EnsembleSummary {
    const { scenario } = this;
    const ordered = this.runSummaries();
    const runs = ordered.length;
    const goals = goalsOf(scenario);
    const goalByMetric = new Map<SummaryKey, Threshold>(goals.map((t) => [t.metric, t]));

    const metrics = {} as Record<SummaryKey, MetricSummary>;
    for (const key of SUMMARY_KEYS) {
      const values: number[] = [];
      for (const r of ordered) {
        const v = r[key];
        if (v !== null) values.push(v);
      }
      const q = quantilesOf(values);
      const goal = goalByMetric.get(key);
      const metShare = goal && runs ? values.filter((v) => meetsGoal(goal, v)).length / runs : null;
      metrics[key] = {
        ...q,
        mean: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null,
        n: values.length,
        threshold: goal ? describeThreshold(goal) : null,
        thresholdSource: goal ? goal.source : null,
        status: goal && q.p50 !== null ? goalStatus(goal, q.p50, metShare) : null,
        goalMetShare: metShare,
      };
    }

    let allMet = 0;
    for (const r of ordered) if (meetsAll(goals, r)) allMet++;

    const daily = {} as EnsembleSummary['daily'];
    for (const key of SERIES_KEYS) daily[key] = named(this.daily[key].quantiles(QUANTILES));

    return {
      scenario: scenario.name,
      seed: scenario.seed,
      runs,
      horizonDays: scenario.horizonDays,
      metrics,
      goals,
      allGoalsMetShare: runs ? allMet / runs : 0,
      daily,
      dailyExact: this.hourly.exact,
      hourlyProfile: named(this.hourly.quantiles(QUANTILES)),
    };
  }
}

function named(columns: Float64Array[]): Record<QuantileName, Float64Array> {
  return Object.fromEntries(QUANTILE_NAMES.map((name, k) => [name, columns[k]])) as Record<QuantileName, Float64Array>;
}
