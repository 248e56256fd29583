/**
 * Each mechanism of MODEL §3 (each hour: posting, topics, cascades, message
 * kinds, questions, violations, promotions) moves its metric the right way.
 * Every test is a paired comparison (same seed and run indices) with one lever
 * or constant changed, so it fails when that mechanism's effect is switched
 * off (scripts/mutation-check.ts checks this constant by constant).
 */
import { describe, expect, it } from 'vitest';
import { scenarioFor } from '../../scripts/calibration-lib.ts';
import { loadScenario } from '../scenarios.ts';
import { mean, meanTotal, median, variant, withConstants } from './paired.ts';

const knowledge = loadScenario('knowledge-sharing');
const noOps = loadScenario('no-operations');
const marketing = loadScenario('over-marketing');
const trading = loadScenario('resource-matching');
const service = loadScenario('customer-service');

describe('members\' own messages (MODEL §3.2)', () => {
  it('engagement scales posting (eᵞ): a more engaged start means more messages on day 0', () => {
    // organic posting only: no cascades, no answers from members, no topics
    const quiet = withConstants(noOps, { branchingRatio: 0, memberAnswerRate: 0 });
    const keen = withConstants(quiet, { engagementStartCore: 0.95, engagementStartActive: 0.9, engagementStartOrdinary: 0.8 });
    const flat = withConstants(quiet, { engagementStartCore: 0.4, engagementStartActive: 0.3, engagementStartOrdinary: 0.15 });
    expect(meanTotal(keen, 'memberMessages', 100, 0, 0)).toBeGreaterThan(1.3 * meanTotal(flat, 'memberMessages', 100, 0, 0));
  });

  it('critical mass: unoperated groups fall silent within a week far more often than without it', () => {
    const noCriticalMass = withConstants(noOps, { livelinessExponent: 0 });
    expect(mean(noOps, 'silentWithinWeek', 200)).toBeGreaterThan(mean(noCriticalMass, 'silentWithinWeek', 200) + 0.1);
  });

  it('critical mass: a lively group posts more than its members\' rates alone would', () => {
    const capped = withConstants(knowledge, { livelinessMax: 1 });
    expect(meanTotal(knowledge, 'memberMessages')).toBeGreaterThan(meanTotal(capped, 'memberMessages'));
  });

  it('the top 10 % of members write at least half of member messages (Nielsen 90-9-1; MODEL §8.9)', () => {
    // the knowledge-sharing group is a known miss (47–48 %, KNOWN_MISSES['9a-knowledge-sharing']); it is still far from equal
    for (const s of [noOps, trading]) expect(median(s, 'top10MessageShare')).toBeGreaterThanOrEqual(0.5);
    expect(median(knowledge, 'top10MessageShare')).toBeGreaterThan(0.3);
  });
});

describe('operator topics (MODEL §3.3)', () => {
  it('topics in the evening window get more responses than at 14–15', () => {
    const afternoon = variant(knowledge, { content: { window: [14, 15] } });
    expect(median(knowledge, 'topicResponseInWindow')).toBeGreaterThan(median(afternoon, 'topicResponseInWindow') + 0.1);
  });

  it('topics draw replies from members', () => {
    expect(median(knowledge, 'topicResponseInWindow')).toBeGreaterThan(0.3);
    expect(meanTotal(knowledge, 'kind_topicReply')).toBeGreaterThan(5);
  });

  it('lurkers stay quiet whatever the operators post (replies scale with the member\'s own rate)', () => {
    expect(median(scenarioFor('lurkers'), 'speakingRate30d')).toBeLessThan(0.15);
  });

  it('a weekly theme day draws more topic replies than none', () => {
    const without = variant(knowledge, { content: { themeDay: 'none' } });
    expect(meanTotal(knowledge, 'kind_topicReply')).toBeGreaterThan(1.1 * meanTotal(without, 'kind_topicReply'));
  });

  it('the monthly party draws a crowd on its day', () => {
    const day = 24;
    const noParty = variant(knowledge, { content: { monthlyEvent: false } });
    expect(meanTotal(knowledge, 'kind_topicReply', 60, day, day)).toBeGreaterThan(meanTotal(noParty, 'kind_topicReply', 60, day, day) + 1);
  });

  it('a needs poll raises topic response', () => {
    const withPolls = variant(knowledge, { content: { needsPollEveryDays: 7 } });
    const without = variant(knowledge, { content: { needsPollEveryDays: 0 } });
    expect(meanTotal(withPolls, 'topicsInWindowAnswered') / meanTotal(withPolls, 'topicsInWindow'))
      .toBeGreaterThan(meanTotal(without, 'topicsInWindowAnswered') / meanTotal(without, 'topicsInWindow'));
  });

  it('a content plan keeps the group talking; none lets it go quiet', () => {
    const planned = variant(noOps, { content: { postsPerWeek: 5, themeDay: 'thu', monthlyEvent: true } });
    expect(median(planned, 'dailyMessages')).toBeGreaterThan(median(noOps, 'dailyMessages'));
    expect(median(planned, 'speakingRate30d')).toBeGreaterThan(median(noOps, 'speakingRate30d'));
  });
});

