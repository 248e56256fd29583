import { describe, expect, it } from 'vitest';
import { cosTurns, exp, log, pow } from '../../src/model/detmath.ts';
import { stream, kumaraswamy, standardNormal, poisson } from '../../src/model/rng.ts';

describe('deterministic math (same bits in every engine)', () => {
  it('agrees with Math.* to within a few ulps over wide ranges', () => {
    const u = stream(1, 0, 'population');
    for (let i = 0; i < 20000; i++) {
      const x = (u() - 0.5) * 60;
      expect(Math.abs(exp(x) - Math.exp(x)) / Math.exp(x)).toBeLessThan(4e-16);
      const y = Math.exp((u() - 0.5) * 200);
      expect(Math.abs(log(y) - Math.log(y))).toBeLessThanOrEqual(4e-16 * Math.max(1, Math.abs(Math.log(y))));
      const t = u();
      expect(Math.abs(cosTurns(t) - Math.cos(2 * Math.PI * t))).toBeLessThan(2e-15);
      const b = u() * 20;
      const e = (u() - 0.5) * 6;
      expect(Math.abs(pow(b, e) - b ** e) / b ** e).toBeLessThan(1e-14);
    }
  });

  it('handles the edges', () => {
    expect(exp(0)).toBe(1);
    expect(exp(-1000)).toBe(0);
    expect(exp(1000)).toBe(Infinity);
    expect(log(1)).toBe(0);
    expect(log(0)).toBe(-Infinity);
    expect(Number.isNaN(log(-1))).toBe(true);
    expect(log(5e-324)).toBeCloseTo(-744.44, 2);
    expect(pow(0, 2)).toBe(0);
    expect(pow(7, 0)).toBe(1);
    expect([cosTurns(0), cosTurns(0.25), cosTurns(0.5), cosTurns(0.75)].map((v) => Math.round(v * 1e12) / 1e12 + 0)).toEqual([1, 0, -1, 0]);
  });

  it('draws distributions with the right moments', () => {
    const u = stream(42, 0, 'activity');
    const n = 200_000;
    let sum = 0, sq = 0, pois = 0, kum = 0;
    for (let i = 0; i < n; i++) {
      const z = standardNormal(u);
      sum += z; sq += z * z;
      pois += poisson(u, 2.5);
      kum += kumaraswamy(u, 2, 2);
    }
    expect(sum / n).toBeCloseTo(0, 2);
    expect(sq / n).toBeCloseTo(1, 1);
    expect(pois / n).toBeCloseTo(2.5, 1);
    expect(kum / n).toBeCloseTo(8 / 15, 2); // Kumaraswamy(2, 2) mean = b·B(1 + 1/a, b) = 8/15
  });
});
