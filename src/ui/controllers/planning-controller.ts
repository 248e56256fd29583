/**
 * Planning jobs in the browser: a diagnosis, a sweep, a sensitivity analysis or a
 * goal seek, one at a time, computed in the planner worker (worker/planner.ts:
 * nothing of the planning runs on the page's main thread, which only relays
 * tasks) with its simulations on a worker pool of their own (the lab's quick
 * previews keep theirs). Each job reports progress (done, elapsed, left) and
 * can be cancelled; a cancelled sweep keeps the points that finished.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import * as Comlink from 'comlink';
import type { Scenario } from '../../model/scenario.ts';
import type { TaskResult } from '../../model/planning/jobs.ts';
import { TimeLeft } from '../../model/planning/time-left.ts';
import type { Diagnosis } from '../../model/planning/diagnose.ts';
import type { FrontierResult } from '../../model/planning/frontier.ts';
import { partialSweep, type SweepAxis, type SweepResult } from '../../model/planning/sweep.ts';
import type { SensitivityResult } from '../../model/planning/sensitivity-model.ts';
import type { GoalSeekResult } from '../../model/planning/goal-seek.ts';
import type { Objective } from '../../model/planning/optimize.ts';
import type { Lever } from '../../model/planning/levers.ts';
import type { DesignResult } from '../../model/planning/discover-model.ts';
import { EnsembleCancelled, type TextExecutor, type WorkerPool } from '../../worker/pool.ts';
import { CANCELLED, remoteExecute, type PlannerApi, type RemoteExecute, type RemoteReport } from '../../worker/planner.ts';
import { createPlannerWorker, createPool } from '../../worker/workers.ts';
import { messageOf, type NoticesController } from './notices-controller.ts';
import type { SavedPlans } from '../storage/scenario-store.ts';

export type PlanKind = 'diagnosis' | 'sweep' | 'sensitivity' | 'goalSeek' | 'frontier' | 'discovery';
export type PlanStage = 'run' | 'frontier' | 'screen' | 'evolve' | 'refine' | 'race' | 'check' | 'final';

export interface PlanProgress {
  readonly kind: PlanKind;
  readonly stage: PlanStage;
  readonly done: number;
  readonly total: number;
  readonly elapsedMs: number;
  readonly remainingMs: number | null;
}

export interface PlanResults {
  diagnosis: { readonly result: Diagnosis; readonly scenario: Scenario } | null;
  sweep: { readonly result: SweepResult; readonly scenario: Scenario; readonly partial: boolean } | null;
  sensitivity: { readonly result: SensitivityResult; readonly scenario: Scenario } | null;
  goalSeek: { readonly result: GoalSeekResult; readonly scenario: Scenario } | null;
  /** A sampled design for scenario discovery (the rules are found from it as the panel asks). */
  discovery: { readonly result: DesignResult; readonly scenario: Scenario } | null;
  frontier: { readonly result: FrontierResult; readonly scenario: Scenario } | null;
}

const PLAN_KINDS = ['diagnosis', 'sweep', 'sensitivity', 'goalSeek', 'frontier', 'discovery'] as const;

/**
 * Whether a result kept with a library entry has the shape this version shows
 * (results saved by an earlier version — a diagnosis without remedies, a goal
 * seek without guardrails — are dropped, not shown half-broken).
 */
function currentShape(kind: PlanKind, result: unknown): boolean {
  const r = result as Record<string, unknown> | null;
  if (!r || typeof r !== 'object') return false;
  if (kind === 'diagnosis') return Array.isArray(r.remedies);
  if (kind === 'goalSeek') return typeof r.withinPlaybook === 'boolean';
  if (kind === 'frontier') return Array.isArray(r.points);
  return true;
}

/**
 * Progress repaints at most this often (and at each new stage and the end): a repaint takes
 * main-thread time the workers could use on two cores. Once a second is enough for a count and
 * a time left; at 4 a second, a frontier reporting task by task had ten main-thread tasks over
 * 50 ms on a loaded machine (bench:plan), against two when it reported once a round.
 */
const REPAINT_MS = 1_000;

/** Where a controller gets its workers (tests give fakes). */
export interface PlanningWorkers {
  readonly createPool: () => WorkerPool;
  readonly createPlannerWorker: () => Worker;
}

