/**
 * Keeps the statistics of the current ensemble off the main thread (an
 * EnsembleAccumulator: runs are folded in as chunks arrive, in any order, and
 * memory stops growing beyond the first EXACT_RUNS runs) and summarises them
 * on request; keeps each compared scenario's per-run summaries and computes
 * the paired comparison here too.
 */
import * as Comlink from 'comlink';
import { EnsembleAccumulator } from '../model/ensemble.ts';
import { compareRuns } from '../model/compare.ts';
import type { Summary } from '../model/metrics.ts';
import { unpackRuns, type SummaryApi } from './protocol.ts';

let ensemble: EnsembleAccumulator | null = null;
let compared: Summary[][] = [];

const api: SummaryApi = {
  async reset(next) {
    ensemble = new EnsembleAccumulator(next);
  },
  async add(packed) {
    for (const run of unpackRuns(packed)) ensemble?.add(run);
  },
  async summarise() {
    if (!ensemble) throw new Error('no ensemble started');
    const summary = ensemble.summarise();
    const buffers: ArrayBuffer[] = [];
    for (const quantiles of Object.values(summary.daily)) for (const values of Object.values(quantiles)) buffers.push(values.buffer as ArrayBuffer);
    return Comlink.transfer(summary, buffers);
  },
  async sample(runIndex) {
    const run = ensemble?.sampleRun();
    if (!run || run.runIndex !== runIndex) return null;
    // copy the run's views out of its chunk's buffer, so only this run crosses back
    const series = Object.fromEntries(Object.entries(run.series).map(([key, values]) => [key, Float64Array.from(values)])) as typeof run.series;
    return { series, summary: run.summary };
  },
  async runSummaries() {
    return ensemble?.runSummaries() ?? [];
  },
  async keepForComparison(slot) {
    if (slot === 0) compared = [];
    compared[slot] = ensemble?.runSummaries() ?? [];
  },
  async compare(scenarios) {
    if (compared.length !== scenarios.length) throw new Error(`compare: ${compared.length} scenarios kept, ${scenarios.length} given`);
    return compareRuns(scenarios, compared);
  },
};

Comlink.expose(api);
