/**
 * The member model (MODEL.md §1–§6): one run is one WeChat group from its
 * creation to the horizon. Each day reads like the specification:
 *
 *   growth (§5) → team actions due today (§3.1) → members' own messages (§3.2)
 *   → the day's events in time order: topics and their replies (§3.3), reply
 *     cascades (§3.4), message kinds (§3.5), questions and answers (§3.6),
 *     violations and the ladder (§3.7)
 *   → DMs, engagement, do-not-disturb, leaving, win-back (§4) → metrics (§7).
 *
 * Hourly Poisson activity (§3.2) is drawn as one Poisson count per member-day
 * split over the hours by the member's rhythm: by Poisson splitting this is the
 * same distribution as one Poisson draw per hour, at a twenty-fourth of the
 * cost. Mutes that begin mid-day thin the messages after them.
 */
import { exponential, poisson, standardNormal, kumaraswamy, stream, type Uniform } from './rng.ts';
import { exp, log, pow } from './detmath.ts';
import { resolveParameters, type Parameters } from './parameters.ts';
import { WEEKDAYS, type Scenario } from './scenario.ts';
import { buildRhythms, PROFILES, type RhythmTables } from './rhythms.ts';
import { WeightedPicker } from './picker.ts';
import { EventQueue, EventType } from './events.ts';
import { Members, PRESENT, LEFT, REMOVED, popcount7 } from './members.ts';
import {
  emptySeries, inequality, meanOfLast, quantileSorted, sumOfLast,
  type MessageKind, type RunResult, type Series, type Summary,
} from './metrics.ts';

const MINUTES_PER_DAY = 1440;
const TOPIC_RESPONSE_WINDOW_MINUTES = 120; // MODEL §7: a reply within 2 h
const NO_REPLY = Infinity;

/** Operator topic kinds, as indices into the appeal table. */
const TopicKindIndex = { news: 0, tips: 1, spotlight: 2, themeDay: 3, event: 4, poll: 5 } as const;
type TopicKind = keyof typeof TopicKindIndex;

const KIND_SERIES: Record<MessageKind, `kind_${MessageKind}`> = {
  chat: 'kind_chat', question: 'kind_question', answer: 'kind_answer', reply: 'kind_reply',
  topicReply: 'kind_topicReply', share: 'kind_share', chain: 'kind_chain', filler: 'kind_filler',
  ad: 'kind_ad', violation: 'kind_violation', team: 'kind_team', promo: 'kind_promo',
};

/** Replies a message of this kind draws, relative to chat (people ignore ads and filler). */
const LOW_VALUE_REPLY_FACTOR = 0.25;

export function simulate(scenario: Scenario, runIndex: number): RunResult {
  return new GroupRun(scenario, runIndex).run();
}

class GroupRun {
  private readonly s: Scenario;
  private readonly p: Parameters;
  private readonly horizon: number;
  private readonly rhythms: RhythmTables;
  private readonly members: Members;
  private readonly queue = new EventQueue(2048);
  private readonly series: Series;

  // random streams, one per purpose (MODEL §9)
  private readonly rPopulation: Uniform;
  private readonly rGrowth: Uniform;
  private readonly rActivity: Uniform;
  private readonly rKinds: Uniform;
  private readonly rCascade: Uniform;
  private readonly rTopics: Uniform;
  private readonly rChains: Uniform;
  private readonly rAnswers: Uniform;
  private readonly rEnforcement: Uniform;
  private readonly rDaily: Uniform;
  private readonly rActivation: Uniform;

  // precomputed tables
  private readonly tenureFactor: Float64Array;
  private readonly tiesFactor: Float64Array;
  /** e^γ and exp(−c(e − ½)) on a grid over e ∈ [0, 1], so the member loop needs no exp or log. */
  private readonly engagementPower: EngagementTable;
  private readonly engagementProtection: EngagementTable;
  private readonly topicAppeal: Float64Array;
  private readonly startDayOfWeek: number;
  private readonly teamSize: number;

  // message log (for cascades, ignored posts, unreplied starters)
  private msgAuthor = new Int32Array(4096);
  private msgReplied = new Uint8Array(4096);
  private msgStarter = new Uint8Array(4096);
  private msgCount = 0;
  private dayFirstMsg: Int32Array;

  // topic log
  private readonly topicTime: number[] = [];
  private readonly topicKind: number[] = [];
  private readonly topicInWindow: boolean[] = [];
  private readonly topicFirstReply: number[] = [];

  private readonly firstAnswerMinutes: number[] = [];
  private readonly questionDay: number[] = [];
  private readonly questionAskedAt: number[] = [];
  /** Questions whose first answer is due from a member: question message → its first-answer record. */
  private readonly memberAnswerDue = new Map<number, number>();
  private readonly ties = new Set<number>();

  // present, non-team members at the start of the day (rebuilt daily)
  private present = new Int32Array(64);
  private presentCount = 0;

  // per-day group state
  private day = 0;
  private weekend = 0;
  private mood = 0;
  private deterrence = 0;
  private adShare = 0;
  private pollBoostUntil = -1;
  private restrictedUntil = -1;
  // who replies and who answers, by weight and hour (rebuilt daily)
  private readonly replyPicker = new WeightedPicker(PROFILES.length, 64);
  private readonly answerPicker = new WeightedPicker(PROFILES.length, 64);
  private messagesToday = 0;
  private valuableToday = 0;
  private noticesToday = 0;
  private ruleCostToday = 0;
  private leaveShockToday = 1;
  private invitedTotal = 0;
  private joinedTotal = 0;
  private teamMinutes = 0;
  private teamMinutesBefore = 0;
  private readonly runIndex: number;
  private groupSize = 0;
  private cohortSize: Int32Array;
  /** Present members by the day they first joined (team excluded). */
  private cohortPresent: Int32Array;
  private readonly recentlyLeft: number[] = [];
  private dmChosen = new Int32Array(16);

  constructor(scenario: Scenario, runIndex: number) {
    this.s = scenario;
    this.runIndex = runIndex;
    this.p = resolveParameters(scenario.parameters);
    this.horizon = scenario.horizonDays;
    this.rhythms = buildRhythms(this.p.weekendFactorOffice, this.p.weekendFactorOther);
    const expected = 1 + scenario.team.admins + scenario.growth.initialInvites + scenario.growth.invitesPerDay * Math.min(scenario.growth.inviteDays, scenario.horizonDays);
    this.members = new Members(Math.min(expected, 1024));
    this.series = emptySeries(this.horizon);
    this.dayFirstMsg = new Int32Array(this.horizon + 1);
    this.cohortSize = new Int32Array(this.horizon);
    this.cohortPresent = new Int32Array(this.horizon);
    const seed = scenario.seed;
    this.rPopulation = stream(seed, runIndex, 'population');
    this.rGrowth = stream(seed, runIndex, 'growth');
    this.rActivity = stream(seed, runIndex, 'activity');
    this.rKinds = stream(seed, runIndex, 'kinds');
    this.rCascade = stream(seed, runIndex, 'cascade');
    this.rTopics = stream(seed, runIndex, 'topics');
    this.rChains = stream(seed, runIndex, 'chains');
    this.rAnswers = stream(seed, runIndex, 'answers');
    this.rEnforcement = stream(seed, runIndex, 'enforcement');
    this.rDaily = stream(seed, runIndex, 'daily');
    this.rActivation = stream(seed, runIndex, 'activation');

    // Tables keep pow and exp out of the daily member loop; they depend only on
    // parameters, so the runs of an ensemble share them.
    const { leaveTenureShape, tieProtection, engagementExponent, leaveEngagementSlope } = this.p;
    this.tenureFactor = memo(`tenure:${leaveTenureShape}`, () => Float64Array.from({ length: 366 }, (_, t) => pow(t + 1, leaveTenureShape - 1)));
    this.tiesFactor = memo(`ties:${tieProtection}`, () => Float64Array.from({ length: 1025 }, (_, n) => pow(1 + n, -tieProtection)));
    this.engagementPower = memo(`power:${engagementExponent}`, () => EngagementTable.of((e) => (e > 0 ? pow(e, engagementExponent) : 0)));
    this.engagementProtection = memo(`protection:${leaveEngagementSlope}`, () => EngagementTable.of((e) => exp(-leaveEngagementSlope * (e - 0.5))));
    const positioningAppeal = scenario.group.positioning === 'resource_matching' ? this.p.appealPositioningResource
      : scenario.group.positioning === 'customer_service' ? this.p.appealPositioningService : 1;
    this.topicAppeal = Float64Array.from(
      [this.p.appealNews, this.p.appealTips, this.p.appealSpotlight, this.p.appealThemeDay, this.p.appealEvent, this.p.appealThemeDay],
      (v) => v * positioningAppeal,
    );
    this.startDayOfWeek = WEEKDAYS.indexOf(scenario.startWeekday);
    this.teamSize = 1 + scenario.team.admins;
  }

