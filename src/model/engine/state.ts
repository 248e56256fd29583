/**
 * The state of one run: one group from its creation to the horizon. Every
 * mechanism is a free function over this one object (Agents.jl's
 * `agent_step!(agent, model)`): member fields as typed arrays (members.ts), the
 * random streams, the day's event queue, the logs the recorders read, and the
 * daily series. Nothing here decides anything; the mechanisms do.
 */
import { standardNormal, stream, type Uniform } from '../rng.ts';
import { exp, pow } from '../detmath.ts';
import { resolveParameters, type Parameters } from '../parameters.ts';
import { MAX_HORIZON_DAYS, WEEKDAYS, type Scenario } from '../scenario.ts';
import { buildRhythms, PROFILES, type RhythmTables } from '../rhythms.ts';
import { WeightedPicker } from '../picker.ts';
import { EventQueue } from '../events.ts';
import { Members } from '../members.ts';
import { emptySeries, type Series } from '../metrics.ts';
import type { ChatRecorder } from './chat.ts';

export const MINUTES_PER_DAY = 1440;
/** The model's month (the monthly party, §5): 30 days, the calendar month the playbook leaves unspecified. */
export const MONTH_DAYS = 30;
/** Members' arrays start this large and double as the group grows (a size, not a number of the model). */
const INITIAL_MEMBER_SLOTS = 1024;
/** Ties beyond this many count as this many in the tables by ties (no member has more partners in a 500-member group). */
export const MAX_TIES_TABLED = 1024;
/** A topic or answer that never came. */
export const NEVER = Infinity;

/** Operator topic kinds, as indices into the appeal table (MODEL §3.3). */
export const TopicKind = { news: 0, tips: 1, spotlight: 2, themeDay: 3, event: 4, poll: 5 } as const;
export type TopicKind = (typeof TopicKind)[keyof typeof TopicKind];

/** One random stream per purpose (MODEL §9): a lever that changes one purpose leaves the others' draws alone. */
export interface Streams {
  readonly population: Uniform;
  readonly growth: Uniform;
  readonly activity: Uniform;
  readonly kinds: Uniform;
  readonly cascade: Uniform;
  readonly topics: Uniform;
  readonly chains: Uniform;
  readonly answers: Uniform;
  readonly enforcement: Uniform;
  readonly daily: Uniform;
  readonly activation: Uniform;
  readonly hooks: Uniform;
  readonly need: Uniform;
}

/** Tables that keep pow and exp out of the daily member loop (shared by the runs of an ensemble). */
export interface Tables {
  /** (tenure + 1)^(k − 1), by tenure in days. */
  readonly tenureFactor: Float64Array;
  /** (1 + ties)^(−κ), by ties. */
  readonly tiesFactor: Float64Array;
  /** The engagement baseline ties add, g · (1 − exp(−ties/s)), by ties (MODEL v3 §4). */
  readonly tieBaseline: Float64Array;
  /** e^γ over e ∈ [0, 1]. */
  readonly engagementPower: EngagementTable;
  /** exp(−c(e − ½)) over e ∈ [0, 1]. */
  readonly engagementProtection: EngagementTable;
  /** Topic appeal by TopicKind, times the positioning's appeal. */
  readonly topicAppeal: Float64Array;
}

/** Messages of the run in posting order (cascades, ignored posts, unreplied thread starters). */
export class MessageLog {
  author = new Int32Array(4096);
  replied = new Uint8Array(4096);
  starter = new Uint8Array(4096);
  count = 0;

  /** Index of a new message. */
  add(author: number, starter: boolean): number {
    if (this.count === this.author.length) this.grow();
    const k = this.count++;
    this.author[k] = author;
    this.replied[k] = 0;
    this.starter[k] = starter ? 1 : 0;
    return k;
  }

  private grow(): void {
    const n = this.author.length * 2;
    const author = new Int32Array(n); author.set(this.author); this.author = author;
    const replied = new Uint8Array(n); replied.set(this.replied); this.replied = replied;
    const starter = new Uint8Array(n); starter.set(this.starter); this.starter = starter;
  }
}

/** Operator topics: when posted, which kind, whether in the posting window, first member reply (minutes after). */
export interface TopicLog {
  readonly time: number[];
  readonly kind: number[];
  readonly inWindow: boolean[];
  readonly firstReply: number[];
}

