/**
 * The mechanisms model v3 adds or replaces (docs/model.md, "Model v3"): DMs
 * that persuade, annoyance by count, rule-breaking as a trait, low-value
 * bursts that are not speaking, bursty members, and ties that sustain a group.
 * Each test is a paired comparison with one constant or lever changed, so it
 * fails when that mechanism is switched off (scripts/mutation-check.ts).
 */
import { describe, expect, it } from 'vitest';
import { scenarioFor } from '../../scripts/calibration-lib.ts';
import { loadScenario } from '../scenarios.ts';
import { runGroup } from '../../src/model/engine/run.ts';
import { runChunk } from '../../src/model/ensemble.ts';
import { LEFT, REMOVED } from '../../src/model/members.ts';
import { resolveParameters } from '../../src/model/parameters.ts';
import { mean, meanDaily, meanTotal, median, variant, withConstants } from './paired.ts';

const knowledge = loadScenario('knowledge-sharing');
const noOps = loadScenario('no-operations');
const trading = loadScenario('resource-matching');
const manyDms = variant(knowledge, { activation: { dmPerAdminPerDay: 5 } });

describe('DMs persuade; they do not post (model v3 §4)', () => {
  it('members who barely speak stay quiet however many DMs they get (the lift scales their own rate)', () => {
    const lurkers = scenarioFor('lurkers');
    const dmed = variant(lurkers, { activation: { dmPerAdminPerDay: 5 } });
    expect(median(dmed, 'speakingRate30d')).toBeLessThan(0.15);
    expect(meanTotal(dmed, 'dmPersuaded')).toBeGreaterThan(1); // they were persuaded, and still barely speak
  });

  it('a DM that persuades lifts the member\'s own posting for a few days', () => {
    const noLift = withConstants(manyDms, { dmPostLift: 0 });
    expect(meanTotal(manyDms, 'memberMessages')).toBeGreaterThan(1.01 * meanTotal(noLift, 'memberMessages'));
  });

  it('repeated DMs to one member work less (fatigue)', () => {
    const tireless = withConstants(manyDms, { dmFatigue: 0 });
    expect(meanTotal(tireless, 'dmPersuaded')).toBeGreaterThan(1.2 * meanTotal(manyDms, 'dmPersuaded'));
  });

  it('a DM from a stranger persuades less than one to a member with ties', () => {
    const allClose = withConstants(manyDms, { dmTieFloor: 1 });
    expect(meanTotal(allClose, 'dmPersuaded')).toBeGreaterThan(1.2 * meanTotal(manyDms, 'dmPersuaded'));
  });

  it('many replies stay private', () => {
    const allPublic = withConstants(manyDms, { dmPrivateShare: 0 });
    expect(meanTotal(allPublic, 'dmPersuaded')).toBeGreaterThan(1.3 * meanTotal(manyDms, 'dmPersuaded'));
  });

  it('an unwelcome DM has a cost: engagement, muting, leaving', () => {
    const pushy = variant(knowledge, { activation: { dmPerAdminPerDay: 10, silentDays: 1 } });
    const welcome = withConstants(pushy, { dmUnwantedBase: 0 });
    expect(meanTotal(pushy, 'dmUnwelcome')).toBeGreaterThan(5);
    expect(meanTotal(welcome, 'dmUnwelcome')).toBe(0);
    // a member resents the team's DMs once, then mutes them: never more unwelcome DMs than members
    expect(meanTotal(pushy, 'dmUnwelcome')).toBeLessThanOrEqual(meanTotal(pushy, 'joins'));
    expect(meanDaily(pushy, 'meanEngagement')).toBeLessThan(meanDaily(welcome, 'meanEngagement'));
    expect(median(pushy, 'dndShare')).toBeGreaterThan(median(welcome, 'dndShare'));
    expect(meanTotal(pushy, 'leaves')).toBeGreaterThan(meanTotal(welcome, 'leaves'));
  });

  it('no admins, no DMs: admins 0 differs from admins 1', () => {
    const none = variant(knowledge, { team: { admins: 0 } });
    const one = variant(knowledge, { team: { admins: 1 } });
    expect(median(none, 'teamHoursPerWeek')).toBeLessThan(median(one, 'teamHoursPerWeek'));
    expect(meanTotal(none, 'dmPersuaded') + meanTotal(none, 'dmUnwelcome')).toBe(0);
    expect(meanTotal(one, 'dmPersuaded')).toBeGreaterThan(0);
  });
});

