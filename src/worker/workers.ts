/** The app's worker factories (Vite bundles each worker as its own module chunk). */
import { WorkerPool } from './pool.ts';

export function createSimulationWorker(): Worker {
  return new Worker(new URL('./simulation.worker.ts', import.meta.url), { type: 'module', name: 'simulation' });
}

export function createSummaryWorker(): Worker {
  return new Worker(new URL('./summary.worker.ts', import.meta.url), { type: 'module', name: 'summary' });
}

export function defaultPoolSize(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 1 : 1;
  return Math.max(1, Math.min(cores, 8));
}

export function createPool(size = defaultPoolSize()): WorkerPool {
  return new WorkerPool({ size, createSimulationWorker, createSummaryWorker });
}
