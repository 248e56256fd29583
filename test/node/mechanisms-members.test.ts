/**
 * Each mechanism of MODEL §4 (each night: engagement, do-not-disturb, leaving,
 * incentives, DMs, win-back, polls, founder, rule changes) moves its metric the
 * right way: paired comparisons, one lever or constant changed, so each test
 * fails when its mechanism is switched off (scripts/mutation-check.ts).
 */
import { describe, expect, it } from 'vitest';
import { scenarioFor } from '../../scripts/calibration-lib.ts';
import { loadScenario } from '../scenarios.ts';
import { runGroup } from '../../src/model/engine/run.ts';
import { mean, meanDaily, meanTotal, median, variant, withConstants } from './paired.ts';

const knowledge = loadScenario('knowledge-sharing');
const noOps = loadScenario('no-operations');
const marketing = loadScenario('over-marketing');
const trading = loadScenario('resource-matching');

describe('engagement (MODEL §4)', () => {
  it('replies received keep members posting', () => {
    const unheard = withConstants(knowledge, { replyLift: 0 });
    expect(meanDaily(knowledge, 'meanEngagement')).toBeGreaterThan(meanDaily(unheard, 'meanEngagement') + 0.005);
  });

  it('a reply to a first message brings its author back (Joyce & Kraut 2006)', () => {
    const later = scenarioFor('no-operations@60d');
    const noWelcome = withConstants(later, { newcomerReplyLift: 0 });
    expect(median(later, 'returnAfterReply', 100)).toBeGreaterThan(median(noWelcome, 'returnAfterReply', 100) + 0.03);
  });

  it('an ignored first message keeps its author away', () => {
    const later = scenarioFor('no-operations@60d');
    const thickSkinned = withConstants(later, { newcomerIgnoredCost: 0 });
    expect(median(later, 'returnAfterNoReply', 200)).toBeLessThan(median(thickSkinned, 'returnAfterNoReply', 200) - 0.01);
  });

  it('posting again is likelier after a reply than after none (MODEL §8.8: ≥ 8 points)', () => {
    const later = scenarioFor('no-operations@60d');
    expect(median(later, 'returnAfterReply', 100) - median(later, 'returnAfterNoReply', 100)).toBeGreaterThanOrEqual(0.08);
  });

  it('valuable content read keeps members engaged', () => {
    const unread = withConstants(knowledge, { contentLift: 0 });
    expect(meanDaily(knowledge, 'meanEngagement')).toBeGreaterThan(meanDaily(unread, 'meanEngagement') + 0.005);
  });

  it('recognition (a title, a spotlight, the party) lifts engagement', () => {
    const unrecognised = withConstants(knowledge, { recognitionLift: 0 });
    expect(meanDaily(knowledge, 'meanEngagement')).toBeGreaterThan(meanDaily(unrecognised, 'meanEngagement') + 0.002);
  });

  it('overload costs the engagement of members who still read', () => {
    const unbothered = withConstants(trading, { overloadCost: 0 });
    expect(meanDaily(trading, 'meanEngagement', 30)).toBeLessThan(meanDaily(unbothered, 'meanEngagement', 30) - 0.005);
  });

  it('ads cost engagement (ad share², felt as far as one reads)', () => {
    const adBlind = withConstants(marketing, { adExposureCost: 0 });
    expect(meanDaily(marketing, 'meanEngagement')).toBeLessThan(meanDaily(adBlind, 'meanEngagement') - 0.005);
  });

  it('posts nobody answers discourage their authors', () => {
    const thickSkinned = withConstants(noOps, { ignoredCost: 0 });
    expect(meanDaily(noOps, 'meanEngagement')).toBeLessThan(meanDaily(thickSkinned, 'meanEngagement') - 0.002);
  });

  it('being warned or muted costs engagement', () => {
    const strict = variant(marketing, { penalties: { detection: 0.9, strikesToRemove: 10 } });
    const shrugged = withConstants(strict, { penaltyCost: 0 });
    expect(meanDaily(strict, 'meanEngagement', 200)).toBeLessThan(meanDaily(shrugged, 'meanEngagement', 200) - 0.002);
  });

  it('engagement drifts back toward a baseline set by relevance and values fit', () => {
    const sticky = withConstants(knowledge, { meanReversion: 0 });
    expect(Math.abs(meanDaily(knowledge, 'meanEngagement', 60, 20, 29) - meanDaily(sticky, 'meanEngagement', 60, 20, 29))).toBeGreaterThan(0.02);
  });

  it('the announcement and a KOL founder give a warmer start', () => {
    const plain = variant(knowledge, { founder: 'admin', content: { announcement: false } });
    const noAnnouncementLift = withConstants(knowledge, { announcementEngagement: 0 });
    const noKolLift = withConstants(knowledge, { kolFounderEngagement: 0 });
    const day0 = (s: typeof knowledge) => meanDaily(s, 'meanEngagement', 60, 0, 0);
    expect(day0(knowledge)).toBeGreaterThan(day0(plain) + 0.05);
    expect(day0(knowledge)).toBeGreaterThan(day0(noAnnouncementLift) + 0.02);
    expect(day0(knowledge)).toBeGreaterThan(day0(noKolLift) + 0.02);
  });
});

