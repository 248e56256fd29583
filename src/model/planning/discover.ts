/**
 * Scenario discovery: which region of the levers' space holds the strategies
 * that work, as a rule a planner can read ("promotions ≤ 1 and the window
 * starts 19:00–21:00"). The method is PRIM, the patient rule induction method
 * (Friedman & Fisher 1999), used for scenario discovery as in Bryant & Lempert
 * (2010) and the EMA Workbench: start from the box holding every point tried,
 * peel a thin slice (a share α of the points) off one side of one axis at a
 * time, always the slice whose removal raises the share of good points most
 * per point given up, and record each box on the way (the peeling
 * trajectory). A box is then chosen for its trade-off between
 *
 *   coverage — the share of all good points that lie in the box, and
 *   density  — the share of the points in the box that are good,
 *
 * stripped of the restrictions that do not matter (a one-sided binomial test,
 * the Workbench's quasi-p-value), so that the rule names only levers that make
 * a difference, and pasted (grown back where that costs no density).
 *
 * A point is a strategy that was run; it is *good* when its share of runs
 * meeting every goal is at least a threshold the planner sets. The binary
 * outcome (not the mean over runs of "every goal met") is deliberate: a
 * planner picks a strategy, not a run, and asks "which strategies give me at
 * least a p chance?"; density is then the answer's reliability in the box.
 * The box's mean share of runs meeting every goal is reported beside it.
 *
 * Numeric axes peel at their lowest or highest values; on a grid (or a design
 * snapped to a lever's steps) a peel removes whole values, at least one, so
 * the box's bounds are always values that were tried. An enumerated axis (an
 * option, yes/no) peels by removing one of its options.
 *
 * Pure: no model, no levers, no DOM (discover-model.ts joins it to the levers).
 */

export interface DiscoveryAxis {
  readonly path: string;
  /** Enumerated axes: the number of options (positions 0 … options − 1). Numeric axes leave it out. */
  readonly options?: number;
}

export interface DiscoveryPoint {
  /** Position on each axis, in the axes' order. */
  readonly position: readonly number[];
  /** The point's share of runs meeting every goal. */
  readonly share: number;
}

/** A numeric axis's bounds (inclusive) or an enumerated axis's allowed options (ascending). */
export type Limit = RangeLimit | OptionsLimit;
export interface RangeLimit { readonly lo: number; readonly hi: number }
export interface OptionsLimit { readonly allowed: readonly number[] }

export interface BoxSummary {
  readonly limits: readonly Limit[];
  /** Points in the box. */
  readonly points: number;
  /** Good points in the box. */
  readonly good: number;
  /** good / all good points of the design. */
  readonly coverage: number;
  /** good / points in the box. */
  readonly density: number;
  /** Mean over the box's points of their share of runs meeting every goal. */
  readonly meanShare: number;
  /** Axes (indices) whose limits are narrower than the design's, ascending. */
  readonly restricted: readonly number[];
}

export interface ChosenBox extends BoxSummary {
  /** Per restricted axis (same order): the chance of a box this dense if that restriction did nothing (one-sided binomial). */
  readonly quasiP: readonly number[];
  /** Axes whose restriction was dropped because it did not matter (quasi-p above the significance level). */
  readonly dropped: readonly number[];
}

export type DiscoveryOutcome =
  /** A box restricting 1 … maxLevers levers. */
  | 'rule'
  /** No point is good: nothing to find. */
  | 'noGood'
  /** Every point is good: nothing needs restricting. */
  | 'allGood'
  /** No box within the limits (coverage, levers) is denser than the whole design once the restrictions that do not matter are dropped. */
  | 'noBox';

export interface Discovery {
  readonly kind: 'discovery';
  readonly axes: readonly DiscoveryAxis[];
  readonly threshold: number;
  readonly alpha: number;
  readonly minCoverage: number;
  readonly maxLevers: number;
  readonly points: number;
  readonly good: number;
  /** The highest share of runs meeting every goal at any point. */
  readonly bestShare: number;
  /** The box holding every point (box 0 of the trajectory). */
  readonly design: readonly Limit[];
  readonly trajectory: readonly BoxSummary[];
  /** The trajectory box chosen (by the default trade-off or the planner), before pruning and pasting; null when none is. */
  readonly picked: number | null;
  /** Who chose it: the default trade-off (minCoverage, maxLevers) or the planner (`pick`). */
  readonly pickedBy: 'default' | 'planner';
  /** The picked box pruned and pasted; null unless the outcome is 'rule'. */
  readonly box: ChosenBox | null;
  readonly outcome: DiscoveryOutcome;
}

