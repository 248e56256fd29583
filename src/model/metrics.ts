/**
 * The metrics of MODEL.md §7, declared by name in one place (like Mesa's
 * DataCollector reporters): the daily series a run records and the summary at
 * the horizon. Member-facing metrics exclude the team.
 */

export interface MetricInfo {
  readonly unit: 'share' | 'count' | 'minutes' | 'hours' | 'perDay' | 'perWeek';
  readonly en: string;
  readonly zh: string;
}

const m = (unit: MetricInfo['unit'], en: string, zh: string): MetricInfo => ({ unit, en, zh });

export const SUMMARY = {
  speakingRate30d: m('share', 'Speaking rate (30 d)', '成员发言率 (30 日)'),
  weeklyParticipation: m('share', 'Weekly participation', '周参与率'),
  dailyMessages: m('perDay', 'Daily messages', '日均发言量'),
  dailySpeakersRatio: m('share', 'Daily speakers ratio', '日发言人数占比'),
  effectiveRatio: m('share', 'Effective-content ratio', '发言有效率'),
  retention30d: m('share', 'Retention of the day-0 cohort (30 d)', '首批成员 30 日留存率'),
  coreActiveUsers: m('count', 'Core active users', '核心活跃用户'),
  lurkerShare: m('share', 'Lurker share', '潜水成员占比'),
  topicResponseInWindow: m('share', 'Topic response (in window)', '话题响应率 (时段内)'),
  topicResponseOutOfWindow: m('share', 'Topic response (out of window)', '话题响应率 (时段外)'),
  firstAnswerMinutesMedian: m('minutes', 'First-answer time (median)', '首次响应时效 (中位数)'),
  firstAnswerMinutesP90: m('minutes', 'First-answer time (p90)', '首次响应时效 (p90)'),
  answeredWithin15Share: m('share', 'Questions answered within 15 min', '15 分钟内响应占比'),
  valuablePostsPerWeek: m('perWeek', 'Valuable posts (干货) per week', '每周干货输出'),
  members: m('count', 'Members (team included)', '群成员数 (含运营)'),
  joinsTotal: m('count', 'Joins (total)', '入群人数 (累计)'),
  leavesTotal: m('count', 'Leaves (total)', '退群人数 (累计)'),
  removalsTotal: m('count', 'Removals (total)', '移出人数 (累计)'),
  dndShare: m('share', 'Do-not-disturb share', '免打扰占比'),
  violations: m('perDay', 'Violations per day', '日违规数'),
  ads: m('perDay', 'Ads per day', '日广告数'),
  joinConversion: m('share', 'Join conversion', '入群转化率'),
  teamHoursPerWeek: m('hours', 'Team hours per week', '每周运营工时'),
  top10MessageShare: m('share', 'Messages by the top 10 % of members', '前 10% 成员发言占比'),
  gini: m('share', 'Participation inequality (Gini)', '发言不均衡度 (基尼)'),
  unrepliedStarterShare: m('share', 'Thread starters with no reply', '无人回应的发言占比'),
} as const satisfies Record<string, MetricInfo>;

export type SummaryKey = keyof typeof SUMMARY;
export const SUMMARY_KEYS = Object.keys(SUMMARY) as SummaryKey[];

