/**
 * The playbook's thresholds as data (docs/playbook.md §1–§6): value, direction, unit,
 * the positioning each applies to and its source section. The engine never reads
 * these; they judge its results (pass / warn / fail).
 */
import type { SummaryKey } from './metrics.ts';
import type { Bilingual } from './text.ts';

export const POSITIONINGS = ['knowledge_sharing', 'resource_matching', 'customer_service'] as const;
export type Positioning = (typeof POSITIONINGS)[number];

export type Direction = 'atLeast' | 'above' | 'atMost' | 'below' | 'between';

export interface Threshold {
  readonly metric: SummaryKey;
  readonly direction: Direction;
  readonly value: number;
  /** Upper bound for `between`. */
  readonly upper?: number;
  readonly unit: string;
  /** `all` or the positionings it applies to. */
  readonly positionings: readonly Positioning[] | 'all';
  readonly source: string;
  readonly en: string;
  readonly zh: string;
  /** How the lab defines the metric where the playbook does not (core active users), shown with the goal. */
  readonly definition?: Bilingual;
}

/** Who counts as a core active user, and how many the goal asks for (MODEL §7). */
export interface CoreActiveGoal {
  readonly windowDays: number;
  readonly minDays: number;
  readonly target: number;
}

/** A scenario's `goals`: numeric overrides by metric, and the core-active definition. */
export type GoalOverrides = Partial<Record<SummaryKey, number>> & { readonly coreActive?: CoreActiveGoal };

/**
 * The goals of a community (knowledge sharing, resource matching): the §1 SMART example and the §5
 * activity metrics. A customer-service group (after-sales questions, notices) is judged on its §1
 * KPI, the first answer, and on the effective-content ratio (§5, no over-marketing); customers who
 * have no question need not speak, chain or join a theme day, so participation, daily messages,
 * topic response, lurkers and core active users are shown for it without a goal.
 */
const COMMUNITY: readonly Positioning[] = ['knowledge_sharing', 'resource_matching'];

export const THRESHOLDS: readonly Threshold[] = [
  {
    metric: 'firstAnswerMinutesMedian', direction: 'below', value: 15, unit: 'minutes',
    positionings: ['customer_service'], source: '§1',
    en: 'Customer service: response time < 15 minutes',
    zh: '客户服务型：响应时效 < 15 分钟',
  },
  {
    metric: 'speakingRate30d', direction: 'atLeast', value: 0.8, unit: 'share', positionings: COMMUNITY, source: '§1',
    en: 'SMART goal: 80 % of members have spoken within 30 days',
    zh: 'SMART 目标：30 日内 80% 成员发言',
  },
  {
    metric: 'coreActiveUsers', direction: 'atLeast', value: 10, unit: 'members', positionings: COMMUNITY, source: '§1',
    en: 'SMART goal: 10 core active users cultivated',
    zh: 'SMART 目标：培养 10 名核心活跃用户',
  },
  {
    metric: 'weeklyParticipation', direction: 'above', value: 0.6, unit: 'share', positionings: COMMUNITY, source: '§5',
    en: 'Healthy weekly participation >\u00a060\u00a0%',
    zh: '周参与率健康阈值 > 60%',
  },
  {
    metric: 'effectiveRatio', direction: 'above', value: 0.7, unit: 'share', positionings: 'all', source: '§5',
    en: 'In a good group >\u00a070\u00a0% of messages carry real value',
    zh: '优质社群发言有效率 > 70%',
  },
  {
    metric: 'dailyMessages', direction: 'between', value: 5, upper: 15, unit: 'messages/day',
    positionings: ['knowledge_sharing'], source: '§5',
    en: 'Healthy average daily messages 5–15 (read as per group)',
    zh: '日均发言量健康区间 5–15 条（按全群理解）',
  },
  {
    metric: 'dailyMessages', direction: 'above', value: 200, unit: 'messages/day',
    positionings: ['resource_matching'], source: '§1',
    en: 'Resource matching: > 200 messages per day',
    zh: '资源对接型：日均信息量 > 200 条',
  },
  {
    metric: 'valuablePostsPerWeek', direction: 'atLeast', value: 3, unit: 'posts/week',
    positionings: ['knowledge_sharing'], source: '§1',
    en: 'Knowledge sharing: ≥ 3 valuable posts (干货) per week',
    zh: '知识分享型：每周干货输出 ≥ 3 次',
  },
  {
    metric: 'topicResponseInWindow', direction: 'atLeast', value: 0.47, unit: 'share', positionings: COMMUNITY, source: '§5',
    en: 'Topics posted in the best window get ≥\u00a047\u00a0% response',
    zh: '黄金时段发布的话题响应率 ≥ 47%',
  },
  {
    metric: 'lurkerShare', direction: 'atMost', value: 0.35, unit: 'share', positionings: COMMUNITY, source: '§6',
    en: 'Groups above 200 members have about 35 % lurkers; more calls for 1-to-1 re-activation',
    zh: '200 人以上群约 35% 为潜水成员，超出需私聊激活',
  },
];

