/**
 * The shared verbs every mechanism uses: the clock, posting a message,
 * crediting a reply, awarding points, changing presence, picking who replies,
 * and the team's time. Mechanisms decide; these record.
 */
import type { Uniform } from '../rng.ts';
import type { Parameters, ParameterKey } from '../parameters.ts';
import { PRESENT, LEFT, type Presence } from '../members.ts';
import { RETENTION_DAYS, type MessageKind } from '../metrics.ts';
import { MINUTES_PER_DAY, type GroupState } from './state.ts';

// ── the clock ───────────────────────────────────────────────────────────────
export function dayOfWeek(g: GroupState, day: number): number {
  return (g.startDayOfWeek + day) % 7;
}

/** 1 on Saturdays and Sundays. */
export function weekendOf(g: GroupState, day: number): number {
  return dayOfWeek(g, day) >= 5 ? 1 : 0;
}

/** The chance a member is looking at the group at an absolute minute (their rhythm, MODEL §2). */
export function onlineChance(g: GroupState, member: number, absoluteMinute: number): number {
  const day = Math.floor(absoluteMinute / MINUTES_PER_DAY);
  const hour = Math.floor(absoluteMinute / 60) % 24;
  return g.rhythms.online[(g.members.a.profile[member] * 2 + weekendOf(g, day)) * 24 + hour];
}

/** A minute of the day drawn by the rhythm: an hour from the CDF, then a uniform minute in it. */
export function drawMinute(u: Uniform, hourCdf: Float64Array, offset: number): number {
  const x = u();
  let h = 0;
  while (h < 23 && hourCdf[offset + h] <= x) h++;
  return h * 60 + u() * 60;
}

export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

// ── messages ────────────────────────────────────────────────────────────────
const KIND_SERIES: Record<MessageKind, `kind_${MessageKind}`> = {
  chat: 'kind_chat', question: 'kind_question', answer: 'kind_answer', reply: 'kind_reply',
  topicReply: 'kind_topicReply', share: 'kind_share', chain: 'kind_chain', filler: 'kind_filler',
  ad: 'kind_ad', violation: 'kind_violation', team: 'kind_team', promo: 'kind_promo',
  redPacket: 'kind_redPacket', burst: 'kind_burst',
};

/** A first message counts as welcomed if a reply comes within this many minutes (Joyce & Kraut 2006; MODEL §7). */
export const WELCOME_MINUTES = 24 * 60;
/** …and its author returns if they post again within this many (MODEL §7). */
export const RETURN_MINUTES = RETENTION_DAYS * MINUTES_PER_DAY;

/**
 * Low-value kinds (MODEL v3 §3.5): a burst's "1" or thanks, points-chasing
 * filler. They count as messages but not as speaking: not toward the speaking
 * rate, weekly participation, core actives, liveliness or a first message.
 */
const LOW_VALUE: ReadonlySet<MessageKind> = new Set<MessageKind>(['burst', 'filler']);
/** What members see as unwanted: ads, promotions and violations (MODEL v3 §4 annoyance). */
const UNWANTED: ReadonlySet<MessageKind> = new Set<MessageKind>(['ad', 'promo', 'violation']);

/**
 * Record a message (MODEL §3.5): counts (unwanted ones as they are posted, so
 * the day's count is complete when members feel it, MODEL §4), the author's
 * speaking record, their first message, and points. Returns its index in the log.
 */
export function post(g: GroupState, author: number, kind: MessageKind, effective: boolean, starter: boolean, time: number): number {
  const a = g.members.a;
  const d = g.day;
  const series = g.series;
  g.today.messages++;
  if (UNWANTED.has(kind)) g.today.unwanted++;
  series.messages[d]++;
  series[KIND_SERIES[kind]][d]++;
  if (effective) series.effectiveMessages[d]++;
  const k = g.messages.add(author, starter);
  g.chat?.message(k, time, author, kind);
  if (!a.isTeam[author]) {
    const scheme = g.scenario.incentives.points;
    if (scheme === 'message' || (scheme === 'effective' && effective)) award(g, author);
    if (LOW_VALUE.has(kind)) return k;
    // members' own words: a marketer's ad is not conversation (liveliness, silence, the hourly profile)
    if (kind !== 'ad') {
      series.memberMessages[d]++;
      g.hourly[Math.floor(time / 60) % 24]++;
    }
    a.dailySquares[author] += 2 * a.messagesToday[author] + 1; // (n + 1)² − n²
    a.messagesToday[author]++;
    if (a.lastSpoke[author] !== d) a.spokeMask[author] |= 1;
    a.lastSpoke[author] = d;
    if (a.messagesTotal[author] === 0) {
      a.firstMessageAt[author] = time;
      a.firstMessage[author] = k;
    } else if (!a.postedAgain[author] && time - a.firstMessageAt[author] <= RETURN_MINUTES) {
      a.postedAgain[author] = 1;
    }
    a.messagesTotal[author]++;
  }
  return k;
}

/** Whether a chat message or reply carries value: more likely the more relevant its author (MODEL §3.5). */
export function chatEffective(g: GroupState, member: number): boolean {
  return g.rng.kinds() < g.params.chatEffectiveBase + g.params.chatEffectiveSlope * g.members.a.relevance[member];
}

/** One point, and a title when the next threshold is reached (MODEL §4 incentives). */
export function award(g: GroupState, member: number): void {
  const a = g.members.a;
  a.points[member]++;
  const next = g.scenario.incentives.titleThresholds[a.title[member]];
  if (next !== undefined && a.points[member] >= next) {
    a.title[member]++;
    a.recognitionToday[member] += g.params.recognitionLift; // title level-up
  }
}