  run(): RunResult {
    this.createTeam();
    for (let d = 0; d < this.horizon; d++) {
      this.day = d;
      this.weekend = this.dayOfWeek(d) >= 5 ? 1 : 0;
      this.dayFirstMsg[d] = this.msgCount;
      this.startDay();
      this.growth();
      this.rebuildPresent();
      this.scheduleTeamActions();
      this.scheduleMemberMessages();
      this.processEvents((d + 1) * MINUTES_PER_DAY);
      this.endOfDay();
      this.recordDay();
    }
    this.dayFirstMsg[this.horizon] = this.msgCount;
    return { runIndex: this.runIndex, horizonDays: this.horizon, series: this.series, summary: this.summarise() };
  }

  // ── calendar ─────────────────────────────────────────────────────────────
  private dayOfWeek(d: number): number {
    return (this.startDayOfWeek + d) % 7;
  }

  private onlineChance(member: number, absoluteMinute: number): number {
    const day = Math.floor(absoluteMinute / MINUTES_PER_DAY);
    const hour = Math.floor(absoluteMinute / 60) % 24;
    const weekend = this.dayOfWeek(day) >= 5 ? 1 : 0;
    return this.rhythms.online[(this.members.a.profile[member] * 2 + weekend) * 24 + hour];
  }

  // ── members joining ──────────────────────────────────────────────────────
  private createTeam(): void {
    const a = this.members.a;
    for (let k = 0; k < this.teamSize; k++) {
      const i = this.members.add();
      a.isTeam[i] = 1;
      a.presence[i] = LEFT; // not yet present: setPresence counts the join
      this.setPresence(i, PRESENT);
      a.archetype[i] = 0;
      a.engagement[i] = 1;
      a.relevance[i] = 1;
      a.valuesFit[i] = 1;
      a.tolerance[i] = Infinity;
      a.profile[i] = 0;
      a.lastSpoke[i] = -1;
      a.joinDay[i] = 0;
      a.cohortDay[i] = 0;
    }
    if (this.s.content.announcement) {
      this.teamMinutes += this.p.minutesAnnouncement;
      this.queue.push(10 * 60, EventType.TeamNotice, 0, 0);
    }
  }

  /**
   * Every change of presence goes through here, so the group size and the
   * per-cohort counts that retention needs are kept without scanning members.
   */
  private setPresence(i: number, presence: typeof PRESENT | typeof LEFT | typeof REMOVED): void {
    const a = this.members.a;
    const was = a.presence[i];
    if (was === presence) return;
    a.presence[i] = presence;
    const delta = presence === PRESENT ? 1 : was === PRESENT ? -1 : 0;
    this.groupSize += delta;
    if (!a.isTeam[i]) this.cohortPresent[a.cohortDay[i]] += delta;
    if (presence === LEFT) this.recentlyLeft.push(i);
  }

  /** Invitations and admission for today (MODEL §5). */
  private growth(): void {
    const { growth, group, admission } = this.s;
    const d = this.day;
    const reached = d === 0 ? growth.initialInvites : d <= growth.inviteDays ? growth.invitesPerDay : 0;
    if (reached === 0) return;
    const p = this.p;
    const enterprise = group.platform === 'enterprise';
    const cap = Math.min(group.capacity, p.groupMemberLimit);
    if (growth.channel === 'qr') {
      const qrValid = growth.qrRefreshDays > 0 || d < p.qrValidDays;
      if (!qrValid) return;
    }
    if (d <= this.restrictedUntil) return;

    // Personal accounts invite by hand in batches; big batches risk the anti-spam block (§2).
    let allowed = reached;
    if (growth.channel === 'direct') {
      const batches = Math.ceil(reached / growth.batchSize);
      for (let b = 0; b < batches; b++) {
        const batch = Math.min(growth.batchSize, reached - b * growth.batchSize);
        this.teamMinutes += p.minutesInviteBatch * (enterprise ? 1 - p.enterpriseAutomationSaving : 1);
        const excess = batch - p.antiSpamBatchLimit;
        if (!enterprise && excess > 0 && this.rGrowth() < Math.min(1, p.antiSpamRiskPerExtra * excess)) {
          allowed = b * growth.batchSize; // the block voids the rest of today's invitations
          this.restrictedUntil = d + 1;
          break;
        }
      }
    }
    this.invitedTotal += allowed;

    const filters = (admission.questionnaire ? 1 : 0) + (admission.activityScreen ? 1 : 0) + (admission.valuesTest ? 1 : 0) + (admission.identityCheck ? 1 : 0);
    let acceptance = p.acceptBase + p.acceptWordingGain * growth.inviteWording;
    if (admission.questionnaire) acceptance *= p.frictionQuestionnaire;
    if (admission.identityCheck) acceptance *= p.frictionIdentity;
    if (admission.activityScreen) acceptance *= p.frictionOther;
    if (admission.valuesTest) acceptance *= p.frictionOther;
    if (admission.probationDays > 0) acceptance *= p.frictionOther;
    const screeningMinutes = filters > 0 ? p.minutesScreening * (enterprise ? 1 - p.enterpriseAutomationSaving : 1) : 0;

    for (let c = 0; c < allowed; c++) {
      const qrClosed = growth.channel === 'qr' && this.groupSize >= p.qrMemberLimit;
      if (this.groupSize >= cap || qrClosed) break;
      const candidate = this.drawCandidate();
      if (candidate.accept >= acceptance) continue;
      this.teamMinutes += screeningMinutes;
      if (admission.questionnaire && candidate.relevance < admission.relevanceCutoff) continue;
      if (admission.activityScreen && candidate.elsewhereWeekly <= p.activityScreenMinWeekly) continue;
      if (admission.valuesTest && candidate.valuesFit < p.valuesTestCutoff) continue;
      if (admission.identityCheck && candidate.marketer && candidate.identityBlock < p.identityMarketerBlock) continue;
      this.admit(candidate);
    }
  }

