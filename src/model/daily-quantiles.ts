/**
 * Quantiles across runs at each index of a series (each day, each hour), fed
 * one run at a time, in any order, with memory that does not grow with the
 * number of runs beyond the first EXACT_RUNS:
 *
 * - up to EXACT_RUNS runs, every value is kept and the quantiles are exact
 *   (type 7, as `quantileSorted`);
 * - once runs 0…EXACT_RUNS−1 are all in, each index's values become a
 *   histogram of HISTOGRAM_BINS bins between the smallest and largest value
 *   those runs had (values beyond fall in an under- or overflow bin that keeps
 *   its own extreme), and later runs only add counts. Quantiles are then read
 *   from the counts, linearly within a bin: approximate, to about a bin's
 *   width (the range of the first EXACT_RUNS runs / HISTOGRAM_BINS).
 *
 * Counts add in any order, and the switch waits for the same first runs
 * whatever order they arrive in, so any chunking, any number of workers and
 * Node or the browser give the same numbers. Undefined values (NaN) are skipped.
 */
import { quantileSorted } from './stats.ts';

export const EXACT_RUNS = 1000;
export const HISTOGRAM_BINS = 256;

export class IndexedQuantiles {
  /** Exact phase: each run's row, by run index. */
  private rows = new Map<number, ArrayLike<number>>();
  /** Histogram phase: per index, bins + underflow + overflow. */
  private counts: Uint32Array | null = null;
  private lo: Float64Array | null = null;
  private width: Float64Array | null = null;
  private below: Float64Array | null = null;
  private above: Float64Array | null = null;
  private defined: Uint32Array | null = null;

  constructor(readonly length: number, private readonly exactRuns = EXACT_RUNS, private readonly bins = HISTOGRAM_BINS) {}

  /** Runs whose values are held (the exact phase); 0 once counted into histograms. */
  get heldRows(): number {
    return this.rows.size;
  }

  /** Whether the quantiles are exact (no more than `exactRuns` runs so far). */
  get exact(): boolean {
    return this.counts === null;
  }

  /** Add one run's values (any order; a row is not kept past the switch to histograms). */
  add(runIndex: number, row: ArrayLike<number>): void {
    if (this.counts) {
      this.count(row);
      return;
    }
    this.rows.set(runIndex, row);
    if (this.rows.size > this.exactRuns && this.firstRunsIn()) this.toHistograms();
  }

  private firstRunsIn(): boolean {
    for (let r = 0; r < this.exactRuns; r++) if (!this.rows.has(r)) return false;
    return true;
  }

  /** Bins from the first runs' ranges; every row so far is counted, then dropped. */
  private toHistograms(): void {
    const n = this.length;
    const slots = this.bins + 2;
    this.counts = new Uint32Array(n * slots);
    this.lo = new Float64Array(n).fill(Infinity);
    this.width = new Float64Array(n);
    this.below = new Float64Array(n).fill(Infinity);
    this.above = new Float64Array(n).fill(-Infinity);
    this.defined = new Uint32Array(n);
    const hi = new Float64Array(n).fill(-Infinity);
    for (let r = 0; r < this.exactRuns; r++) {
      const row = this.rows.get(r)!;
      for (let i = 0; i < n; i++) {
        const v = row[i];
        if (Number.isNaN(v)) continue;
        if (v < this.lo[i]) this.lo[i] = v;
        if (v > hi[i]) hi[i] = v;
      }
    }
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(this.lo[i])) { this.lo[i] = 0; hi[i] = 0; }
      // a constant index has width 0: its value lands in the first bin and is read back as itself
      this.width[i] = (hi[i] - this.lo[i]) / this.bins;
    }
    for (const row of this.rows.values()) this.count(row);
    this.rows = new Map();
  }

  private count(row: ArrayLike<number>): void {
    const slots = this.bins + 2;
    for (let i = 0; i < this.length; i++) {
      const v = row[i];
      if (Number.isNaN(v)) continue;
      this.defined![i]++;
      const width = this.width![i];
      const position = width > 0 ? (v - this.lo![i]) / width : v === this.lo![i] ? 0 : v < this.lo![i] ? -1 : this.bins + 1;
      let slot: number;
      if (position < 0) {
        slot = 0;
        if (v < this.below![i]) this.below![i] = v;
      } else if (position > this.bins) {
        slot = this.bins + 1;
        if (v > this.above![i]) this.above![i] = v;
      } else slot = 1 + Math.min(this.bins - 1, Math.floor(position));
      this.counts![i * slots + slot]++;
    }
  }

  /** The quantiles `qs` at every index (NaN where no run has a value). */
  quantiles(qs: readonly number[]): Float64Array[] {
    const out = qs.map(() => new Float64Array(this.length));
    if (!this.counts) {
      const ordered = [...this.rows.entries()].sort((a, b) => a[0] - b[0]).map(([, row]) => row);
      const column = new Float64Array(ordered.length);
      for (let i = 0; i < this.length; i++) {
        let m = 0;
        for (const row of ordered) {
          const v = row[i];
          if (!Number.isNaN(v)) column[m++] = v;
        }
        const sorted = column.subarray(0, m).sort();
        qs.forEach((q, k) => { out[k][i] = m ? quantileSorted(sorted, q) : NaN; });
      }
      return out;
    }
    for (let i = 0; i < this.length; i++) {
      const m = this.defined![i];
      qs.forEach((q, k) => {
        if (!m) { out[k][i] = NaN; return; }
        const pos = (m - 1) * q;
        const below = Math.floor(pos);
        const a = this.orderStatistic(i, below);
        const b = below + 1 < m ? this.orderStatistic(i, below + 1) : a;
        out[k][i] = a + (b - a) * (pos - below);
      });
    }
    return out;
  }

  /** The k-th smallest value (0-based) at index i, spread evenly within its bin. */
  private orderStatistic(i: number, k: number): number {
    const slots = this.bins + 2;
    const base = i * slots;
    let seen = 0;
    for (let s = 0; s < slots; s++) {
      const c = this.counts![base + s];
      if (k < seen + c) {
        if (s === 0) return this.below![i];
        if (s === slots - 1) return this.above![i];
        if (this.width![i] === 0) return this.lo![i];
        return this.lo![i] + (s - 1 + (k - seen + 0.5) / c) * this.width![i];
      }
      seen += c;
    }
    return this.above![i];
  }
}
