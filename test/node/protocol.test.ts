import { describe, expect, it } from 'vitest';
import { packRuns, unpackRuns } from '../../src/worker/protocol.ts';
import { runChunk } from '../../src/model/ensemble.ts';
import { SERIES_KEYS } from '../../src/model/metrics.ts';
import { loadScenario } from '../scenarios.ts';

describe('runs packed for the worker boundary', () => {
  it('unpack(pack(runs)) gives back every series and summary, in one buffer', () => {
    const runs = runChunk(loadScenario('customer-service'), 3, 4);
    const packed = packRuns(runs);
    expect(packed.series.length).toBe(4 * (SERIES_KEYS.length * 30 + 24));
    const back = unpackRuns(structuredClone(packed));
    expect(back.map((r) => r.runIndex)).toEqual([3, 4, 5, 6]);
    back.forEach((r, i) => {
      expect(r.summary).toEqual(runs[i].summary);
      for (const key of SERIES_KEYS) expect(Array.from(r.series[key]), key).toEqual(Array.from(runs[i].series[key]));
      expect(Array.from(r.hourlyProfile)).toEqual(Array.from(runs[i].hourlyProfile));
    });
    expect(unpackRuns(packRuns([]))).toEqual([]);
  });
});