  /**
   * One candidate's traits. Always the same number of draws from the population
   * stream, whatever the scenario, so that two scenarios with the same seed see
   * the same people (common random numbers, MODEL §9).
   */
  private drawCandidate() {
    const u = this.rPopulation;
    const p = this.p;
    const mix = this.s.population.mix;
    const channel = this.s.growth.channel;
    const ua = u();
    const archetype = ua < mix.core ? 0 : ua < mix.core + mix.active ? 1 : 2;
    const median = archetype === 0 ? p.rateMedianCore : archetype === 1 ? p.rateMedianActive : p.rateMedianOrdinary;
    // Traders trade: in a resource-matching group core and active members post far more.
    const positioningRate = this.s.group.positioning === 'resource_matching' ? (archetype < 2 ? p.rateFactorResource : 1)
      : this.s.group.positioning === 'customer_service' ? p.rateFactorService : 1;
    const rate = median * positioningRate * exp(p.rateSigma * standardNormal(u));
    const [ra, rb] = channel === 'qr' ? [p.relevanceQrA, p.relevanceQrB]
      : channel === 'enterprise' ? [p.relevanceEnterpriseA, p.relevanceEnterpriseB] : [p.relevanceDirectA, p.relevanceDirectB];
    const relevance = kumaraswamy(u, ra, rb);
    const valuesFit = kumaraswamy(u, p.valuesFitA, p.valuesFitB);
    const responsive = u() < p.incentiveResponsiveShare;
    // Heavy posters read more before they feel overloaded (the traders of a busy group).
    const tolerance = p.toleranceMedian * exp(p.toleranceSigma * standardNormal(u)) * (1 + p.toleranceRateGain * rate);
    const up = u();
    const profile = up < p.profileEveningShare ? 0 : up < p.profileEveningShare + p.profileOfficeShare ? 1 : 2;
    const marketerShare = channel === 'qr' ? p.marketerShareQr : channel === 'enterprise' ? p.marketerShareEnterprise : p.marketerShareDirect;
    const marketer = u() < marketerShare;
    const startNoise = p.engagementStartNoise * standardNormal(u);
    const accept = u();
    const elsewhereWeekly = rate * p.elsewhereActivityScale * exp(0.5 * standardNormal(u));
    const identityBlock = u();
    const tieKey = u();
    return { archetype, rate, relevance, valuesFit, responsive, tolerance, profile, marketer, startNoise, accept, elsewhereWeekly, identityBlock, tieKey };
  }

  private startEngagement(archetype: number): number {
    const p = this.p;
    return archetype === 0 ? p.engagementStartCore : archetype === 1 ? p.engagementStartActive : p.engagementStartOrdinary;
  }

  private admit(c: ReturnType<GroupRun['drawCandidate']>): void {
    const i = this.members.add();
    const a = this.members.a;
    const p = this.p;
    const d = this.day;
    a.archetype[i] = c.archetype;
    a.rate[i] = c.rate;
    a.relevance[i] = c.relevance;
    a.valuesFit[i] = c.valuesFit;
    a.responsive[i] = c.responsive ? 1 : 0;
    a.tolerance[i] = c.tolerance;
    a.profile[i] = c.profile;
    a.marketer[i] = c.marketer ? 1 : 0;
    a.tieKey[i] = c.tieKey;
    let e = this.startEngagement(c.archetype) + c.startNoise;
    if (this.s.content.announcement) e += p.announcementEngagement;
    if (this.s.founder === 'kol') e += p.kolFounderEngagement;
    a.engagement[i] = clamp01(e);
    a.baseline[i] = clamp01(p.baselineIntercept + p.baselineRelevance * c.relevance + p.baselineValues * c.valuesFit);
    a.joinDay[i] = d;
    a.cohortDay[i] = d;
    a.presence[i] = LEFT; // not yet present: setPresence counts the join
    this.setPresence(i, PRESENT);
    a.probationUntil[i] = d + this.s.admission.probationDays;
    a.lastSpoke[i] = -1;
    a.lastDm[i] = -1_000_000;
    a.dmBoostUntil[i] = -1;
    a.leftDay[i] = -1;
    a.mutedUntil[i] = 0;
    this.joinedTotal++;
    this.series.joins[d]++;
    this.cohortSize[d]++;
  }

  // ── the day ──────────────────────────────────────────────────────────────
  private startDay(): void {
    this.messagesToday = 0;
    this.valuableToday = 0;
    this.noticesToday = 0;
    this.ruleCostToday = 0;
    this.leaveShockToday = 1;
  }

  private rebuildPresent(): void {
    const a = this.members.a;
    const p = this.p;
    if (this.present.length < this.members.count) this.present = new Int32Array(this.members.capacity);
    this.presentCount = 0;
    let engagementSum = 0;
    this.replyPicker.reset(this.members.capacity);
    this.answerPicker.reset(this.members.capacity);
    const rateHalf = p.replyRateHalf;
    for (let i = 0; i < this.members.count; i++) {
      if (a.presence[i] !== PRESENT || a.isTeam[i]) continue;
      this.present[this.presentCount++] = i;
      // a new day for the member's own counters (only present members' are ever read)
      a.spokeMask[i] = (a.spokeMask[i] << 1) & 0x7f;
      a.repliesToday[i] = 0;
      a.penalisedToday[i] = 0;
      a.recognitionToday[i] = 0;
      a.dmToday[i] = 0;
      a.ignoredToday[i] = 0;
      const attention = a.dnd[i] ? p.dndReadFactor : 1;
      const attentive = a.engagement[i] * attention;
      engagementSum += a.engagement[i];
      if (this.day < a.probationUntil[i]) continue;
      const chatty = a.rate[i] / (a.rate[i] + rateHalf);
      this.replyPicker.add(i, a.profile[i], attentive * chatty);
      this.answerPicker.add(i, a.profile[i], attentive * chatty * a.relevance[i]);
    }
    // Posts of yesterday that nobody answered discourage their authors (MODEL §4).
    if (this.day > 0) {
      for (let k = this.dayFirstMsg[this.day - 1]; k < this.dayFirstMsg[this.day]; k++) {
        if (this.msgStarter[k] && !this.msgReplied[k]) a.ignoredToday[this.msgAuthor[k]]++;
      }
    }
    // Group mood scales the reply cascade (MODEL §3.4): mean engagement of present members.
    this.mood = this.presentCount ? engagementSum / this.presentCount : 0;
  }

