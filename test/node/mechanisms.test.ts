/**
 * Each mechanism of MODEL.md §3–§6 moves its metric the right way. Every test
 * is a paired comparison: the same seed and run indices (common random
 * numbers), one lever changed, a real ensemble of runs on each side.
 */
import { describe, expect, it } from 'vitest';
import { runChunk, runEnsemble } from '../../src/model/ensemble.ts';
import { simulate } from '../../src/model/engine/run.ts';
import { parseScenario, type Scenario, type ScenarioInput } from '../../src/model/scenario.ts';
import type { SeriesKey, SummaryKey } from '../../src/model/metrics.ts';
import { loadReference } from '../../scripts/calibration-lib.ts';

const RUNS = 60;

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? (T[K] extends unknown[] ? T[K] : DeepPartial<T[K]>) : T[K] };

function variant(base: Scenario, patch: DeepPartial<ScenarioInput>): Scenario {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const current = merged[key];
    merged[key] = value && typeof value === 'object' && !Array.isArray(value) && current && typeof current === 'object'
      ? { ...(current as object), ...(value as object) } : value;
  }
  const parsed = parseScenario(merged);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.scenario;
}

function median(s: Scenario, key: SummaryKey, runs = RUNS): number {
  const value = runEnsemble(s, runs).metrics[key].p50;
  if (value === null) throw new Error(`${key} has no value`);
  return value;
}

/** Mean over runs of a daily series summed over days. */
function meanTotal(s: Scenario, key: SeriesKey, runs = RUNS, from = 0, to = s.horizonDays - 1): number {
  let sum = 0;
  for (const r of runChunk(s, 0, runs)) for (let d = from; d <= to; d++) sum += r.series[key][d];
  return sum / runs;
}

const knowledge = loadReference('knowledge-sharing');
const noOps = loadReference('no-operations');
const marketing = loadReference('over-marketing');

describe('members and activity (MODEL §2–§3)', () => {
  it('more DMs to silent members → fewer lurkers and a higher speaking rate', () => {
    const none = variant(knowledge, { activation: { dmPerAdminPerDay: 0 } });
    const many = variant(knowledge, { activation: { dmPerAdminPerDay: 5 } });
    expect(median(many, 'lurkerShare')).toBeLessThan(median(none, 'lurkerShare'));
    expect(median(many, 'speakingRate30d')).toBeGreaterThan(median(none, 'speakingRate30d'));
    expect(median(many, 'teamHoursPerWeek')).toBeGreaterThan(median(none, 'teamHoursPerWeek'));
  });

  it('topics in the evening window get more responses than at 14–15', () => {
    const afternoon = variant(knowledge, { content: { window: [14, 15] } });
    expect(median(knowledge, 'topicResponseInWindow')).toBeGreaterThan(median(afternoon, 'topicResponseInWindow') + 0.05);
  });

  it('a content plan keeps the group talking; none lets it go quiet', () => {
    const planned = variant(noOps, { content: { postsPerWeek: 5, themeDay: 'thu', monthlyEvent: true } });
    expect(median(planned, 'dailyMessages')).toBeGreaterThan(median(noOps, 'dailyMessages'));
    expect(median(planned, 'speakingRate30d')).toBeGreaterThan(median(noOps, 'speakingRate30d'));
  });

  it('the top 10 % of members write a large share of member messages (Nielsen 90-9-1)', () => {
    expect(median(knowledge, 'top10MessageShare')).toBeGreaterThan(0.4);
    expect(median(knowledge, 'gini')).toBeGreaterThan(0.5);
  });

  it('the self-exciting cascade leaves a plausible share of thread starters unanswered', () => {
    const share = median(knowledge, 'unrepliedStarterShare');
    expect(share).toBeGreaterThan(0.3);
    expect(share).toBeLessThan(0.75);
    const noCascade = variant(knowledge, { parameters: { branchingRatio: 0 } });
    expect(median(noCascade, 'unrepliedStarterShare')).toBeGreaterThan(share);
    expect(median(noCascade, 'dailyMessages')).toBeLessThan(median(knowledge, 'dailyMessages'));
  });

  it('a KOL founder posts more 干货 than an admin founder', () => {
    const admin = variant(knowledge, { founder: 'admin' });
    expect(meanTotal(knowledge, 'valuablePosts')).toBeGreaterThan(meanTotal(admin, 'valuablePosts'));
  });

  it('a needs poll raises topic response', () => {
    const withPolls = variant(knowledge, { content: { needsPollEveryDays: 7 } });
    const without = variant(knowledge, { content: { needsPollEveryDays: 0 } });
    expect(meanTotal(withPolls, 'topicsInWindowAnswered') / meanTotal(withPolls, 'topicsInWindow'))
      .toBeGreaterThan(meanTotal(without, 'topicsInWindowAnswered') / meanTotal(without, 'topicsInWindow'));
  });
});

