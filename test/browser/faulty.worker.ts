/** A simulation worker that fails on its first chunk: to test that the pool replaces failed workers. */
import * as Comlink from 'comlink';
import type { SimulationApi } from '../../src/worker/protocol.ts';

const api: SimulationApi = {
  async run() {
    throw new Error('boom: simulated worker failure');
  },
  async summaries() {
    throw new Error('boom: simulated worker failure');
  },
  async summariesOfText() {
    throw new Error('boom: simulated worker failure');
  },
  async replay() {
    throw new Error('boom: simulated worker failure');
  },
};
Comlink.expose(api);