  /** Operator actions due today, placed in the posting window (MODEL §3.1). */
  private scheduleTeamActions(): void {
    const s = this.s;
    const p = this.p;
    const d = this.day;
    const dow = this.dayOfWeek(d);
    const week = Math.floor(d / 7);
    const dayInWeek = d % 7;
    const [from, to] = s.content.window;
    const inWindow = () => (from + this.rTopics() * (to - from)) * 60 + d * MINUTES_PER_DAY;
    const anyTime = () => (9 + this.rTopics() * 14) * 60 + d * MINUTES_PER_DAY;

    for (let k = postsOnDay(s.content.postsPerWeek, week, dayInWeek); k > 0; k--) {
      const u = this.rTopics();
      const mix = s.content.mix;
      const kind = u < mix.news ? 'news' : u < mix.news + mix.tips ? 'tips' : 'spotlight';
      this.scheduleTopic(kind, inWindow());
      this.teamMinutes += p.minutesContentPost;
    }
    if (s.content.themeDay !== 'none' && WEEKDAYS[dow] === s.content.themeDay) {
      this.scheduleTopic('themeDay', inWindow());
      this.teamMinutes += p.minutesTopic;
    }
    if (s.content.monthlyEvent && d % 30 === p.monthlyEventDay) {
      this.scheduleTopic('event', from * 60 + d * MINUTES_PER_DAY);
      this.teamMinutes += p.minutesEvent;
    }
    const poll = s.content.needsPollEveryDays;
    if (poll > 0 && d > 0 && d % poll === 0) {
      this.scheduleTopic('poll', inWindow());
      this.teamMinutes += p.minutesPoll;
      this.pollBoostUntil = d + 14;
    }
    if (s.founder === 'kol') {
      for (let k = postsOnDay(p.kolFounderSharesPerWeek, week, dayInWeek); k > 0; k--) this.scheduleTopic('tips', anyTime());
    }
    for (let k = postsOnDay(s.content.promoPerWeek, week, dayInWeek); k > 0; k--) {
      this.queue.push(anyTime(), EventType.Promo, 0, 0);
      this.teamMinutes += p.minutesPromo;
    }
    if (s.incentives.chainRewards) {
      for (let k = postsOnDay(p.chainsPerWeek, week, dayInWeek); k > 0; k--) {
        this.queue.push(inWindow(), EventType.ChainStart, 0, 0);
        this.teamMinutes += p.minutesChain;
      }
    }
    if (s.incentives.teamCompetition && dayInWeek === 0) this.teamMinutes += p.minutesCompetitionWeek;
    for (const change of s.ruleChanges) {
      const noticeDay = change.day - change.noticeDays;
      if (change.noticeDays > 0 && noticeDay === d) {
        // A chain vote (接龙投票) on the notice day; otherwise a plain notice.
        if (change.vote) this.queue.push(inWindow(), EventType.ChainStart, 0, 0);
        else this.queue.push(inWindow(), EventType.TeamNotice, 0, 0);
        this.teamMinutes += p.minutesTopic;
      }
      if (change.day === d) {
        const announced = change.noticeDays >= 3;
        const cost = announced && change.vote ? p.ruleChangeCostVote : announced || change.vote ? p.ruleChangeCostNotice : p.ruleChangeCostNone;
        this.ruleCostToday += cost;
        if (!announced && !change.vote) this.leaveShockToday *= p.ruleChangeLeaveShock;
      }
    }
  }

  private scheduleTopic(kind: TopicKind, time: number): void {
    const index = this.topicTime.length;
    const [from, to] = this.s.content.window;
    const hour = Math.floor(time / 60) % 24;
    this.topicTime.push(time);
    this.topicKind.push(TopicKindIndex[kind]);
    this.topicInWindow.push(hour >= from && hour < to);
    this.topicFirstReply.push(NO_REPLY);
    this.queue.push(time, EventType.Topic, this.teamAuthor(), index);
  }

  /** Which team member posts or answers. */
  private teamAuthor(u: Uniform = this.rTopics): number {
    return Math.floor(u() * this.teamSize);
  }

  /** Members' own messages for the day: Poisson(λᵢ) split over the hours by rhythm (MODEL §3.2). */
  private scheduleMemberMessages(): void {
    const a = this.members.a;
    const p = this.p;
    const s = this.s;
    const d = this.day;
    const u = this.rActivity;
    const points = s.incentives.points !== 'none';
    const thresholds = s.incentives.titleThresholds;
    const competitionWeekStart = d - (d % 7);
    const { hourCdf, dayFactor } = this.rhythms;
    const offenceDamping = this.offenceDamping();
    for (let k = 0; k < this.presentCount; k++) {
      const i = this.present[k];
      if (d < a.probationUntil[i]) {
        // Muted newcomers cannot post; a marketer among them may give up (§3 probation).
        if (a.marketer[i] && u() < p.probationMarketerQuitPerDay) this.leave(i);
        continue;
      }
      const e = a.engagement[i];
      let boost = 1;
      if (points && a.responsive[i]) {
        boost += p.pointsBoost;
        const next = thresholds[a.title[i]];
        if (next !== undefined && a.points[i] >= 0.8 * next) boost += p.goalGradientBoost; // goal gradient
      }

      if (d <= a.dmBoostUntil[i]) boost += p.dmPostBoost;
      const attention = a.dnd[i] ? p.dndPostFactor : 1;
      const row = a.profile[i] * 2 + this.weekend;
      const engagementFactor = this.engagementPower.at(e);
      let lambda = a.rate[i] * dayFactor[row] * engagementFactor * boost * attention;
      // Team points competitions: teammates pull in members who have not spoken this week (§5).
      if (s.incentives.teamCompetition && a.lastSpoke[i] < competitionWeekStart) lambda += p.competitionNudgePerDay * e * attention;
      const n = poisson(u, lambda);
      for (let m = 0; m < n; m++) this.queue.push(d * MINUTES_PER_DAY + drawMinute(u, hourCdf, row * 24), EventType.Organic, i, 0);
      if (a.marketer[i]) {
        const ads = poisson(u, p.marketerAdsPerDay * offenceDamping * (a.warned[i] ? p.warnedOffenceFactor : 1));
        for (let m = 0; m < ads; m++) this.queue.push(d * MINUTES_PER_DAY + drawMinute(u, hourCdf, row * 24), EventType.MarketerAd, i, 0);
      }
    }
  }

  /** Announcement and recent @all notices make every offence less likely (MODEL §3.7). */
  private offenceDamping(): number {
    const announcement = this.s.content.announcement ? this.p.announcementViolationFactor : 1;
    return announcement * (1 - this.p.publicNoticeDeterrence * this.deterrence);
  }

  // ── events in time order ─────────────────────────────────────────────────
  private processEvents(until: number): void {
    const q = this.queue;
    const a = this.members.a;
    while (q.length && q.peekTime() < until) {
      const id = q.pop();
      const time = q.timeOf(id);
      const author = q.authorOf(id);
      const ref = q.refOf(id);
      const type = q.typeOf(id);
      const fromMember = type !== EventType.Topic && type !== EventType.Promo && type !== EventType.TeamAnswer
        && type !== EventType.AutoAnswer && type !== EventType.ChainStart && type !== EventType.TeamNotice;
      if (fromMember && (a.presence[author] !== PRESENT || time < a.mutedUntil[author] || this.day < a.probationUntil[author])) {
        if (type === EventType.MemberAnswer) this.teamAnswersInstead(ref, time);
        continue;
      }
      switch (type) {
        case EventType.Organic: this.organicMessage(author, time); break;
        case EventType.MarketerAd: this.post(author, 'ad', false, false); this.offence(author, time); break;
        case EventType.Topic: this.topic(author, ref, time); break;
        case EventType.Promo: this.post(author, 'promo', false, false); break;
        case EventType.TopicReply: this.topicReply(author, ref, time); break;
        case EventType.Reply: this.reply(author, ref, time); break;
        case EventType.MemberAnswer:
        case EventType.TeamAnswer:
        case EventType.AutoAnswer: this.answer(author, ref, time, type); break;
        case EventType.ChainStart: this.chainStart(time); break;
        case EventType.ChainEntry: this.post(author, 'chain', false, false); break;
        case EventType.TeamNotice: this.post(author, 'team', true, false); break;
      }
    }
  }

  /** Record a message; returns its index in the log. */
  private post(author: number, kind: MessageKind, effective: boolean, starter: boolean): number {
    const a = this.members.a;
    const d = this.day;
    this.messagesToday++;
    this.series.messages[d]++;
    this.series[KIND_SERIES[kind]][d]++;
    if (effective) this.series.effectiveMessages[d]++;
    if (!a.isTeam[author]) {
      if (a.lastSpoke[author] !== d) a.spokeMask[author] |= 1;
      a.lastSpoke[author] = d;
      a.messagesTotal[author]++;
      const scheme = this.s.incentives.points;
      if (scheme === 'message' || (scheme === 'effective' && effective)) this.award(author);
    }
    if (this.msgCount === this.msgAuthor.length) this.growMessageLog();
    const k = this.msgCount++;
    this.msgAuthor[k] = author;
    this.msgReplied[k] = 0;
    this.msgStarter[k] = starter ? 1 : 0;
    return k;
  }

