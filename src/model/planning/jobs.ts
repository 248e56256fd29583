/**
 * How planning work is cut up and put back together. A job is a list of
 * strategies (points) and a range of run indices for each; it is cut into
 * tasks (one point, a chunk of runs) that any executor may run in any order:
 * one thread, a pool of workers, or shards on other machines. Runs of every
 * point use the same seed and run indices (common random numbers), and results
 * are put back in run-index order, so how the work was cut never changes a number.
 */
import { runSummaries } from '../ensemble.ts';
import type { Summary } from '../metrics.ts';
import type { Scenario } from '../scenario.ts';

export interface Task {
  readonly point: number;
  readonly firstRun: number;
  readonly count: number;
}

export interface TaskResult extends Task {
  /** One summary per run, in run-index order. */
  readonly summaries: readonly Summary[];
}

/** Runs per task: small enough to spread over workers and report progress, big enough to be cheap to send. */
export const TASK_RUNS = 20;

export function tasksFor(points: number, firstRun: number, runs: number, perTask = TASK_RUNS): Task[] {
  const tasks: Task[] = [];
  for (let point = 0; point < points; point++) {
    for (let first = firstRun; first < firstRun + runs; first += perTask) {
      tasks.push({ point, firstRun: first, count: Math.min(perTask, firstRun + runs - first) });
    }
  }
  return tasks;
}

/** Shard k of n (1-based): every n-th task, so shards take similar time. */
export function shardOf<T>(tasks: readonly T[], k: number, n: number): T[] {
  return tasks.filter((_, i) => i % n === k - 1);
}

/** Parse `k/n` (decimal, 1 ≤ k ≤ n ≤ 10000). */
export function parseShard(text: string): { k: number; n: number } | null {
  const match = /^(\d{1,5})\/(\d{1,5})$/.exec(text);
  if (!match) return null;
  const k = Number(match[1]);
  const n = Number(match[2]);
  return k >= 1 && k <= n && n <= 10_000 ? { k, n } : null;
}

export interface Progress {
  readonly done: number;
  readonly total: number;
  readonly elapsedMs: number;
  /** Estimated time left, once some work is done. */
  readonly remainingMs: number | null;
}

/** Runs tasks: in a worker pool, a thread pool, or (`runTasksHere`) the calling thread. */
export type Executor = (scenarios: readonly Scenario[], tasks: readonly Task[], onTask?: (result: TaskResult) => void) => Promise<TaskResult[]>;

/** The executor of the calling thread (tests, one-thread CLI). */
export const runTasksHere: Executor = async (scenarios, tasks, onTask) => tasks.map((task) => {
  const result = { ...task, summaries: runSummaries(scenarios[task.point], task.firstRun, task.count) };
  onTask?.(result);
  return result;
});

/** Per point, every run's summary in run-index order, from task results in any order. */
export function assemble(points: number, results: readonly TaskResult[]): Summary[][] {
  const byPoint: TaskResult[][] = Array.from({ length: points }, () => []);
  for (const r of results) byPoint[r.point].push(r);
  return byPoint.map((list) => list.sort((a, b) => a.firstRun - b.firstRun).flatMap((r) => r.summaries));
}

/** As `assemble`, for a job cut short: a point's runs only if all its tasks of `runs` runs finished, else null. */
export function assembleFinished(points: number, runs: number, results: readonly TaskResult[]): (Summary[] | null)[] {
  const perPoint = tasksFor(1, 0, runs).length;
  const counts = new Array<number>(points).fill(0);
  for (const r of results) counts[r.point]++;
  return assemble(points, results).map((list, i) => (counts[i] === perPoint ? list : null));
}

/**
 * Evaluate strategies over run indices [firstRun, firstRun + runs): the
 * per-point, per-run summaries, with progress in runs.
 */
export async function evaluate(
  executor: Executor, scenarios: readonly Scenario[], firstRun: number, runs: number,
  onProgress?: (done: number, total: number) => void,
): Promise<Summary[][]> {
  const tasks = tasksFor(scenarios.length, firstRun, runs);
  const total = scenarios.length * runs;
  let done = 0;
  const results = await executor(scenarios, tasks, (r) => {
    done += r.count;
    onProgress?.(done, total);
  });
  return assemble(scenarios.length, results);
}

/** One strategy's share of a batch: run indices [firstRun, firstRun + runs). */
export interface RunRange {
  readonly scenario: Scenario;
  readonly firstRun: number;
  readonly runs: number;
}

/**
 * Evaluate strategies over run ranges of their own, in one batch: work that
 * does not depend on each other's results goes to the workers together, so
 * none waits at the end of a stage while another still has tasks.
 */
export async function evaluateRanges(
  executor: Executor, ranges: readonly RunRange[],
  onProgress?: (done: number, total: number) => void,
): Promise<Summary[][]> {
  const tasks = ranges.flatMap((r, point) => (r.runs > 0 ? tasksFor(1, r.firstRun, r.runs).map((t) => ({ ...t, point })) : []));
  const total = ranges.reduce((sum, r) => sum + Math.max(0, r.runs), 0);
  let done = 0;
  const results = await executor(ranges.map((r) => r.scenario), tasks, (r) => {
    done += r.count;
    onProgress?.(done, total);
  });
  return assemble(ranges.length, results);
}