describe('annoyance by count, offset by value (model v3 §4)', () => {
  it('a quiet group with one promotion a week is not an ad channel: most members do not mute it', () => {
    const oneAd = variant(noOps, { content: { promoPerWeek: 1 } });
    expect(median(oneAd, 'dndShare')).toBeLessThan(0.6);
  });

  it('more unwanted messages, more muting (by count)', () => {
    const some = variant(knowledge, { content: { promoPerWeek: 7 } });
    const more = variant(knowledge, { content: { promoPerWeek: 21 } });
    expect(median(more, 'dndShare')).toBeGreaterThan(median(some, 'dndShare') + 0.05);
  });

  it('value got offsets annoyance: members who get replies and 干货 tolerate the same ads better', () => {
    const ads = variant(knowledge, { content: { promoPerWeek: 14 } });
    const noOffset = withConstants(ads, { annoyanceValueOffset: 0 });
    expect(median(noOffset, 'dndShare')).toBeGreaterThan(median(ads, 'dndShare') + 0.03);
  });

  it('do-not-disturb mutes reading, not speaking: a busy group where most mute still trades', () => {
    expect(median(trading, 'dndShare')).toBeGreaterThan(0.5);
    expect(median(trading, 'dailyMessages')).toBeGreaterThan(200);
  });
});

describe('rule-breaking is a trait of few members (model v3 §3.7)', () => {
  it('the ladder removes violators and marketers, never a member with a good values fit', () => {
    const cutoff = resolveParameters(trading.parameters).violatorFitCutoff;
    let removed = 0;
    for (let run = 0; run < 20; run++) {
      const g = runGroup(trading, run);
      const a = g.members.a;
      for (let i = 0; i < g.members.count; i++) {
        if (a.presence[i] !== REMOVED) continue;
        removed++;
        expect(a.marketer[i] === 1 || a.valuesFit[i] < cutoff, `member ${i} (fit ${a.valuesFit[i]}) removed`).toBe(true);
      }
    }
    expect(removed).toBeGreaterThan(0);
  });

  it('penalties do not cost a trading group much of its volume', () => {
    const off = variant(trading, { penalties: { enabled: false } });
    expect(median(off, 'dailyMessages')).toBeLessThan(1.15 * median(trading, 'dailyMessages'));
  });
});

describe('low-value bursts are messages, not speaking (model v3 §3.5)', () => {
  it('red packets add messages but barely move the speaking rate or core actives', () => {
    const quietBlip = withConstants(knowledge, { hookBoostLift: 0 });
    const packets = variant(quietBlip, { content: { redPacketsPerWeek: 7 } });
    expect(meanTotal(packets, 'kind_burst')).toBeGreaterThan(50);
    expect(median(packets, 'speakingRate30d')).toBeLessThan(median(quietBlip, 'speakingRate30d') + 0.03);
    expect(mean(packets, 'coreActiveUsers')).toBeLessThan(1.1 * mean(quietBlip, 'coreActiveUsers') + 0.5);
  });

  it('a member whose only messages are bursts has never spoken', () => {
    const packets = variant(knowledge, { content: { redPacketsPerWeek: 7 } });
    const g = runGroup(packets, 0);
    const a = g.members.a;
    for (let i = 0; i < g.members.count; i++) {
      if (a.isTeam[i] || a.presence[i] === LEFT) continue;
      if (a.messagesTotal[i] === 0) expect(a.lastSpoke[i]).toBe(-1);
    }
  });
});

describe('bursty members (model v3 §3.2)', () => {
  it('members with ≥ 20 messages are over-dispersed across days; without spells they are nearly Poisson', () => {
    const poissonMembers = withConstants(trading, { activeOffFactor: 1 });
    expect(median(trading, 'fanoMedian')).toBeGreaterThan(2);
    expect(median(trading, 'fanoMedian')).toBeGreaterThan(1.3 * median(poissonMembers, 'fanoMedian'));
  });
});

