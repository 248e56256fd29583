/** Invariants that hold for any valid scenario (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/model/engine/run.ts';
import { SERIES, SERIES_KEYS, SUMMARY, SUMMARY_KEYS } from '../../src/model/metrics.ts';
import { parseScenario, parseScenarioText } from '../../src/model/scenario.ts';
import { scenarioArbitrary } from './arbitraries.ts';

/**
 * Series that are undefined on some days by definition: no messages that day, a cohort not yet 30
 * days old, no topic or question yet, or nobody present outside the team (a share without a
 * denominator is no data, MODEL §7).
 */
const MAY_BE_NAN = new Set([
  'effectiveRatio', 'cohortRetention30d', 'retentionDay0', 'topicResponseInWindowToDate', 'topicResponseOutOfWindowToDate', 'firstAnswerMinutesMedian',
  'speakingRate30d', 'weeklyParticipation', 'lurkerShare', 'neverPostedShare', 'dndShare', 'meanEngagement',
]);

describe('invariants for any valid scenario', () => {
  it('every generated scenario validates and survives JSON text → parse unchanged', () => {
    fc.assert(fc.property(scenarioArbitrary(), (input) => {
      const parsed = parseScenario(input);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      const again = parseScenarioText(JSON.stringify(parsed.scenario));
      expect(again.ok && again.scenario).toEqual(parsed.scenario);
    }), { numRuns: 200 });
  });

  it('shares stay in [0, 1], counts are non-negative, members ≤ 500, no NaN in the summary', () => {
    fc.assert(fc.property(scenarioArbitrary(), fc.integer({ min: 0, max: 1000 }), (input, runIndex) => {
      const parsed = parseScenario(input);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
      const result = simulate(parsed.scenario, runIndex);
      for (const key of SUMMARY_KEYS) {
        const value = result.summary[key];
        if (value === null) continue;
        expect(Number.isFinite(value), key).toBe(true);
        expect(value, key).toBeGreaterThanOrEqual(0);
        if (SUMMARY[key].unit === 'share') expect(value, key).toBeLessThanOrEqual(1 + 1e-12);
      }
      // the capacity counts the team (MODEL §5)
      expect(result.summary.members ?? 0).toBeLessThanOrEqual(Math.min(500, parsed.scenario.group.capacity));
      for (const key of SERIES_KEYS) {
        const series = result.series[key];
        expect(series.length).toBe(parsed.scenario.horizonDays);
        for (const v of series) {
          if (Number.isNaN(v)) {
            expect(MAY_BE_NAN.has(key), `${key} is NaN`).toBe(true);
            continue;
          }
          expect(v, key).toBeGreaterThanOrEqual(0);
          if (SERIES[key].unit === 'share') expect(v, key).toBeLessThanOrEqual(1 + 1e-12);
        }
      }
      for (const v of result.series.members) expect(v).toBeLessThanOrEqual(Math.min(500, parsed.scenario.group.capacity));
      // member-facing shares are no data exactly when nobody outside the team is present
      const last = result.horizonDays - 1;
      const team = 1 + parsed.scenario.team.admins;
      expect(Number.isNaN(result.series.speakingRate30d[last])).toBe(result.series.members[last] === team);
      // messages by kind add up to all messages
      for (let d = 0; d < result.horizonDays; d++) {
        const byKind = SERIES_KEYS.filter((k) => k.startsWith('kind_')).reduce((sum, k) => sum + result.series[k][d], 0);
        expect(byKind).toBe(result.series.messages[d]);
        expect(result.series.effectiveMessages[d]).toBeLessThanOrEqual(result.series.messages[d]);
      }
    }), { numRuns: 120 });
  });
});
