/**
 * The command line on every core: an executor (src/model/planning/jobs.ts)
 * that spreads tasks over N worker_threads. The main thread runs no simulation:
 * it stays free to hear Ctrl-C at once (a task can take seconds, and a wrapper
 * such as tsx under `npm run sim` kills a child that does not answer a signal
 * within 60 ms), to report progress and to print what finished. Results are put
 * back in run-index order by the caller, so any number of threads gives the
 * same numbers.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Summary } from '../model/metrics.ts';
import type { Executor, Task, TaskResult } from '../model/planning/jobs.ts';
import type { Scenario } from '../model/scenario.ts';
import type { ThreadTask } from './thread-worker.ts';

export const defaultThreads = (): number => availableParallelism();

export interface ThreadPool {
  readonly execute: Executor;
  /** Stop the job in progress (Ctrl-C): its promise rejects with JobCancelled. */
  cancel(): void;
  close(): Promise<void>;
}

export class JobCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'JobCancelled';
  }
}

export function threadPool(threads: number): ThreadPool {
  const workers = Array.from({ length: Math.max(1, threads) }, () => new Worker(new URL('./thread-boot.mjs', import.meta.url)));
  let nextId = 0;
  let stop: (() => void) | null = null;
  const execute: Executor = (scenarios, tasks, onTask) => new Promise<TaskResult[]>((resolve, reject) => {
    const queue: Task[] = [...tasks];
    const results: TaskResult[] = [];
    let failed = false;
    stop = () => {
      failed = true;
      queue.length = 0;
      reject(new JobCancelled());
    };
    const feed = (worker: Worker) => {
      const task = queue.shift();
      if (!task) return;
      const id = nextId++;
      const onMessage = (message: { id: number; summaries?: Summary[]; error?: string }) => {
        if (message.id !== id) return;
        worker.off('message', onMessage);
        worker.off('error', onError);
        if (failed) return;
        if (message.error) {
          failed = true;
          reject(new Error(message.error));
          return;
        }
        accept({ ...task, summaries: message.summaries! });
        feed(worker);
      };
      const onError = (error: Error) => {
        failed = true;
        reject(error);
      };
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.postMessage({ id, scenario: scenarios[task.point] as Scenario, firstRun: task.firstRun, count: task.count } satisfies ThreadTask);
    };
    const accept = (result: TaskResult) => {
      results.push(result);
      onTask?.(result);
      if (results.length === tasks.length) resolve(results);
    };
    if (!tasks.length) resolve([]);
    // two tasks in flight per worker: it starts the next while this thread reads the last result
    else for (const w of workers) { feed(w); feed(w); }
  });
  return { execute, cancel: () => stop?.(), close: async () => { await Promise.all(workers.map((w) => w.terminate())); } };
}
