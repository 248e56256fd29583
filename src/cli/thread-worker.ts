/**
 * One simulation thread of the command line (worker_threads): runs the tasks
 * it is sent and posts back each run's summary. Thin: the work is src/model's.
 */
import { parentPort } from 'node:worker_threads';
import { runSummaries } from '../model/ensemble.ts';
import type { Scenario } from '../model/scenario.ts';

export interface ThreadTask {
  readonly id: number;
  readonly scenario: Scenario;
  readonly firstRun: number;
  readonly count: number;
}

parentPort?.on('message', (task: ThreadTask) => {
  try {
    const summaries = runSummaries(task.scenario, task.firstRun, task.count);
    parentPort!.postMessage({ id: task.id, summaries });
  } catch (error) {
    parentPort!.postMessage({ id: task.id, error: error instanceof Error ? error.stack ?? error.message : String(error) });
  }
});
