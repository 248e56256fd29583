import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/model/engine/run.ts';
import { runChunk, runEnsemble, summariseEnsemble } from '../../src/model/ensemble.ts';
import { SERIES_KEYS } from '../../src/model/metrics.ts';
import type { Scenario } from '../../src/model/scenario.ts';
import { loadScenario } from '../scenarios.ts';

const plain = (r: ReturnType<typeof simulate>) => ({
  summary: r.summary,
  series: Object.fromEntries(SERIES_KEYS.map((k) => [k, Array.from(r.series[k])])),
});

describe('determinism (MODEL §9)', () => {
  const scenario = loadScenario('knowledge-sharing');

  it('gives bit-identical results for the same scenario, seed and run index', () => {
    for (const run of [0, 7, 123]) expect(plain(simulate(scenario, run))).toEqual(plain(simulate(scenario, run)));
  });

  it('gives different results for a different seed or run index', () => {
    const base = plain(simulate(scenario, 0));
    expect(plain(simulate({ ...scenario, seed: scenario.seed + 1 }, 0))).not.toEqual(base);
    expect(plain(simulate(scenario, 1))).not.toEqual(base);
  });

  it('does not depend on run order or chunking of an ensemble', () => {
    const whole = runEnsemble(scenario, 24);
    const chunks = [...runChunk(scenario, 16, 8), ...runChunk(scenario, 0, 5), ...runChunk(scenario, 5, 11)].reverse();
    expect(summariseEnsemble(scenario, chunks)).toEqual(whole);
  });

  it('shares population draws between scenarios with the same seed (common random numbers)', () => {
    // Moving the posting window changes what members do, not who was invited and who joined on day 0.
    const moved: Scenario = { ...scenario, content: { ...scenario.content, window: [14, 15] } };
    for (let run = 0; run < 10; run++) {
      expect(simulate(moved, run).series.joins[0]).toBe(simulate(scenario, run).series.joins[0]);
    }
  });

  it('does not depend on earlier runs in the same process', () => {
    const first = plain(simulate(scenario, 3));
    for (let run = 0; run < 5; run++) simulate(loadScenario('resource-matching'), run);
    expect(plain(simulate(scenario, 3))).toEqual(first);
  });
});
