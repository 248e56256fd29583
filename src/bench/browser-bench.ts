/**
 * Browser benchmark page (bench.html), driven by scripts/bench-browser.ts:
 * ensemble times with a pool of 1 and of N workers. Prints figures only.
 */
import { WorkerPool } from '../worker/pool.ts';
import { createSimulationWorker, createSummaryWorker, defaultPoolSize } from '../worker/workers.ts';
import { parseScenario } from '../model/scenario.ts';
import knowledgeSharing from '../../scenarios/knowledge-sharing.json';

async function timeEnsemble(size: number, runs: number, repeats: number): Promise<number[]> {
  const parsed = parseScenario(knowledgeSharing);
  if (!parsed.ok) throw new Error('knowledge-sharing.json does not validate');
  const pool = new WorkerPool({ size, createSimulationWorker, createSummaryWorker });
  await pool.run(parsed.scenario, 20); // warm-up: workers loaded and compiled
  const times: number[] = [];
  for (let k = 0; k < repeats; k++) {
    const started = performance.now();
    await pool.run(parsed.scenario, runs);
    times.push(performance.now() - started);
  }
  pool.dispose();
  return times;
}

declare global {
  interface Window {
    benchResults?: unknown;
  }
}

(async () => {
  const n = defaultPoolSize();
  const one = await timeEnsemble(1, 200, 5);
  const many = await timeEnsemble(n, 200, 5);
  window.benchResults = { hardwareConcurrency: navigator.hardwareConcurrency, poolSize: n, one, many };
})().catch((error) => {
  window.benchResults = { error: String(error) };
});