/** Message kinds (MODEL.md §3.5). `team` is operator content; `promo` an operator ad. */
export const MESSAGE_KINDS = [
  'chat', 'question', 'answer', 'reply', 'topicReply', 'share', 'chain', 'filler', 'ad', 'violation', 'team', 'promo',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const MEMBERSHIP_STATES = ['core', 'active', 'ordinarySpeaking', 'lurker', 'dnd', 'left', 'removed'] as const;
export type MembershipState = (typeof MEMBERSHIP_STATES)[number];

export const SERIES = {
  members: m('count', 'Members (team included)', '群成员数 (含运营)'),
  joins: m('count', 'Joins', '入群'),
  leaves: m('count', 'Leaves', '退群'),
  removals: m('count', 'Removals', '移出'),
  messages: m('perDay', 'Messages', '消息数'),
  effectiveMessages: m('perDay', 'Effective messages', '有效消息数'),
  speakers: m('count', 'Speakers', '发言人数'),
  speakingRate30d: SUMMARY.speakingRate30d,
  weeklyParticipation: SUMMARY.weeklyParticipation,
  coreActiveUsers: SUMMARY.coreActiveUsers,
  lurkerShare: SUMMARY.lurkerShare,
  dndShare: SUMMARY.dndShare,
  effectiveRatio: SUMMARY.effectiveRatio,
  retentionDay0: m('share', 'Day-0 cohort survival', '首批成员留存'),
  cohortRetention30d: m('share', '30-day retention of the cohort joining that day', '当日入群成员 30 日留存'),
  topicsInWindow: m('count', 'Topics posted in window', '时段内话题数'),
  topicsInWindowAnswered: m('count', 'In-window topics answered within 2 h', '时段内 2 小时内有回应的话题'),
  topicsOutOfWindow: m('count', 'Topics posted out of window', '时段外话题数'),
  topicsOutOfWindowAnswered: m('count', 'Out-of-window topics answered within 2 h', '时段外 2 小时内有回应的话题'),
  topicResponseInWindowToDate: m('share', 'Topic response in window, to date', '时段内话题响应率 (累计)'),
  topicResponseOutOfWindowToDate: m('share', 'Topic response out of window, to date', '时段外话题响应率 (累计)'),
  questions: m('count', 'Member questions', '成员提问'),
  firstAnswerMinutesMedian: m('minutes', 'First-answer time (median of the day)', '首次响应时效 (当日中位数)'),
  teamHoursPerWeek: m('hours', 'Team hours per week (last 7 days)', '每周运营工时 (近 7 天)'),
  valuablePosts: m('count', 'Valuable posts (干货)', '干货'),
  violations: m('count', 'Violations', '违规'),
  ads: m('count', 'Ads', '广告'),
  teamMinutes: m('minutes', 'Team minutes', '运营分钟'),
  meanEngagement: m('share', 'Mean engagement', '平均投入度'),
  ...Object.fromEntries(MESSAGE_KINDS.map((k) => [`kind_${k}`, m('count', `Messages: ${k}`, `消息: ${k}`)])) as Record<`kind_${MessageKind}`, MetricInfo>,
  ...Object.fromEntries(MEMBERSHIP_STATES.map((s) => [`state_${s}`, m('count', `Members: ${s}`, `成员: ${s}`)])) as Record<`state_${MembershipState}`, MetricInfo>,
} as const satisfies Record<string, MetricInfo>;

export type SeriesKey = keyof typeof SERIES;
export const SERIES_KEYS = Object.keys(SERIES) as SeriesKey[];

export type Series = Record<SeriesKey, Float64Array>;
export type Summary = Record<SummaryKey, number | null>;

export interface RunResult {
  readonly runIndex: number;
  readonly horizonDays: number;
  readonly series: Series;
  readonly summary: Summary;
}

export function emptySeries(horizonDays: number): Series {
  const series = {} as Series;
  for (const key of SERIES_KEYS) series[key] = new Float64Array(horizonDays);
  return series;
}

// ── small statistics helpers used by the summary and the ensemble ──────────

/** Linear-interpolated quantile (type 7) of sorted values. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export function meanOfLast(series: Float64Array, days: number): number {
  const from = Math.max(0, series.length - days);
  let sum = 0;
  for (let d = from; d < series.length; d++) sum += series[d];
  return sum / (series.length - from);
}

export function sumOfLast(series: Float64Array, days: number): number {
  const from = Math.max(0, series.length - days);
  let sum = 0;
  for (let d = from; d < series.length; d++) sum += series[d];
  return sum;
}

/** Share of the total held by the top `share` of values, and the Gini coefficient. */
export function inequality(values: Float64Array): { topShare: number; gini: number } {
  const n = values.length;
  if (n === 0) return { topShare: NaN, gini: NaN };
  const sorted = Float64Array.from(values).sort();
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    total += sorted[i];
    weighted += (i + 1) * sorted[i];
  }
  if (total === 0) return { topShare: NaN, gini: NaN };
  const top = Math.max(1, Math.ceil(n * 0.1));
  let topSum = 0;
  for (let i = n - top; i < n; i++) topSum += sorted[i];
  return { topShare: topSum / total, gini: (2 * weighted) / (n * total) - (n + 1) / n };
}
