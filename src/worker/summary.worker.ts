/**
 * Keeps the runs of the current ensemble off the main thread and summarises
 * them on request; keeps each compared scenario's per-run summaries and
 * computes the paired comparison here too.
 */
import * as Comlink from 'comlink';
import type { Scenario } from '../model/scenario.ts';
import { summariseEnsemble } from '../model/ensemble.ts';
import { compareRuns } from '../model/compare.ts';
import type { RunResult, Summary } from '../model/metrics.ts';
import { unpackRuns, type SummaryApi } from './protocol.ts';

let scenario: Scenario | null = null;
let runs: RunResult[] = [];
let compared: Summary[][] = [];

const byRunIndex = () => [...runs].sort((a, b) => a.runIndex - b.runIndex);

const api: SummaryApi = {
  async reset(next) {
    scenario = next;
    runs = [];
  },
  async add(packed) {
    runs.push(...unpackRuns(packed));
  },
  async summarise() {
    if (!scenario) throw new Error('no ensemble started');
    const summary = summariseEnsemble(scenario, runs);
    const buffers: ArrayBuffer[] = [];
    for (const quantiles of Object.values(summary.daily)) for (const values of Object.values(quantiles)) buffers.push(values.buffer as ArrayBuffer);
    return Comlink.transfer(summary, buffers);
  },
  async sample(runIndex) {
    const run = runs.find((r) => r.runIndex === runIndex);
    if (!run) return null;
    // copy the run's views out of its chunk's buffer, so only this run crosses back
    const series = Object.fromEntries(Object.entries(run.series).map(([key, values]) => [key, Float64Array.from(values)])) as typeof run.series;
    return { series, summary: run.summary };
  },
  async runSummaries() {
    return byRunIndex().map((r) => r.summary);
  },
  async keepForComparison(slot) {
    if (slot === 0) compared = [];
    compared[slot] = byRunIndex().map((r) => r.summary);
  },
  async compare(scenarios) {
    if (compared.length !== scenarios.length) throw new Error(`compare: ${compared.length} scenarios kept, ${scenarios.length} given`);
    return compareRuns(scenarios, compared);
  },
};

Comlink.expose(api);