describe('do-not-disturb (MODEL §4): annoyance mutes before it drives out', () => {
  it('a flood of messages sends most members to do-not-disturb, more than it makes leave', () => {
    const dnd = median(trading, 'dndShare', 30);
    expect(dnd).toBeGreaterThan(0.5);
    expect(dnd).toBeGreaterThan(median(trading, 'leavesTotal', 30) / median(trading, 'joinsTotal', 30));
  });

  it('ads mute members', () => {
    const adsNeverMute = withConstants(marketing, { dndAdRate: 0 });
    expect(median(marketing, 'dndShare')).toBeGreaterThan(median(adsNeverMute, 'dndShare') + 0.05);
  });

  it('muted members sometimes turn notifications back on', () => {
    const forever = withConstants(trading, { dndRevertPerDay: 0 });
    expect(median(trading, 'dndShare', 30)).toBeLessThan(median(forever, 'dndShare', 30));
  });

  it('members on dnd read little: overload reaches them less', () => {
    const readEverything = withConstants(trading, { dndReadFactor: 1 });
    expect(meanDaily(trading, 'meanEngagement', 30)).toBeGreaterThan(meanDaily(readEverything, 'meanEngagement', 30) + 0.01);
  });
});

describe('leaving (MODEL §4)', () => {
  it('members leave, fewer as their tenure grows', () => {
    expect(meanTotal(knowledge, 'leaves')).toBeGreaterThan(0.5);
    const flat = withConstants(knowledge, { leaveTenureShape: 1 });
    expect(meanTotal(knowledge, 'leaves')).toBeLessThan(0.9 * meanTotal(flat, 'leaves'));
  });

  it('engaged members stay: a disengaged group loses more', () => {
    const indifferent = withConstants(noOps, { leaveEngagementSlope: 0 });
    expect(meanTotal(noOps, 'leaves')).toBeGreaterThan(1.1 * meanTotal(indifferent, 'leaves'));
  });

  it('muted members find the group cheap to stay in', () => {
    const mutedLeaveAlike = withConstants(trading, { dndLeaveFactor: 1 });
    expect(meanTotal(trading, 'leaves', 30)).toBeLessThan(0.9 * meanTotal(mutedLeaveAlike, 'leaves', 30));
  });

  it('overload drives some out', () => {
    const unbothered = withConstants(trading, { leaveOverloadWeight: 0 });
    expect(meanTotal(trading, 'leaves', 30)).toBeGreaterThan(1.05 * meanTotal(unbothered, 'leaves', 30));
  });

  it('ads drive some out', () => {
    const adBlind = withConstants(marketing, { leaveAdWeight: 0 });
    expect(meanTotal(marketing, 'leaves')).toBeGreaterThan(1.05 * meanTotal(adBlind, 'leaves'));
  });

  it('annoyance multiplies the hazard, up to a ceiling', () => {
    const noAnnoyance = withConstants(marketing, { annoyanceMax: 1 });
    expect(meanTotal(marketing, 'leaves')).toBeGreaterThan(1.05 * meanTotal(noAnnoyance, 'leaves'));
    const uncapped = withConstants(marketing, { annoyanceMax: 50 });
    expect(meanTotal(marketing, 'leaves')).toBeLessThanOrEqual(meanTotal(uncapped, 'leaves'));
  });

  it('no member\'s daily chance of leaving exceeds hmax', () => {
    const exodus = withConstants(knowledge, { leaveHazardBase: 0.5 });
    const hmax = 0.1;
    let left = 0;
    let present = 0;
    for (let run = 0; run < 60; run++) {
      const r = runGroup(exodus, run);
      // day 1: everyone present is past the day-0 joins; probation keeps nobody from leaving
      left += r.series.leaves[1];
      present += r.series.members[0] - r.teamSize;
    }
    expect(left / present).toBeLessThan(hmax * 1.25);
    expect(left / present).toBeGreaterThan(hmax * 0.6);
  });

  it('reply ties protect from leaving', () => {
    const churny = withConstants(noOps, { leaveHazardBase: 0.03 });
    const noProtection = withConstants(churny, { tieProtection: 0 });
    expect(meanTotal(noProtection, 'leaves')).toBeGreaterThan(meanTotal(churny, 'leaves'));
  });

  it('win-back brings some leavers back', () => {
    const churny = withConstants(noOps, { leaveHazardBase: 0.05 });
    const winBack = variant(churny, { activation: { winBack: true } });
    expect(median(winBack, 'members')).toBeGreaterThan(median(churny, 'members'));
    expect(median(winBack, 'teamHoursPerWeek')).toBeGreaterThan(median(churny, 'teamHoursPerWeek'));
  });

  it('turning penalties off never raises retention when marketers advertise (MODEL §8.7)', () => {
    const lax = variant(marketing, { penalties: { enabled: false } });
    expect(median(lax, 'retention30d', 200)).toBeLessThanOrEqual(median(marketing, 'retention30d', 200) + 0.02);
    expect(meanTotal(lax, 'ads')).toBeGreaterThan(meanTotal(marketing, 'ads'));
  });
});

