/** fast-check arbitraries of valid scenario files (every field optional, every value in range). */
import fc from 'fast-check';
import { WEEKDAYS } from '../../src/model/scenario.ts';

const share = fc.double({ min: 0, max: 1, noNaN: true });
const hourWindow = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 1, max: 24 }))
  .filter(([from, to]) => from < to);
/** Three shares in hundredths that sum to 1 within the schema's 1e-6. */
const mix3 = <K extends string>(keys: readonly [K, K, K]) =>
  fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }))
    .map(([a, b]) => {
      const lo = Math.min(a, b);
      const hi = Math.max(a, b);
      return { [keys[0]]: lo / 100, [keys[1]]: (hi - lo) / 100, [keys[2]]: (100 - hi) / 100 } as Record<K, number>;
    });

const optional = <T extends Record<string, fc.Arbitrary<unknown>>>(shape: T) => fc.record(shape, { requiredKeys: [] });

export function scenarioArbitrary(options: { maxDays?: number; maxInvites?: number } = {}) {
  const maxDays = options.maxDays ?? 45;
  const maxInvites = options.maxInvites ?? 300;
  return fc.record({
    schemaVersion: fc.constant(2 as const),
    seed: fc.integer({ min: 0, max: 4294967295 }),
    horizonDays: fc.integer({ min: 1, max: maxDays }),
    startWeekday: fc.constantFrom(...WEEKDAYS),
    founder: fc.constantFrom('kol', 'admin'),
    group: optional({
      positioning: fc.constantFrom('knowledge_sharing', 'resource_matching', 'customer_service'),
      capacity: fc.integer({ min: 5, max: 500 }),
    }),
    team: optional({
      admins: fc.integer({ min: 0, max: 20 }),
      dutyHours: hourWindow,
      replyMinutes: fc.double({ min: 0.5, max: 600, noNaN: true }),
    }),
    population: optional({ mix: mix3(['core', 'active', 'ordinary'] as const) }),
    growth: optional({
      channel: fc.constantFrom('direct', 'qr'),
      initialInvites: fc.integer({ min: 0, max: maxInvites }),
      batchSize: fc.integer({ min: 1, max: 200 }),
      invitesPerDay: fc.integer({ min: 0, max: 60 }),
      inviteDays: fc.integer({ min: 0, max: 30 }),
      inviteWording: share,
      qrRefreshDays: fc.integer({ min: 0, max: 7 }),
    }),
    admission: optional({
      questionnaire: fc.boolean(),
      relevanceCutoff: share,
      activityScreen: fc.boolean(),
      valuesTest: fc.boolean(),
      identityCheck: fc.boolean(),
      probationDays: fc.integer({ min: 0, max: 30 }),
    }),
    content: optional({
      postsPerWeek: fc.double({ min: 0, max: 30, noNaN: true }),
      mix: mix3(['news', 'tips', 'spotlight'] as const),
      window: hourWindow,
      themeDay: fc.constantFrom('none', ...WEEKDAYS),
      monthlyEvent: fc.boolean(),
      promoPerWeek: fc.double({ min: 0, max: 40, noNaN: true }),
      promoHook: fc.constantFrom('none', 'redPacket', 'giveaway'),
      redPacketsPerWeek: fc.double({ min: 0, max: 14, noNaN: true }),
      announcement: fc.boolean(),
      needsPollEveryDays: fc.integer({ min: 0, max: 90 }),
    }),
    incentives: optional({
      points: fc.constantFrom('none', 'message', 'effective'),
      titleThresholds: fc.uniqueArray(fc.integer({ min: 1, max: 500 }), { maxLength: 5 }).map((a) => a.sort((x, y) => x - y)),
      chainRewards: fc.boolean(),
      teamCompetition: fc.boolean(),
    }),
    penalties: optional({
      enabled: fc.boolean(),
      strikesToRemove: fc.integer({ min: 1, max: 10 }),
      muteHours: fc.double({ min: 0, max: 720, noNaN: true }),
      detection: share,
      publicNotice: fc.boolean(),
    }),
    activation: optional({
      dmPerAdminPerDay: fc.integer({ min: 0, max: 50 }),
      silentDays: fc.integer({ min: 1, max: 60 }),
      winBack: fc.boolean(),
    }),
    goals: optional({
      coreActive: fc.integer({ min: 1, max: 30 }).chain((windowDays) => fc.record({
        windowDays: fc.constant(windowDays),
        minDays: fc.integer({ min: 1, max: windowDays }),
        target: fc.integer({ min: 0, max: 50 }),
      })),
    }),
  }, { requiredKeys: ['schemaVersion', 'horizonDays'] }).map((s) => {
    // the group holds its team (MODEL §5)
    const team = 1 + Number(s.team?.admins ?? 3);
    const capacity = Number(s.group?.capacity ?? 500);
    return capacity < team ? { ...s, group: { ...s.group, capacity: Math.max(5, team) } } : s;
  }).chain((s) => fc.record({
    // Rule changes must fall inside the horizon.
    ruleChanges: fc.array(fc.record({ day: fc.integer({ min: 0, max: s.horizonDays - 1 }), noticeDays: fc.integer({ min: 0, max: 30 }), vote: fc.boolean() }), { maxLength: 3 }),
    // Enterprise-only levers come with the enterprise platform.
    enterprise: fc.option(fc.record({
      channel: fc.constantFrom('direct', 'qr', 'enterprise'),
      automation: optional({ autoReply: fc.boolean(), autoReplyCoverage: share, keywordMonitoring: fc.boolean() }),
    }), { nil: undefined }),
  }).map(({ ruleChanges, enterprise }) => (enterprise
    ? { ...s, ruleChanges, group: { ...s.group, platform: 'enterprise' as const }, growth: { ...s.growth, channel: enterprise.channel }, automation: enterprise.automation }
    : { ...s, ruleChanges })));
}
