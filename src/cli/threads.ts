/**
 * The command line on every core: an executor (src/model/planning/jobs.ts)
 * that spreads tasks over the main thread and N − 1 worker_threads (the main
 * thread would otherwise only wait, and every worker pays for loading the
 * TypeScript model). Results are put back in run-index order by the caller,
 * so any number of threads gives the same numbers.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Summary } from '../model/metrics.ts';
import { runSummaries } from '../model/ensemble.ts';
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
  // one thread: the main thread alone, still yielding between tasks so Ctrl-C is heard
  const workers = Array.from({ length: Math.max(0, threads - 1) }, () => new Worker(new URL('./thread-boot.mjs', import.meta.url)));
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
    // the main thread takes a task whenever it is free, yielding between tasks so worker messages are handled
    const here = () => {
      if (failed) return;
      const task = queue.shift();
      if (!task) return;
      try {
        accept({ ...task, summaries: runSummaries(scenarios[task.point], task.firstRun, task.count) });
      } catch (error) {
        failed = true;
        reject(error);
        return;
      }
      setImmediate(here);
    };
    if (!tasks.length) resolve([]);
    else {
      // two tasks in flight per worker: it starts the next while the main thread, busy with a task of its own, has not yet read the last result
      for (const w of workers) { feed(w); feed(w); }
      setImmediate(here);
    }
  });
  return { execute, cancel: () => stop?.(), close: async () => { await Promise.all(workers.map((w) => w.terminate())); } };
}