/**
 * A reply to a message: its author is credited with a reply received, and the
 * two form a tie (MODEL §3.4). A first reply to a member's first message, within
 * a day, welcomes them (Joyce & Kraut 2006).
 */
export function credit(g: GroupState, message: number, responder: number, time: number): void {
  const a = g.members.a;
  const target = g.messages.author[message];
  if (!g.messages.replied[message] && message === a.firstMessage[target] && !a.isTeam[target] && time - a.firstMessageAt[target] <= WELCOME_MINUTES) {
    a.firstReplied[target] = 1;
    a.welcomedToday[target] = 1;
  }
  g.messages.replied[message] = 1;
  g.chat?.replyTo(message);
  a.repliesToday[target]++;
  if (target !== responder && !(a.isTeam[target] && a.isTeam[responder])) {
    const lo = Math.min(target, responder);
    const hi = Math.max(target, responder);
    const key = lo * 2097152 + hi;
    if (!g.ties.has(key)) {
      g.ties.add(key);
      a.ties[lo]++;
      a.ties[hi]++;
    }
  }
}

/** Attempts to draw a present member other than the excluded one before giving up. */
const PICK_ATTEMPTS = 4;

/**
 * A present member who is online at `time`, drawn ∝ online(h) · e · attention
 * · rate/(rate + half) (chatty members reply more), and for answers also
 * ∝ relevance (those who know answer). -1 if nobody.
 */
export function pickMember(g: GroupState, u: Uniform, time: number, exclude: number, forAnswer: boolean): number {
  const picker = forAnswer ? g.answerPicker : g.replyPicker;
  const day = Math.floor(time / MINUTES_PER_DAY);
  const hour = Math.floor(time / 60) % 24;
  const weekend = weekendOf(g, day);
  const presence = g.members.a.presence;
  for (let t = 0; t < PICK_ATTEMPTS; t++) {
    const i = picker.pick(u, g.rhythms.online, weekend, hour);
    if (i < 0) return -1;
    if (i !== exclude && presence[i] === PRESENT) return i;
  }
  return -1;
}

/** Which team member posts or answers. */
export function teamAuthor(g: GroupState, u: Uniform = g.rng.topics): number {
  return Math.floor(u() * g.teamSize);
}

// ── presence ────────────────────────────────────────────────────────────────
/**
 * Every change of presence goes through here, so the group size and the
 * per-cohort counts that retention needs are kept without scanning members.
 */
export function setPresence(g: GroupState, i: number, presence: Presence): void {
  const a = g.members.a;
  const was = a.presence[i];
  if (was === presence) return;
  a.presence[i] = presence;
  const delta = presence === PRESENT ? 1 : was === PRESENT ? -1 : 0;
  g.groupSize += delta;
  if (!a.isTeam[i]) g.cohortPresent[a.cohortDay[i]] += delta;
  if (presence === LEFT) g.recentlyLeft.push(i);
}

/** Members the operator admits at most: the group's capacity within the platform's cap. */
export function capacityOf(g: GroupState): number {
  return Math.min(g.scenario.group.capacity, g.params.groupMemberLimit);
}

// ── the team's time (MODEL §6) ──────────────────────────────────────────────
/** What each team task costs, and which automation makes part of it free. */
const TEAM_TASKS = {
  announcement: { minutes: 'minutesAnnouncement', automatedBy: null },
  inviteBatch: { minutes: 'minutesInviteBatch', automatedBy: 'enterprise' },
  screening: { minutes: 'minutesScreening', automatedBy: 'enterprise' },
  contentPost: { minutes: 'minutesContentPost', automatedBy: null },
  topic: { minutes: 'minutesTopic', automatedBy: null },
  event: { minutes: 'minutesEvent', automatedBy: null },
  poll: { minutes: 'minutesPoll', automatedBy: null },
  promo: { minutes: 'minutesPromo', automatedBy: null },
  redPacket: { minutes: 'minutesRedPacket', automatedBy: null },
  chain: { minutes: 'minutesChain', automatedBy: null },
  competitionWeek: { minutes: 'minutesCompetitionWeek', automatedBy: null },
  answer: { minutes: 'minutesAnswer', automatedBy: null },
  enforcement: { minutes: 'minutesEnforcement', automatedBy: 'keywordMonitoring' },
  dm: { minutes: 'minutesDm', automatedBy: null },
  winBack: { minutes: 'minutesWinBack', automatedBy: null },
} as const satisfies Record<string, { minutes: ParameterKey; automatedBy: 'enterprise' | 'keywordMonitoring' | null }>;
export type TeamTask = keyof typeof TEAM_TASKS;

/** Enterprise WeChat with keyword monitoring switched on. */
export function keywordMonitored(g: GroupState): boolean {
  return g.scenario.automation.keywordMonitoring && g.scenario.group.platform === 'enterprise';
}

/** The team spends the minutes of one task; enterprise tools save a share of some (MODEL §6). */
export function work(g: GroupState, task: TeamTask): void {
  const { minutes, automatedBy } = TEAM_TASKS[task];
  const p: Parameters = g.params;
  const automated = automatedBy === 'enterprise' ? g.scenario.group.platform === 'enterprise'
    : automatedBy === 'keywordMonitoring' ? keywordMonitored(g) : false;
  g.teamMinutes += p[minutes] * (automated ? 1 - p.enterpriseAutomationSaving : 1);
}
