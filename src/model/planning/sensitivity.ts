/**
 * Global sensitivity analysis on the unit hypercube [0, 1]^k, independent of
 * the model (tested on the Ishigami function, whose indices are known):
 *
 * - Morris elementary effects (Morris 1991; μ* of Campolongo et al. 2007):
 *   r one-at-a-time trajectories on a p-level grid, jump Δ = p / (2(p − 1)).
 *   μ* (mean |effect|) ranks how much a factor matters; σ says whether its
 *   effect depends on the others (interactions) or is non-linear.
 * - Sobol first-order (S1) and total (ST) indices from Saltelli sampling
 *   (matrices A, B and A with column i from B: N(k + 2) evaluations), with the
 *   Saltelli 2010 estimator for S1 and Jansen's for ST (Saltelli et al. 2010,
 *   Table 2), and percentile bootstrap intervals over the N base rows.
 *
 * Designs are drawn from a seeded alea stream: the same seed gives the same design.
 */
import seedrandom from 'seedrandom';
import { quantileSorted } from '../stats.ts';

type Uniform = () => number;
const streamOf = (seed: number, purpose: string): Uniform => seedrandom.alea(`${seed}:${purpose}`) as unknown as Uniform;

function shuffled(n: number, u: Uniform): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(u() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

export interface MorrisDesign {
  readonly k: number;
  readonly r: number;
  readonly levels: number;
  readonly delta: number;
  /** r trajectories of k + 1 points each, concatenated: r(k + 1) rows of k coordinates. */
  readonly points: readonly (readonly number[])[];
  /** For step j of trajectory t (row t(k+1) + j + 1): the factor that moved. */
  readonly moved: readonly number[];
}

export function morrisDesign(k: number, r: number, seed: number, levels = 4): MorrisDesign {
  if (levels < 2 || levels % 2) throw new RangeError('Morris levels must be even and ≥ 2');
  const u = streamOf(seed, 'morris');
  const delta = levels / (2 * (levels - 1));
  const points: number[][] = [];
  const moved: number[] = [];
  for (let t = 0; t < r; t++) {
    // a random grid point; each factor then jumps by Δ up if it can, else down
    const x = Array.from({ length: k }, () => Math.floor(u() * levels) / (levels - 1));
    points.push([...x]);
    for (const i of shuffled(k, u)) {
      x[i] = x[i] + delta <= 1 + 1e-12 ? x[i] + delta : x[i] - delta;
      points.push([...x]);
      moved.push(i);
    }
  }
  return { k, r, levels, delta, points, moved };
}

export interface MorrisIndex {
  /** Mean elementary effect (signed). */
  readonly mu: number;
  /** Mean absolute elementary effect: how much the factor matters. */
  readonly muStar: number;
  /** Standard deviation of the effects: interactions or non-linearity. */
  readonly sigma: number;
  /** Effects counted (a step that did not change the factor's value is skipped). */
  readonly n: number;
}

/**
 * Elementary effects from a design and the output at each of its rows. `span`
 * maps a factor's unit coordinates to the change it actually made (e.g. after
 * snapping to a lever's steps); by default the change is the design's own.
 * Effects are per unit of the factor's axis (its whole range = 1).
 */
export function morrisIndices(
  design: MorrisDesign, outputs: readonly (number | null)[],
  span: (factor: number, from: readonly number[], to: readonly number[]) => number = (i, a, b) => b[i] - a[i],
): MorrisIndex[] {
  const effects: number[][] = Array.from({ length: design.k }, () => []);
  const rowsPerTrajectory = design.k + 1;
  for (let t = 0; t < design.r; t++) {
    for (let j = 0; j < design.k; j++) {
      const a = t * rowsPerTrajectory + j;
      const i = design.moved[t * design.k + j];
      const change = span(i, design.points[a], design.points[a + 1]);
      const ya = outputs[a];
      const yb = outputs[a + 1];
      if (change === 0 || ya === null || yb === null) continue;
      effects[i].push((yb - ya) / change);
    }
  }
  return effects.map((list) => {
    const n = list.length;
    if (!n) return { mu: 0, muStar: 0, sigma: 0, n };
    const mu = list.reduce((s, v) => s + v, 0) / n;
    const muStar = list.reduce((s, v) => s + Math.abs(v), 0) / n;
    const sigma = n > 1 ? Math.sqrt(list.reduce((s, v) => s + (v - mu) ** 2, 0) / (n - 1)) : 0;
    return { mu, muStar, sigma, n };
  });
}

export interface SaltelliDesign {
  readonly k: number;
  readonly n: number;
  /** Rows in evaluation order: A (n rows), B (n rows), then AB_i for i = 0…k−1 (n rows each). */
  readonly points: readonly (readonly number[])[];
}

export function saltelliDesign(k: number, n: number, seed: number): SaltelliDesign {
  const u = streamOf(seed, 'saltelli');
  const a = Array.from({ length: n }, () => Array.from({ length: k }, () => u()));
  const b = Array.from({ length: n }, () => Array.from({ length: k }, () => u()));
  const points: number[][] = [...a, ...b];
  for (let i = 0; i < k; i++) for (let row = 0; row < n; row++) points.push(a[row].map((v, c) => (c === i ? b[row][i] : v)));
  return { k, n, points };
}

export interface SobolIndex {
  readonly s1: number;
  readonly st: number;
  /** Percentile bootstrap interval (default 95 %). */
  readonly s1Interval: readonly [number, number];
  readonly stInterval: readonly [number, number];
}

function sobolFromRows(k: number, rows: readonly number[], fa: Float64Array, fb: Float64Array, fab: readonly Float64Array[]): { s1: number[]; st: number[] } {
  const m = rows.length;
  let sum = 0;
  let sumSq = 0;
  for (const r of rows) {
    sum += fa[r] + fb[r];
    sumSq += fa[r] * fa[r] + fb[r] * fb[r];
  }
  const mean = sum / (2 * m);
  const variance = sumSq / (2 * m) - mean * mean;
  const s1: number[] = [];
  const st: number[] = [];
  for (let i = 0; i < k; i++) {
    let first = 0;
    let total = 0;
    for (const r of rows) {
      first += fb[r] * (fab[i][r] - fa[r]);
      total += (fa[r] - fab[i][r]) ** 2;
    }
    s1.push(variance > 0 ? first / m / variance : 0);
    st.push(variance > 0 ? total / (2 * m) / variance : 0);
  }
  return { s1, st };
}

export function sobolIndices(design: SaltelliDesign, outputs: readonly number[], seed: number, bootstrap = 500, confidence = 0.95): SobolIndex[] {
  const { k, n } = design;
  if (outputs.length !== n * (k + 2)) throw new RangeError(`expected ${n * (k + 2)} outputs, got ${outputs.length}`);
  const fa = Float64Array.from(outputs.slice(0, n));
  const fb = Float64Array.from(outputs.slice(n, 2 * n));
  const fab = Array.from({ length: k }, (_, i) => Float64Array.from(outputs.slice((2 + i) * n, (3 + i) * n)));
  const all = Array.from({ length: n }, (_, r) => r);
  const point = sobolFromRows(k, all, fa, fb, fab);
  const u = streamOf(seed, 'bootstrap');
  const s1Samples = Array.from({ length: k }, () => new Float64Array(bootstrap));
  const stSamples = Array.from({ length: k }, () => new Float64Array(bootstrap));
  const rows = new Array<number>(n);
  for (let b = 0; b < bootstrap; b++) {
    for (let r = 0; r < n; r++) rows[r] = Math.floor(u() * n);
    const est = sobolFromRows(k, rows, fa, fb, fab);
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
  return point.s1.map((s1, i) => ({ s1, st: point.st[i], s1Interval: interval(s1Samples[i]), stInterval: interval(stSamples[i]) }));
}

/** Ishigami–Homma test function on [−π, π]³ (a = 7, b = 0.1), from unit coordinates. */
export function ishigami(x: readonly number[]): number {
  const [x1, x2, x3] = x.map((v) => Math.PI * (2 * v - 1));
  return Math.sin(x1) + 7 * Math.sin(x2) ** 2 + 0.1 * x3 ** 4 * Math.sin(x1);
}

/** Its indices, analytically (a = 7, b = 0.1). */
export const ISHIGAMI_INDICES = (() => {
  const a = 7;
  const b = 0.1;
  const pi4 = Math.PI ** 4;
  const v1 = 0.5 * (1 + (b * pi4) / 5) ** 2;
  const v2 = a ** 2 / 8;
  const v13 = (8 * b ** 2 * Math.PI ** 8) / 225;
  const v = v1 + v2 + v13;
  return { s1: [v1 / v, v2 / v, 0], st: [(v1 + v13) / v, v2 / v, v13 / v] };
})();
