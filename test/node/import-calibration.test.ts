/**
 * Issue 19: calibration recovers known parameters. A group is simulated with
 * parameters unlike the defaults, its chat written out as a WeChatMsg CSV with
 * a roster, imported, measured and fitted; each archetype rate must lie within
 * a factor 2.5 of the truth, the tolerance docs/import.md states and justifies
 * (one log is one run of a noisy group). The defaults lie outside it (core
 * ×0.23, active ×0.33, ordinary ×0.35 under model v3's retuned defaults), so a fit that does not move fails. The
 * log is the first seed's, not a chosen one (docs/import.md lists twelve fits).
 * The rhythm mix is fitted but not recovered reliably from one log, so it is
 * reported there, not asserted here.
 */
import { describe, expect, it } from 'vitest';
import { replay } from '../../src/model/engine/run.ts';
import { parseScenario } from '../../src/model/scenario.ts';
import { PARAMETERS } from '../../src/model/parameters.ts';
import { importChat } from '../../src/model/import/import-chat.ts';
import { toWeChatMsgCsv } from '../../src/model/import/simulated-chat.ts';
import { fitToChat } from '../../src/model/import/fit.ts';

export const TRUTH = { rateMedianCore: 3.5, rateMedianActive: 0.8, rateMedianOrdinary: 0.4, profileEveningShare: 0.3, profileOfficeShare: 0.6 };
export const RATE_TOLERANCE = 2.5;

function generatedLog(seed: number) {
  const parsed = parseScenario({ schemaVersion: 2, seed, horizonDays: 60, startWeekday: 'fri', growth: { initialInvites: 200 }, parameters: TRUTH });
  if (!parsed.ok) throw new Error(parsed.problems[0].en);
  const { csv, roster } = toWeChatMsgCsv(replay(parsed.scenario, 0).chat, 'knowledge_sharing', Date.UTC(2024, 2, 1) / 86_400_000);
  const r = importChat([{ name: 'generated.csv', bytes: new TextEncoder().encode(csv) }], { roster: [{ name: 'roster.txt', bytes: new TextEncoder().encode(roster) }] });
  if (!r.ok) throw new Error(r.problems[0].en);
  return r.chat;
}

describe('calibration recovers the parameters of a generated log', () => {
  it('within the stated tolerances, deterministically', () => {
    const chat = generatedLog(1);
    const fit = fitToChat(chat, { runs: 6, steps: 80, seed: 1 });
    for (const key of ['rateMedianCore', 'rateMedianActive', 'rateMedianOrdinary'] as const) {
      const factor = RATE_TOLERANCE;
      const ratio = fit.parameters[key]! / TRUTH[key];
      expect(ratio, `${key}: fitted ${fit.parameters[key]}, truth ${TRUTH[key]}`).toBeGreaterThan(1 / factor);
      expect(ratio, key).toBeLessThan(factor);
      expect(PARAMETERS[key].default / TRUTH[key] < 1 / factor || PARAMETERS[key].default / TRUTH[key] > factor, `${key}: the default must lie outside`).toBe(true);
    }
    expect(fit.loss).toBeLessThan(fit.lossAtDefaults / 5);
  });

  it('gives the same fit for the same import and seed', () => {
    const chat = generatedLog(2);
    const fit = () => fitToChat(chat, { runs: 2, steps: 6, seed: 5, verdictRuns: 4 });
    expect(fit()).toEqual(fit());
  });

  it('the imported generated log is the simulated chat, message for message', () => {
    const chat = generatedLog(1);
    const parsed = parseScenario({ schemaVersion: 2, seed: 1, horizonDays: 60, startWeekday: 'fri', growth: { initialInvites: 200 }, parameters: TRUTH });
    if (!parsed.ok) throw new Error('invalid');
    expect(chat.minute.length).toBe(replay(parsed.scenario, 0).chat.messages.time.length);
    expect(chat.skippedTotal).toBe(0);
  });
});
