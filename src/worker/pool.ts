/**
 * The worker pool: an ensemble split into chunks of run indices across N
 * simulation workers, results streamed to a summary worker as chunks finish.
 * The summary orders runs by index, so a pool of 1 and a pool of 8 give the
 * same numbers. Cancel terminates the workers, which stops the work at once.
 * A worker that throws or dies is reported, replaced, and its chunk retried once.
 */
import * as Comlink from 'comlink';
import type { EnsembleSummary } from '../model/ensemble.ts';
import { alignForComparison, type Comparison } from '../model/compare.ts';
import type { Scenario } from '../model/scenario.ts';
import type { Series, Summary } from '../model/metrics.ts';
import type { Executor, Task, TaskResult } from '../model/planning/jobs.ts';
import type { PackedRuns, SimulationApi, SummaryApi } from './protocol.ts';

export interface Progress {
  readonly done: number;
  readonly total: number;
  readonly elapsedMs: number;
  /** Estimated time left, once a chunk has finished. */
  readonly remainingMs: number | null;
}

export interface RunHandlers {
  onProgress?(progress: Progress): void;
  /** A summary of the runs so far, at most every `partialEveryMs`. */
  onPartial?(summary: EnsembleSummary): void;
  /** A worker failed; it has been replaced. */
  onWorkerError?(message: string): void;
}

export interface PoolOptions {
  readonly size: number;
  readonly createSimulationWorker: (index: number) => Worker;
  readonly createSummaryWorker: () => Worker;
  readonly partialEveryMs?: number;
}

/** An Executor for scenarios sent as their JSON texts. */
export type TextExecutor = (scenarios: readonly string[], tasks: readonly Task[], onTask?: (result: TaskResult) => void) => Promise<TaskResult[]>;

export class EnsembleCancelled extends Error {
  constructor() {
    super('ensemble cancelled');
    this.name = 'EnsembleCancelled';
  }
}

interface Slot {
  worker: Worker;
  api: Comlink.Remote<SimulationApi>;
  /** Rejects the call in flight if the worker dies (comlink would wait forever). */
  died: Promise<never>;
}

interface Chunk {
  readonly firstRun: number;
  readonly count: number;
  attempts: number;
}

export class WorkerPool {
  private slots: Slot[] = [];
  private readonly summaryWorker: Worker;
  private readonly summary: Comlink.Remote<SummaryApi>;
  private generation = 0;
  private rejectCurrent: ((reason: unknown) => void) | null = null;
  private created = 0;

  constructor(private readonly options: PoolOptions) {
    if (options.size < 1) throw new Error('a pool needs at least one worker');
    for (let i = 0; i < options.size; i++) this.slots.push(this.spawn());
    this.summaryWorker = options.createSummaryWorker();
    this.summary = Comlink.wrap<SummaryApi>(this.summaryWorker);
  }

  get size(): number {
    return this.slots.length;
  }