export interface DiscoveryOptions {
  /** A point is good when its share of runs meeting every goal is at least this. */
  readonly threshold: number;
  /** Peeling fraction: the share of the box's points a peel removes (at least one value of an axis). */
  readonly alpha?: number;
  /** The default choice: the densest box with at least this coverage … */
  readonly minCoverage?: number;
  /** … restricting at most this many levers. */
  readonly maxLevers?: number;
  /** Instead of the default choice: this box of the trajectory. */
  readonly pick?: number;
}

/** Settings of the method (judgement, in line with the EMA Workbench's defaults). */
export const DISCOVERY_DEFAULTS = {
  /** Peeling fraction α (Friedman & Fisher suggest 0.05–0.1). */
  alpha: 0.05,
  /** Peeling stops before a box would hold fewer than this share of the points … */
  minSupport: 0.05,
  /** … or fewer than this many. */
  minPoints: 3,
  minCoverage: 0.5,
  maxLevers: 3,
  /** A restriction whose quasi-p-value is above this is dropped from the rule. */
  significance: 0.05,
} as const;

const EPSILON = 1e-12;

const isRange = (limit: Limit): limit is RangeLimit => 'lo' in limit;

function within(limit: Limit, value: number): boolean {
  return isRange(limit) ? value >= limit.lo && value <= limit.hi : limit.allowed.includes(value);
}

function inBox(limits: readonly Limit[], position: readonly number[], skip = -1): boolean {
  for (let a = 0; a < limits.length; a++) if (a !== skip && !within(limits[a], position[a])) return false;
  return true;
}

/** The box holding every point: each numeric axis from its lowest to its highest value, each enumerated axis the options that occur. */
export function designBox(axes: readonly DiscoveryAxis[], points: readonly DiscoveryPoint[]): Limit[] {
  return axes.map((axis, a) => {
    const values = points.map((p) => p.position[a]);
    if (axis.options !== undefined) return { allowed: [...new Set(values)].sort((x, y) => x - y) };
    return { lo: Math.min(...values), hi: Math.max(...values) };
  });
}

function sameLimit(x: Limit, y: Limit): boolean {
  if (isRange(x) && isRange(y)) return x.lo === y.lo && x.hi === y.hi;
  if (!isRange(x) && !isRange(y)) return x.allowed.length === y.allowed.length && x.allowed.every((v, i) => v === y.allowed[i]);
  return false;
}

/** Coverage, density and the rest of a box, over the given points. */
export function summarise(limits: readonly Limit[], design: readonly Limit[], points: readonly DiscoveryPoint[], threshold: number): BoxSummary {
  let inside = 0;
  let good = 0;
  let allGood = 0;
  let shares = 0;
  for (const p of points) {
    const isGood = p.share >= threshold;
    if (isGood) allGood++;
    if (!inBox(limits, p.position)) continue;
    inside++;
    shares += p.share;
    if (isGood) good++;
  }
  return {
    limits,
    points: inside,
    good,
    coverage: allGood ? good / allGood : 0,
    density: inside ? good / inside : 0,
    meanShare: inside ? shares / inside : 0,
    restricted: limits.flatMap((l, a) => (sameLimit(l, design[a]) ? [] : [a])),
  };
}

/** Distinct values with their counts, ascending. */
function histogram(values: readonly number[]): { value: number; count: number }[] {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((x, y) => x[0] - y[0]).map(([value, count]) => ({ value, count }));
}

/** The boxes one peel away: each side of each numeric axis (at least α of the box, whole values), each option of each enumerated axis. */
function peelsOf(limits: readonly Limit[], inside: readonly DiscoveryPoint[], alpha: number): Limit[][] {
  const need = Math.max(1, Math.ceil(alpha * inside.length));
  const out: Limit[][] = [];
  limits.forEach((limit, a) => {
    const bins = histogram(inside.map((p) => p.position[a]));
    if (bins.length < 2) return;
    const replace = (next: Limit) => limits.map((l, b) => (b === a ? next : l));
    if (!isRange(limit)) {
      for (const bin of bins) out.push(replace({ allowed: limit.allowed.filter((v) => v !== bin.value) }));
      return;
    }
    let removed = 0;
    let k = 0;
    while (removed < need && k < bins.length - 1) removed += bins[k++].count;
    out.push(replace({ lo: bins[k].value, hi: limit.hi }));
    removed = 0;
    k = bins.length - 1;
    while (removed < need && k > 0) removed += bins[k--].count;
    out.push(replace({ lo: limit.lo, hi: bins[k].value }));
  });
  return out;
}