/** Member questions with a first answer: the day asked, the minute asked, minutes to the first answer. */
export interface QuestionLog {
  readonly day: number[];
  readonly askedAt: number[];
  readonly firstAnswerMinutes: number[];
  /** Questions whose first answer is due from a member: question message → its record. */
  readonly dueFromMember: Map<number, number>;
}

/** The day's group-level circumstances, reset each morning (MODEL §4 reads them at night). */
export interface Today {
  messages: number;
  /** Unwanted messages posted today: ads, the team's promotions and violations (MODEL v3 §4). */
  unwanted: number;
  valuable: number;
  notices: number;
  ruleCost: number;
  leaveShock: number;
}

export class GroupState {
  readonly scenario: Scenario;
  readonly params: Parameters;
  readonly runIndex: number;
  readonly horizon: number;
  readonly rhythms: RhythmTables;
  readonly tables: Tables;
  readonly rng: Streams;
  readonly members: Members;
  readonly queue = new EventQueue(2048);
  readonly series: Series;
  readonly teamSize: number;
  readonly startDayOfWeek: number;
  /** How much members need this group (MODEL v3 §3.2): the scenario's need, times a draw per run when it varies from group to group. */
  readonly need: number;

  readonly messages = new MessageLog();
  /** Index of each day's first message in the log (day = horizon: one past the last). */
  readonly dayFirstMessage: Int32Array;
  readonly topics: TopicLog = { time: [], kind: [], inWindow: [], firstReply: [] };
  readonly questions: QuestionLog = { day: [], askedAt: [], firstAnswerMinutes: [], dueFromMember: new Map() };
  /** Pairs of members who have exchanged a reply (ties, MODEL §4). */
  readonly ties = new Set<number>();

  /** Present members outside the team at the start of the day (rebuilt each morning). */
  present = new Int32Array(64);
  presentCount = 0;
  /** Who replies and who answers, by weight and hour (rebuilt each morning). */
  readonly replyPicker = new WeightedPicker(PROFILES.length, 64);
  readonly answerPicker = new WeightedPicker(PROFILES.length, 64);

  day = 0;
  weekend = 0;
  /** The chat log, recorded only for a replay (null in ensembles). */
  chat: ChatRecorder | null = null;
  /** Mean engagement of present members: scales reply cascades (MODEL §3.4). */
  mood = 0;
  /** 1 right after an @all removal notice, decaying daily (MODEL §3.7). */
  deterrence = 0;
  pollBoostUntil = -1;
  /** The personal account is restricted by the anti-spam system until this day (MODEL §5). */
  restrictedUntil = -1;
  readonly today: Today = { messages: 0, unwanted: 0, valuable: 0, notices: 0, ruleCost: 0, leaveShock: 1 };
  /** Member messages by hour of the day, over the run (the hourly profile, MODEL §7). */
  readonly hourly = new Float64Array(24);
  /** Invitations the anti-spam block held back, to be sent again (MODEL §5). */
  heldInvites = 0;

  /** Candidates drawn so far, and where the invitation list starts (a direct invitation's archetype, MODEL §5). */
  candidatesDrawn = 0;
  inviteListStart = 0;
  invitedTotal = 0;
  joinedTotal = 0;
  teamMinutes = 0;
  teamMinutesBefore = 0;
  /** Members present now, team included. */
  groupSize = 0;
  /** Members who first joined on each day, how many of them are present, and how many the team removed (retention, MODEL §7). */
  readonly cohortSize: Int32Array;
  readonly cohortPresent: Int32Array;
  readonly cohortRemoved: Int32Array;
  /** Present members allowed to speak (not on probation) at each day's roll call: the denominator of liveliness (MODEL §3.2). */
  readonly speakersAllowed: Int32Array;
  /** After an anti-spam block the operator invites in batches the system accepts (MODEL §5). */
  cautious = false;
  /** Members who left in the last week (win-back). */
  readonly recentlyLeft: number[] = [];
  dmChosen = new Int32Array(16);

