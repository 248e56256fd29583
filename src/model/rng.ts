/**
 * Seeded random streams (MODEL §9). Transforms use detmath.ts, not Math.*,
 * so a draw is the same number in every JavaScript engine.
 *
 * Every draw in a run comes from a `seedrandom.alea` generator seeded by
 * `(seed, run index, stream name)`. Separate streams per purpose mean that two
 * scenarios run with the same seed share the same population draws (common
 * random numbers), and a run never depends on which worker ran it or when.
 */
import seedrandom from 'seedrandom';
import { cosTurns, exp, log, pow } from './detmath.ts';

export type Uniform = () => number;

export const STREAMS = [
  'population',
  'growth',
  'activity',
  'kinds',
  'cascade',
  'topics',
  'chains',
  'answers',
  'enforcement',
  'daily',
  'activation',
  'hooks',
  'need',
] as const;
export type StreamName = (typeof STREAMS)[number];

export function stream(seed: number, runIndex: number, name: StreamName): Uniform {
  // alea() returns a function producing doubles in [0, 1).
  return seedrandom.alea(`${seed}:${runIndex}:${name}`) as unknown as Uniform;
}

/** Exponential with the given mean. */
export function exponential(u: Uniform, mean: number): number {
  return -mean * log(1 - u());
}

/**
 * Poisson by inversion with a single uniform: a fixed draw count per call keeps
 * streams aligned and is fast for the small means of a member-day.
 * For large means (> 30) a normal approximation is used.
 */
export function poisson(u: Uniform, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 30) {
    const n = Math.round(mean + Math.sqrt(mean) * standardNormal(u));
    return n < 0 ? 0 : n;
  }
  let p = exp(-mean);
  let cdf = p;
  const x = u();
  let k = 0;
  while (x > cdf && k < 200) {
    k++;
    p *= mean / k;
    cdf += p;
  }
  return k;
}

/** Box–Muller; always two uniforms so callers consume a fixed count. */
export function standardNormal(u: Uniform): number {
  const a = 1 - u();
  const b = u();
  return Math.sqrt(-2 * log(a)) * cosTurns(b);
}

/**
 * Kumaraswamy(a, b): a Beta-shaped distribution on [0, 1] with a closed-form
 * inverse CDF, so each draw costs exactly one uniform (keeps the population
 * stream aligned across scenarios). Mean = b·B(1 + 1/a, b).
 */
export function kumaraswamy(u: Uniform, a: number, b: number): number {
  return pow(1 - pow(1 - u(), 1 / b), 1 / a);
}

/**
 * A stream for a planning design (a Sobol' scramble, Morris paths, bootstrap
 * resamples), named by its purpose: the same seed gives the same design, and
 * no design shares draws with the runs it asks for (their streams are named
 * `seed:run:name`).
 */
export function designStream(seed: number, purpose: string): Uniform {
  return seedrandom.alea(`${seed}:${purpose}`) as unknown as Uniform;
}
