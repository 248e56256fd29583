/**
 * The calibration targets of MODEL §8 hold on seeds 1–3 too, not only on the
 * reference files' seed: the defaults are not tuned to one seed. Targets in
 * KNOWN_MISSES are left out (their reasons are in src/model/calibration.ts).
 */
import { describe, expect, it } from 'vitest';
import { CALIBRATION_TARGETS, KNOWN_MISSES } from '../../src/model/calibration.ts';
import { runReferenceEnsembles } from '../../scripts/calibration-lib.ts';

const asserted = CALIBRATION_TARGETS.filter((t) => KNOWN_MISSES[t.id] === undefined);

describe('calibration targets (MODEL §8) on other seeds, 200 runs each', () => {
  for (const seed of [1, 2, 3]) {
    it(`every target but the known misses holds with seed ${seed}`, () => {
      const ensembles = runReferenceEnsembles(200, {}, seed);
      const missed = asserted.filter((t) => !t.measure(ensembles).ok).map((t) => `${t.id} = ${t.measure(ensembles).value}`);
      expect(missed).toEqual([]);
    });
  }
});
