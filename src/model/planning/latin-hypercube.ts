/** Space-filling designs for the planning searches (goal seek, frontier, discovery), model-free. */
import seedrandom from 'seedrandom';

/**
 * A Latin hypercube of n points in [0, 1)^k: each axis cut into n equal
 * strata, one point in each, the strata paired at random (seeded): a
 * space-filling design that needs no full grid.
 */
export function latinHypercubeUnit(n: number, k: number, seed: string): number[][] {
  const u = seedrandom.alea(seed) as unknown as () => number;
  const columns = Array.from({ length: k }, () => {
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(u() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    return order.map((cell) => (cell + u()) / n);
  });
  return Array.from({ length: n }, (_, row) => columns.map((c) => c[row]));
}
