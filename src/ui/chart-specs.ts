/** Which charts the results panel shows, their thresholds, and the colours and names of stacked layers. */
import { describeThreshold, type Threshold } from '../model/playbook.ts';
import type { MembershipState, MessageKind, SeriesKey, SummaryKey } from '../model/metrics.ts';
import type { Bilingual } from '../model/text.ts';
import type { ChartThreshold } from '../charts/marks.ts';
import { bracketed, pick, typeset, type Locale } from '../i18n/locale.ts';
import { t } from '../i18n/messages.ts';

export interface ChartSpec {
  readonly series: SeriesKey | readonly SeriesKey[];
  /** The summary metric whose playbook threshold the chart draws. */
  readonly metric?: SummaryKey;
  /** The article's threshold is missing: say so under the chart. */
  readonly gap?: boolean;
}

export const CHARTS: readonly ChartSpec[] = [
  { series: 'speakingRate30d', metric: 'speakingRate30d' },
  { series: 'weeklyParticipation', metric: 'weeklyParticipation' },
  { series: 'retentionDay0', gap: true },
  { series: 'effectiveRatio', metric: 'effectiveRatio' },
  { series: 'messages', metric: 'dailyMessages' },
  { series: 'lurkerShare', metric: 'lurkerShare' },
  { series: 'coreActiveUsers', metric: 'coreActiveUsers' },
  { series: ['topicResponseInWindowToDate', 'topicResponseOutOfWindowToDate'], metric: 'topicResponseInWindow' },
  { series: 'firstAnswerMinutesMedian', metric: 'firstAnswerMinutesMedian' },
  { series: 'teamHoursPerWeek' },
];

/** The goal on a metric (from the results' goals), labelled for a chart. */
export function chartThreshold(goals: readonly Threshold[], metric: SummaryKey, locale: Locale): ChartThreshold | null {
  const goal = goals.find((g) => g.metric === metric);
  if (!goal) return null;
  const reading = goal.metric === 'dailyMessages' && goal.direction === 'between' ? ` · ${t(locale, 'readsAs')}` : '';
  return { direction: goal.direction, value: goal.value, upper: goal.upper, label: `${describeThreshold(goal, locale)}${bracketed(locale, goal.source)}${reading}`, description: goal.definition ? typeset(locale, `${pick(locale, goal)} (${pick(locale, goal.definition)})`) : pick(locale, goal) };
}

type Text = Bilingual;

export const KIND_LABELS: Record<MessageKind, Text> = {
  chat: { en: 'chat', zh: '闲聊' },
  question: { en: 'questions', zh: '提问' },
  answer: { en: 'answers', zh: '回答' },
  reply: { en: 'replies', zh: '回复' },
  topicReply: { en: 'topic replies', zh: '话题回复' },
  share: { en: 'shares (干货)', zh: '干货分享' },
  chain: { en: 'chain entries', zh: '接龙' },
  filler: { en: 'filler', zh: '灌水' },
  ad: { en: 'ads', zh: '广告' },
  violation: { en: 'violations', zh: '违规' },
  team: { en: 'team posts', zh: '运营发布' },
  promo: { en: 'promotions', zh: '推广' },
  redPacket: { en: 'red packets, giveaways', zh: '红包、福利' },
  burst: { en: 'grabs and thanks', zh: '抢红包、谢谢' },
};

export const KIND_COLORS: Record<MessageKind, string> = {
  chat: '#8fb8de', question: '#4c8bd6', answer: '#2f6fb3', reply: '#b4d3ee', topicReply: '#6fcf97', share: '#1a7f5a',
  chain: '#f2c14e', filler: '#e8a87c', ad: '#d1495b', violation: '#8b1e3f', team: '#0f3d2e', promo: '#f26d5b',
  redPacket: '#c62828', burst: '#ffab91',
};

export const STATE_LABELS: Record<MembershipState, Text> = {
  core: { en: 'core active', zh: '核心活跃' },
  active: { en: 'active this week', zh: '本周发言' },
  ordinarySpeaking: { en: 'spoke this month', zh: '本月发言' },
  lurker: { en: 'silent (30 days, or since joining)', zh: '沉默 (30 天或入群后未发言)' },
  dnd: { en: 'do-not-disturb', zh: '免打扰' },
  left: { en: 'left', zh: '已退群' },
  removed: { en: 'removed', zh: '被移出' },
};

export const STATE_COLORS: Record<MembershipState, string> = {
  core: '#0f3d2e', active: '#1a7f5a', ordinarySpeaking: '#6fcf97', lurker: '#c5ced8', dnd: '#8e9aa6', left: '#f2c14e', removed: '#d1495b',
};
