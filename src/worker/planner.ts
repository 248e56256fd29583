/**
 * The planner off the page's main thread. A diagnosis, sweep, sensitivity
 * analysis, goal seek, frontier or discovery design is computed in a worker of
 * its own (`planner.worker.ts`): building and validating hundreds of
 * strategies, ranking them and reducing their runs took 100–300 ms at a time on
 * the main thread. Its simulations still go to the page's worker pool: the
 * planner calls back `execute` (a Comlink proxy of the pool's executor), which
 * hands each finished task straight to the planner, so the page only relays
 * messages. Numbers are those of the same code run anywhere (jobs.ts).
 */
import * as Comlink from 'comlink';
import type { Problem, Scenario } from '../model/scenario.ts';
import type { Executor, Task, TaskResult } from '../model/planning/jobs.ts';
import { diagnose, type Diagnosis } from '../model/planning/diagnose.ts';
import { frontier, type FrontierResult } from '../model/planning/frontier.ts';
import { runSweep, type SweepAxis, type SweepResult } from '../model/planning/sweep.ts';
import { InvalidDesignPoint, runSensitivity, type SensitivityResult } from '../model/planning/sensitivity-model.ts';
import { goalSeek, type GoalSeekResult } from '../model/planning/goal-seek.ts';
import type { Objective } from '../model/planning/optimize.ts';
import type { TextExecutor } from './pool.ts';
import type { Lever } from '../model/planning/levers.ts';
import { runDesign, type DesignResult } from '../model/planning/discover-model.ts';

/**
 * Run these tasks of these strategies (as JSON texts: the page passes them on
 * without copying objects); each result is handed to `onTask` as it finishes
 * (the return value is only the count).
 */
export type RemoteExecute = (scenarios: readonly string[], tasks: readonly Task[], onTask: (result: TaskResult) => void) => Promise<number>;
/** Progress of a planning job: its stage, runs done and runs in all. */
export type RemoteReport = (stage: string, done: number, total: number) => void;

/** A sensitivity design with a point that is not a valid scenario: its problems (an Error's own fields do not cross to the page). */
export interface Refused { readonly refused: readonly Problem[] }

export interface PlannerApi {
  diagnose(execute: RemoteExecute, report: RemoteReport, base: Scenario, runs: number): Promise<Diagnosis>;
  sweep(execute: RemoteExecute, report: RemoteReport, base: Scenario, axes: readonly SweepAxis[], runs: number): Promise<SweepResult>;
  sensitivity(execute: RemoteExecute, report: RemoteReport, base: Scenario, options: {
    levers: readonly Lever[]; runs: number; method: 'morris' | 'sobol'; samples: number; outputs: 'missed' | 'all';
  }): Promise<SensitivityResult | Refused>;
  goalSeek(execute: RemoteExecute, report: RemoteReport, base: Scenario, options: { levers: readonly Lever[]; objective: Objective; withinPlaybook: boolean }): Promise<GoalSeekResult>;
  frontier(execute: RemoteExecute, report: RemoteReport, base: Scenario, options: { levers: readonly Lever[]; points: number; withinPlaybook: boolean }): Promise<FrontierResult>;
  discover(execute: RemoteExecute, report: RemoteReport, base: Scenario, levers: readonly Lever[], points: number, runs: number): Promise<DesignResult>;
}

/** The pool's cancellation crosses the worker boundary as a plain Error of that name. */
export const CANCELLED = 'EnsembleCancelled';

class Cancelled extends Error {
  constructor() {
    super('ensemble cancelled');
    this.name = CANCELLED;
  }
}

/** In the planner: an Executor whose tasks the page's pool runs. */
export function executorOf(execute: RemoteExecute): Executor {
  return async (scenarios, tasks, onTask) => {
    if (!tasks.length) return [];
    const results: TaskResult[] = [];
    let allIn: () => void = () => undefined;
    // the results come on their own channel: the call may return before the last of them arrives
    const arrived = new Promise<void>((resolve) => { allIn = resolve; });
    const receive = (result: TaskResult) => {
      results.push(result);
      onTask?.(result);
      if (results.length === tasks.length) allIn();
    };
    try {
      await execute(scenarios.map((s) => JSON.stringify(s)), tasks, Comlink.proxy(receive));
    } catch (error) {
      throw (error as Error)?.name === CANCELLED ? new Cancelled() : error;
    }
    await arrived;
    return results;
  };
}

/** Progress at most every 100 ms (and at each new stage and the end): each report is a message to the page. */
function throttled(report: RemoteReport): (stage: string, done: number, total: number) => void {
  let last = 0;
  let lastStage = '';
  return (stage, done, total) => {
    const now = performance.now();
    if (stage === lastStage && done < total && now - last < 100) return;
    last = now;
    lastStage = stage;
    void report(stage, done, total);
  };
}

/** A job's callbacks to the page are released when it ends (each holds a message channel open). */
function releasing<T>(execute: RemoteExecute, report: RemoteReport, job: Promise<T>): Promise<T> {
  const release = (f: unknown) => (f as { [Comlink.releaseProxy]?: () => void })[Comlink.releaseProxy]?.();
  return job.finally(() => { release(execute); release(report); });
}

const jobs: PlannerApi = {
  diagnose(execute, report, base, runs) {
    const progress = throttled(report);
    return diagnose(executorOf(execute), base, runs, (done, total) => progress('run', done, total));
  },
  sweep(execute, report, base, axes, runs) {
    const progress = throttled(report);
    return runSweep(executorOf(execute), base, axes, runs, (done, total) => progress('run', done, total));
  },
  async sensitivity(execute, report, base, options) {
    const progress = throttled(report);
    try {
      return await runSensitivity(executorOf(execute), base, options, (done, total) => progress('run', done, total));
    } catch (error) {
      if (error instanceof InvalidDesignPoint) return { refused: error.problems };
      throw error;
    }
  },
  goalSeek(execute, report, base, options) {
    return goalSeek(executorOf(execute), base, { ...options, onProgress: throttled(report) });
  },
  frontier(execute, report, base, options) {
    return frontier(executorOf(execute), base, { ...options, onProgress: throttled(report) });
  },
  discover(execute, report, base, levers, points, runs) {
    const progress = throttled(report);
    return runDesign(executorOf(execute), base, levers, points, runs, (done, total) => progress('run', done, total));
  },
};

export const plannerApi: PlannerApi = {
  diagnose: (execute, report, ...rest) => releasing(execute, report, jobs.diagnose(execute, report, ...rest)),
  sweep: (execute, report, ...rest) => releasing(execute, report, jobs.sweep(execute, report, ...rest)),
  sensitivity: (execute, report, ...rest) => releasing(execute, report, jobs.sensitivity(execute, report, ...rest)),
  goalSeek: (execute, report, ...rest) => releasing(execute, report, jobs.goalSeek(execute, report, ...rest)),
  frontier: (execute, report, ...rest) => releasing(execute, report, jobs.frontier(execute, report, ...rest)),
  discover: (execute, report, ...rest) => releasing(execute, report, jobs.discover(execute, report, ...rest)),
};

/** On the page: the pool's executor as the planner calls it (each finished task handed straight over). */
export function remoteExecute(execute: TextExecutor): RemoteExecute {
  return Comlink.proxy(async (scenarios: readonly string[], tasks: readonly Task[], onTask: (result: TaskResult) => void) => {
    try {
      await execute(scenarios, tasks, (result) => { void onTask(result); });
    } finally {
      (onTask as unknown as { [Comlink.releaseProxy]?: () => void })[Comlink.releaseProxy]?.();
    }
    return tasks.length;
  });
}
