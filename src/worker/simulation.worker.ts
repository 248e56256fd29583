/** A pool worker: runs chunks of an ensemble with the same engine as the CLI. */
import * as Comlink from 'comlink';
import { parseScenario } from '../model/scenario.ts';
import { runChunk } from '../model/ensemble.ts';
import { packRuns, type SimulationApi } from './protocol.ts';

const api: SimulationApi = {
  async run(input, firstRun, count) {
    const parsed = parseScenario(input);
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
    const packed = packRuns(runChunk(parsed.scenario, firstRun, count));
    return Comlink.transfer(packed, [packed.series.buffer]);
  },
};

Comlink.expose(api);