  private award(member: number): void {
    const a = this.members.a;
    a.points[member]++;
    const thresholds = this.s.incentives.titleThresholds;
    const next = thresholds[a.title[member]];
    if (next !== undefined && a.points[member] >= next) {
      a.title[member]++;
      a.recognitionToday[member] += this.p.recognitionLift; // title level-up
    }
  }

  private growMessageLog(): void {
    const n = this.msgAuthor.length * 2;
    const author = new Int32Array(n); author.set(this.msgAuthor); this.msgAuthor = author;
    const replied = new Uint8Array(n); replied.set(this.msgReplied); this.msgReplied = replied;
    const starter = new Uint8Array(n); starter.set(this.msgStarter); this.msgStarter = starter;
  }

  private chatEffective(member: number): boolean {
    return this.rKinds() < this.p.chatEffectiveBase + this.p.chatEffectiveSlope * this.members.a.relevance[member];
  }

  /** A member's own message: its kind (MODEL §3.5), then its consequences. */
  private organicMessage(i: number, time: number): void {
    const a = this.members.a;
    const p = this.p;
    const s = this.s;
    const violation = p.violationBase * (1 - a.valuesFit[i]) * this.offenceDamping() * (a.warned[i] ? p.warnedOffenceFactor : 1);
    let u = this.rKinds();
    if (u < violation) {
      this.post(i, 'violation', false, false);
      this.offence(i, time);
      return;
    }
    u = (u - violation) / (1 - violation);
    if (s.incentives.points === 'message' && a.responsive[i]) {
      if (u < p.fillerShare) {
        const k = this.post(i, 'filler', false, false);
        this.spawnReplies(k, i, time, LOW_VALUE_REPLY_FACTOR);
        return;
      }
      u = (u - p.fillerShare) / (1 - p.fillerShare);
    }
    const questionShare = s.group.positioning === 'customer_service' ? p.questionShareService
      : s.group.positioning === 'resource_matching' ? p.questionShareResource : p.questionShareKnowledge;
    if (u < questionShare) {
      const k = this.post(i, 'question', true, true);
      this.series.questions[this.day]++;
      this.scheduleAnswer(k, i, time);
      this.spawnReplies(k, i, time, 1);
      return;
    }
    const shareChance = (a.archetype[i] === 0 ? p.shareBaseCore : p.shareBaseOther) * a.relevance[i];
    if (u < questionShare + shareChance) {
      const k = this.post(i, 'share', true, true);
      this.valuableToday++;
      this.series.valuablePosts[this.day]++;
      this.spawnReplies(k, i, time, 1);
      return;
    }
    const k = this.post(i, 'chat', this.chatEffective(i), true);
    this.spawnReplies(k, i, time, 1);
  }

  /** Self-exciting replies (MODEL §3.4): Poisson(m · mood) replies after Exp(τ) delays. */
  private spawnReplies(message: number, author: number, time: number, factor: number): void {
    const u = this.rCascade;
    const n = poisson(u, this.p.branchingRatio * this.mood * factor);
    for (let r = 0; r < n; r++) {
      const at = time + exponential(u, this.p.replyDelayMinutes);
      const responder = this.pickMember(u, at, author, false);
      if (responder >= 0) this.queue.push(at, EventType.Reply, responder, message);
    }
  }

  /**
   * A present member who is online at `time`, drawn ∝ online(h) · e · attention
   * · rate/(rate + half) (chatty members reply more), and for answers also
   * ∝ relevance (those who know answer). -1 if nobody.
   */
  private pickMember(u: Uniform, time: number, exclude: number, forAnswer: boolean): number {
    const picker = forAnswer ? this.answerPicker : this.replyPicker;
    const day = Math.floor(time / MINUTES_PER_DAY);
    const hour = Math.floor(time / 60) % 24;
    const weekend = this.dayOfWeek(day) >= 5 ? 1 : 0;
    const presence = this.members.a.presence;
    for (let t = 0; t < 4; t++) {
      const i = picker.pick(u, this.rhythms.online, weekend, hour);
      if (i < 0) return -1;
      if (i !== exclude && presence[i] === PRESENT) return i;
    }
    return -1;
  }

  private credit(message: number, responder: number): void {
    const a = this.members.a;
    const target = this.msgAuthor[message];
    this.msgReplied[message] = 1;
    a.repliesToday[target]++;
    if (target !== responder && !(a.isTeam[target] && a.isTeam[responder])) {
      const lo = Math.min(target, responder);
      const hi = Math.max(target, responder);
      const key = lo * 2097152 + hi;
      if (!this.ties.has(key)) {
        this.ties.add(key);
        a.ties[lo]++;
        a.ties[hi]++;
      }
    }
  }

  private reply(i: number, message: number, time: number): void {
    const k = this.post(i, 'reply', this.chatEffective(i), false);
    this.credit(message, i);
    this.spawnReplies(k, i, time, 1);
  }

  /** An operator topic draws replies from online, attentive members (MODEL §3.3). */
  private topic(author: number, index: number, time: number): void {
    const a = this.members.a;
    const p = this.p;
    const kind = this.topicKind[index];
    const valuable = kind === TopicKindIndex.news || kind === TopicKindIndex.tips;
    this.post(author, 'team', true, false);
    if (valuable) {
      this.valuableToday++;
      this.series.valuablePosts[this.day]++;
    }
    const u = this.rTopics;
    if (kind === TopicKindIndex.spotlight && this.presentCount > 0) {
      const featured = this.present[Math.floor(u() * this.presentCount)];
      a.recognitionToday[featured] += p.recognitionLift;
    }
    const pollBoost = this.day <= this.pollBoostUntil && kind !== TopicKindIndex.poll ? 1 + p.pollAppealBoost : 1;
    const base = p.topicReplyBase * this.topicAppeal[kind] * pollBoost;
    for (let k = 0; k < this.presentCount; k++) {
      const i = this.present[k];
      if (a.presence[i] !== PRESENT || this.day < a.probationUntil[i] || time < a.mutedUntil[i]) continue;
      const chance = base * a.relevance[i] * a.engagement[i] * this.onlineChance(i, time) * (a.dnd[i] ? p.dndReadFactor : 1);
      if (u() < chance) this.queue.push(time + exponential(u, p.topicReplyDelayMinutes), EventType.TopicReply, i, index);
    }
  }

  private topicReply(i: number, index: number, time: number): void {
    const delay = time - this.topicTime[index];
    if (delay < this.topicFirstReply[index]) this.topicFirstReply[index] = delay;
    if (this.topicKind[index] === TopicKindIndex.event) this.members.a.recognitionToday[i] += this.p.recognitionLift;
    const k = this.post(i, 'topicReply', this.chatEffective(i), false);
    this.spawnReplies(k, i, time, 1);
  }

  /** A chain (接龙): members add one-line entries over the next hours (MODEL §4). */
  private chainStart(time: number): void {
    const a = this.members.a;
    const p = this.p;
    const u = this.rChains;
    this.post(0, 'team', true, false);
    for (let k = 0; k < this.presentCount; k++) {
      const i = this.present[k];
      if (a.presence[i] !== PRESENT || this.day < a.probationUntil[i]) continue;
      const chance = p.chainJoinBase * (0.3 + 0.7 * a.engagement[i]) * (a.dnd[i] ? p.dndPostFactor : 1);
      if (u() < chance) this.queue.push(time + exponential(u, 60), EventType.ChainEntry, i, 0);
    }
  }

