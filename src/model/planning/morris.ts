/**
 * Morris elementary effects (Morris 1991; μ* of Campolongo et al. 2007) on the
 * unit hypercube [0, 1]^k: r one-at-a-time trajectories on a p-level grid,
 * jump Δ = p / (2(p − 1)). μ* (mean |effect|) ranks how much a factor matters;
 * σ says whether its effect depends on the others (interactions) or is
 * non-linear. Cheap: r(k + 1) evaluations, so it screens many levers.
 *
 * Trajectories are drawn from a seeded stream: the same seed gives the same design.
 */
import { designStream, type Uniform } from '../rng.ts';

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
  const u = designStream(seed, 'morris');
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