describe('reply cascades (MODEL §3.4)', () => {
  it('leave 40–60 % of thread starters unanswered (Burke 2007), and more without the cascade', () => {
    // the bound on the trading group; the knowledge-sharing group's 62–63 % is a known miss (9b, docs/calibration.md)
    const traded = median(trading, 'unrepliedStarterShare');
    expect(traded).toBeGreaterThanOrEqual(0.4);
    expect(traded).toBeLessThanOrEqual(0.6);
    const share = median(knowledge, 'unrepliedStarterShare');
    const noCascade = withConstants(knowledge, { branchingRatio: 0 });
    expect(median(noCascade, 'unrepliedStarterShare')).toBeGreaterThan(share);
    expect(median(noCascade, 'dailyMessages')).toBeLessThan(median(knowledge, 'dailyMessages'));
  });
});

describe('message kinds (MODEL §3.5)', () => {
  it('points per message invite filler and lower the effective ratio; per effective message does not', () => {
    const perMessage = variant(knowledge, { incentives: { points: 'message' } });
    expect(meanTotal(perMessage, 'kind_filler')).toBeGreaterThan(0);
    expect(meanTotal(knowledge, 'kind_filler')).toBe(0);
    expect(median(perMessage, 'effectiveRatio')).toBeLessThan(median(knowledge, 'effectiveRatio'));
  });

  it('chat from relevant members counts as effective more often', () => {
    const blind = withConstants(knowledge, { chatEffectiveSlope: 0 });
    expect(median(knowledge, 'effectiveRatio')).toBeGreaterThan(median(blind, 'effectiveRatio') + 0.05);
  });

  it('members ask questions, and the questions get answered', () => {
    expect(meanTotal(knowledge, 'questions')).toBeGreaterThan(5);
    expect(median(knowledge, 'answeredWithin15Share')).toBeGreaterThan(0);
  });

  it('core members post 干货 of their own, more than others', () => {
    const noCoreShares = withConstants(knowledge, { shareBaseCore: 0 });
    const noOtherShares = withConstants(knowledge, { shareBaseOther: 0 });
    expect(meanTotal(knowledge, 'kind_share')).toBeGreaterThan(meanTotal(noCoreShares, 'kind_share') + 1);
    expect(meanTotal(knowledge, 'kind_share')).toBeGreaterThan(meanTotal(noOtherShares, 'kind_share'));
  });
});

describe('questions and answers (MODEL §3.6)', () => {
  it('keyword auto-reply and duty hours shorten the first answer', () => {
    const noAuto = variant(service, { automation: { autoReply: false } });
    expect(median(service, 'firstAnswerMinutesMedian')).toBeLessThan(median(noAuto, 'firstAnswerMinutesMedian'));
    const slowTeam = variant(noAuto, { team: { replyMinutes: 90 } });
    expect(median(slowTeam, 'firstAnswerMinutesMedian')).toBeGreaterThan(median(noAuto, 'firstAnswerMinutesMedian'));
    const shortDuty = variant(noAuto, { team: { dutyHours: [10, 12] } });
    expect(median(shortDuty, 'firstAnswerMinutesP90')).toBeGreaterThan(median(noAuto, 'firstAnswerMinutesP90'));
  });

  it('members who know answer questions too, before a slow team', () => {
    const slowTeam = variant(knowledge, { team: { replyMinutes: 240 } });
    const membersSilent = withConstants(slowTeam, { memberAnswerRate: 0 });
    expect(median(slowTeam, 'firstAnswerMinutesMedian')).toBeLessThan(0.8 * median(membersSilent, 'firstAnswerMinutesMedian'));
  });
});

