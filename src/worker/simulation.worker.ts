/** A pool worker: runs chunks of an ensemble with the same engine as the CLI. */
import * as Comlink from 'comlink';
import { runChunk, runSummaries } from '../model/ensemble.ts';
import { replay } from '../model/engine/run.ts';
import { packRuns, type SimulationApi } from './protocol.ts';
import type { Scenario } from '../model/scenario.ts';

const api: SimulationApi = {
  async run(scenario, firstRun, count) {
    const packed = packRuns(runChunk(scenario, firstRun, count));
    return Comlink.transfer(packed, [packed.series.buffer]);
  },
  async summaries(scenario, firstRun, count) {
    return runSummaries(scenario, firstRun, count);
  },
  async summariesOfText(scenarioJson, firstRun, count) {
    return runSummaries(JSON.parse(scenarioJson) as Scenario, firstRun, count);
  },
  async replay(scenario, runIndex) {
    return replay(scenario, runIndex);
  },
};

Comlink.expose(api);
