/**
 * Growth and admission (MODEL §5) and the team's time (§6): paired
 * comparisons, one lever changed, real ensembles on each side.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../scenarios.ts';
import { simulate } from '../../src/model/engine/run.ts';
import { parseScenario, type Scenario } from '../../src/model/scenario.ts';
import { meanTotal, median, variant, withConstants } from './paired.ts';

const knowledge = loadScenario('knowledge-sharing');
const noOps = loadScenario('no-operations');

describe('growth and admission (MODEL §5)', () => {
  it('batches above 20 on a personal account risk the anti-spam block; the operator sends the rest later', () => {
    const small = variant(knowledge, { growth: { initialInvites: 200, batchSize: 20 } });
    const big = variant(knowledge, { growth: { initialInvites: 200, batchSize: 100 } });
    expect(meanTotal(big, 'joins', 60, 0, 0)).toBeLessThan(meanTotal(small, 'joins', 60, 0, 0));
    expect(meanTotal(big, 'joins')).toBeGreaterThan(meanTotal(big, 'joins', 60, 0, 0)); // held invitations join later
    const enterprise = variant(big, { group: { platform: 'enterprise' } });
    expect(meanTotal(enterprise, 'joins', 60, 0, 0)).toBeCloseTo(meanTotal(small, 'joins', 60, 0, 0), 0);
    const lossless = withConstants(big, { antiSpamLossShare: 0 });
    expect(meanTotal(lossless, 'joins')).toBeGreaterThan(meanTotal(big, 'joins'));
  });

  it('a QR code admits nobody after 7 days unless refreshed, and nobody once the group holds 200', () => {
    const qr = variant(noOps, { growth: { channel: 'qr', initialInvites: 10, invitesPerDay: 10, inviteDays: 20, qrRefreshDays: 0 } });
    expect(meanTotal(qr, 'joins', 20, 7, 20)).toBe(0);
    const refreshed = variant(qr, { growth: { qrRefreshDays: 7 } });
    expect(meanTotal(refreshed, 'joins', 20, 7, 20)).toBeGreaterThan(0);
    const flood = variant(knowledge, { growth: { channel: 'qr', initialInvites: 600, batchSize: 600 } });
    for (let run = 0; run < 10; run++) expect(simulate(flood, run).series.members[0]).toBeLessThanOrEqual(200);
  });

  it('the enterprise API has no 200 limit but the group, team included, never exceeds 500', () => {
    const api = variant(knowledge, { group: { platform: 'enterprise' }, growth: { channel: 'enterprise', initialInvites: 2000, batchSize: 2000, invitesPerDay: 200, inviteDays: 29 } });
    for (let run = 0; run < 10; run++) {
      const members = simulate(api, run).series.members;
      expect(members[0]).toBeGreaterThan(200);
      expect(Math.max(...members)).toBeLessThanOrEqual(500);
    }
  });

  it('the capacity counts the team, and must hold it', () => {
    const small = variant(knowledge, { group: { capacity: 30 }, growth: { initialInvites: 100, batchSize: 20 } });
    for (let run = 0; run < 5; run++) expect(Math.max(...simulate(small, run).series.members)).toBeLessThanOrEqual(30);
    const tooSmall = parseScenario({ schemaVersion: 2, group: { capacity: 5 }, team: { admins: 20 } });
    expect(tooSmall.ok).toBe(false);
    if (!tooSmall.ok) expect(tooSmall.problems.map((p) => `${p.path}: ${p.en}`)).toContain('group.capacity: must hold the owner and the 20 admins (at least 21; the team counts toward the 500 limit)');
  });

  it('filters eliminate about the shares the playbook gives (§3: 15 %, 25 %, 10 %)', () => {
    // 400 invitations at 95 % acceptance stay under the 500 cap, so only the filters limit joins.
    const open = variant(noOps, { growth: { initialInvites: 400, batchSize: 400, inviteWording: 1, invitesPerDay: 0 }, group: { platform: 'enterprise', capacity: 500 }, horizonDays: 1 });
    const conversion = (s: Scenario) => median(s, 'joinConversion', 40);
    const base = conversion(open);
    const friction = { questionnaire: 0.92, activityScreen: 0.97, valuesTest: 0.97 };
    const cases = [
      ['questionnaire', 0.15],
      ['activityScreen', 0.25],
      ['valuesTest', 0.1],
    ] as const;
    for (const [filter, eliminated] of cases) {
      const filtered = conversion(variant(open, { admission: { [filter]: true } }));
      const passShare = filtered / base / friction[filter];
      expect(passShare, filter).toBeGreaterThan(1 - eliminated - 0.05);
      expect(passShare, filter).toBeLessThan(1 - eliminated + 0.05);
    }
  });

  it('better invitation wording converts more invitations', () => {
    const poor = variant(knowledge, { growth: { inviteWording: 0 } });
    const good = variant(knowledge, { growth: { inviteWording: 1 } });
    expect(median(good, 'joinConversion')).toBeGreaterThan(median(poor, 'joinConversion'));
  });
});

describe('the team\'s time (MODEL §6)', () => {
  it('every action costs minutes; enterprise automation saves some', () => {
    const quieter = variant(knowledge, { content: { postsPerWeek: 0, themeDay: 'none', monthlyEvent: false } });
    expect(median(knowledge, 'teamHoursPerWeek')).toBeGreaterThan(median(quieter, 'teamHoursPerWeek') + 1);
    const screened = variant(noOps, { admission: { questionnaire: true, valuesTest: true }, growth: { initialInvites: 200, batchSize: 200 }, group: { platform: 'enterprise' } });
    const manual = withConstants(screened, { enterpriseAutomationSaving: 0 });
    expect(median(screened, 'teamHoursPerWeek')).toBeLessThan(median(manual, 'teamHoursPerWeek'));
  });
});
