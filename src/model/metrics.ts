/**
 * The metrics of MODEL §7, each declared once with its recorder beside it (like
 * Mesa's DataCollector `model_reporters`): adding a metric touches this file
 * only. Daily series are recorded one of three ways:
 *
 *   counted   the engine adds to it as events happen (messages, joins, …);
 *   daily     read each night from the day's tally (engine/record.ts);
 *   afterRun  filled once the run ends, from the run's logs (topic replies
 *             may arrive after midnight, answers after the day asked).
 *
 * Summary metrics at the horizon are read from the finished run. Member-facing
 * metrics exclude the team.
 */
import { bilingual, type Bilingual } from './text.ts';
import { finiteOrNull, inequality, meanOfLast, meanOfLastRatio, quantileSorted, sumOfLast } from './stats.ts';

export type MetricUnit = 'share' | 'count' | 'minutes' | 'hours' | 'perDay' | 'perWeek';

export interface MetricInfo extends Bilingual {
  readonly unit: MetricUnit;
}

/**
 * Message kinds (MODEL §3.5, §3.8). `team` is operator content; `promo` an
 * operator ad; `redPacket` a red packet or giveaway; `burst` a member's "1",
 * thanks or grab notice after one.
 */
export const MESSAGE_KINDS = [
  'chat', 'question', 'answer', 'reply', 'topicReply', 'share', 'chain', 'filler', 'ad', 'violation', 'team', 'promo',
  'redPacket', 'burst',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** The membership pyramid of one run (MODEL §7, for trainers). */
export const MEMBERSHIP_STATES = ['core', 'active', 'ordinarySpeaking', 'lurker', 'dnd', 'left', 'removed'] as const;
export type MembershipState = (typeof MEMBERSHIP_STATES)[number];

/** A topic counts as answered when a member replies within 2 h (MODEL §7). */
export const TOPIC_RESPONSE_MINUTES = 120;
/** Customer service answers within 15 minutes (PLAYBOOK §1). */
export const QUICK_ANSWER_MINUTES = 15;
/** A group is silent within a week if day 7 has at most one member message (MODEL §7). */
export const SILENT_DAY = 7;
/** A member "has spoken" (speaking rate, lurkers) when they spoke within this many days (PLAYBOOK §1's 30-day speaking rate; MODEL §7). */
export const SPOKE_WITHIN_DAYS = 30;
/** Lurker and never-posted shares count members present at least this long: a newcomer is not yet a lurker (MODEL §7). */
export const SETTLED_DAYS = 7;
/** 30-day retention, and the return of a first message's author within as long (MODEL §7; Joyce & Kraut 2006). */
export const RETENTION_DAYS = 30;

/** Daily series by name, as the recorders read them (the full key set is `SeriesKey`). */
export type SeriesValues = { readonly [key: string]: Float64Array };

/** What one night's roll of present members found (engine/record.ts counts it). */
export interface DayTally {
  readonly day: number;
  /** Present members, team included. */
  readonly members: number;
  /** Present members outside the team: the denominator of member-facing shares. */
  readonly present: number;
  readonly spoke30: number;
  readonly spokeThisWeek: number;
  readonly spokeToday: number;
  /** Spoke on ≥ minDays of the last windowDays days (the goal's definition, MODEL §7). */
  readonly coreActive: number;
  /** Tenure ≥ 7 days and silent for 30. */
  readonly lurkers: number;
  /** Tenure ≥ 7 days and never posted. */
  readonly neverPosted: number;
  readonly dnd: number;
  readonly engagementSum: number;
  /** Members outside the team who have left, and all who were removed. */
  readonly left: number;
  readonly removed: number;
  /** Present members by pyramid level: core, active, ordinarySpeaking, lurker, dnd. */
  readonly levels: readonly [number, number, number, number, number];
  /** Day-0 members and how many remain; the cohort that joined 30 days ago and how many remain. */
  readonly day0Cohort: { readonly size: number; readonly present: number };
  readonly cohort30DaysAgo: { readonly size: number; readonly present: number } | null;
  readonly teamMinutesToday: number;
  /** The counted series so far (today's counts are complete). */
  readonly series: SeriesValues;
}

/** What a finished run leaves for the recorders (engine/record.ts assembles it). */
export interface RunLog {
  readonly horizonDays: number;
  readonly series: SeriesValues;
  readonly teamSize: number;
  /** Operator topics: day posted, in the posting window or not, minutes to the first member reply (∞ if none). */
  readonly topics: { readonly day: readonly number[]; readonly inWindow: readonly boolean[]; readonly firstReply: readonly number[] };
  /** Questions that got a first answer: day asked and minutes to the answer. */
  readonly answers: { readonly day: readonly number[]; readonly minutes: readonly number[] };
  /** Every answer time, sorted ascending. */
  readonly answerMinutesSorted: Float64Array;
  /** Messages of each member who ever joined (team excluded). */
  readonly memberMessages: Float64Array;
  /** Messages of each member who posted at least once: what a chat log shows. */
  readonly posterMessages: Float64Array;
  /** Fano factor (variance/mean of daily counts over their days present) of each member with ≥ 20 messages. */
  readonly fanoOfPosters: Float64Array;
  /**
   * Members whose first message is at least 30 days old at the horizon, by
   * whether it got a reply within 24 h, and how many of each posted again
   * within 30 days of it (Joyce & Kraut 2006).
   */
  readonly firstMessages: { readonly replied: number; readonly repliedReturned: number; readonly ignored: number; readonly ignoredReturned: number };
  readonly threadStarters: number;
  readonly unrepliedStarters: number;
  readonly invited: number;
  readonly joined: number;
  readonly teamMinutes: number;
}

type DailyRecorder = (t: DayTally, out: Float64Array) => void;
type AfterRunRecorder = (log: RunLog, out: Float64Array) => void;

export type SeriesSpec = MetricInfo & (
  | { readonly recorded: 'counted' }
  | { readonly recorded: 'daily'; readonly record: DailyRecorder }
  | { readonly recorded: 'afterRun'; readonly record: AfterRunRecorder }
);

const info = (unit: MetricUnit, en: string, zh: string): MetricInfo => ({ unit, ...bilingual(en, zh) });
const counted = (unit: MetricUnit, en: string, zh: string): SeriesSpec => ({ ...info(unit, en, zh), recorded: 'counted' });
const daily = (unit: MetricUnit, en: string, zh: string, value: (t: DayTally) => number): SeriesSpec =>
  ({ ...info(unit, en, zh), recorded: 'daily', record: (t, out) => { out[t.day] = value(t); } });
const afterRun = (unit: MetricUnit, en: string, zh: string, record: AfterRunRecorder): SeriesSpec => ({ ...info(unit, en, zh), recorded: 'afterRun', record });

/** A member-facing share; no data (NaN) when nobody is present (MODEL §7). */
const ofPresent = (t: DayTally, n: number) => (t.present ? n / t.present : NaN);

/** Topics posted each day (in or out of the window), and those answered within 2 h. */
function topicsByDay(inWindow: boolean, answeredOnly: boolean): AfterRunRecorder {
  return (log, out) => {
    const { day, firstReply } = log.topics;
    for (let k = 0; k < day.length; k++) {
      if (log.topics.inWindow[k] !== inWindow || day[k] >= log.horizonDays) continue;
      if (!answeredOnly || firstReply[k] <= TOPIC_RESPONSE_MINUTES) out[day[k]]++;
    }
  };
}

/** Share of topics answered within 2 h among all posted up to each day (NaN before the first). */
function responseToDate(posted: string, answered: string): AfterRunRecorder {
  return (log, out) => {
    let topics = 0;
    let hits = 0;
    for (let d = 0; d < out.length; d++) {
      topics += log.series[posted][d];
      hits += log.series[answered][d];
      out[d] = topics ? hits / topics : NaN;
    }
  };
}

const kindSeries = Object.fromEntries(MESSAGE_KINDS.map((k) => [`kind_${k}`, counted('count', `Messages: ${k}`, `消息: ${k}`)])) as Record<`kind_${MessageKind}`, SeriesSpec>;

const LEVELS = ['core', 'active', 'ordinarySpeaking', 'lurker', 'dnd'] as const;
const stateSeries = {
  ...Object.fromEntries(LEVELS.map((s, k) => [`state_${s}`, daily('count', `Members: ${s}`, `成员: ${s}`, (t) => t.levels[k])])),
  state_left: daily('count', 'Members: left', '成员：left', (t) => t.left),
  state_removed: daily('count', 'Members: removed', '成员：removed', (t) => t.removed),
} as Record<`state_${MembershipState}`, SeriesSpec>;

export const SERIES = {
  members: daily('count', 'Members (team included)', '群成员数（含运营）', (t) => t.members),
  joins: counted('count', 'Joins', '入群'),
  leaves: counted('count', 'Leaves', '退群'),
  removals: counted('count', 'Removals', '移出'),
  messages: counted('perDay', 'Messages', '消息数'),
  effectiveMessages: counted('perDay', 'Effective messages', '有效消息数'),
  memberMessages: counted('perDay', 'Members\u2019 own messages (team and ads excluded)', '成员发言数（不含运营和广告）'),
  speakers: daily('count', 'Speakers', '发言人数', (t) => t.spokeToday),
  speakingRate30d: daily('share', 'Speaking rate (30 d)', '成员发言率（30 日）', (t) => ofPresent(t, t.spoke30)),
  weeklyParticipation: daily('share', 'Weekly participation', '周参与率', (t) => ofPresent(t, t.spokeThisWeek)),
  coreActiveUsers: daily('count', 'Core active users', '核心活跃用户', (t) => t.coreActive),
  lurkerShare: daily('share', 'Lurker share', '潜水成员占比', (t) => ofPresent(t, t.lurkers)),
  neverPostedShare: daily('share', 'Never posted (tenure ≥ 7 days)', '从未发言（入群 ≥ 7 天）', (t) => ofPresent(t, t.neverPosted)),
  dndShare: daily('share', 'Do-not-disturb share', '免打扰占比', (t) => ofPresent(t, t.dnd)),
  effectiveRatio: daily('share', 'Effective-content ratio', '发言有效率',
    (t) => (t.series.messages[t.day] ? t.series.effectiveMessages[t.day] / t.series.messages[t.day] : NaN)),
  retentionDay0: daily('share', 'First-day cohort still in the group', '首批成员留存',
    (t) => (t.day0Cohort.size ? t.day0Cohort.present / t.day0Cohort.size : NaN)),
  cohortRetention30d: {
    ...info('share', '30-day retention of the cohort joining that day', '当日入群成员 30 日留存'),
    recorded: 'daily',
    // written 30 days late, on the day the cohort joined; NaN until then
    record: (t, out) => {
      out[t.day] = NaN;
      const cohort = t.cohort30DaysAgo;
      if (cohort && cohort.size > 0) out[t.day - 30] = cohort.present / cohort.size;
    },
  },
  topicsInWindow: afterRun('count', 'Topics posted in window', '时段内话题数', topicsByDay(true, false)),
  topicsInWindowAnswered: afterRun('count', 'In-window topics answered within 2 h', '时段内 2 小时内有回应的话题', topicsByDay(true, true)),
  topicsOutOfWindow: afterRun('count', 'Topics posted out of window', '时段外话题数', topicsByDay(false, false)),
  topicsOutOfWindowAnswered: afterRun('count', 'Out-of-window topics answered within 2 h', '时段外 2 小时内有回应的话题', topicsByDay(false, true)),
  topicResponseInWindowToDate: afterRun('share', 'Topic response in window, to date', '时段内话题响应率（累计）', responseToDate('topicsInWindow', 'topicsInWindowAnswered')),
  topicResponseOutOfWindowToDate: afterRun('share', 'Topic response out of window, to date', '时段外话题响应率（累计）', responseToDate('topicsOutOfWindow', 'topicsOutOfWindowAnswered')),
  questions: counted('count', 'Member questions', '成员提问'),
  firstAnswerMinutesMedian: afterRun('minutes', 'First-answer time (median of the day)', '首次响应时效（当日中位数）', (log, out) => {
    out.fill(NaN);
    const byDay: number[][] = Array.from({ length: log.horizonDays }, () => []);
    for (let k = 0; k < log.answers.day.length; k++) byDay[log.answers.day[k]].push(log.answers.minutes[k]);
    byDay.forEach((list, d) => {
      if (list.length) out[d] = quantileSorted(Float64Array.from(list).sort(), 0.5);
    });
  }),
  teamHoursPerWeek: afterRun('hours', 'Team hours per week (last 7 days)', '每周运营工时（近 7 天）', (log, out) => {
    const minutes = log.series.teamMinutes;
    let week = 0;
    for (let d = 0; d < out.length; d++) {
      week += minutes[d] - (d >= 7 ? minutes[d - 7] : 0);
      out[d] = (week / 60) * (d < 6 ? 7 / (d + 1) : 1); // the first days scaled up to a week
    }
  }),
  valuablePosts: counted('count', 'Valuable posts (干货)', '干货'),
  redPackets: counted('count', 'Red packets and giveaways', '红包与福利'),
  dmPersuaded: counted('count', 'DMs that brought a member back to the group', '私聊后回群发言的成员'),
  dmUnwelcome: counted('count', 'Unwelcome DMs', '引起反感的私聊'),
  violations: daily('count', 'Violations', '违规', (t) => t.series.kind_violation[t.day]),
  ads: daily('count', 'Ads', '广告', (t) => t.series.kind_ad[t.day] + t.series.kind_promo[t.day]),
  teamMinutes: daily('minutes', 'Team minutes', '运营分钟', (t) => t.teamMinutesToday),
  meanEngagement: daily('share', 'Mean engagement', '平均投入度', (t) => ofPresent(t, t.engagementSum)),
  ...kindSeries,
  ...stateSeries,
} as const satisfies Record<string, SeriesSpec>;

export type SeriesKey = keyof typeof SERIES;
export const SERIES_KEYS = Object.keys(SERIES) as SeriesKey[];
export type Series = Record<SeriesKey, Float64Array>;

/** Zeroed series (built in one go, so V8 keeps the object in fast mode for the engine's hot loops). */
export function emptySeries(horizonDays: number): Series {
  return Object.fromEntries(SERIES_KEYS.map((key) => [key, new Float64Array(horizonDays)])) as Series;
}

// ── summary at the horizon ─────────────────────────────────────────────────
export interface SummarySpec extends MetricInfo {
  readonly record: (log: RunLog) => number | null;
}

const summary = (unit: MetricUnit, en: string, zh: string, record: SummarySpec['record']): SummarySpec => ({ ...info(unit, en, zh), record });
const lastDay = (key: SeriesKey) => (log: RunLog) => finiteOrNull(log.series[key][log.horizonDays - 1]);
/** Members outside the team on the last day. */
const presentAtEnd = (log: RunLog) => log.series.members[log.horizonDays - 1] - log.teamSize;
const total = (key: SeriesKey) => (log: RunLog) => sumOfLast(log.series[key], log.horizonDays);
const lastWeekMean = (key: SeriesKey) => (log: RunLog) => meanOfLast(log.series[key], 7);
const ratio = (hits: number, of: number) => (of ? hits / of : null);
const topicResponse = (posted: SeriesKey, answered: SeriesKey) => (log: RunLog) => ratio(total(answered)(log), total(posted)(log));
const answerQuantile = (q: number) => (log: RunLog) => finiteOrNull(quantileSorted(log.answerMinutesSorted, q));

export const SUMMARY = {
  speakingRate30d: summary('share', 'Speaking rate (30 d)', '成员发言率（30 日）', lastDay('speakingRate30d')),
  weeklyParticipation: summary('share', 'Weekly participation', '周参与率', lastDay('weeklyParticipation')),
  dailyMessages: summary('perDay', 'Daily messages', '日均发言量', lastWeekMean('messages')),
  dailySpeakersRatio: summary('share', 'Daily speakers ratio', '日发言人数占比',
    (log) => finiteOrNull(meanOfLastRatio(log.series.speakers, log.series.members, 7, log.teamSize))),
  effectiveRatio: summary('share', 'Effective-content ratio', '发言有效率',
    (log) => ratio(sumOfLast(log.series.effectiveMessages, 7), sumOfLast(log.series.messages, 7))),
  retention30d: summary('share', 'Retention of the first-day cohort (30 d)', '首批成员 30 日留存率',
    (log) => finiteOrNull(log.series.retentionDay0[Math.min(30, log.horizonDays - 1)])),
  coreActiveUsers: summary('count', 'Core active users', '核心活跃用户', lastDay('coreActiveUsers')),
  lurkerShare: summary('share', 'Lurker share', '潜水成员占比', lastDay('lurkerShare')),
  topicResponseInWindow: summary('share', 'Topic response (in window)', '话题响应率（时段内）', topicResponse('topicsInWindow', 'topicsInWindowAnswered')),
  topicResponseOutOfWindow: summary('share', 'Topic response (out of window)', '话题响应率（时段外）', topicResponse('topicsOutOfWindow', 'topicsOutOfWindowAnswered')),
  firstAnswerMinutesMedian: summary('minutes', 'First-answer time (median)', '首次响应时效（中位数）', answerQuantile(0.5)),
  firstAnswerMinutesP90: summary('minutes', 'First-answer time (p90)', '首次响应时效（p90）', answerQuantile(0.9)),
  answeredWithin15Share: summary('share', 'Questions answered within 15 min', '15 分钟内响应占比', (log) => {
    let quick = 0;
    for (const v of log.answerMinutesSorted) if (v < QUICK_ANSWER_MINUTES) quick++;
    return ratio(quick, log.answerMinutesSorted.length);
  }),
  // posts into an emptied group reach nobody: no data
  valuablePostsPerWeek: summary('perWeek', 'Valuable posts (干货) per week', '每周干货输出',
    (log) => (presentAtEnd(log) > 0 ? sumOfLast(log.series.valuablePosts, 7) * (log.horizonDays < 7 ? 7 / log.horizonDays : 1) : null)),
  members: summary('count', 'Members (team included)', '群成员数（含运营）', lastDay('members')),
  joinsTotal: summary('count', 'Joins (total)', '入群人数（累计）', total('joins')),
  leavesTotal: summary('count', 'Leaves (total)', '退群人数（累计）', total('leaves')),
  removalsTotal: summary('count', 'Removals (total)', '移出人数（累计）', total('removals')),
  dndShare: summary('share', 'Do-not-disturb share', '免打扰占比', lastDay('dndShare')),
  violations: summary('perDay', 'Violations per day', '日违规数', lastWeekMean('violations')),
  ads: summary('perDay', 'Ads per day', '日广告数', lastWeekMean('ads')),
  joinConversion: summary('share', 'Join conversion', '入群转化率', (log) => ratio(log.joined, log.invited)),
  teamHoursPerWeek: summary('hours', 'Team hours per week', '每周运营工时', (log) => log.teamMinutes / 60 / (log.horizonDays / 7)),
  top10MessageShare: summary('share', 'Messages by the top 10 % of members', '前 10% 成员发言占比', (log) => finiteOrNull(inequality(log.memberMessages).topShare)),
  gini: summary('share', 'Participation inequality (Gini)', '发言不均衡度（基尼）', (log) => finiteOrNull(inequality(log.memberMessages).gini)),
  unrepliedStarterShare: summary('share', 'Thread starters with no reply', '无人回应的发言占比', (log) => ratio(log.unrepliedStarters, log.threadStarters)),
  top10ShareOfPosters: summary('share', 'Messages by the top 10 % of posters', '前 10% 发言者的发言占比', (log) => finiteOrNull(inequality(log.posterMessages).topShare)),
  giniOfPosters: summary('share', 'Inequality among posters (Gini)', '发言者间的不均衡度（基尼）', (log) => finiteOrNull(inequality(log.posterMessages).gini)),
  neverPostedShare: summary('share', 'Never posted (tenure ≥ 7 days)', '从未发言（入群 ≥ 7 天）', lastDay('neverPostedShare')),
  returnAfterReply: summary('share', 'Posted again after a reply to their first message', '首次发言获回复后再次发言',
    (log) => ratio(log.firstMessages.repliedReturned, log.firstMessages.replied)),
  returnAfterNoReply: summary('share', 'Posted again after no reply to their first message', '首次发言无人回复后再次发言',
    (log) => ratio(log.firstMessages.ignoredReturned, log.firstMessages.ignored)),
  // 1 when day 7 has at most one member message: its ensemble mean is the share of groups silent within a week (Qiu et al. 2016)
  silentWithinWeek: summary('share', 'Silent within a week (day 7)', '一周内沉寂（第 7 天）',
    (log) => (log.horizonDays > SILENT_DAY ? (log.series.memberMessages[SILENT_DAY] <= 1 ? 1 : 0) : null)),
  // members post in spells and sessions: real logs have median Fano 2–83 (MODEL v3 §3.2); a Poisson member has 1
  fanoMedian: summary('count', 'Burstiness (median Fano, members with ≥ 20 messages)', '发言爆发性（Fano 中位数，发言 ≥ 20 条的成员）',
    (log) => (log.fanoOfPosters.length ? quantileSorted(Float64Array.from(log.fanoOfPosters).sort(), 0.5) : null)),
  redPacketsPerWeek: summary('perWeek', 'Red packets and giveaways per week', '每周红包与福利', (log) => total('redPackets')(log) / (log.horizonDays / 7)),
} as const satisfies Record<string, SummarySpec>;

export type SummaryKey = keyof typeof SUMMARY;
export const SUMMARY_KEYS = Object.keys(SUMMARY) as SummaryKey[];
export type Summary = Record<SummaryKey, number | null>;

export interface RunResult {
  readonly runIndex: number;
  readonly horizonDays: number;
  readonly series: Series;
  readonly summary: Summary;
  /** Share of member messages in each hour of the day (24 values; NaN without messages), MODEL §7. */
  readonly hourlyProfile: Float64Array;
}
