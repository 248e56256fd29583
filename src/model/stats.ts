/** Small statistics helpers shared by the recorders, ensembles and comparisons. */

/** Linear-interpolated quantile (type 7) of sorted values. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export function meanOfLast(series: ArrayLike<number>, days: number): number {
  const from = Math.max(0, series.length - days);
  let sum = 0;
  for (let d = from; d < series.length; d++) sum += series[d];
  return sum / (series.length - from);
}

export function sumOfLast(series: ArrayLike<number>, days: number): number {
  const from = Math.max(0, series.length - days);
  let sum = 0;
  for (let d = from; d < series.length; d++) sum += series[d];
  return sum;
}

/** Mean over the last `days` of numerator / (denominator − subtract), over the days where that is positive. */
export function meanOfLastRatio(numerator: ArrayLike<number>, denominator: ArrayLike<number>, days: number, subtract: number): number {
  const from = Math.max(0, numerator.length - days);
  let sum = 0;
  let n = 0;
  for (let d = from; d < numerator.length; d++) {
    const base = denominator[d] - subtract;
    if (base > 0) { sum += numerator[d] / base; n++; }
  }
  return n ? sum / n : NaN;
}

/** Share of the total held by the top 10 % of values, and the Gini coefficient. */
export function inequality(values: Float64Array): { topShare: number; gini: number } {
  const n = values.length;
  if (n === 0) return { topShare: NaN, gini: NaN };
  const sorted = Float64Array.from(values).sort();
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    total += sorted[i];
    weighted += (i + 1) * sorted[i];
  }
  if (total === 0) return { topShare: NaN, gini: NaN };
  const top = Math.max(1, Math.ceil(n * 0.1));
  let topSum = 0;
  for (let i = n - top; i < n; i++) topSum += sorted[i];
  return { topShare: topSum / total, gini: (2 * weighted) / (n * total) - (n + 1) / n };
}

/** A number, or null where it is undefined (NaN, ±∞). */
export function finiteOrNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

/** Wilson score interval for a share (z = 1.645: 90 %). */
export function wilson(successes: number, n: number, z = 1.645): [number, number] {
  if (!n) return [0, 1];
  const p = successes / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** The mean of paired differences (one per run) with its normal 90 % interval (z = 1.645): e.g. meeting every goal, with − without. */
export function pairedMean(diffs: readonly number[], z = 1.645): { mean: number; interval: [number, number] } {
  const n = diffs.length;
  const mean = diffs.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(diffs.reduce((s, d) => s + (d - mean) ** 2, 0) / (n - 1)) : 0;
  const half = (z * sd) / Math.sqrt(n);
  return { mean, interval: [mean - half, mean + half] };
}
