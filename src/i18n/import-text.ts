/**
 * The Import view's composed texts (issue 19 follow-up), each put together
 * whole and then typeset, so a Chinese sentence never carries half-width
 * brackets or colons: skipped rows, rows left out on purpose, thresholds,
 * statuses and the calibrated parameters.
 */
import { bracketed, formatPercent, pick, typeset, type Locale } from './locale.ts';
import { t } from './messages.ts';
import { IGNORE_REASONS, LINE_PARTS, type IgnoreReason, type SkipCounts } from '../model/import/chat-import.ts';
import { PARAMETERS, type ParameterKey } from '../model/parameters.ts';
import type { Status } from '../model/playbook.ts';

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
const OPERATOR_PARAMETERS = ['rateMedianCore', 'rateMedianActive', 'rateMedianOrdinary', 'profileEveningShare', 'profileOfficeShare', 'leaveHazardBase'] as const satisfies readonly ParameterKey[];
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
