/**
 * The Import view's composed texts (issue 19 follow-up), each put together
 * whole and then typeset, so a Chinese sentence never carries half-width
 * brackets or colons: skipped rows, rows left out on purpose, thresholds,
 * statuses and the calibrated parameters.
 */
import { bracketed, formatNumber, formatPercent, pick, typeset, type Locale } from './locale.ts';
import { t, tn, type MessageKey } from './messages.ts';
import { toleranceText } from './fit-verdict.ts';
import { IGNORE_REASONS, LINE_PARTS, type IgnoreReason, type SkipCounts } from '../model/import/chat-import.ts';
import { LAST_WEEK_DAYS, MEASURE_INFO, type MeasureKey } from '../model/import/measure.ts';
import type { Tolerance } from '../model/import/fit.ts';
import { PARAMETERS, type ParameterKey } from '../model/parameters.ts';
import { CORE_ACTIVE_DEFAULT, describeThreshold, type Status, type Threshold } from '../model/playbook.ts';

/** "chat.csv，第 21 行，CreateTime 列：不是有效时间…"; the column left out when unknown. */
export function skippedRowText(locale: Locale, s: { readonly file: string; readonly line: number; readonly column: string | null; readonly columnKind?: 'field' | 'part'; readonly en: string; readonly zh: string }): string {
  // a number is a position in the line (a JSON syntax error), not a column's name; a JSON field and a text line's part are not columns
  const key = !s.column ? 'importSkippedRowNoColumn' : /^\d+$/.test(s.column) ? 'importSkippedRowAt'
    : s.columnKind === 'field' ? 'importSkippedRowField' : s.columnKind === 'part' ? 'importSkippedRowPart' : 'importSkippedRow';
  const part = s.columnKind === 'part' && s.column ? LINE_PARTS[s.column] : undefined;
  const where = t(locale, key, { file: s.file, line: s.line, column: part ? pick(locale, part) : s.column ?? '' });
  return typeset(locale, `${where}: ${pick(locale, s)}`);
}

/** Rows left out on purpose, counted: "系统消息 1 条，机器人 3 条". */
export function ignoredText(locale: Locale, ignored: SkipCounts): string {
  return (Object.entries(ignored) as [IgnoreReason, number][])
    .map(([why, n]) => t(locale, 'importIgnoredCount', { what: pick(locale, IGNORE_REASONS[why]), count: n }))
    .join(locale === 'zh-CN' ? '，' : ', ');
}

/** A threshold with its source: "≥ 80 %（§1）". */
export function thresholdText(locale: Locale, threshold: string | null, source: string | null): string {
  if (!threshold) return '';
  if (locale === 'zh-CN') threshold = threshold.replace(/ %/g, '%');
  return source ? `${threshold}${bracketed(locale, source)}` : threshold;
}

/** One measured value against a threshold: within 10 % of it is "close to the threshold", not the scorecard's "at risk" (met in < 80 % of runs). */
export function importStatusText(locale: Locale, status: Status | null): string {
  if (!status) return '';
  return t(locale, status === 'warn' ? 'importNear' : status);
}

const UNITS: Record<string, { en: string; zh: string }> = {
  'messages/day': { en: 'messages/day', zh: '条/天' },
  'probability/day': { en: 'per day', zh: '/天' },
};

/** A parameter's value with its unit: a share as a percentage, a rate with its unit. */
export function parameterValueText(locale: Locale, key: ParameterKey, value: number): string {
  const unit = PARAMETERS[key].unit;
  if (unit === 'share') return formatPercent(locale, value, 1);
  const number = new Intl.NumberFormat(locale, { maximumSignificantDigits: 4 }).format(value); // as the saved scenario keeps it
  const u = UNITS[unit];
  if (!u) return `${number} ${unit}`;
  return locale === 'zh-CN' ? (u.zh.startsWith('/') ? `${number}${u.zh}` : `${number} ${u.zh}`) : `${number} ${u.en}`;
}

/** The parameters a calibration fits, each said as an operator reads it ("核心成员发言：约 9.6 条/天"). */
const OPERATOR_PARAMETERS = ['rateMedianCore', 'rateMedianActive', 'rateMedianOrdinary', 'profileEveningShare', 'profileOfficeShare', 'leaveHazardBase', 'rateSigma'] as const satisfies readonly ParameterKey[];
type OperatorParameter = (typeof OPERATOR_PARAMETERS)[number];
const isOperatorParameter = (key: string): key is OperatorParameter => (OPERATOR_PARAMETERS as readonly string[]).includes(key);

/** A value rounded for reading: two significant digits ("9.6", "340", "0.67"). */
export function approximately(locale: Locale, value: number): string {
  return new Intl.NumberFormat(locale, { maximumSignificantDigits: 2, useGrouping: false }).format(value);
}

/** One fitted value in an operator's words: rates in messages a day, shares and the leaving risk in per cent. */
function operatorValue(locale: Locale, key: OperatorParameter, value: number): string {
  if (key === 'profileEveningShare' || key === 'profileOfficeShare') return formatPercent(locale, value, 0);
  if (key === 'leaveHazardBase') return `${approximately(locale, value * 100)}%`;
  return approximately(locale, value);
}

/**
 * The calibrated parameters as a community operator reads them: "核心成员发言：约 9.6 条/天",
 * "管理员回复用时" (see `replyMinutesText`); a parameter without such words keeps its label and unit.
 */
export function fittedParametersText(locale: Locale, parameters: Partial<Record<ParameterKey, number>>): string[] {
  return (Object.entries(parameters) as [ParameterKey, number][])
    .filter(([key]) => key in PARAMETERS)
    .map(([key, value]) => isOperatorParameter(key)
      ? t(locale, `importParam_${key}`, { value: operatorValue(locale, key, value) })
      : typeset(locale, `${pick(locale, PARAMETERS[key])}${locale === 'zh-CN' ? '：' : ': '}${parameterValueText(locale, key, value)}`));
}

