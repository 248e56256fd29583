import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { IndexedQuantiles } from '../../src/model/daily-quantiles.ts';
import { quantileSorted } from '../../src/model/stats.ts';
import { EnsembleAccumulator, runChunk, runEnsemble } from '../../src/model/ensemble.ts';
import { defaultScenario } from '../../src/model/scenario.ts';

const QS = [0.1, 0.25, 0.5, 0.75, 0.9];

function rows(count: number, length: number, seed: string): Float64Array[] {
  const u = seedrandom.alea(seed) as unknown as () => number;
  // index 0: shares; 1: whole counts; 2: constant; 3: sometimes undefined
  return Array.from({ length: count }, () => {
    const row = new Float64Array(length);
    row[0] = u() ** 2;
    row[1] = Math.floor(u() * 40);
    row[2] = 7;
    row[3] = u() < 0.3 ? NaN : 100 + u();
    return row;
  });
}

function exactQuantiles(all: Float64Array[], i: number): number[] {
  const column = Float64Array.from(all.map((r) => r[i]).filter((v) => !Number.isNaN(v))).sort();
  return QS.map((q) => quantileSorted(column, q));
}

describe('quantiles across runs, run by run', () => {
  it('are exact up to the threshold, whatever order the runs come in', () => {
    const all = rows(60, 4, 'a');
    const forward = new IndexedQuantiles(4, 100);
    all.forEach((row, r) => forward.add(r, row));
    const backward = new IndexedQuantiles(4, 100);
    [...all.entries()].reverse().forEach(([r, row]) => backward.add(r, row));
    expect(forward.exact).toBe(true);
    for (let i = 0; i < 4; i++) {
      const exact = exactQuantiles(all, i);
      expect(forward.quantiles(QS).map((c) => c[i])).toEqual(exact);
    }
    expect(backward.quantiles(QS)).toEqual(forward.quantiles(QS));
  });

  it('beyond it, hold no runs, stay within a bin of the exact values, and do not depend on the order', () => {
    const all = rows(3000, 4, 'b');
    const bins = 64;
    const streamed = new IndexedQuantiles(4, 200, bins);
    all.forEach((row, r) => streamed.add(r, row));
    expect(streamed.exact).toBe(false);
    expect(streamed.heldRows).toBe(0);
    const got = streamed.quantiles(QS);
    for (let i = 0; i < 4; i++) {
      const exact = exactQuantiles(all, i);
      const values = all.map((r) => r[i]).filter((v) => !Number.isNaN(v));
      const width = (Math.max(...values) - Math.min(...values)) / bins;
      exact.forEach((v, k) => expect(Math.abs(got[k][i] - v), `index ${i}, q ${QS[k]}`).toBeLessThanOrEqual(width + 1e-12));
    }
    // a constant index is read back exactly
    expect(got.map((c) => c[2])).toEqual([7, 7, 7, 7, 7]);
    // chunks arriving out of order (as from several workers) give the same numbers
    const shuffled = new IndexedQuantiles(4, 200, bins);
    const order = all.map((_, r) => r);
    const u = seedrandom.alea('order') as unknown as () => number;
    for (let r = order.length - 1; r > 0; r--) { const j = Math.floor(u() * (r + 1)); [order[r], order[j]] = [order[j], order[r]]; }
    for (const r of order) shuffled.add(r, all[r]);
    expect(shuffled.quantiles(QS)).toEqual(got);
  });

  it('an ensemble in any order equals the ensemble run here', () => {
    const scenario = { ...defaultScenario(), horizonDays: 10 };
    const runs = runChunk(scenario, 0, 30);
    const shuffled = new EnsembleAccumulator(scenario);
    for (const run of [...runs].reverse()) shuffled.add(run);
    const here = runEnsemble(scenario, 30);
    expect(shuffled.summarise()).toEqual(here);
    expect(here.dailyExact).toBe(true);
    expect(shuffled.sampleRun()!.runIndex).toBe(0);
  });
});
