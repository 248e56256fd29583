/**
 * Test functions whose sensitivity indices are known analytically, to check
 * the estimators and the sampling (sobol.ts, sobol-sequence.ts). Each takes
 * unit coordinates in [0, 1)^k.
 */

/** Ishigami & Homma (1990): f = sin x1 + a sin² x2 + b x3⁴ sin x1 on [−π, π]³; a, b as in Saltelli et al. (2000, 2010). */
export const ISHIGAMI = { a: 7, b: 0.1 } as const;

export function ishigami(x: readonly number[]): number {
  const [x1, x2, x3] = x.map((v) => Math.PI * (2 * v - 1));
  return Math.sin(x1) + ISHIGAMI.a * Math.sin(x2) ** 2 + ISHIGAMI.b * x3 ** 4 * Math.sin(x1);
}

/** Its indices, analytically (Sobol' & Levitan 1999): S1 = 0.3139, 0.4424, 0; ST = 0.5576, 0.4424, 0.2437. */
export const ISHIGAMI_INDICES = (() => {
  const { a, b } = ISHIGAMI;
  const v1 = 0.5 * (1 + (b * Math.PI ** 4) / 5) ** 2;
  const v2 = a ** 2 / 8;
  const v13 = (8 * b ** 2 * Math.PI ** 8) / 225;
  const v = v1 + v2 + v13;
  return { s1: [v1 / v, v2 / v, 0], st: [(v1 + v13) / v, v2 / v, v13 / v] };
})();

/**
 * Sobol's G function (Saltelli & Sobol' 1995): Π (|4x_i − 2| + a_i) / (1 + a_i),
 * whose integral over the unit cube is exactly 1; a small a_i makes x_i
 * important. These a_i are Saltelli et al. (2010)'s test case (8 factors).
 */
export const SOBOL_G_COEFFICIENTS = [0, 1, 4.5, 9, 99, 99, 99, 99] as const;

export function sobolG(x: readonly number[], a: readonly number[] = SOBOL_G_COEFFICIENTS): number {
  return a.reduce((product, ai, i) => product * ((Math.abs(4 * x[i] - 2) + ai) / (1 + ai)), 1);
}

/** Its indices: V_i = 1 / (3(1 + a_i)²), V = Π(1 + V_i) − 1, S1_i = V_i / V, ST_i = V_i Π_{j≠i}(1 + V_j) / V. */
export function sobolGIndices(a: readonly number[] = SOBOL_G_COEFFICIENTS): { s1: number[]; st: number[] } {
  const partial = a.map((ai) => 1 / (3 * (1 + ai) ** 2));
  const all = partial.reduce((p, v) => p * (1 + v), 1);
  const v = all - 1;
  return { s1: partial.map((vi) => vi / v), st: partial.map((vi) => (vi * all) / (1 + vi) / v) };
}