describe('a member who says a line a week says it in any week (model v3 §3.2)', () => {
  it('spells are deep for heavy posters, shallow for light ones: with full-depth spells for everyone, fewer take part each week', () => {
    const everyoneBursty = withConstants(knowledge, { spellFullRate: 0.01 });
    expect(median(knowledge, 'weeklyParticipation')).toBeGreaterThan(median(everyoneBursty, 'weeklyParticipation') + 0.02);
    // the heavy posters the burstiness metric reads stay bursty
    expect(median(knowledge, 'fanoMedian')).toBeGreaterThan(0.85 * median(everyoneBursty, 'fanoMedian'));
  });
});

describe('an invitation list picked to the mix (model v3 §5)', () => {
  const coreShares = (s: typeof knowledge) => Array.from({ length: 60 }, (_, r) => {
    const g = runGroup(s, r);
    const a = g.members.a;
    let core = 0, members = 0;
    for (let i = 0; i < g.members.count; i++) {
      if (a.isTeam[i]) continue;
      members++;
      if (a.archetype[i] === 0) core++;
    }
    return core / members;
  });
  const sd = (v: number[]) => {
    const m = v.reduce((x, y) => x + y, 0) / v.length;
    return Math.sqrt(v.reduce((x, y) => x + (y - m) ** 2, 0) / v.length);
  };

  it('invited by name, a group holds the mix it was picked to; a public QR code brings whoever comes', () => {
    const byName = coreShares(noOps);
    const byQr = coreShares(variant(noOps, { growth: { channel: 'qr' } }));
    const mixCore = noOps.population.mix.core;
    expect(Math.abs(byName.reduce((x, y) => x + y, 0) / byName.length - mixCore)).toBeLessThan(0.02);
    expect(sd(byName)).toBeLessThan(0.6 * sd(byQr));
  });
});

describe('ties sustain a group (model v3 §4)', () => {
  it('ties raise the engagement baseline: a group keeps more of its volume in its third month', () => {
    const long = { ...knowledge, horizonDays: 90 };
    const noTieBaseline = withConstants(long, { tieBaselineGain: 0 });
    expect(meanTotal(long, 'memberMessages', 60, 60, 89)).toBeGreaterThan(1.1 * meanTotal(noTieBaseline, 'memberMessages', 60, 60, 89));
  });
});

describe('groups whose fate differs: what members need from the group (model v3 §3.2)', () => {
  const unoperated = (need: number, needVaries = false) => variant({ ...noOps, horizonDays: 90 }, { group: { need, needVaries } });
  const lastWeek = (s: typeof noOps) => meanTotal(s, 'memberMessages', 60, 83, 89) / 7;

  it('a group its members need keeps talking with nobody running it; a typical one fades', () => {
    expect(lastWeek(unoperated(3))).toBeGreaterThan(2);
    expect(lastWeek(unoperated(1))).toBeLessThan(0.6);
  });

  it('the need works through posts the team did not draw: without them the needed group fades too', () => {
    expect(lastWeek(withConstants(unoperated(3), { needPostShare: 0 }))).toBeLessThan(0.25 * lastWeek(unoperated(3)));
  });

  it('need brings back members someone has answered: a needed group whose members have too few ties to count fades', () => {
    // the gate ties²/(ties² + half²): with the half at 50 partners almost nobody has enough ties for their need to bring them back
    expect(lastWeek(withConstants(unoperated(3), { needTieHalf: 50 }))).toBeLessThan(0.6);
  });

  it('a group its members need less posts less from the first day', () => {
    expect(meanTotal(unoperated(0.5), 'memberMessages', 60, 0, 13)).toBeLessThan(0.65 * meanTotal(unoperated(1), 'memberMessages', 60, 0, 13));
  });

  it('when the need is not known it varies from group to group: some unoperated groups live, others die', () => {
    const perRun = (s: typeof noOps) => runChunk(s, 0, 100).map((r) => r.series.memberMessages.slice(83, 90).reduce((x, y) => x + y, 0) / 7).sort((x, y) => x - y);
    const varied = perRun(unoperated(1, true));
    const known = perRun(unoperated(1));
    expect(varied[75]).toBeGreaterThanOrEqual(2); // a quarter still talk (MODEL §8.11)
    expect(varied[25]).toBeLessThanOrEqual(0.5); // a quarter have died
    expect(known[75]).toBeLessThan(1); // the same group, its need known: its fate does not split
  });
});
