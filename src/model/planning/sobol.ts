/**
 * Sobol' first-order (S1) and total (ST) indices on the unit hypercube [0, 1]^k
 * (Saltelli et al. 2010):
 *
 * - Design: matrices A and B, the two halves of each point of a scrambled
 *   2k-dimensional Sobol' sequence (sobol-sequence.ts), and AB_i, A with column
 *   i from B: N(k + 2) evaluations. Low-discrepancy points make the estimates
 *   converge nearly as O(1/N), not O(1/√N), for smooth outputs; N = 2^m keeps
 *   the sequence balanced.
 * - Estimators: Saltelli 2010 for S1, mean(f_B (f_ABi − f_A)) / V, and Jansen
 *   for ST, mean((f_A − f_ABi)²) / 2V, with V the variance of f over A and B.
 *   The outputs are centred first (the mean of f(A) and f(B) subtracted): S1's
 *   estimator is not invariant to adding a constant to f, and without centring
 *   its noise grows with the output's mean.
 * - Intervals: percentile bootstrap over the N base rows (default 95 %);
 *   resampling treats the points as random ones, so for a smooth output the
 *   intervals are conservative. An interval wider than its index (and than
 *   NEGLIGIBLE_WIDTH) marks the index unreliable: more base samples N narrow it.
 */
import { designStream } from '../rng.ts';
import { quantileSorted } from '../stats.ts';
import { sobolSequence } from './sobol-sequence.ts';

/**
 * An interval narrower than this (in shares of the output's variance) resolves
 * an index well enough to call it small, even when it is wider than the index
 * (an index of 0.00 ± 0.02 is "negligible", not "unknown"). Judgement, not from a source.
 */
export const NEGLIGIBLE_WIDTH = 0.05;

export interface SaltelliDesign {
  readonly k: number;
  readonly n: number;
  /** Rows in evaluation order: A (n rows), B (n rows), then AB_i for i = 0…k−1 (n rows each). */
  readonly points: readonly (readonly number[])[];
}

export function saltelliDesign(k: number, n: number, seed: number): SaltelliDesign {
  const base = sobolSequence(n, 2 * k, seed);
  const a = base.map((x) => x.slice(0, k));
  const b = base.map((x) => x.slice(k));
  const points: number[][] = [...a, ...b];
  for (let i = 0; i < k; i++) for (let row = 0; row < n; row++) points.push(a[row].map((v, c) => (c === i ? b[row][i] : v)));
  return { k, n, points };
}

/** Which matrix a row of the design belongs to, its base sample, and (AB_i) the factor taken from B. */
export function saltelliRow(design: Pick<SaltelliDesign, 'k' | 'n'>, row: number): { block: 'A' | 'B' | 'AB'; sample: number; factor: number | null } {
  const block = Math.floor(row / design.n);
  const sample = row % design.n;
  return block < 2 ? { block: block ? 'B' : 'A', sample, factor: null } : { block: 'AB', sample, factor: block - 2 };
}

export interface SobolIndex {
  readonly s1: number;
  readonly st: number;
  /** Percentile bootstrap interval (default 95 %). */
  readonly s1Interval: readonly [number, number];
  readonly stInterval: readonly [number, number];
  /** The interval is wider than the index (and than NEGLIGIBLE_WIDTH): not resolved at this N. */
  readonly s1Unreliable: boolean;
  readonly stUnreliable: boolean;
}

/** S1 and ST of each factor from the base rows `rows` (a bootstrap resample, or all of them). */
function estimates(k: number, rows: ArrayLike<number>, fa: Float64Array, fb: Float64Array, fab: readonly Float64Array[]): { s1: number[]; st: number[] } {
  const m = rows.length;
  let sum = 0;
  for (let j = 0; j < m; j++) sum += fa[rows[j]] + fb[rows[j]];
  const mean = sum / (2 * m);
  let squares = 0;
  for (let j = 0; j < m; j++) squares += (fa[rows[j]] - mean) ** 2 + (fb[rows[j]] - mean) ** 2;
  const variance = squares / (2 * m);
  const s1: number[] = [];
  const st: number[] = [];
  for (let i = 0; i < k; i++) {
    let first = 0;
    let total = 0;
    for (let j = 0; j < m; j++) {
      const r = rows[j];
      first += (fb[r] - mean) * (fab[i][r] - fa[r]);
      total += (fa[r] - fab[i][r]) ** 2;
    }
    s1.push(variance > 0 ? first / m / variance : 0);
    st.push(variance > 0 ? total / (2 * m) / variance : 0);
  }
  return { s1, st };
}

export const isUnreliable = (index: number, [low, high]: readonly [number, number]): boolean =>
  high - low > Math.max(Math.abs(index), NEGLIGIBLE_WIDTH)
  // a share of variance lies in [0, 1]: an estimate well outside it is sampling error, whatever its interval
  || index < -NEGLIGIBLE_WIDTH || index > 1 + NEGLIGIBLE_WIDTH;

export function sobolIndices(design: SaltelliDesign, outputs: readonly number[], seed: number, bootstrap = 500, confidence = 0.95): SobolIndex[] {
  const { k, n } = design;
  if (outputs.length !== n * (k + 2)) throw new RangeError(`expected ${n * (k + 2)} outputs, got ${outputs.length}`);
  const fa = Float64Array.from(outputs.slice(0, n));
  const fb = Float64Array.from(outputs.slice(n, 2 * n));
  const fab = Array.from({ length: k }, (_, i) => Float64Array.from(outputs.slice((2 + i) * n, (3 + i) * n)));
  const point = estimates(k, Uint32Array.from({ length: n }, (_, r) => r), fa, fb, fab);
  const u = designStream(seed, 'bootstrap');
  const s1Samples = Array.from({ length: k }, () => new Float64Array(bootstrap));
  const stSamples = Array.from({ length: k }, () => new Float64Array(bootstrap));
  const rows = new Uint32Array(n);
  for (let b = 0; b < bootstrap; b++) {
    for (let r = 0; r < n; r++) rows[r] = Math.floor(u() * n);
    const est = estimates(k, rows, fa, fb, fab);
    for (let i = 0; i < k; i++) {
      s1Samples[i][b] = est.s1[i];
      stSamples[i][b] = est.st[i];
    }
  }
  const tail = (1 - confidence) / 2;
  const interval = (samples: Float64Array): [number, number] => {
    const sorted = samples.sort();
    return [quantileSorted(sorted, tail), quantileSorted(sorted, 1 - tail)];
  };
  return point.s1.map((s1, i) => {
    const st = point.st[i];
    const s1Interval = interval(s1Samples[i]);
    const stInterval = interval(stSamples[i]);
    return { s1, st, s1Interval, stInterval, s1Unreliable: isUnreliable(s1, s1Interval), stUnreliable: isUnreliable(st, stInterval) };
  });
}
