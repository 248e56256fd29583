/** Keeps the runs of the current ensemble off the main thread and summarises them on request. */
import * as Comlink from 'comlink';
import { parseScenario, type Scenario } from '../model/scenario.ts';
import { summariseEnsemble } from '../model/ensemble.ts';
import type { RunResult } from '../model/metrics.ts';
import { unpackRuns, type SummaryApi } from './protocol.ts';

let scenario: Scenario | null = null;
let runs: RunResult[] = [];

const api: SummaryApi = {
  async reset(input) {
    const parsed = parseScenario(input);
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
    scenario = parsed.scenario;
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
  async runSummaries() {
    return [...runs].sort((a, b) => a.runIndex - b.runIndex).map((r) => r.summary);
  },
  async sample(runIndex) {
    const run = runs.find((r) => r.runIndex === runIndex);
    if (!run) return null;
    // copy the run's views out of its chunk's buffer, so only this run crosses back
    const series = Object.fromEntries(Object.entries(run.series).map(([key, values]) => [key, Float64Array.from(values)])) as typeof run.series;
    return { series, summary: run.summary };
  },
};

Comlink.expose(api);
