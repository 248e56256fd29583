/**
 * The planning controller's jobs, with a fake planner (exposed over a MessageChannel, as the planner worker is)
 * and a fake pool: what the page does when messages come in an order the real workers produce now and then.
 * Every wait is on an event (a call delivered, a job settled), never on a time.
 */
import { describe, expect, it } from 'vitest';
import * as Comlink from 'comlink';
import type { ReactiveControllerHost } from 'lit';
import type { Scenario } from '../../src/model/scenario.ts';
import type { Diagnosis } from '../../src/model/planning/diagnose.ts';
import type { FrontierResult } from '../../src/model/planning/frontier.ts';
import type { GoalSeekResult } from '../../src/model/planning/goal-seek.ts';
import type { TaskResult } from '../../src/model/planning/jobs.ts';
import { leverAt } from '../../src/model/planning/levers.ts';
import type { PlannerApi, RemoteExecute, RemoteReport } from '../../src/worker/planner.ts';
import type { WorkerPool } from '../../src/worker/pool.ts';
import { PlanningController } from '../../src/ui/controllers/planning-controller.ts';
import type { NoticesController } from '../../src/ui/controllers/notices-controller.ts';
import { loadScenario } from '../scenarios.ts';

const base: Scenario = loadScenario('knowledge-sharing', (s) => ({ ...s, horizonDays: 7 }));
const levers = [leverAt('team.admins')!];

/** A promise with its resolve, to hold a fake job where a test wants it. */
function gate<T = void>() {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => { open = resolve; });
  return { promise, open };
}

/** A planner worker's stand-in: `api` exposed on one end of a channel, the other end handed to the controller as its worker. */
function fakePlannerWorker(api: Partial<PlannerApi>): Worker {
  const { port1, port2 } = new MessageChannel();
  Comlink.expose(api, port2);
  return Object.assign(port1, { terminate: () => { port1.close(); port2.close(); } }) as unknown as Worker;
}

/** A pool whose every task finishes at once, with no runs. */
function fakePool(): WorkerPool {
  const executeText = async (_scenarios: readonly string[], tasks: readonly { point: number; firstRun: number; count: number }[], onTask?: (r: TaskResult) => void) => {
    const results = tasks.map((t) => ({ ...t, summaries: [] }));
    results.forEach((r) => onTask?.(r));
    return results;
  };
  return { executeText, execute: executeText, cancel() {}, dispose() {} } as unknown as WorkerPool;
}

function controller(api: Partial<PlannerApi>) {
  const host = { addController() {}, removeController() {}, requestUpdate() {}, updateComplete: Promise.resolve(true) } as unknown as ReactiveControllerHost;
  const notified: unknown[] = [];
  const notices = { notify: (n: unknown) => notified.push(n), refuse: (n: unknown) => notified.push(n) } as unknown as NoticesController;
  const planning = new PlanningController(host, notices, { createPool: fakePool, createPlannerWorker: () => fakePlannerWorker(api) });
  return { planning, notified };
}

describe('planning jobs', () => {
  it('a job\'s last progress report arriving after its result neither revives the job nor blocks the next one', async () => {
    // the planner's reports cross on a port of their own, its results on the worker's: the last report of a job
    // ("1768 / 1768 runs") can arrive after the job's result. The fake sends it after, as a test can count on.
    const reports: RemoteReport[] = [];
    const frontierHeld = gate();
    const frontierReported = gate();
    const { planning, notified } = controller({
      async diagnose(_execute: RemoteExecute, report: RemoteReport) {
        reports.push(report);
        await report('run', 5, 10);
        return { remedies: [] } as unknown as Diagnosis;
      },
      async frontier(_execute: RemoteExecute, report: RemoteReport) {
        await report('frontier', 1, 4);
        frontierReported.open();
        await frontierHeld.promise;
        return { points: [] } as unknown as FrontierResult;
      },
    });
    await planning.diagnose(base, 10);
    expect(planning.finished).toBe(1);
    expect(planning.results.diagnosis).not.toBeNull();
    expect(planning.progress).toBeNull();
    // the diagnosis' last report, delivered now (the call resolves once the page has handled it)
    await reports[0]('run', 10, 10);
    expect(planning.progress).toBeNull();
    expect(planning.busy).toBeNull();

    // while the next job runs, a late report of the one before does not take its place
    const next = planning.frontier(base, levers, 4);
    await frontierReported.promise;
    expect(planning.progress).toMatchObject({ kind: 'frontier', stage: 'frontier', done: 1, total: 4 });
    await reports[0]('run', 10, 10);
    expect(planning.progress).toMatchObject({ kind: 'frontier', stage: 'frontier', done: 1, total: 4 });
    frontierHeld.open();
    await next;
    await reports[0]('run', 10, 10);
    expect(planning.progress).toBeNull();
    expect(planning.finished).toBe(2);
    expect(notified).toEqual([]);
    planning.hostDisconnected();
  });

  it('Cancel while the planner ranks strategies (no runs in flight) stops the job at its next batch of runs', async () => {
    const ranking = gate();
    const ranked = gate();
    const { planning, notified } = controller({
      async goalSeek(execute: RemoteExecute) {
        ranking.open();
        await ranked.promise;
        // the next batch of runs: refused, as the job was cancelled
        await execute([JSON.stringify(base)], [{ point: 0, firstRun: 0, count: 1 }], Comlink.proxy(() => {}));
        return { withinPlaybook: true } as unknown as GoalSeekResult;
      },
    });
    const job = planning.goalSeek(base, levers, { kind: 'maxGoals', budget: 10 });
    await ranking.promise;
    expect(planning.busy).toBe('goalSeek');
    planning.cancel();
    ranked.open();
    await job;
    expect(notified).toContainEqual({ key: 'planCancelled' });
    expect(planning.results.goalSeek).toBeNull();
    expect(planning.progress).toBeNull();
    expect(planning.finished).toBe(0);
    planning.hostDisconnected();
  });
});