export class PlanningController implements ReactiveController {
  progress: PlanProgress | null = null;
  results: PlanResults = { diagnosis: null, sweep: null, sensitivity: null, goalSeek: null, frontier: null, discovery: null };
  /** Jobs finished (tests and tools wait on it). */
  finished = 0;
  private pool: WorkerPool | null = null;
  private planner: { worker: Worker; api: Comlink.Remote<PlannerApi>; died: Promise<never>; dead: boolean } | null = null;
  private lastPaint = 0;
  /** The job running (its token): only its reports and its end touch `progress`. */
  private running: { cancelled: boolean } | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly notices: NoticesController,
    private readonly workers: PlanningWorkers = { createPool, createPlannerWorker },
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.pool?.dispose();
    this.pool = null;
    this.planner?.worker.terminate();
    this.planner = null;
  }

  get busy(): PlanKind | null {
    return this.progress?.kind ?? null;
  }

  /**
   * Stops the job running: the pool's tasks in flight at once, and any the planner asks for later (between two
   * batches of runs, while it ranks strategies, the pool has none to stop).
   */
  cancel(): void {
    if (this.running) this.running.cancelled = true;
    this.pool?.cancel();
  }

  /** The results run on exactly this scenario, to keep with it in the library. */
  resultsFor(scenario: Scenario): SavedPlans {
    const same = (s: Scenario) => JSON.stringify(s) === JSON.stringify(scenario);
    const out: SavedPlans = {};
    for (const kind of PLAN_KINDS) {
      const r = this.results[kind];
      if (r && same(r.scenario)) out[kind] = r;
    }
    return out;
  }

  /** Results kept with a library entry, shown again when it is opened. */
  restore(plans: SavedPlans | undefined): void {
    if (!plans) return;
    const usable = Object.fromEntries(PLAN_KINDS.flatMap((kind) => (plans[kind] && currentShape(kind, plans[kind]!.result) ? [[kind, plans[kind]]] : [])));
    this.results = { ...this.results, ...(usable as Partial<PlanResults>) };
    this.host.requestUpdate();
  }

  diagnose(base: Scenario, runs: number): Promise<void> {
    return this.job('diagnosis', async (planner, execute, report) => {
      const result = await planner.diagnose(execute, report, base, runs);
      this.results.diagnosis = { result, scenario: base };
    });
  }

  sweep(base: Scenario, axes: readonly SweepAxis[], runs: number): Promise<void> {
    const received: TaskResult[] = [];
    // the tasks that finished are kept on the page, for a cancelled sweep's partial result
    return this.job('sweep', async (planner, _execute, report, tasks) => {
      const result = await planner.sweep(remoteExecute(recording(tasks, received)), report, base, axes, runs);
      this.results.sweep = { result, scenario: base, partial: false };
    }, () => {
      // cancelled: the points whose runs all finished are kept
      const result = partialSweep(base, axes, runs, received);
      if (result) this.results.sweep = { result, scenario: base, partial: true };
    });
  }

  /** Morris screening (`samples`: trajectories) or Sobol indices (`samples`: base samples N), of the goals missed now or every goal. */
  sensitivity(base: Scenario, levers: readonly Lever[], runs: number, method: 'morris' | 'sobol', samples: number, outputs: 'missed' | 'all' = 'missed'): Promise<void> {
    return this.job('sensitivity', async (planner, execute, report) => {
      const result = await planner.sensitivity(execute, report, base, { method, levers, runs, samples, outputs });
      if ('refused' in result) this.notices.refuse({ key: 'planRefused' }, result.refused);
      else this.results.sensitivity = { result, scenario: base };
    });
  }

  goalSeek(base: Scenario, levers: readonly Lever[], objective: Objective, withinPlaybook = true): Promise<void> {
    return this.job('goalSeek', async (planner, execute, report) => {
      const result = await planner.goalSeek(execute, report, base, { levers, objective, withinPlaybook });
      this.results.goalSeek = { result, scenario: base };
    });
  }

  /** The hours–chance frontier over the levers. */
  frontier(base: Scenario, levers: readonly Lever[], points: number, withinPlaybook = true): Promise<void> {
    return this.job('frontier', async (planner, execute, report) => {
      const result = await planner.frontier(execute, report, base, { levers, points, withinPlaybook });
      this.results.frontier = { result, scenario: base };
    });
  }

  /** Scenario discovery: a Latin hypercube of `points` strategies over the levers, `runs` runs each. */
  discover(base: Scenario, levers: readonly Lever[], points: number, runs: number): Promise<void> {
    return this.job('discovery', async (planner, execute, report) => {
      const result = await planner.discover(execute, report, base, levers, points, runs);
      this.results.discovery = { result, scenario: base };
    });
  }

  /** The planner worker (made once); a call fails rather than waits forever if it dies. */
  private plannerApi() {
    if (!this.planner) {
      const worker = this.workers.createPlannerWorker();
      let markDead = () => undefined as void;
      const died = new Promise<never>((_, reject) => {
        worker.addEventListener('error', (event) => { event.preventDefault(); markDead(); reject(new Error(event.message || 'the planner stopped')); });
      });
      died.catch(() => undefined);
      const planner = { worker, api: Comlink.wrap<PlannerApi>(worker), died, dead: false };
      markDead = () => { planner.dead = true; };
      this.planner = planner;
    }
    return this.planner;
  }

  private async job(
    kind: PlanKind,
    work: (planner: Comlink.Remote<PlannerApi>, execute: RemoteExecute, report: RemoteReport, tasks: TextExecutor) => Promise<void>,
    onCancel?: () => void,
  ): Promise<void> {
    this.pool ??= this.workers.createPool();
    const pool = this.pool;
    const planner = this.plannerApi();
    const started = performance.now();
    const token = { cancelled: false };
    this.running = token;
    // time left from the speed measured on this job (time-left.ts), not from its start (the workers' start-up)
    const timeLeft = new TimeLeft();
    this.progress = { kind, stage: 'run', done: 0, total: 0, elapsedMs: 0, remainingMs: null };
    this.host.requestUpdate();
    // A report comes on a channel of its own (a Comlink proxy's port), the job's result on the planner's: a job's
    // last report ("1768 / 1768 runs") may arrive after its result. Applied then, it set `progress` again after the
    // job had ended, and the plan view showed that job running, every Plan button blocked, for good. A report of a
    // job no longer running is dropped.
    const report = (stage: string, done: number, total: number) => {
      if (this.running !== token) return;
      const now = performance.now();
      const elapsedMs = now - started;
      const stageChanged = stage !== this.progress?.stage;
      this.progress = { kind, stage: stage as PlanStage, done, total, elapsedMs, remainingMs: timeLeft.update(now, done, total) };
      if (stageChanged || done === total || now - this.lastPaint >= REPAINT_MS) {
        this.lastPaint = now;
        this.host.requestUpdate();
      }
    };
    // the pool's tasks, refused once the job is cancelled (the refusal reaches the planner as a cancellation)
    const tasks: TextExecutor = (scenarios, list, onTask) => (token.cancelled ? Promise.reject(new EnsembleCancelled()) : pool.executeText(scenarios, list, onTask));
    const execute = remoteExecute(tasks);
    const reportProxy = Comlink.proxy(report);
    try {
      await Promise.race([work(planner.api, execute, reportProxy, tasks), planner.died]);
      this.finished++;
    } catch (error) {
      // a planner that died is made afresh for the next job
      if (this.planner === planner && planner.dead) {
        planner.worker.terminate();
        this.planner = null;
      }
      if (error instanceof EnsembleCancelled || (error as Error | undefined)?.name === CANCELLED) {
        onCancel?.();
        this.notices.notify({ key: 'planCancelled' });
      } else {
        this.notices.notify({ key: 'runFailed', params: { message: messageOf(error) } });
      }
    } finally {
      // a job superseded by a newer one leaves the newer one's progress alone
      if (this.running === token) {
        this.running = null;
        this.progress = null;
      }
      this.host.requestUpdate();
    }
  }
}

/** An executor keeping each finished task in `received`. */
function recording(execute: TextExecutor, received: TaskResult[]): TextExecutor {
  return (scenarios, tasks, onTask) => execute(scenarios, tasks, (r) => { received.push(r); onTask?.(r); });
}
