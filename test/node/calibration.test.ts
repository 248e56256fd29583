/**
 * The calibration targets of MODEL §8 (and the v3 additions) on real ensembles
 * of 200 runs of each reference scenario and the variants the targets compare
 * against, on the files' seed. Bounds are MODEL's (src/model/calibration.ts);
 * a target this version misses on this seed is skipped with its reason
 * (KNOWN_MISSES), and asserted on every seed where it is not listed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CALIBRATION_TARGETS, KNOWN_MISSES, knownMiss, type Ensembles } from '../../src/model/calibration.ts';
import { runReferenceEnsembles } from '../../scripts/calibration-lib.ts';

let ensembles: Ensembles | undefined;
const get = () => (ensembles ??= runReferenceEnsembles(200));

/** The ensembles take ~40 s on an idle machine and several times that on a loaded one: a hook with room, not a timed test. */
const ENSEMBLES_TIMEOUT_MS = 900_000;

describe('calibration targets (MODEL §8), 200 runs each', () => {
  beforeAll(() => void get(), ENSEMBLES_TIMEOUT_MS);
  for (const target of CALIBRATION_TARGETS) {
    const known = knownMiss(target.id, 0);
    it.skipIf(known !== undefined)(`${target.id}: ${target.text}${known ? ` — known miss: ${known}` : ''}`, () => {
      const { value, ok } = target.measure(get());
      expect(ok, `${target.id} measured ${value}`).toBe(true);
    });
  }
  it('every known miss names a target and the seeds it misses on', () => {
    const ids = new Set(CALIBRATION_TARGETS.map((t) => t.id));
    expect(Object.keys(KNOWN_MISSES).filter((id) => !ids.has(id))).toEqual([]);
    for (const miss of Object.values(KNOWN_MISSES)) {
      expect(miss.seeds.length).toBeGreaterThan(0);
      expect(miss.seeds.every((seed) => [0, 1, 2, 3].includes(seed))).toBe(true);
    }
  });
});