describe('content kinds and incentives (MODEL §3.5, §4)', () => {
  it('points per message invite filler and lower the effective ratio; per effective message does not', () => {
    const perMessage = variant(knowledge, { incentives: { points: 'message' } });
    expect(meanTotal(perMessage, 'kind_filler')).toBeGreaterThan(0);
    expect(meanTotal(knowledge, 'kind_filler')).toBe(0);
    expect(median(perMessage, 'effectiveRatio')).toBeLessThan(median(knowledge, 'effectiveRatio'));
  });

  it('points lift the posting of responsive members', () => {
    const none = variant(knowledge, { incentives: { points: 'none' } });
    expect(meanTotal(knowledge, 'messages')).toBeGreaterThan(meanTotal(none, 'messages'));
  });

  it('chain rewards raise daily volume with low-value entries', () => {
    const chains = variant(knowledge, { incentives: { chainRewards: true } });
    expect(meanTotal(chains, 'kind_chain')).toBeGreaterThan(0);
    expect(meanTotal(chains, 'messages')).toBeGreaterThan(meanTotal(knowledge, 'messages') + 0.5 * meanTotal(chains, 'kind_chain'));
    expect(median(chains, 'effectiveRatio')).toBeLessThan(median(knowledge, 'effectiveRatio'));
  });

  it('team points competitions lift weekly participation', () => {
    const competition = variant(knowledge, { incentives: { teamCompetition: true } });
    expect(median(competition, 'weeklyParticipation')).toBeGreaterThan(median(knowledge, 'weeklyParticipation'));
  });

  it('promotions crowd out content: lower effective ratio, lower engagement, more leaving', () => {
    const clean = variant(marketing, { content: { promoPerWeek: 0 } });
    expect(median(marketing, 'effectiveRatio')).toBeLessThan(median(clean, 'effectiveRatio') - 0.1);
    expect(meanTotal(marketing, 'leaves')).toBeGreaterThan(meanTotal(clean, 'leaves'));
    expect(meanTotal(marketing, 'meanEngagement')).toBeLessThan(meanTotal(clean, 'meanEngagement'));
  });
});

describe('violations and the ladder (MODEL §3.7)', () => {
  const qr = variant(marketing, { content: { promoPerWeek: 0 }, incentives: { points: 'none', chainRewards: false } });

  it('no penalties → more ads', () => {
    const lax = variant(qr, { penalties: { enabled: false } });
    const strict = variant(qr, { penalties: { enabled: true, strikesToRemove: 3, detection: 0.9, muteHours: 24 } });
    expect(meanTotal(lax, 'kind_ad')).toBeGreaterThan(meanTotal(strict, 'kind_ad'));
    expect(meanTotal(lax, 'removals')).toBe(0);
    expect(meanTotal(strict, 'removals')).toBeGreaterThan(0);
  });

  it('fewer strikes to removal → removals sooner', () => {
    const one = variant(qr, { penalties: { strikesToRemove: 1, detection: 0.9 } });
    const five = variant(qr, { penalties: { strikesToRemove: 5, detection: 0.9 } });
    expect(meanTotal(one, 'removals', RUNS, 0, 9)).toBeGreaterThan(meanTotal(five, 'removals', RUNS, 0, 9));
  });

  it('the announcement lowers violations', () => {
    const without = variant(qr, { content: { announcement: false } });
    expect(meanTotal(without, 'kind_violation') + meanTotal(without, 'kind_ad')).toBeGreaterThan(meanTotal(qr, 'kind_violation') + meanTotal(qr, 'kind_ad'));
  });

  it('an identity check keeps most marketers out', () => {
    const checked = variant(qr, { admission: { identityCheck: true } });
    expect(meanTotal(checked, 'kind_ad')).toBeLessThan(0.5 * meanTotal(qr, 'kind_ad'));
  });

  it('probation mutes newcomers: nobody speaks in their first days and early ads are blocked', () => {
    const probation = variant(qr, { admission: { probationDays: 3 } });
    expect(meanTotal(probation, 'speakers', RUNS, 0, 2)).toBe(0);
    expect(meanTotal(probation, 'kind_ad', RUNS, 0, 6)).toBeLessThan(meanTotal(qr, 'kind_ad', RUNS, 0, 6));
  });

  it('keyword monitoring (enterprise) catches more violations', () => {
    const enterprise = variant(qr, { group: { platform: 'enterprise' }, penalties: { detection: 0.2 } });
    const monitored = variant(enterprise, { automation: { keywordMonitoring: true } });
    expect(meanTotal(monitored, 'removals')).toBeGreaterThan(meanTotal(enterprise, 'removals'));
  });
});