  /** The first answer to a question: fastest of auto-reply, team on duty, a member (MODEL §3.6). */
  private scheduleAnswer(question: number, asker: number, time: number): void {
    const s = this.s;
    const p = this.p;
    const u = this.rAnswers;
    const autoReply = s.automation.autoReply && s.group.platform === 'enterprise' && u() < s.automation.autoReplyCoverage
      ? u() * p.autoReplyMaxMinutes : Infinity;
    const team = this.teamAnswerDelay(time);
    let memberDelay = this.memberAnswerDelay(time);
    let answerer = -1;
    if (memberDelay < Math.min(autoReply, team)) {
      answerer = this.pickMember(u, time + memberDelay, asker, true);
      if (answerer < 0) memberDelay = Infinity;
    }
    const first = Math.min(autoReply, team, memberDelay);
    if (first === Infinity) return;
    this.firstAnswerMinutes.push(first);
    this.questionDay.push(this.day);
    this.questionAskedAt.push(time);
    if (first === autoReply) this.queue.push(time + first, EventType.AutoAnswer, 0, question);
    else if (first === team) this.queue.push(time + first, EventType.TeamAnswer, this.teamAuthor(), question);
    else {
      this.memberAnswerDue.set(question, this.firstAnswerMinutes.length - 1);
      this.queue.push(time + first, EventType.MemberAnswer, answerer, question);
    }
  }

  /** The member due to answer was muted or gone: the team answers when it can, and that is the first answer. */
  private teamAnswersInstead(question: number, time: number): void {
    const record = this.memberAnswerDue.get(question);
    if (record === undefined) return;
    this.memberAnswerDue.delete(question);
    const at = time + this.teamAnswerDelay(time);
    this.firstAnswerMinutes[record] = at - this.questionAskedAt[record];
    this.queue.push(at, EventType.TeamAnswer, this.teamAuthor(this.rAnswers), question);
  }

  private teamAnswerDelay(time: number): number {
    const [from, to] = this.s.team.dutyHours;
    const minuteOfDay = time % MINUTES_PER_DAY;
    const hour = Math.floor(minuteOfDay / 60);
    const wait = hour >= from && hour < to ? 0
      : hour < from ? from * 60 - minuteOfDay : MINUTES_PER_DAY - minuteOfDay + from * 60;
    return wait + exponential(this.rAnswers, this.s.team.replyMinutes);
  }

  /** Piecewise-exponential wait for a member answer, hour by hour (one uniform). */
  private memberAnswerDelay(time: number): number {
    let budget = -log(1 - this.rAnswers());
    const rate = this.p.memberAnswerRate;
    const online = this.rhythms.online;
    const picker = this.answerPicker;
    const cap0 = picker.total(0);
    const cap1 = picker.total(1);
    const cap2 = picker.total(2);
    let t = time;
    for (let step = 0; step < 48; step++) {
      const day = Math.floor(t / MINUTES_PER_DAY);
      const hour = Math.floor(t / 60) % 24;
      const weekend = this.dayOfWeek(day) >= 5 ? 1 : 0;
      const perMinute = rate * (cap0 * online[weekend * 24 + hour] + cap1 * online[(2 + weekend) * 24 + hour] + cap2 * online[(4 + weekend) * 24 + hour]);
      const hourEnd = (Math.floor(t / 60) + 1) * 60;
      const span = hourEnd - t;
      if (perMinute * span >= budget) return t + budget / perMinute - time;
      budget -= perMinute * span;
      t = hourEnd;
    }
    return Infinity;
  }

  private answer(author: number, question: number, time: number, type: EventType): void {
    if (type === EventType.MemberAnswer) this.memberAnswerDue.delete(question);
    const answerer = type === EventType.AutoAnswer ? 0 : author;
    const k = this.post(answerer, 'answer', true, false);
    this.credit(question, answerer);
    if (type === EventType.TeamAnswer) this.teamMinutes += this.p.minutesAnswer;
    if (type === EventType.MemberAnswer) this.spawnReplies(k, answerer, time, 1);
  }

  /** Warn → timed mute → removal on the n-th strike, if the team notices (MODEL §3.7). */
  private offence(i: number, time: number): void {
    const s = this.s;
    const p = this.p;
    const a = this.members.a;
    if (!s.penalties.enabled) return;
    const keyword = s.automation.keywordMonitoring && s.group.platform === 'enterprise';
    const detection = keyword ? 1 - (1 - s.penalties.detection) * (1 - p.keywordMonitoringDetection) : s.penalties.detection;
    if (this.rEnforcement() >= detection) return;
    this.teamMinutes += p.minutesEnforcement * (keyword ? 1 - p.enterpriseAutomationSaving : 1);
    a.strikes[i]++;
    a.penalisedToday[i] = 1;
    if (a.strikes[i] >= s.penalties.strikesToRemove) {
      this.setPresence(i, REMOVED);
      a.leftDay[i] = this.day;
      this.series.removals[this.day]++;
      if (s.penalties.publicNotice) {
        this.deterrence = 1;
        this.noticesToday++;
      }
    } else if (a.strikes[i] === 1) {
      a.warned[i] = 1;
    } else {
      a.mutedUntil[i] = time + s.penalties.muteHours * 60;
    }
  }

  // ── after the hours (MODEL §4) ───────────────────────────────────────────
  private endOfDay(): void {
    this.directMessages();
    this.updateMembers();
    this.winBack();
    this.deterrence *= this.p.deterrenceDecayPerDay;
  }

  /** Each admin DMs the longest-silent members (MODEL §4, PLAYBOOK §6). */
  private directMessages(): void {
    const s = this.s;
    const p = this.p;
    const a = this.members.a;
    const d = this.day;
    const quota = s.activation.dmPerAdminPerDay * Math.max(1, s.team.admins);
    if (quota === 0) return;
    const silentDays = s.activation.silentDays;
    // One pass keeps the `quota` longest-silent candidates, ties broken by a random key.
    const chosen = this.dmChosen.length >= quota ? this.dmChosen : (this.dmChosen = new Int32Array(quota));
    let count = 0;
    const longer = (i: number, j: number, si: number, sj: number) => si > sj || (si === sj && a.tieKey[i] < a.tieKey[j]);
    const silenceOf = (i: number) => d - (a.lastSpoke[i] >= a.joinDay[i] ? a.lastSpoke[i] : a.joinDay[i]);
    for (let k = 0; k < this.presentCount; k++) {
      const i = this.present[k];
      if (a.presence[i] !== PRESENT || d < a.probationUntil[i] || d - a.lastDm[i] < silentDays) continue;
      const silence = silenceOf(i);
      if (silence < silentDays) continue;
      if (count === quota && !longer(i, chosen[count - 1], silence, silenceOf(chosen[count - 1]))) continue;
      let at = count < quota ? count++ : count - 1;
      while (at > 0 && longer(i, chosen[at - 1], silence, silenceOf(chosen[at - 1]))) {
        chosen[at] = chosen[at - 1];
        at--;
      }
      chosen[at] = i;
    }
    const tagBonus = s.group.platform === 'enterprise' ? 1 + p.dmTagBonus : 1;
    for (let k = 0; k < count; k++) {
      const i = chosen[k];
      a.lastDm[i] = d;
      this.teamMinutes += p.minutesDm;
      if (this.rActivation() < Math.min(1, p.dmSuccessBase * a.relevance[i] * tagBonus)) {
        a.dmToday[i] = 1;
        a.dnd[i] = 0;
        a.dmBoostUntil[i] = d + p.dmBoostDays;
      }
    }
  }

