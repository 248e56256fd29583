import { describe, expect, it } from 'vitest';
import { runTasksHere } from '../../src/model/planning/jobs.ts';
import { leverAt } from '../../src/model/planning/levers.ts';
import { morrisNoise, outputUnit, runSensitivity } from '../../src/model/planning/sensitivity-model.ts';
import { loadScenario } from '../scenarios.ts';

describe('Morris: units and the noise level', () => {
  it('prints each output in its unit', () => {
    expect(outputUnit('allGoals')).toBe('pp');
    expect(outputUnit('weeklyParticipation')).toBe('pp');
    expect(outputUnit('coreActiveUsers')).toBe('people');
    expect(outputUnit('dailyMessages')).toBe('perDay');
    expect(outputUnit('valuablePostsPerWeek')).toBe('perWeek');
    expect(outputUnit('firstAnswerMinutesMedian')).toBe('minutes');
  });

  it('is the mean |effect| of pure run noise plus two standard errors over the paths', () => {
    // s = 0.5 (a coin's 0/1 runs), 40 runs, 10 paths: an effect's SD is √2 · 0.5 / √40 / (2/3) ≈ 0.168
    const sd = (Math.SQRT2 * 0.5) / Math.sqrt(40) / (2 / 3);
    const level = morrisNoise({ runSd: { allGoals: 0.5 }, runs: 40, samples: 10 }, 'allGoals')!;
    expect(level).toBeCloseTo(sd * (Math.sqrt(2 / Math.PI) + (2 * Math.sqrt(1 - 2 / Math.PI)) / Math.sqrt(10)), 12);
    // four times the runs halve it; more paths lower it toward the mean |effect|
    expect(morrisNoise({ runSd: { allGoals: 0.5 }, runs: 160, samples: 10 }, 'allGoals')).toBeCloseTo(level / 2, 12);
    expect(morrisNoise({ runSd: { allGoals: 0.5 }, runs: 40, samples: 1000 }, 'allGoals')!).toBeLessThan(level);
    // a result saved before the run SD was kept: no level, no mark
    expect(morrisNoise({ runs: 40, samples: 10 }, 'allGoals')).toBeNull();
  });

  it('keeps a lever that does nothing within noise, and one that matters above it', async () => {
    const base = loadScenario('knowledge-sharing');
    // refreshing the QR code does nothing to a group that invites directly; the number of content posts drives core users
    const levers = [leverAt('content.postsPerWeek')!, leverAt('growth.qrRefreshDays')!];
    const result = await runSensitivity(runTasksHere, base, { method: 'morris', levers, runs: 10, samples: 6, outputs: ['coreActiveUsers', 'allGoals'] });
    const share = result.runSd!.allGoals;
    expect(share).toBeGreaterThanOrEqual(0);
    expect(share).toBeLessThanOrEqual(0.5 + 1e-9);
    const noise = morrisNoise(result, 'coreActiveUsers')!;
    expect(noise).toBeGreaterThan(0);
    const [posts, qr] = result.morris!.coreActiveUsers;
    expect(qr.muStar).toBeLessThan(noise);
    expect(posts.muStar).toBeGreaterThan(noise);
  }, 60_000);
});