/** The team's fitted answer time: "管理员回复用时：约 340 分钟". */
export function replyMinutesText(locale: Locale, minutes: number): string {
  return t(locale, 'importReplyMinutes', { minutes: approximately(locale, minutes) });
}

/**
 * A file's time basis for the page: the model words it for the command line
 * ("pass --tz …"), while the page has a Time zone field to name instead.
 */
export function timeBasisText(locale: Locale, basis: { readonly en: string; readonly zh: string }): string {
  const text = pick(locale, basis)
    .replace(/pass --tz for the team(’|')s local day/, 'set the Time zone field for the team’s local day')
    .replace('请用时区选项设为团队的本地时间', '请在“时区”栏填写团队的时差，按团队的本地日期计');
  return typeset(locale, text);
}

/** A count as every figure on the page shows it: grouped ("200,000"), no decimals. */
export function countText(locale: Locale, count: number): string {
  return formatNumber(locale, count, 0);
}

/** "{count} messages" and the like, the count grouped: tn with the count formatted. */
export function countedText(locale: Locale, key: MessageKey, count: number, params: Record<string, string | number> = {}): string {
  return tn(locale, key, count, { ...params, count: countText(locale, count) });
}

/** A note closed as a sentence: "。" in Chinese, "." in English, unless it already ends in a full stop, ! or ?. */
export function sentenceText(locale: Locale, text: string): string {
  const trimmed = text.trim();
  if (!trimmed || /[。！？.!?]$/.test(trimmed)) return trimmed;
  return `${trimmed.replace(/[，；,;：:]$/, '')}${locale === 'zh-CN' ? '。' : '.'}`;
}

/** A playbook goal in the reader's language, with its unit where the figure alone does not say it: "≥ 80%", "< 15 分钟", "5–15". */
export function goalText(locale: Locale, goal: Threshold): string {
  const text = describeThreshold(goal, locale);
  if (goal.unit !== 'minutes') return text;
  // the unit follows the (last) number: "< 15 min"
  return text.replace(/([\d.]+)$/, (n) => t(locale, 'importUnitMinutes', { value: n }));
}

/** Metrics that count members, so read high (or not at all) without a member list (measure.ts, fit.ts `roster`). */
export const NEEDS_ROSTER: ReadonlySet<MeasureKey> = new Set<MeasureKey>(['speakingRate30d', 'weeklyParticipation', 'lurkerShare', 'top10MessageShare', 'top30MessageShare', 'leftShare']);

/** Metrics read over a window of the last days (measure.ts): a shorter log cannot say them. */
export const WINDOW_DAYS: Partial<Record<MeasureKey, number>> = { weeklyParticipation: LAST_WEEK_DAYS, coreActiveUsers: CORE_ACTIVE_DEFAULT.windowDays };

/** A row's status cell: its class (for colour) and its words. */
export interface RowStatus { readonly cls: string; readonly text: string }

/**
 * The status of one measured row: a log shorter than the metric's window
 * first ("记录不足 7 天"), then a missing member list, then the judgement; a
 * band missed says on which side ("高于区间"). A goal with no value is never
 * left blank.
 */
export function rowStatus(
  locale: Locale,
  row: { readonly key: MeasureKey; readonly value: number | null; readonly status: Status | null; readonly goal: Threshold | null },
  log: { readonly days: number; readonly hasRoster: boolean },
): RowStatus {
  const window = WINDOW_DAYS[row.key];
  if (window !== undefined && log.days < window) return { cls: 'short', text: t(locale, 'importShortLog', { days: window }) };
  if (!log.hasRoster && NEEDS_ROSTER.has(row.key)) return { cls: 'needs-roster', text: t(locale, 'importNeedsRoster') };
  if (!row.status) return row.goal ? { cls: 'no-data', text: t(locale, 'importNoValue') } : { cls: '', text: '' };
  const goal = row.goal;
  if (goal?.direction === 'between' && row.status !== 'pass' && row.value !== null) {
    const above = row.value > (goal.upper ?? Infinity);
    const key = row.status === 'warn' ? (above ? 'importBandNearAbove' : 'importBandNearBelow') : (above ? 'importBandAbove' : 'importBandBelow');
    return { cls: row.status, text: t(locale, key) };
  }
  return { cls: row.status, text: importStatusText(locale, row.status) };
}

/** A fit tolerance with the unit of its count: "×1.5 以内或相差不超过 2 分钟", "within ×1.3 or ± 2 people". */
export function toleranceUnitText(locale: Locale, key: MeasureKey, tolerance: Tolerance | null): string {
  if (!tolerance || tolerance.count === undefined || tolerance.ratio === undefined) return toleranceText(locale, tolerance);
  const unit = MEASURE_INFO[key].unit;
  const people = key === 'coreActiveUsers' || key === 'members' || key === 'posters';
  if (unit !== 'minutes' && !people) return toleranceText(locale, tolerance);
  return t(locale, unit === 'minutes' ? 'importToleranceRatioOrMinutes' : 'importToleranceRatioOrPeople', { ratio: formatNumber(locale, tolerance.ratio, 2), count: tolerance.count });
}

/** "2026-09-01 至 10-30" / "2026-09-01 – 10-30": a span of days, the end's year left out when it is the start's. */
export function spanText(locale: Locale, from: string, to: string): string {
  const end = to.slice(0, 4) === from.slice(0, 4) ? to.slice(5) : to;
  return locale === 'zh-CN' ? `${from} 至 ${end}` : `${from} – ${end}`;
}