describe('violations and the ladder (MODEL §3.7)', () => {
  const qr = variant(marketing, { content: { promoPerWeek: 0 }, incentives: { points: 'none', chainRewards: false } });
  const strict = variant(qr, { penalties: { enabled: true, strikesToRemove: 3, detection: 0.9, muteHours: 24 } });

  it('members low in values fit break the covenant', () => {
    expect(meanTotal(knowledge, 'kind_violation')).toBeGreaterThan(1);
  });

  it('no penalties → more ads', () => {
    const lax = variant(qr, { penalties: { enabled: false } });
    expect(meanTotal(lax, 'kind_ad')).toBeGreaterThan(meanTotal(strict, 'kind_ad'));
    expect(meanTotal(lax, 'removals')).toBe(0);
    expect(meanTotal(strict, 'removals')).toBeGreaterThan(0);
  });

  it('fewer strikes to removal → removals sooner', () => {
    const one = variant(qr, { penalties: { strikesToRemove: 1, detection: 0.9 } });
    const five = variant(qr, { penalties: { strikesToRemove: 5, detection: 0.9 } });
    expect(meanTotal(one, 'removals', 60, 0, 9)).toBeGreaterThan(meanTotal(five, 'removals', 60, 0, 9));
  });

  it('a warning makes the warned more careful', () => {
    const unmoved = withConstants(strict, { warnedOffenceFactor: 1 });
    expect(meanTotal(strict, 'kind_ad', 200) + meanTotal(strict, 'kind_violation', 200))
      .toBeLessThan(0.97 * (meanTotal(unmoved, 'kind_ad', 200) + meanTotal(unmoved, 'kind_violation', 200)));
  });

  it('an @all removal notice deters everyone for a while', () => {
    const undeterred = withConstants(strict, { publicNoticeDeterrence: 0 });
    const notice = variant(strict, { penalties: { publicNotice: true } });
    const undeterredNotice = variant(undeterred, { penalties: { publicNotice: true } });
    expect(meanTotal(notice, 'kind_ad') + meanTotal(notice, 'kind_violation'))
      .toBeLessThan(0.97 * (meanTotal(undeterredNotice, 'kind_ad') + meanTotal(undeterredNotice, 'kind_violation')));
  });

  it('the announcement lowers violations', () => {
    const without = variant(qr, { content: { announcement: false } });
    expect(meanTotal(without, 'kind_violation') + meanTotal(without, 'kind_ad')).toBeGreaterThan(meanTotal(qr, 'kind_violation') + meanTotal(qr, 'kind_ad'));
  });

  it('an identity check keeps most marketers out', () => {
    const checked = variant(qr, { admission: { identityCheck: true } });
    expect(meanTotal(checked, 'kind_ad')).toBeLessThan(0.5 * meanTotal(qr, 'kind_ad'));
  });

  it('probation mutes newcomers: nobody speaks in their first days, early ads are blocked, marketers give up', () => {
    const probation = variant(qr, { admission: { probationDays: 3 } });
    expect(meanTotal(probation, 'speakers', 60, 0, 2)).toBe(0);
    expect(meanTotal(probation, 'kind_ad', 60, 0, 6)).toBeLessThan(meanTotal(qr, 'kind_ad', 60, 0, 6));
    const patient = withConstants(probation, { probationMarketerQuitPerDay: 0 });
    expect(meanTotal(probation, 'leaves', 60, 0, 2)).toBeGreaterThan(meanTotal(patient, 'leaves', 60, 0, 2) + 0.5);
  });

  it('keyword monitoring (enterprise) catches more violations', () => {
    const enterprise = variant(qr, { group: { platform: 'enterprise' }, penalties: { detection: 0.2 } });
    const monitored = variant(enterprise, { automation: { keywordMonitoring: true } });
    expect(meanTotal(monitored, 'removals')).toBeGreaterThan(meanTotal(enterprise, 'removals'));
  });
});

describe('promotions, red packets and giveaways (MODEL §3.8)', () => {
  const plain = variant(marketing, { content: { promoHook: 'none' } });

  it('hooked promotions make the group look busy while the effective ratio falls (活跃度虚高)', () => {
    expect(meanTotal(marketing, 'messages', 60, 0, 13)).toBeGreaterThan(1.2 * meanTotal(plain, 'messages', 60, 0, 13));
    expect(meanTotal(marketing, 'kind_burst')).toBeGreaterThan(0);
    expect(median(marketing, 'effectiveRatio')).toBeLessThan(median(plain, 'effectiveRatio'));
  });

  it('a giveaway draws a burst too', () => {
    const giveaway = variant(marketing, { content: { promoHook: 'giveaway' } });
    expect(meanTotal(giveaway, 'kind_burst')).toBeGreaterThan(10);
  });

  it('joining a burst gives a short lift in posting', () => {
    const noBlip = withConstants(marketing, { hookBoostLift: 0 });
    const ownWords = (s: typeof marketing) => meanTotal(s, 'memberMessages') - meanTotal(s, 'kind_burst');
    expect(ownWords(marketing)).toBeGreaterThan(1.02 * ownWords(noBlip));
  });

  it('marketers answer promotions with ads of their own', () => {
    const noCopycats = withConstants(marketing, { copycatAdChance: 0 });
    expect(meanTotal(marketing, 'kind_ad')).toBeGreaterThan(1.2 * meanTotal(noCopycats, 'kind_ad'));
  });

  it('plain red packets add messages without ads (bursts, not members\' own words: model v3), and are counted as a cost', () => {
    const warmed = variant(knowledge, { content: { redPacketsPerWeek: 7 } });
    expect(meanTotal(warmed, 'messages')).toBeGreaterThan(meanTotal(knowledge, 'messages') + 0.5 * meanTotal(warmed, 'kind_burst'));
    expect(meanTotal(warmed, 'memberMessages')).toBeLessThan(1.05 * meanTotal(knowledge, 'memberMessages'));
    // no copycat ads follow a red packet without a promotion (a copycat per packet would add ~20)
    expect(meanTotal(warmed, 'ads')).toBeLessThan(meanTotal(knowledge, 'ads') + 1);
    expect(median(warmed, 'redPacketsPerWeek')).toBeCloseTo(7, 5);
  });
});