describe('growth and admission (MODEL §5)', () => {
  it('batches above 20 on a personal account risk the anti-spam block', () => {
    const small = variant(knowledge, { growth: { initialInvites: 200, batchSize: 20 } });
    const big = variant(knowledge, { growth: { initialInvites: 200, batchSize: 100 } });
    expect(meanTotal(big, 'joins', RUNS, 0, 0)).toBeLessThan(meanTotal(small, 'joins', RUNS, 0, 0));
    const enterprise = variant(big, { group: { platform: 'enterprise' } });
    expect(meanTotal(enterprise, 'joins', RUNS, 0, 0)).toBeCloseTo(meanTotal(small, 'joins', RUNS, 0, 0), 0);
  });

  it('a QR code admits nobody after 7 days unless refreshed, and nobody once the group holds 200', () => {
    const qr = variant(noOps, { growth: { channel: 'qr', initialInvites: 10, invitesPerDay: 10, inviteDays: 20, qrRefreshDays: 0 } });
    expect(meanTotal(qr, 'joins', 20, 7, 20)).toBe(0);
    const refreshed = variant(qr, { growth: { qrRefreshDays: 7 } });
    expect(meanTotal(refreshed, 'joins', 20, 7, 20)).toBeGreaterThan(0);
    const flood = variant(knowledge, { growth: { channel: 'qr', initialInvites: 600, batchSize: 600 } });
    for (let run = 0; run < 10; run++) expect(simulate(flood, run).series.members[0]).toBeLessThanOrEqual(200);
  });

  it('the enterprise API has no 200 limit but the group never exceeds 500', () => {
    const api = variant(knowledge, { group: { platform: 'enterprise' }, growth: { channel: 'enterprise', initialInvites: 2000, batchSize: 2000, invitesPerDay: 200, inviteDays: 29 } });
    for (let run = 0; run < 10; run++) {
      const members = simulate(api, run).series.members;
      expect(members[0]).toBeGreaterThan(200);
      expect(Math.max(...members)).toBeLessThanOrEqual(500);
    }
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

describe('engagement, do-not-disturb and leaving (MODEL §4)', () => {
  it('a flood of messages sends members to do-not-disturb more than it makes them leave', () => {
    const rm = loadReference('resource-matching');
    const dnd = median(rm, 'dndShare', 30);
    expect(dnd).toBeGreaterThan(0.5);
    const leftShare = median(rm, 'leavesTotal', 30) / median(rm, 'joinsTotal', 30);
    expect(dnd).toBeGreaterThan(leftShare);
  });

  it('an unannounced rule change costs more members than one with notice and a vote', () => {
    const sudden = variant(knowledge, { ruleChanges: [{ day: 15, noticeDays: 0, vote: false }] });
    const agreed = variant(knowledge, { ruleChanges: [{ day: 15, noticeDays: 3, vote: true }] });
    expect(meanTotal(sudden, 'leaves', 100, 15, 29)).toBeGreaterThan(meanTotal(agreed, 'leaves', 100, 15, 29));
    expect(meanTotal(sudden, 'meanEngagement', 100, 15, 29)).toBeLessThan(meanTotal(agreed, 'meanEngagement', 100, 15, 29));
  });

  it('win-back brings some leavers back', () => {
    const churny = variant(noOps, { parameters: { leaveHazardBase: 0.05 } });
    const winBack = variant(churny, { activation: { winBack: true } });
    expect(median(winBack, 'members')).toBeGreaterThan(median(churny, 'members'));
    expect(median(winBack, 'teamHoursPerWeek')).toBeGreaterThan(median(churny, 'teamHoursPerWeek'));
  });

  it('reply ties protect from leaving', () => {
    const churny = variant(noOps, { parameters: { leaveHazardBase: 0.03 } });
    const noProtection = variant(churny, { parameters: { tieProtection: 0 } });
    expect(meanTotal(noProtection, 'leaves')).toBeGreaterThan(meanTotal(churny, 'leaves'));
  });
});

describe('questions and answers (MODEL §3.6)', () => {
  const service = loadReference('customer-service');

  it('keyword auto-reply and duty hours shorten the first answer', () => {
    const noAuto = variant(service, { automation: { autoReply: false } });
    expect(median(service, 'firstAnswerMinutesMedian')).toBeLessThan(median(noAuto, 'firstAnswerMinutesMedian'));
    const slowTeam = variant(noAuto, { team: { replyMinutes: 90 } });
    expect(median(slowTeam, 'firstAnswerMinutesMedian')).toBeGreaterThan(median(noAuto, 'firstAnswerMinutesMedian'));
    const shortDuty = variant(noAuto, { team: { dutyHours: [10, 12] } });
    expect(median(shortDuty, 'firstAnswerMinutesP90')).toBeGreaterThan(median(noAuto, 'firstAnswerMinutesP90'));
  });
});
