/**
 * The calibration targets hold on seeds 1–3 too, not only on the reference
 * files' seed: the defaults are not tuned to one seed. A target is left out
 * only on the seeds where KNOWN_MISSES lists it (reasons in
 * src/model/calibration.ts).
 */
import { describe, expect, it } from 'vitest';
import { CALIBRATION_TARGETS, knownMiss } from '../../src/model/calibration.ts';
import { runReferenceEnsembles } from '../../scripts/calibration-lib.ts';

describe('calibration targets (MODEL §8) on other seeds, 200 runs each', () => {
  for (const seed of [1, 2, 3]) {
    it(`every target but this seed's known misses holds with seed ${seed}`, () => {
      const ensembles = runReferenceEnsembles(200, {}, seed);
      const asserted = CALIBRATION_TARGETS.filter((t) => knownMiss(t.id, seed) === undefined);
      const missed = asserted.filter((t) => !t.measure(ensembles).ok).map((t) => `${t.id} = ${t.measure(ensembles).value}`);
      expect(missed).toEqual([]);
    }, 900_000); // ~40 s idle, several times that on a loaded machine: room, not a timed test
  }
});