/**
 * The peeling trajectory: box 0 holds every point; each next box is the peel
 * with the largest gain in density per point removed (the EMA Workbench's
 * "lenient1" objective: Friedman & Fisher's plain "highest density" favours a
 * peel that drops half the points at once, e.g. one option of a yes/no lever).
 * A peel is taken even when it lowers the density (the method's patience: a
 * side that holds a few good points may hide a denser box behind it); the
 * choice of box comes afterwards. Peeling stops when the density is 1, the box
 * holds no good point, or every peel would leave fewer than the minimum support.
 */
export function peelingTrajectory(axes: readonly DiscoveryAxis[], points: readonly DiscoveryPoint[], threshold: number, alpha: number = DISCOVERY_DEFAULTS.alpha): BoxSummary[] {
  const design = designBox(axes, points);
  const minPoints = Math.max(DISCOVERY_DEFAULTS.minPoints, Math.ceil(DISCOVERY_DEFAULTS.minSupport * points.length));
  const trajectory = [summarise(design, design, points, threshold)];
  for (;;) {
    const current = trajectory[trajectory.length - 1];
    if (current.density >= 1 || current.good === 0) break;
    const inside = points.filter((p) => inBox(current.limits, p.position));
    let best: { summary: BoxSummary; gain: number } | null = null;
    for (const limits of peelsOf(current.limits, inside, alpha)) {
      const summary = summarise(limits, design, points, threshold);
      const removed = current.points - summary.points;
      if (summary.points < minPoints || removed <= 0) continue;
      const gain = (summary.density - current.density) / removed;
      if (!best || gain > best.gain + EPSILON) best = { summary, gain };
    }
    if (!best) break;
    trajectory.push(best.summary);
  }
  return trajectory;
}

/** The default choice: the densest box with coverage ≥ minCoverage restricting 1 … maxLevers levers (ties: more coverage). */
export function defaultPick(trajectory: readonly BoxSummary[], minCoverage: number, maxLevers: number): number | null {
  let best: number | null = null;
  trajectory.forEach((box, i) => {
    if (box.restricted.length < 1 || box.restricted.length > maxLevers || box.coverage < minCoverage - EPSILON) return;
    const incumbent = best === null ? null : trajectory[best];
    if (!incumbent || box.density > incumbent.density + EPSILON || (Math.abs(box.density - incumbent.density) <= EPSILON && box.coverage > incumbent.coverage)) best = i;
  });
  return best;
}

/**
 * Pasting (Friedman & Fisher's second phase): grow the box back, a slice at a
 * time (whole values, at least α of the box; or one option), while the best
 * such growth does not lower the density: coverage for free.
 */
export function paste(box: BoxSummary, design: readonly Limit[], points: readonly DiscoveryPoint[], threshold: number, alpha: number): BoxSummary {
  let current = box;
  for (;;) {
    const need = Math.max(1, Math.ceil(alpha * current.points));
    let best: BoxSummary | null = null;
    current.limits.forEach((limit, a) => {
      const whole = design[a];
      const replace = (next: Limit) => current.limits.map((l, b) => (b === a ? next : l));
      const candidates: Limit[][] = [];
      if (!isRange(limit) || !isRange(whole)) {
        const allowed = (whole as OptionsLimit).allowed;
        const held = (limit as OptionsLimit).allowed;
        for (const option of allowed) if (!held.includes(option)) candidates.push(replace({ allowed: [...held, option].sort((x, y) => x - y) }));
      } else {
        // points kept out by this axis alone, below and above the box
        const outside = points.filter((p) => inBox(current.limits, p.position, a)).map((p) => p.position[a]);
        const below = histogram(outside.filter((v) => v < limit.lo)).reverse();
        const above = histogram(outside.filter((v) => v > limit.hi));
        for (const [bins, side] of [[below, 'lo'], [above, 'hi']] as const) {
          let added = 0;
          let k = 0;
          while (added < need && k < bins.length) added += bins[k++].count;
          if (k > 0) candidates.push(replace(side === 'lo' ? { lo: bins[k - 1].value, hi: limit.hi } : { lo: limit.lo, hi: bins[k - 1].value }));
        }
      }
      for (const limits of candidates) {
        const summary = summarise(limits, design, points, threshold);
        if (summary.points <= current.points || summary.density < current.density - EPSILON) continue;
        if (!best || summary.density > best.density + EPSILON || (Math.abs(summary.density - best.density) <= EPSILON && summary.points > best.points)) best = summary;
      }
    });
    if (!best) return current;
    current = best;
  }
}