  private updateMembers(): void {
    const a = this.members.a;
    const p = this.p;
    const d = this.day;
    const u = this.rDaily;
    const todayAdShare = this.messagesToday > 0 ? (this.series.ads[d] + this.series.kind_promo[d]) / this.messagesToday : 0;
    this.adShare = 0.5 * this.adShare + 0.5 * todayAdShare;
    const adSquared = this.adShare * this.adShare;
    const adFactor = exp(p.leaveAdWeight * adSquared);
    const groupCost = p.adExposureCost * adSquared + p.publicNoticeEngagementCost * this.noticesToday + this.ruleCostToday;
    for (let k = 0; k < this.presentCount; k++) {
      const i = this.present[k];
      if (a.presence[i] !== PRESENT) continue;
      const read = a.dnd[i] ? p.dndReadFactor : 1;
      const seen = this.messagesToday * read;
      const overload = Math.max(0, seen / a.tolerance[i] - 1);
      const replies = a.repliesToday[i] < 3 ? a.repliesToday[i] : 3;
      const valuable = Math.min(this.valuableToday * read, 5);
      const ignored = a.ignoredToday[i] < 3 ? a.ignoredToday[i] : 3;
      let e = a.engagement[i];
      e += p.replyLift * replies
        + p.contentLift * valuable * a.relevance[i]
        + a.recognitionToday[i]
        + (a.dmToday[i] ? p.dmLift : 0)
        - p.overloadCost * overload
        - p.ignoredCost * ignored
        - (a.penalisedToday[i] ? p.penaltyCost : 0)
        - groupCost
        - p.meanReversion * (e - a.baseline[i]);
      a.engagement[i] = e = clamp01(e);

      // Sustained overload mutes more members than it drives out (survey: 74.6 % vs 38.4 %);
      // the engaged mute least, so a core keeps trading in a busy group.
      if (!a.dnd[i]) {
        if (overload > 0 && u() < Math.min(0.9, p.dndSwitchRate * overload * (1 - e))) a.dnd[i] = 1;
      } else if (p.dndRevertPerDay > 0 && u() < p.dndRevertPerDay) {
        a.dnd[i] = 0;
      }

      const tenure = d - a.joinDay[i];
      const ties = a.ties[i] < 1024 ? a.ties[i] : 1024;
      // A muted group costs little to stay in: dnd members leave less (MODEL §4).
      const hazard = p.leaveHazardBase * this.tenureFactor[tenure] * this.tiesFactor[ties] * this.leaveShockToday * (a.dnd[i] ? p.dndLeaveFactor : 1)
        * this.engagementProtection.at(e) * adFactor * (overload > 0 ? exp(p.leaveOverloadWeight * overload) : 1);
      if (u() < hazard) this.leave(i);
    }
  }

  private leave(i: number): void {
    const a = this.members.a;
    this.setPresence(i, LEFT);
    a.leftDay[i] = this.day;
    a.contacted[i] = 0;
    this.series.leaves[this.day]++;
  }

  /** The team contacts members who left within the week; a few rejoin (MODEL §4, §5 离群回访). */
  private winBack(): void {
    const a = this.members.a;
    const d = this.day;
    // Keep only departures of the last 7 days on the list.
    let kept = 0;
    for (const i of this.recentlyLeft) if (a.presence[i] === LEFT && d - a.leftDay[i] <= 6) this.recentlyLeft[kept++] = i;
    this.recentlyLeft.length = kept;
    if (!this.s.activation.winBack) return;
    const p = this.p;
    const cap = Math.min(this.s.group.capacity, p.groupMemberLimit);
    for (const i of [...this.recentlyLeft]) {
      if (a.contacted[i] || a.marketer[i]) continue;
      a.contacted[i] = 1;
      this.teamMinutes += p.minutesWinBack;
      if (this.groupSize < cap && this.rActivation() < p.winBackShare) {
        this.setPresence(i, PRESENT);
        a.engagement[i] = clamp01(this.startEngagement(a.archetype[i]) * p.winBackEngagementFactor);
        a.joinDay[i] = d;
        a.dnd[i] = 0;
        a.spokeMask[i] = 0;
        this.series.joins[d]++;
      }
    }
  }

  // ── metrics (MODEL §7) ───────────────────────────────────────────────────
  private recordDay(): void {
    const a = this.members.a;
    const d = this.day;
    const sr = this.series;
    let members = 0;
    let present = 0;
    let spoke30 = 0;
    let weekly = 0;
    let coreActive = 0;
    let lurkers = 0;
    let dnd = 0;
    let speakers = 0;
    let left = 0;
    let removed = 0;
    let engagement = 0;
    const states = [0, 0, 0, 0, 0];
    for (let i = 0; i < this.members.count; i++) {
      const presence = a.presence[i];
      if (presence === LEFT) { if (!a.isTeam[i]) left++; continue; }
      if (presence === REMOVED) { removed++; continue; }
      members++;
      if (a.isTeam[i]) continue;
      present++;
      engagement += a.engagement[i];
      const mask = a.spokeMask[i];
      const daysSpoken = popcount7(mask);
      const spokeIn30 = a.lastSpoke[i] >= 0 && a.lastSpoke[i] >= d - 29;
      if (spokeIn30) spoke30++;
      if (mask) weekly++;
      if (mask & 1) speakers++;
      if (daysSpoken >= 4) coreActive++;
      if (!spokeIn30 && d - a.joinDay[i] >= 7) lurkers++;
      if (a.dnd[i]) { dnd++; states[4]++; }
      else if (daysSpoken >= 4) states[0]++;
      else if (mask) states[1]++;
      else if (spokeIn30) states[2]++;
      else states[3]++;
    }
    sr.members[d] = members;
    sr.speakers[d] = speakers;
    sr.speakingRate30d[d] = present ? spoke30 / present : 0;
    sr.weeklyParticipation[d] = present ? weekly / present : 0;
    sr.coreActiveUsers[d] = coreActive;
    sr.lurkerShare[d] = present ? lurkers / present : 0;
    sr.dndShare[d] = present ? dnd / present : 0;
    sr.meanEngagement[d] = present ? engagement / present : 0;
    sr.effectiveRatio[d] = sr.messages[d] ? sr.effectiveMessages[d] / sr.messages[d] : NaN;
    sr.retentionDay0[d] = this.cohortSize[0] ? this.cohortPresent[0] / this.cohortSize[0] : NaN;
    sr.ads[d] = sr.kind_ad[d] + sr.kind_promo[d];
    sr.violations[d] = sr.kind_violation[d];
    sr.teamMinutes[d] = this.teamMinutes - this.teamMinutesBefore;
    this.teamMinutesBefore = this.teamMinutes;
    sr.state_core[d] = states[0];
    sr.state_active[d] = states[1];
    sr.state_ordinarySpeaking[d] = states[2];
    sr.state_lurker[d] = states[3];
    sr.state_dnd[d] = states[4];
    sr.state_left[d] = left;
    sr.state_removed[d] = removed;
    sr.cohortRetention30d[d] = NaN;
    const cohortDay = d - 30;
    if (cohortDay >= 0 && this.cohortSize[cohortDay] > 0) sr.cohortRetention30d[cohortDay] = this.cohortPresent[cohortDay] / this.cohortSize[cohortDay];
  }

  /** Share of topics answered within 2 h among all posted up to each day (NaN before the first). */
  private cumulativeShare(posted: Float64Array, answered: Float64Array, out: Float64Array): void {
    let topics = 0;
    let hits = 0;
    for (let d = 0; d < posted.length; d++) {
      topics += posted[d];
      hits += answered[d];
      out[d] = topics ? hits / topics : NaN;
    }
  }