/** The lab's definition of a core active user (4 of the last 14 days, MODEL §7), and the §1 goal. */
export const CORE_ACTIVE_DEFAULT: CoreActiveGoal = {
  windowDays: 14, minDays: 4, target: THRESHOLDS.find((t) => t.metric === 'coreActiveUsers')!.value,
};

/** Gaps in the source the UI must show instead of inventing a number (docs/playbook.md). */
export const PLAYBOOK_GAPS = [
  { metric: 'retention30d', source: '§5', en: 'The article names monthly retention but its threshold is missing.', zh: '原文列出月留存率，但阈值缺失。' },
  { metric: 'effectiveRatio', source: '§6', en: 'The content-quality metric in §6 is missing; §5’s effective ratio is used.', zh: '§6 内容质量指标缺失，采用 §5 的发言有效率。' },
] as const;

/** How far (relative) a miss may be and still count as `warn` rather than `fail`. */
export const WARN_MARGIN = 0.1;

export type Status = 'pass' | 'warn' | 'fail';

export function appliesTo(threshold: Threshold, positioning: Positioning): boolean {
  return threshold.positionings === 'all' || threshold.positionings.includes(positioning);
}

export function thresholdsFor(positioning: Positioning, overrides?: GoalOverrides): Threshold[] {
  return THRESHOLDS.filter((t) => appliesTo(t, positioning)).map((t) => {
    if (t.metric === 'coreActiveUsers') return coreActiveThreshold(t, overrides?.coreActive);
    const override = overrides?.[t.metric];
    if (override === undefined) return t;
    // For a band, an override moves the lower bound and keeps the band's width.
    return t.direction === 'between' && t.upper !== undefined
      ? { ...t, value: override, upper: override + (t.upper - t.value), source: `${t.source} (goal overridden)` }
      : { ...t, value: override, source: `${t.source} (goal overridden)` };
  });
}

/** The §1 core-active goal with its definition printed beside it (the playbook gives the target, not the definition). */
function coreActiveThreshold(t: Threshold, goal: CoreActiveGoal | undefined): Threshold {
  const { windowDays, minDays, target } = goal ?? CORE_ACTIVE_DEFAULT;
  const definition = {
    en: `a core active user spoke on ≥ ${minDays} of the last ${windowDays} days`,
    zh: `核心活跃用户：最近 ${windowDays} 天中至少 ${minDays} 天发言`,
  };
  const overridden = target !== t.value;
  return { ...t, value: target, definition, source: overridden ? `${t.source} (goal overridden)` : t.source };
}

/**
 * The goals a scenario is judged against: its positioning's thresholds with its
 * own overrides. Ensembles, comparisons, the scorecard and the charts all take
 * their goals from here (through the ensemble summary in the UI).
 */
