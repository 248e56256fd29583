/** The worker pool in real Chromium: determinism across pool sizes, cancel, failing workers. */
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulationWorker, createSummaryWorker } from '../../src/worker/workers.ts';
import { EnsembleCancelled, WorkerPool, type Progress } from '../../src/worker/pool.ts';
import type { Scenario } from '../../src/model/scenario.ts';
import { runChunk, runEnsemble } from '../../src/model/ensemble.ts';
import { alignForComparison, compareRuns } from '../../src/model/compare.ts';
import { evaluate, runTasksHere } from '../../src/model/planning/jobs.ts';
import { loadScenario } from '../scenarios.ts';

const scenario: Scenario = loadScenario('knowledge-sharing');

const pools: WorkerPool[] = [];
const pool = (size: number, createSimulation: (index: number) => Worker = createSimulationWorker, partialEveryMs?: number) => {
  const p = new WorkerPool({ size, createSimulationWorker: createSimulation, createSummaryWorker, partialEveryMs });
  pools.push(p);
  return p;
};
afterEach(() => {
  while (pools.length) pools.pop()!.dispose();
});

describe('worker pool', () => {
  it('gives identical numbers with 1 and 4 workers, equal to the single-thread ensemble', async () => {
    const one = await pool(1).run(scenario, 40);
    const four = await pool(4).run(scenario, 40);
    expect(four.metrics).toEqual(one.metrics);
    expect(four.daily.messages.p50).toEqual(one.daily.messages.p50);
    expect(four.daily.speakingRate30d.p90).toEqual(one.daily.speakingRate30d.p90);
    const here = runEnsemble(scenario, 40);
    expect(one.metrics).toEqual(here.metrics);
  });

  it('runs planning tasks with identical numbers on 1 and 3 workers and on the page itself, and cancels them', async () => {
    const strategies = [scenario, { ...scenario, content: { ...scenario.content, promoPerWeek: 5 } }];
    const one = await evaluate(pool(1).execute, strategies, 0, 30);
    const three = await evaluate(pool(3).execute, strategies, 0, 30);
    expect(three).toEqual(one);
    expect(await evaluate(runTasksHere, strategies, 0, 30)).toEqual(one);
    const p = pool(2);
    const job = evaluate(p.execute, strategies, 0, 400);
    setTimeout(() => p.cancel(), 50);
    await expect(job).rejects.toBeInstanceOf(EnsembleCancelled);
    expect(await evaluate(p.execute, strategies, 0, 5)).toEqual(one.map((list) => list.slice(0, 5)));
  });

  it('streams progress and partial summaries as runs finish', async () => {
    const progress: Progress[] = [];
    let partials = 0;
    const summary = await pool(2, createSimulationWorker, 0)
      .run(scenario, 120, { onProgress: (p) => progress.push(p), onPartial: () => { partials++; } });
    expect(summary.runs).toBe(120);
    expect(progress[0].done).toBe(0);
    expect(progress.at(-1)).toMatchObject({ done: 120, total: 120 });
    for (let i = 1; i < progress.length; i++) expect(progress[i].done).toBeGreaterThan(progress[i - 1].done);
    expect(progress.at(-1)!.remainingMs).toBe(0);
    expect(partials).toBeGreaterThan(0);
  });

  it('cancel stops the ensemble at once and the pool runs the next one', async () => {
    const p = pool(2);
    let done = 0;
    // wait on the first chunk's progress event, not on the clock
    let started!: () => void;
    const running = new Promise<void>((resolve) => { started = resolve; });
    const big = p.run(scenario, 5000, { onProgress: (x) => { done = x.done; if (x.done > 0) started(); } });
    await running;
    const atCancel = done;
    p.cancel();
    await expect(big).rejects.toBeInstanceOf(EnsembleCancelled);
    // at once: no chunk is counted after the cancel (chunks of 25 runs here; the two in flight are dropped)
    expect(done).toBe(atCancel);
    expect(done).toBeLessThan(5000);
    const next = await p.run(scenario, 10);
    expect(next.runs).toBe(10);
  });

  it('a new run replaces the one in progress', async () => {
    const p = pool(2);
    const first = p.run(scenario, 3000);
    const second = p.run(scenario, 12);
    await expect(first).rejects.toBeInstanceOf(EnsembleCancelled);
    expect((await second).runs).toBe(12);
  });

  it('reports a worker that throws, replaces it, and still finishes with the same numbers', async () => {
    const errors: string[] = [];
    // Worker 0 fails on its first chunk; its replacement (index 2) is a normal worker.
    const flaky = pool(2, (index) => (index === 0 ? new Worker(new URL('./faulty.worker.ts', import.meta.url), { type: 'module' }) : createSimulationWorker()));
    const summary = await flaky.run(scenario, 30, { onWorkerError: (m) => errors.push(m) });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/boom/);
    expect(summary.metrics).toEqual(runEnsemble(scenario, 30).metrics);
  });

  it('compares scenarios paired, with the statistics computed in the summary worker', async () => {
    const afternoon: Scenario = { ...scenario, runs: 24, content: { ...scenario.content, window: [14, 15] } };
    const evening: Scenario = { ...scenario, runs: 24 };
    const steps: number[] = [];
    const { comparison, ensembles } = await pool(2).compare([evening, afternoon], { onStep: (k) => steps.push(k) });
    expect(steps).toEqual([1, 2]);
    expect(ensembles.map((e) => e.runs)).toEqual([24, 24]);
    const aligned = alignForComparison([evening, afternoon]);
    const here = compareRuns(aligned, aligned.map((s) => runChunk(s, 0, s.runs).map((r) => r.summary)));
    expect(comparison).toEqual(here);
    expect(comparison.levers.map((l) => l.path)).toEqual(['content.window']);
  });
});
