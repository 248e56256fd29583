/**
 * The calibration targets of MODEL.md §8 on real ensembles of 200 runs of each
 * reference scenario (and the variants the targets compare against).
 */
import { describe, expect, it } from 'vitest';
import { CALIBRATION_TARGETS, type Ensembles } from '../../src/model/calibration.ts';
import { runReferenceEnsembles } from '../../scripts/calibration-lib.ts';

let ensembles: Ensembles | undefined;
const get = () => (ensembles ??= runReferenceEnsembles(200));

describe('calibration targets (MODEL §8), 200 runs each', () => {
  for (const target of CALIBRATION_TARGETS.filter((t) => !t.tension)) {
    it(`${target.id}: ${target.text}`, () => {
      const { value, ok } = target.measure(get());
      expect(ok, `${target.id} measured ${value}`).toBe(true);
    });
  }

  for (const target of CALIBRATION_TARGETS.filter((t) => t.tension)) {
    it(`${target.id} (in tension, see docs/calibration.md): ${target.text} — reaches at least its documented floor`, () => {
      const { value } = target.measure(get());
      expect(target.floor, 'a target in tension documents what the model reaches').toBeDefined();
      expect(value).toBeGreaterThanOrEqual(target.floor!);
    });
  }
});

describe('calibration does not hang on one seed', () => {
  for (const seed of [1, 2, 3]) {
    it(`every target but the one in tension holds with seed ${seed} too`, () => {
      const ensembles = runReferenceEnsembles(200, {}, seed);
      const missed = CALIBRATION_TARGETS.filter((t) => !t.tension && !t.measure(ensembles).ok)
        .map((t) => `${t.id} = ${t.measure(ensembles).value}`);
      expect(missed).toEqual([]);
    });
  }
});