/** P(X ≥ k) for X ~ Binomial(n, p), summed in log space (no underflow for large n). */
export function binomialAtLeast(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const logP = Math.log(p);
  const logQ = Math.log1p(-p);
  // log C(n, j) built up from j = 0
  let logChoose = 0;
  const terms: number[] = [];
  for (let j = 0; j <= n; j++) {
    if (j > 0) logChoose += Math.log(n - j + 1) - Math.log(j);
    if (j >= k) terms.push(logChoose + j * logP + (n - j) * logQ);
  }
  const top = Math.max(...terms);
  return Math.min(1, Math.exp(top) * terms.reduce((s, t) => s + Math.exp(t - top), 0));
}

/**
 * The quasi-p-value of each restriction (as in the EMA Workbench): with the
 * restriction lifted, the box holds n' points of which a share p' is good;
 * how likely is a box of the same size as ours to hold at least as many good
 * points, drawn from that share? Small: the restriction matters.
 */
export function quasiPValues(box: BoxSummary, design: readonly Limit[], points: readonly DiscoveryPoint[], threshold: number): number[] {
  return box.restricted.map((a) => {
    const relaxed = summarise(box.limits.map((l, b) => (b === a ? design[a] : l)), design, points, threshold);
    return binomialAtLeast(box.good, box.points, relaxed.density);
  });
}

/** Drop, one at a time, the restriction that matters least while its quasi-p-value is above the significance level. */
function prune(box: BoxSummary, design: readonly Limit[], points: readonly DiscoveryPoint[], threshold: number): { box: BoxSummary; dropped: number[] } {
  let current = box;
  const dropped: number[] = [];
  for (;;) {
    const quasiP = quasiPValues(current, design, points, threshold);
    const worst = quasiP.reduce((w, q, i) => (q > quasiP[w] ? i : w), 0);
    if (!quasiP.length || quasiP[worst] <= DISCOVERY_DEFAULTS.significance) return { box: current, dropped };
    const axis = current.restricted[worst];
    dropped.push(axis);
    current = summarise(current.limits.map((l, b) => (b === axis ? design[axis] : l)), design, points, threshold);
  }
}

/** PRIM over the points: the trajectory, the box chosen (its insignificant restrictions dropped, then pasted) and what it says. */
export function discover(axes: readonly DiscoveryAxis[], points: readonly DiscoveryPoint[], options: DiscoveryOptions): Discovery {
  const { threshold } = options;
  const alpha = options.alpha ?? DISCOVERY_DEFAULTS.alpha;
  const minCoverage = options.minCoverage ?? DISCOVERY_DEFAULTS.minCoverage;
  const maxLevers = options.maxLevers ?? DISCOVERY_DEFAULTS.maxLevers;
  if (!points.length) throw new RangeError('discovery needs at least one point');
  const design = designBox(axes, points);
  const trajectory = peelingTrajectory(axes, points, threshold, alpha);
  const whole = trajectory[0];
  const base = {
    kind: 'discovery' as const, axes, threshold, alpha, minCoverage, maxLevers,
    points: points.length, good: whole.good, bestShare: Math.max(...points.map((p) => p.share)), design, trajectory,
  };
  if (whole.good === 0) return { ...base, picked: null, pickedBy: 'default', box: null, outcome: 'noGood' };
  if (whole.good === points.length) return { ...base, picked: null, pickedBy: 'default', box: null, outcome: 'allGood' };
  const pickedBy = options.pick !== undefined && options.pick >= 0 && options.pick < trajectory.length ? 'planner' : 'default';
  const picked = pickedBy === 'planner' ? options.pick! : defaultPick(trajectory, minCoverage, maxLevers);
  if (picked === null) return { ...base, picked, pickedBy, box: null, outcome: 'noBox' };
  // the restrictions that do not matter go first: the box they leave may then grow back along the ones that do
  const pruned = prune(trajectory[picked], design, points, threshold);
  const box = paste(pruned.box, design, points, threshold, alpha);
  const { dropped } = pruned;
  if (!box.restricted.length) return { ...base, picked, pickedBy, box: null, outcome: 'noBox' };
  return { ...base, picked, pickedBy, box: { ...box, quasiP: quasiPValues(box, design, points, threshold), dropped }, outcome: 'rule' };
}

/** Whether a position lies in a box. */
export function contains(limits: readonly Limit[], position: readonly number[]): boolean {
  return inBox(limits, position);
}

