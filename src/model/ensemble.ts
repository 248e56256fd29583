/**
 * Ensembles: many runs of one scenario (run indices 0…runs−1, each seeded by
 * (seed, run index)), summarised by quantiles, the share of runs meeting each
 * goal, and pass / warn / fail against the playbook's thresholds.
 * Results are ordered by run index before summarising, so the order in which
 * runs finish, and how an ensemble is split into chunks, never changes a number.
 */
import { simulate } from './engine/run.ts';
import {
  SERIES_KEYS, SUMMARY_KEYS,
  type RunResult, type SeriesKey, type SummaryKey,
} from './metrics.ts';
import { quantileSorted } from './stats.ts';
import { describeThreshold, goalsOf, judge, meetsAll, meetsGoal, type Status, type Threshold } from './playbook.ts';
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
  /** Share of member messages by hour of the day: per quantile, 24 values (MODEL §7). */
  readonly hourlyProfile: Record<QuantileName, Float64Array>;
}

/** Runs `count` runs starting at `firstRun`. A chunk of an ensemble, as a worker would run it. */
export function runChunk(scenario: Scenario, firstRun: number, count: number): RunResult[] {
  const results: RunResult[] = [];
  for (let r = firstRun; r < firstRun + count; r++) results.push(simulate(scenario, r));
  return results;
}

export function runEnsemble(scenario: Scenario, runs = scenario.runs): EnsembleSummary {
  return summariseEnsemble(scenario, runChunk(scenario, 0, runs));
}

export function quantilesOf(values: number[]): Quantiles {
  const sorted = Float64Array.from(values).sort();
  const out = {} as Record<QuantileName, number | null>;
  QUANTILES.forEach((q, k) => {
    out[QUANTILE_NAMES[k]] = sorted.length ? quantileSorted(sorted, q) : null;
  });
  return out;
}

export function summariseEnsemble(scenario: Scenario, unordered: RunResult[]): EnsembleSummary {
  const results = [...unordered].sort((a, b) => a.runIndex - b.runIndex);
  const runs = results.length;
  const horizonDays = scenario.horizonDays;
  const goals = goalsOf(scenario);
  const goalByMetric = new Map<SummaryKey, Threshold>(goals.map((t) => [t.metric, t]));

  const metrics = {} as Record<SummaryKey, MetricSummary>;
  for (const key of SUMMARY_KEYS) {
    const values: number[] = [];
    for (const r of results) {
      const v = r.summary[key];
      if (v !== null) values.push(v);
    }
    const q = quantilesOf(values);
    const goal = goalByMetric.get(key);
    metrics[key] = {
      ...q,
      mean: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null,
      n: values.length,
      threshold: goal ? describeThreshold(goal) : null,
      thresholdSource: goal ? goal.source : null,
      status: goal && q.p50 !== null ? judge(goal, q.p50) : null,
      goalMetShare: goal && runs ? values.filter((v) => meetsGoal(goal, v)).length / runs : null,
    };
  }

  let allMet = 0;
  for (const r of results) if (meetsAll(goals, r.summary)) allMet++;

  const daily = {} as EnsembleSummary['daily'];
  for (const key of SERIES_KEYS) daily[key] = quantilesByIndex(results.map((r) => r.series[key]), horizonDays);

  return {
    scenario: scenario.name,
    seed: scenario.seed,
    runs,
    horizonDays,
    metrics,
    goals,
    allGoalsMetShare: runs ? allMet / runs : 0,
    daily,
    hourlyProfile: quantilesByIndex(results.map((r) => r.hourlyProfile), 24),
  };
}

/** Quantiles across runs at each index (day or hour), ignoring undefined values (NaN). */
function quantilesByIndex(rows: readonly ArrayLike<number>[], length: number): Record<QuantileName, Float64Array> {
  const out = {} as Record<QuantileName, Float64Array>;
  for (const name of QUANTILE_NAMES) out[name] = new Float64Array(length);
  const column = new Float64Array(rows.length);
  for (let d = 0; d < length; d++) {
    let n = 0;
    for (const row of rows) {
      const v = row[d];
      if (!Number.isNaN(v)) column[n++] = v;
    }
    const sorted = column.subarray(0, n).sort();
    QUANTILES.forEach((q, k) => {
      out[QUANTILE_NAMES[k]][d] = n ? quantileSorted(sorted, q) : NaN;
    });
  }
  return out;
}
