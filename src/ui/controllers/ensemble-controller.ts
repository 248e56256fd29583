/**
 * The lab's ensembles: owns the worker pool; every valid edit schedules a
 * quick ensemble (debounced) that supersedes the one running; the full
 * ensemble runs on demand with progress and can be cancelled. Only the latest
 * run may change what is shown.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EnsembleSummary } from '../../model/ensemble.ts';
import type { Series } from '../../model/metrics.ts';
import type { Scenario } from '../../model/scenario.ts';
import { EnsembleCancelled, type Progress, type WorkerPool } from '../../worker/pool.ts';
import { createPool } from '../../worker/workers.ts';
import { messageOf, type NoticesController } from './notices-controller.ts';

/** Runs in the quick ensemble that follows every edit. */
export const QUICK_RUNS = 60;
const DEBOUNCE_MS = 60;
/** While edits keep coming (a slider dragged), a preview still starts at least this often. */
const LIVE_EVERY_MS = 250;

export type RunKind = 'quick' | 'full';

export interface FinishedRun {
  /** Counts finished ensembles (tests and tools wait on it). */
  readonly id: number;
  readonly kind: RunKind;
  readonly runs: number;
  readonly seconds: number;
  readonly seed: number;
}

/** What the results on screen (and their exports) are: a quick preview, a full run, or a full run's part before Cancel. */
export interface ShownResults {
  readonly kind: 'quick' | 'full' | 'partial';
  readonly runs: number;
}

export class EnsembleController implements ReactiveController {
  summary: EnsembleSummary | null = null;
  /** The scenario `summary` is of. */
  scenario: Scenario | null = null;
  shown: ShownResults | null = null;
  /** Run 0's daily series (the membership pyramid). */
  sample: Series | null = null;
  running: RunKind | null = null;
  progress: Progress | null = null;
  lastRun: FinishedRun | null = null;
  pool: WorkerPool | null = null;
  /** Each ensemble's number: only the latest may change the state. */
  private token = 0;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  /** When the oldest edit not yet previewed was made (null: none waiting). */
  private waitingSince: number | null = null;

  constructor(private readonly host: ReactiveControllerHost & EventTarget, private readonly notices: NoticesController) {
    host.addController(this);
  }

  hostConnected(): void {
    this.pool = createPool();
  }

  hostDisconnected(): void {
    clearTimeout(this.debounce);
    this.pool?.dispose();
    this.pool = null;
  }

  get workers(): number {
    return this.pool?.size ?? 1;
  }

  /**
   * A quick preview of the scenario shortly after the last edit; during a
   * stream of edits (a slider dragged) one still starts every LIVE_EVERY_MS
   * once the previous has finished, so the charts follow the drag.
   */
  schedule(scenario: Scenario): void {
    clearTimeout(this.debounce);
    const now = performance.now();
    this.waitingSince ??= now;
    const start = () => { this.waitingSince = null; void this.run(scenario, 'quick'); };
    // not over a preview still running: it finishes and shows, and the next one follows
    if (now - this.waitingSince >= LIVE_EVERY_MS && this.running === null) start();
    else this.debounce = setTimeout(start, DEBOUNCE_MS);
  }

  /** Another feature takes the pool (a comparison): the lab's run in progress no longer owns it. */
  release(): void {
    clearTimeout(this.debounce);
    this.waitingSince = null;
    this.token++;
    this.running = null;
    this.host.requestUpdate();
  }

  cancel(): void {
    this.pool?.cancel();
  }

  async run(scenario: Scenario, kind: RunKind): Promise<void> {
    const pool = this.pool;
    if (!pool) return;
    clearTimeout(this.debounce); // a pending quick preview must not replace this run
    this.waitingSince = null;
    const runs = kind === 'quick' ? Math.min(QUICK_RUNS, scenario.runs) : scenario.runs;
    const token = ++this.token;
    const current = () => token === this.token;
    this.running = kind;
    this.host.requestUpdate();
    const started = performance.now();
    try {
      const summary = await pool.run(scenario, runs, {
        onProgress: (progress) => { if (current()) { this.progress = progress; this.host.requestUpdate(); } },
        onPartial: (partial) => {
          if (!current() || kind !== 'full') return;
          this.summary = partial;
          this.scenario = scenario;
          this.shown = { kind: 'partial', runs: partial.runs };
          this.host.requestUpdate();
        },
        onWorkerError: (message) => this.notices.notify({ key: 'workerError', params: { message } }),
      });
      const sample = await pool.sample(0);
      if (!current()) return;
      this.summary = summary;
      this.scenario = scenario;
      this.shown = { kind, runs: summary.runs };
      this.sample = sample?.series ?? null;
      this.lastRun = { id: (this.lastRun?.id ?? 0) + 1, kind, runs, seconds: (performance.now() - started) / 1000, seed: scenario.seed };
      this.running = null;
      this.host.requestUpdate();
      this.host.dispatchEvent(new CustomEvent('results', { detail: { kind, runs } }));
    } catch (error) {
      if (!current()) return;
      this.running = null;
      this.host.requestUpdate();
      if (error instanceof EnsembleCancelled) {
        if (kind === 'full') this.notices.notify({ key: 'cancelled' });
        return;
      }
      this.notices.notify({ key: 'runFailed', params: { message: messageOf(error) } });
    }
  }
}