  constructor(scenario: Scenario, runIndex: number) {
    this.scenario = scenario;
    this.runIndex = runIndex;
    this.params = resolveParameters(scenario.parameters);
    this.horizon = scenario.horizonDays;
    this.rhythms = buildRhythms(this.params.weekendFactorOffice, this.params.weekendFactorOther);
    const { growth, team } = scenario;
    const expected = 1 + team.admins + growth.initialInvites + growth.invitesPerDay * Math.min(growth.inviteDays, scenario.horizonDays);
    this.members = new Members(Math.min(expected, INITIAL_MEMBER_SLOTS));
    this.series = emptySeries(this.horizon);
    this.dayFirstMessage = new Int32Array(this.horizon + 1);
    this.cohortSize = new Int32Array(this.horizon);
    this.cohortPresent = new Int32Array(this.horizon);
    this.cohortRemoved = new Int32Array(this.horizon);
    this.speakersAllowed = new Int32Array(this.horizon);
    this.rng = streamsFor(scenario.seed, runIndex);
    this.tables = tablesFor(this.params, scenario);
    this.startDayOfWeek = WEEKDAYS.indexOf(scenario.startWeekday);
    this.teamSize = 1 + team.admins;
    this.need = needOf(scenario, this.params, this.rng.need);
  }
}

/** The group's need: the scenario's, or for a group whose need is not known, a lognormal draw with that median (MODEL v3 §3.2). */
function needOf(scenario: Scenario, p: Parameters, u: Uniform): number {
  const { need, needVaries } = scenario.group;
  return needVaries && p.needSpread > 0 ? need * exp(p.needSpread * standardNormal(u)) : need;
}

function streamsFor(seed: number, runIndex: number): Streams {
  return {
    population: stream(seed, runIndex, 'population'),
    growth: stream(seed, runIndex, 'growth'),
    activity: stream(seed, runIndex, 'activity'),
    kinds: stream(seed, runIndex, 'kinds'),
    cascade: stream(seed, runIndex, 'cascade'),
    topics: stream(seed, runIndex, 'topics'),
    chains: stream(seed, runIndex, 'chains'),
    answers: stream(seed, runIndex, 'answers'),
    enforcement: stream(seed, runIndex, 'enforcement'),
    daily: stream(seed, runIndex, 'daily'),
    activation: stream(seed, runIndex, 'activation'),
    hooks: stream(seed, runIndex, 'hooks'),
    need: stream(seed, runIndex, 'need'),
  };
}

function tablesFor(p: Parameters, scenario: Scenario): Tables {
  const { leaveTenureShape, tieProtection, engagementExponent, leaveEngagementSlope, tieBaselineGain, tieBaselineScale } = p;
  const positioningAppeal = scenario.group.positioning === 'resource_matching' ? p.appealPositioningResource
    : scenario.group.positioning === 'customer_service' ? p.appealPositioningService : 1;
  return {
    // one entry per day of tenure a run can reach: 0 … the longest horizon
    tenureFactor: memo(`tenure:${leaveTenureShape}`, () => Float64Array.from({ length: MAX_HORIZON_DAYS + 1 }, (_, t) => pow(t + 1, leaveTenureShape - 1))),
    tiesFactor: memo(`ties:${tieProtection}`, () => Float64Array.from({ length: MAX_TIES_TABLED + 1 }, (_, n) => pow(1 + n, -tieProtection))),
    tieBaseline: memo(`tieBaseline:${tieBaselineGain}:${tieBaselineScale}`, () => Float64Array.from({ length: MAX_TIES_TABLED + 1 }, (_, n) => tieBaselineGain * (1 - exp(-n / tieBaselineScale)))),
    engagementPower: memo(`power:${engagementExponent}`, () => EngagementTable.of((e) => (e > 0 ? pow(e, engagementExponent) : 0))),
    engagementProtection: memo(`protection:${leaveEngagementSlope}`, () => EngagementTable.of((e) => exp(-leaveEngagementSlope * (e - 0.5)))),
    // indexed by TopicKind; a needs poll is as appealing as a theme day
    topicAppeal: Float64Array.from(
      [p.appealNews, p.appealTips, p.appealSpotlight, p.appealThemeDay, p.appealEvent, p.appealThemeDay],
      (v) => v * positioningAppeal,
    ),
  };
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
export class EngagementTable {
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