  /** Median first-answer minutes of the questions asked each day (NaN on days without one). */
  private dailyAnswerMedians(out: Float64Array): void {
    out.fill(NaN);
    const byDay: number[][] = Array.from({ length: this.horizon }, () => []);
    for (let k = 0; k < this.questionDay.length; k++) byDay[this.questionDay[k]].push(this.firstAnswerMinutes[k]);
    byDay.forEach((list, d) => {
      if (list.length) out[d] = quantileSorted(Float64Array.from(list).sort(), 0.5);
    });
  }

  private summarise(): Summary {
    const sr = this.series;
    const H = this.horizon;
    const last = H - 1;
    // Topic response by day of posting.
    let inWindow = 0, inWindowAnswered = 0, outWindow = 0, outWindowAnswered = 0;
    for (let k = 0; k < this.topicTime.length; k++) {
      const day = Math.floor(this.topicTime[k] / MINUTES_PER_DAY);
      if (day >= H) continue;
      const answered = this.topicFirstReply[k] <= TOPIC_RESPONSE_WINDOW_MINUTES ? 1 : 0;
      if (this.topicInWindow[k]) {
        inWindow++; inWindowAnswered += answered;
        sr.topicsInWindow[day]++; sr.topicsInWindowAnswered[day] += answered;
      } else {
        outWindow++; outWindowAnswered += answered;
        sr.topicsOutOfWindow[day]++; sr.topicsOutOfWindowAnswered[day] += answered;
      }
    }
    this.cumulativeShare(sr.topicsInWindow, sr.topicsInWindowAnswered, sr.topicResponseInWindowToDate);
    this.cumulativeShare(sr.topicsOutOfWindow, sr.topicsOutOfWindowAnswered, sr.topicResponseOutOfWindowToDate);
    this.dailyAnswerMedians(sr.firstAnswerMinutesMedian);
    let weekMinutes = 0;
    for (let d = 0; d < H; d++) {
      weekMinutes += sr.teamMinutes[d] - (d >= 7 ? sr.teamMinutes[d - 7] : 0);
      sr.teamHoursPerWeek[d] = (weekMinutes / 60) * (d < 6 ? 7 / (d + 1) : 1);
    }
    const answers = Float64Array.from(this.firstAnswerMinutes).sort();
    let within15 = 0;
    for (const v of answers) if (v < 15) within15++;
    const a = this.members.a;
    const memberMessages: number[] = [];
    for (let i = 0; i < this.members.count; i++) if (!a.isTeam[i]) memberMessages.push(a.messagesTotal[i]);
    const { topShare, gini } = inequality(Float64Array.from(memberMessages));
    let starters = 0, unreplied = 0;
    for (let k = 0; k < this.msgCount; k++) {
      if (!this.msgStarter[k]) continue;
      starters++;
      if (!this.msgReplied[k]) unreplied++;
    }
    const lastWeekMessages = sumOfLast(sr.messages, 7);
    const weeks = H / 7;
    const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);
    return {
      speakingRate30d: sr.speakingRate30d[last],
      weeklyParticipation: sr.weeklyParticipation[last],
      dailyMessages: meanOfLast(sr.messages, 7),
      dailySpeakersRatio: finite(meanOfLastRatio(sr.speakers, sr.members, 7, 1 + this.s.team.admins)),
      effectiveRatio: lastWeekMessages ? sumOfLast(sr.effectiveMessages, 7) / lastWeekMessages : null,
      retention30d: finite(sr.retentionDay0[Math.min(30, last)]),
      coreActiveUsers: sr.coreActiveUsers[last],
      lurkerShare: sr.lurkerShare[last],
      topicResponseInWindow: inWindow ? inWindowAnswered / inWindow : null,
      topicResponseOutOfWindow: outWindow ? outWindowAnswered / outWindow : null,
      firstAnswerMinutesMedian: finite(quantileSorted(answers, 0.5)),
      firstAnswerMinutesP90: finite(quantileSorted(answers, 0.9)),
      answeredWithin15Share: answers.length ? within15 / answers.length : null,
      valuablePostsPerWeek: sumOfLast(sr.valuablePosts, 7) * (H < 7 ? 7 / H : 1),
      members: sr.members[last],
      joinsTotal: sumOfLast(sr.joins, H),
      leavesTotal: sumOfLast(sr.leaves, H),
      removalsTotal: sumOfLast(sr.removals, H),
      dndShare: sr.dndShare[last],
      violations: meanOfLast(sr.violations, 7),
      ads: meanOfLast(sr.ads, 7),
      joinConversion: this.invitedTotal ? this.joinedTotal / this.invitedTotal : null,
      teamHoursPerWeek: this.teamMinutes / 60 / weeks,
      top10MessageShare: finite(topShare),
      gini: finite(gini),
      unrepliedStarterShare: starters ? unreplied / starters : null,
    };
  }
}

/** Pure tables built once per parameter value (a few distinct values per process). */
const TABLES = new Map<string, unknown>();
function memo<T>(key: string, build: () => T): T {
  let table = TABLES.get(key) as T | undefined;
  if (table === undefined) {
    if (TABLES.size > 256) TABLES.clear(); // parameter sweeps: keep the cache small
    table = build();
    TABLES.set(key, table);
  }
  return table;
}

/** A function of engagement tabulated on 2048 steps with linear interpolation. */
class EngagementTable {
  private static readonly STEPS = 2048;
  private constructor(private readonly values: Float64Array) {}

  static of(f: (e: number) => number): EngagementTable {
    const values = new Float64Array(EngagementTable.STEPS + 2);
    for (let k = 0; k <= EngagementTable.STEPS; k++) values[k] = f(k / EngagementTable.STEPS);
    values[EngagementTable.STEPS + 1] = values[EngagementTable.STEPS];
    return new EngagementTable(values);
  }

  at(e: number): number {
    const x = e * EngagementTable.STEPS;
    const k = Math.floor(x);
    return this.values[k] + (this.values[k + 1] - this.values[k]) * (x - k);
  }
}

// ── helpers ────────────────────────────────────────────────────────────────
function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/** Posts on this day of the week so that each week carries `perWeek` (fractions accumulate across weeks). */
export function postsOnDay(perWeek: number, week: number, dayInWeek: number): number {
  if (perWeek <= 0) return 0;
  const thisWeek = Math.floor(perWeek * (week + 1) + 1e-9) - Math.floor(perWeek * week + 1e-9);
  // Spread the week's posts evenly: post j falls on day floor(j·7/n).
  let n = 0;
  for (let j = 0; j < thisWeek; j++) if (Math.floor((j * 7) / thisWeek) === dayInWeek) n++;
  return n;
}

/** A minute of the day drawn by the rhythm: an hour from the CDF, then a uniform minute in it. */
function drawMinute(u: Uniform, hourCdf: Float64Array, offset: number): number {
  const x = u();
  let h = 0;
  while (h < 23 && hourCdf[offset + h] <= x) h++;
  return h * 60 + u() * 60;
}

function meanOfLastRatio(numerator: Float64Array, denominator: Float64Array, days: number, subtract: number): number {
  const from = Math.max(0, numerator.length - days);
  let sum = 0;
  let n = 0;
  for (let d = from; d < numerator.length; d++) {
    const base = denominator[d] - subtract;
    if (base > 0) { sum += numerator[d] / base; n++; }
  }
  return n ? sum / n : NaN;
}
