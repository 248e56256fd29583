/**
 * Paired comparisons for the mechanism tests: the same seed and run indices
 * (common random numbers) on both sides, one lever or constant changed, a real
 * ensemble of runs on each side. Ensembles are cached per scenario within a
 * test file, so a base scenario shared by many tests runs once.
 */
import { runChunk, runEnsemble, type EnsembleSummary } from '../../src/model/ensemble.ts';
import { parseScenario, type Scenario, type ScenarioInput } from '../../src/model/scenario.ts';
import type { RunResult, SeriesKey, SummaryKey } from '../../src/model/metrics.ts';
import type { ParameterKey } from '../../src/model/parameters.ts';

export const RUNS = 60;

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? (T[K] extends unknown[] ? T[K] : DeepPartial<T[K]>) : T[K] };

/** The scenario with some fields replaced (one level of sections merged), validated. */
export function variant(base: Scenario, patch: DeepPartial<ScenarioInput>): Scenario {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const current = merged[key];
    merged[key] = value && typeof value === 'object' && !Array.isArray(value) && current && typeof current === 'object'
      ? { ...(current as object), ...(value as object) } : value;
  }
  const parsed = parseScenario(merged);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.scenario;
}

/** The scenario with model constants set (outside their usual range if need be: a test switches a mechanism off). */
export function withConstants(base: Scenario, constants: Partial<Record<ParameterKey, number>>): Scenario {
  return { ...base, parameters: { ...base.parameters, ...constants } };
}

const ensembles = new Map<string, EnsembleSummary>();
const chunks = new Map<string, RunResult[]>();

export function ensemble(s: Scenario, runs = RUNS): EnsembleSummary {
  const key = `${runs}:${JSON.stringify(s)}`;
  let e = ensembles.get(key);
  if (!e) ensembles.set(key, (e = runEnsemble(s, runs)));
  return e;
}

function results(s: Scenario, runs: number): RunResult[] {
  const key = `${runs}:${JSON.stringify(s)}`;
  let r = chunks.get(key);
  if (!r) chunks.set(key, (r = runChunk(s, 0, runs)));
  return r;
}

/** Ensemble median of a summary metric (throws if undefined in most runs). */
export function median(s: Scenario, key: SummaryKey, runs = RUNS): number {
  const value = ensemble(s, runs).metrics[key].p50;
  if (value === null) throw new Error(`${key} has no value`);
  return value;
}

/** Ensemble mean of a summary metric. */
export function mean(s: Scenario, key: SummaryKey, runs = RUNS): number {
  const value = ensemble(s, runs).metrics[key].mean;
  if (value === null) throw new Error(`${key} has no value`);
  return value;
}

/** Mean over runs of a daily series summed over days [from, to]. */
export function meanTotal(s: Scenario, key: SeriesKey, runs = RUNS, from = 0, to = s.horizonDays - 1): number {
  let sum = 0;
  for (const r of results(s, runs)) for (let d = from; d <= to; d++) sum += r.series[key][d];
  return sum / runs;
}

/** Mean over runs and days [from, to] of a daily series that may be undefined (NaN) on some days. */
export function meanDaily(s: Scenario, key: SeriesKey, runs = RUNS, from = 0, to = s.horizonDays - 1): number {
  let sum = 0;
  let n = 0;
  for (const r of results(s, runs)) {
    for (let d = from; d <= to; d++) {
      const v = r.series[key][d];
      if (!Number.isNaN(v)) { sum += v; n++; }
    }
  }
  return sum / n;
}