export function goalsOf(scenario: { readonly group: { readonly positioning: Positioning }; readonly goals?: GoalOverrides }): Threshold[] {
  return thresholdsFor(scenario.group.positioning, scenario.goals);
}

/** Whether one run's value meets a goal (undefined values never do). */
export function meetsGoal(threshold: Threshold, value: number | null): boolean {
  return value !== null && meets(threshold, value);
}

/** Whether one run meets every goal at once. */
export function meetsAll(goals: readonly Threshold[], summary: Readonly<Record<SummaryKey, number | null>>): boolean {
  return goals.every((g) => meetsGoal(g, summary[g.metric]));
}

export function meets(threshold: Threshold, value: number): boolean {
  switch (threshold.direction) {
    case 'atLeast': return value >= threshold.value;
    case 'above': return value > threshold.value;
    case 'atMost': return value <= threshold.value;
    case 'below': return value < threshold.value;
    case 'between': return value >= threshold.value && value <= (threshold.upper ?? Infinity);
  }
}

/**
 * How far one run's value falls short of a goal, relative to the goal (0 when
 * met, at most 1; an undefined value counts as 1). Guides a search where no
 * strategy meets every goal yet.
 */
export function shortfall(threshold: Threshold, value: number | null): number {
  if (value === null) return 1;
  if (meets(threshold, value)) return 0;
  const bound = (threshold.direction === 'between' && value > (threshold.upper ?? Infinity)) ? threshold.upper! : threshold.value;
  return Math.min(1, Math.abs(value - bound) / Math.max(Math.abs(bound), 1e-9));
}

/** A goal met in at least this share of runs is met reliably: the scorecard's "pass", the diagnosis' cut-off. */
export const RELIABLY_MET = 0.8;

/**
 * A goal's status over an ensemble (the scorecard's rule, docs: README "Scorecard"):
 * pass when it is met in at least 80 % of the runs (RELIABLY_MET), whatever the median;
 * miss when the median misses it by more than 10 % (WARN_MARGIN);
 * otherwise "at risk": the median meets it or nearly, but fewer than 80 % of runs do.
 * Without runs that share (a single value), the value is judged alone.
 */
export function goalStatus(threshold: Threshold, median: number, metShare: number | null): Status {
  if (metShare === null) return judge(threshold, median);
  if (metShare >= RELIABLY_MET) return 'pass';
  return judge(threshold, median) === 'fail' ? 'fail' : 'warn';
}

/** One value against a goal: pass if met; warn if missed by at most WARN_MARGIN (relative); fail otherwise. */
export function judge(threshold: Threshold, value: number): Status {
  if (meets(threshold, value)) return 'pass';
  const margin = WARN_MARGIN * Math.max(Math.abs(threshold.value), 1e-9);
  switch (threshold.direction) {
    case 'atLeast':
    case 'above':
      return value >= threshold.value - margin ? 'warn' : 'fail';
    case 'atMost':
    case 'below':
      return value <= threshold.value + margin ? 'warn' : 'fail';
    case 'between': {
      const upper = threshold.upper ?? Infinity;
      const upperMargin = WARN_MARGIN * Math.abs(upper);
      return value >= threshold.value - margin && value <= upper + upperMargin ? 'warn' : 'fail';
    }
  }
}

/** "≥ 80 %", "5–15", "< 15": shares are shown as percentages ("≥ 80%" in Chinese, no space before the sign). */
export function describeThreshold(t: Threshold, locale: 'en' | 'zh-CN' = 'en'): string {
  const percent = locale === 'zh-CN' ? '%' : ' %';
  const f = (v: number) => (t.unit === 'share' ? `${Number((v * 100).toFixed(1))}${percent}` : String(v));
  switch (t.direction) {
    case 'atLeast': return `≥ ${f(t.value)}`;
    case 'above': return `> ${f(t.value)}`;
    case 'atMost': return `≤ ${f(t.value)}`;
    case 'below': return `< ${f(t.value)}`;
    case 'between': return `${f(t.value)}–${f(t.upper ?? Infinity)}`;
  }
}