  private spawn(): Slot {
    const worker = this.options.createSimulationWorker(this.created++);
    const died = new Promise<never>((_, reject) => {
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        reject(new Error(event.message || 'the worker stopped'));
      });
    });
    died.catch(() => undefined); // observed by the call in flight, if any
    return { worker, api: Comlink.wrap<SimulationApi>(worker), died };
  }

  private replace(index: number): void {
    this.slots[index].worker.terminate();
    this.slots[index] = this.spawn();
  }

  /**
   * Run `runs` runs of a validated scenario. A new run supersedes the one in
   * progress: its promise rejects with EnsembleCancelled and its queue is
   * dropped, but the workers are kept (their chunk in flight finishes and is
   * ignored), so a quick re-run after each edit does not pay for new workers.
   */
  async run(scenario: Scenario, runs: number, handlers: RunHandlers = {}): Promise<EnsembleSummary> {
    this.supersede();
    const generation = ++this.generation;
    const started = performance.now();
    const total = runs;
    const chunkSize = Math.max(1, Math.min(25, Math.ceil(runs / (this.slots.length * 4))));
    const queue: Chunk[] = [];
    for (let first = 0; first < runs; first += chunkSize) queue.push({ firstRun: first, count: Math.min(chunkSize, runs - first), attempts: 0 });
    let done = 0;
    let lastPartial = started;
    let partialInFlight = false;
    const partialEvery = this.options.partialEveryMs ?? 250;
    const current = () => generation === this.generation;

    const cancelled = new Promise<never>((_, reject) => { this.rejectCurrent = reject; });
    cancelled.catch(() => undefined);

    const work = async (slotIndex: number): Promise<void> => {
      while (queue.length && current()) {
        const chunk = queue.shift()!;
        const slot = this.slots[slotIndex];
        let results: PackedRuns;
        try {
          results = await Promise.race([slot.api.run(scenario, chunk.firstRun, chunk.count), slot.died]);
        } catch (error) {
          if (!current()) return;
          const message = error instanceof Error ? error.message : String(error);
          handlers.onWorkerError?.(message);
          this.replace(slotIndex);
          if (++chunk.attempts > 1) throw new Error(`runs ${chunk.firstRun}–${chunk.firstRun + chunk.count - 1} failed twice: ${message}`, { cause: error });
          queue.unshift(chunk);
          continue;
        }
        if (!current()) return;
        await this.summary.add(Comlink.transfer(results, [results.series.buffer]));
        done += chunk.count;
        const elapsedMs = performance.now() - started;
        handlers.onProgress?.({ done, total, elapsedMs, remainingMs: done ? (elapsedMs / done) * (total - done) : null });
        if (handlers.onPartial && done < total && !partialInFlight && performance.now() - lastPartial >= partialEvery) {
          partialInFlight = true;
          lastPartial = performance.now();
          this.summary.summarise().then((partial) => {
            partialInFlight = false;
            if (current()) handlers.onPartial?.(partial);
          }, () => { partialInFlight = false; });
        }
      }
    };

    await Promise.race([this.summary.reset(scenario), cancelled]);
    handlers.onProgress?.({ done: 0, total, elapsedMs: 0, remainingMs: null });
    await Promise.race([Promise.all(this.slots.map((_, i) => work(i))), cancelled]);
    const result = await Promise.race([this.summary.summarise(), cancelled]);
    if (!current()) throw new EnsembleCancelled();
    this.rejectCurrent = null;
    return result;
  }

  /**
   * A paired comparison (MODEL §9): each scenario's ensemble in turn with the
   * first one's seed and run indices, then the paired statistics, computed in
   * the summary worker. `onStep` says which scenario is running (1-based).
   */
  async compare(scenarios: readonly Scenario[], handlers: RunHandlers & { onStep?(step: number, of: number): void } = {}): Promise<{ comparison: Comparison; ensembles: EnsembleSummary[] }> {
    const aligned = alignForComparison(scenarios);
    const ensembles: EnsembleSummary[] = [];
    for (const [k, scenario] of aligned.entries()) {
      handlers.onStep?.(k + 1, aligned.length);
      ensembles.push(await this.run(scenario, scenario.runs, handlers));
      const generation = this.generation;
      await this.summary.keepForComparison(k);
      // a run started meanwhile may have reset the summary worker before it kept these runs
      if (generation !== this.generation) throw new EnsembleCancelled();
    }
    return { comparison: await this.summary.compare(aligned), ensembles };
  }

  /**
   * Planning tasks (each: one strategy, a chunk of runs) over the workers, as
   * an Executor (src/model/planning/jobs.ts): only run summaries come back.
   * Like `run`, a new job supersedes the one in progress and `cancel` stops it.
   * A failed task is retried once on a fresh worker.
   */
  readonly execute: Executor = (scenarios, tasks, onTask) => this.runTasks(scenarios, tasks, onTask);

  /** As `execute`, for validated scenarios as JSON texts (the planner's: passed on untouched, see SimulationApi). */
  readonly executeText: TextExecutor = (scenarios, tasks, onTask) => this.runTasks(scenarios, tasks, onTask);

  private async runTasks(scenarios: readonly (Scenario | string)[], tasks: readonly Task[], onTask?: (result: TaskResult) => void): Promise<TaskResult[]> {
    this.supersede();
    const generation = ++this.generation;
    const current = () => generation === this.generation;
    const cancelled = new Promise<never>((_, reject) => { this.rejectCurrent = reject; });
    cancelled.catch(() => undefined);
    const queue: (Task & { attempts?: number })[] = tasks.map((t) => ({ ...t }));
    const results: TaskResult[] = [];
    const work = async (slotIndex: number): Promise<void> => {
      while (queue.length && current()) {
        const task = queue.shift()!;
        const slot = this.slots[slotIndex];
        let summaries: Summary[];
        try {
          const scenario = scenarios[task.point];
          const call = typeof scenario === 'string' ? slot.api.summariesOfText(scenario, task.firstRun, task.count) : slot.api.summaries(scenario, task.firstRun, task.count);
          summaries = await Promise.race([call, slot.died]);
        } catch (error) {
          if (!current()) return;
          this.replace(slotIndex);
          task.attempts = (task.attempts ?? 0) + 1;
          if (task.attempts > 1) throw error;
          queue.unshift(task);
          continue;
        }
        if (!current()) return;
        const result = { point: task.point, firstRun: task.firstRun, count: task.count, summaries };
        results.push(result);
        onTask?.(result);
      }
    };
    await Promise.race([Promise.all(this.slots.map((_, i) => work(i))), cancelled]);
    if (!current()) throw new EnsembleCancelled();
    this.rejectCurrent = null;
    return results;
  };

  /** The per-run summaries of the last ensemble, by run index (to pair a pinned baseline with). */
  runSummaries(): Promise<Summary[]> {
    return this.summary.runSummaries();
  }

  /** One run of the last ensemble (its daily series), e.g. for the membership pyramid. */
  sample(runIndex: number): Promise<{ series: Series; summary: Summary } | null> {
    return this.summary.sample(runIndex);
  }

  private supersede(): boolean {
    if (!this.rejectCurrent) return false;
    this.generation++;
    const reject = this.rejectCurrent;
    this.rejectCurrent = null;
    reject(new EnsembleCancelled());
    return true;
  }

  /** Stop the ensemble in progress at once: its workers are terminated and replaced. */
  cancel(): void {
    if (this.supersede()) for (let i = 0; i < this.slots.length; i++) this.replace(i);
  }

  dispose(): void {
    this.cancel();
    for (const slot of this.slots) slot.worker.terminate();
    this.summaryWorker.terminate();
    this.slots = [];
  }
}