describe('incentives (MODEL §4)', () => {
  it('points lift the posting of responsive members', () => {
    const none = variant(knowledge, { incentives: { points: 'none' } });
    expect(meanTotal(knowledge, 'messages')).toBeGreaterThan(1.02 * meanTotal(none, 'messages'));
  });

  it('members near their next title speed up (goal gradient)', () => {
    // every member responsive to points, so that the effect is not lost among the 80 % who are not
    const perMessage = withConstants(variant(knowledge, { incentives: { points: 'message' } }), { incentiveResponsiveShare: 1 });
    const noGradient = withConstants(perMessage, { goalGradientBoost: 0 });
    expect(meanTotal(perMessage, 'messages', 200)).toBeGreaterThan(1.02 * meanTotal(noGradient, 'messages', 200));
  });

  it('chain rewards raise daily volume and participation with one-line entries (the knowledge-sharing group runs them, §5)', () => {
    // without the team competition, whose nudge goes to members silent this week (a chain entry makes them not silent)
    const chains = variant(knowledge, { incentives: { teamCompetition: false } });
    const noChains = variant(chains, { incentives: { chainRewards: false } });
    expect(meanTotal(chains, 'kind_chain')).toBeGreaterThan(5);
    expect(meanTotal(chains, 'messages')).toBeGreaterThan(meanTotal(noChains, 'messages') + 0.5 * meanTotal(chains, 'kind_chain'));
    expect(median(chains, 'weeklyParticipation')).toBeGreaterThan(median(noChains, 'weeklyParticipation'));
  });

  it('team points competitions lift weekly participation', () => {
    const noCompetition = variant(knowledge, { incentives: { teamCompetition: false } });
    expect(mean(knowledge, 'weeklyParticipation')).toBeGreaterThan(mean(noCompetition, 'weeklyParticipation') + 0.02);
  });
});

describe('private messages, polls, founder, rule changes (MODEL §4)', () => {
  it('more DMs to silent members → fewer lurkers and a higher speaking rate, at a cost', () => {
    // where there are lurkers to reach: the group without chains and a competition (model v3: a few points a month, not tens)
    const plain = variant(knowledge, { incentives: { chainRewards: false, teamCompetition: false } });
    const none = variant(plain, { activation: { dmPerAdminPerDay: 0 } });
    const many = variant(plain, { activation: { dmPerAdminPerDay: 5 } });
    expect(median(many, 'lurkerShare', 200)).toBeLessThan(median(none, 'lurkerShare', 200) - 0.02);
    expect(median(many, 'lurkerShare', 200)).toBeGreaterThan(median(none, 'lurkerShare', 200) - 0.15);
    expect(median(many, 'speakingRate30d')).toBeGreaterThan(median(none, 'speakingRate30d'));
    expect(median(many, 'teamHoursPerWeek')).toBeGreaterThan(median(none, 'teamHoursPerWeek'));
  });

  it('a DM the member replies to lifts engagement', () => {
    const noLift = withConstants(knowledge, { dmLift: 0 });
    expect(meanDaily(knowledge, 'meanEngagement')).toBeGreaterThan(meanDaily(noLift, 'meanEngagement') + 0.002);
  });

  it('a KOL founder posts more 干货 than an admin founder', () => {
    const admin = variant(knowledge, { founder: 'admin' });
    expect(meanTotal(knowledge, 'valuablePosts')).toBeGreaterThan(meanTotal(admin, 'valuablePosts'));
    // the founder's own 干货: 2 a week over 30 days is about 8 more (engagement aside)
    const noShares = withConstants(knowledge, { kolFounderSharesPerWeek: 0 });
    expect(meanTotal(knowledge, 'valuablePosts')).toBeGreaterThan(meanTotal(noShares, 'valuablePosts') + 4);
  });

  it('an unannounced rule change costs engagement, and members leave that day', () => {
    const sudden = variant(knowledge, { ruleChanges: [{ day: 15, noticeDays: 0, vote: false }] });
    const agreed = variant(knowledge, { ruleChanges: [{ day: 15, noticeDays: 3, vote: true }] });
    expect(meanDaily(sudden, 'meanEngagement', 100, 15, 29)).toBeLessThan(meanDaily(agreed, 'meanEngagement', 100, 15, 29) - 0.02);
    expect(meanTotal(sudden, 'leaves', 100, 15, 15)).toBeGreaterThan(1.5 * meanTotal(agreed, 'leaves', 100, 15, 15) + 0.05);
  });

  it('knowledge-sharing almost never falls silent within a week', () => {
    expect(mean(knowledge, 'silentWithinWeek', 200)).toBeLessThanOrEqual(0.05);
  });
});
