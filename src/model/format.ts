/**
 * Numbers as people read them, in either language: shares as percentages,
 * differences of shares in percentage points, units spelled out. Pure (Intl
 * only): the UI, the CLI and the planner's sentences share it.
 */
import type { SummaryKey } from './metrics.ts';
import { SUMMARY } from './metrics.ts';
import { wilson } from './stats.ts';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** The key of a Bilingual text for a locale. */
export const langOf = (locale: Locale): 'en' | 'zh' => (locale === 'zh-CN' ? 'zh' : 'en');

/** A signed difference of two shares in percentage points, with a true minus sign: "+12 pp", "−3.5 个百分点". */
export function formatSignedPoints(locale: Locale, difference: number): string {
  return `${difference > 0 ? '+' : difference < 0 ? '−' : '±'}${formatPoints(locale, Math.abs(difference))}`;
}

/** A signed difference in points without its unit ("+11.4"), for a range that gives the unit once. */
export function formatSignedPointsBare(locale: Locale, difference: number): string {
  return `${difference > 0 ? '+' : difference < 0 ? '−' : '±'}${formatNumber(locale, Math.abs(difference) * 100, 1)}`;
}

/** A range of two signed differences in points, the unit once: "+11.4 to +28.6 pp", "+11.4 至 +28.6 个百分点". */
export function formatSignedPointsRange(locale: Locale, low: number, high: number): string {
  return locale === 'zh-CN' ? `${formatSignedPointsBare(locale, low)} 至 ${formatSignedPoints(locale, high)}` : `${formatSignedPointsBare(locale, low)} to ${formatSignedPoints(locale, high)}`;
}

const formatters = new Map<string, Intl.NumberFormat>();
function formatter(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f;
}

export function formatNumber(locale: Locale, value: number, digits = 1): string {
  return formatter(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
}

/** A time left, as people estimate it: whole seconds, or whole minutes above 90 s ("124 s" → "2 min"). */
export function formatRemaining(locale: Locale, ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds > 90) return locale === 'zh-CN' ? `${Math.round(seconds / 60)} 分钟` : `${Math.round(seconds / 60)} min`;
  return locale === 'zh-CN' ? `${seconds} 秒` : `${seconds} s`;
}

export function formatPercent(locale: Locale, share: number, digits = 0): string {
  return formatter(locale, { style: 'percent', maximumFractionDigits: digits }).format(share);
}

/** A metric value by its unit: shares as percentages, counts whole where whole. */
export function formatByUnit(locale: Locale, unit: string, value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (unit === 'share') return formatPercent(locale, value, 1);
  if (unit === 'count') return formatNumber(locale, value, Number.isInteger(value) ? 0 : 1);
  if (unit === 'minutes') return `${formatNumber(locale, value, 1)}${locale === 'zh-CN' ? ' 分钟' : ' min'}`;
  if (unit === 'hours') return `${formatNumber(locale, value, 1)}${locale === 'zh-CN' ? ' 小时' : ' h'}`;
  return formatNumber(locale, value, 1);
}

/** A difference of two shares, in percentage points (not a percent change). */
export function formatPoints(locale: Locale, difference: number): string {
  return `${formatNumber(locale, difference * 100, 1)}${locale === 'zh-CN' ? ' 个百分点' : ' pp'}`;
}

const PEOPLE: ReadonlySet<SummaryKey> = new Set(['coreActiveUsers', 'members', 'joinsTotal', 'leavesTotal', 'removalsTotal']);

/** A signed change of a metric: percentage points for shares, the metric's unit otherwise. */
export function formatSignedChange(locale: Locale, key: SummaryKey, difference: number): string {
  const unit = SUMMARY[key].unit;
  if (unit === 'share') return formatSignedPoints(locale, difference);
  // people are whole: a median of paired differences of 4.5 core members reads "+5", not half a person
  if (PEOPLE.has(key)) difference = Math.round(difference);
  return `${difference > 0 ? '+' : difference < 0 ? '−' : '±'}${formatByUnit(locale, unit, Math.abs(difference))}`;
}

/** A paired difference with its 90 % interval, the unit once: "−12 pp (−25.1 … −4.4)". */
export function formatDifferenceInterval(locale: Locale, key: SummaryKey, d: { readonly median: number; readonly p5: number; readonly p95: number }): string {
  const median = formatSignedChange(locale, key, d.median);
  const unit = /[^\d.,]*$/.exec(median)?.[0] ?? '';
  const bare = (v: number) => {
    const text = formatSignedChange(locale, key, v);
    return unit && text.endsWith(unit) ? text.slice(0, -unit.length) : text;
  };
  return locale === 'zh-CN' ? `${median}（${bare(d.p5)} … ${bare(d.p95)}）` : `${median} (${bare(d.p5)} … ${bare(d.p95)})`;
}

/**
 * How a chance measured as a share of runs is written: `full` with its 90 %
 * interval and the runs ("32% (90% interval 21–45%, 60 runs)"), `short`
 * where the sentence or heading already gives the runs ("32% (90% interval
 * 21–45%)"), `interval` alone for a table cell under a header that says
 * what it is ("21–45%").
 */
export type ChanceForm = 'full' | 'short' | 'interval';

/**
 * A share of runs with its uncertainty: the 90 % Wilson interval of
 * `share × runs` successes in `runs` (stats.ts `wilson`), so a preview of 60
 * runs reads as the rough estimate it is. No runs: "—".
 */
export function formatChance(locale: Locale, share: number, runs: number, form: ChanceForm = 'full'): string {
  if (!(runs > 0) || !Number.isFinite(share)) return '—';
  const [lo, hi] = wilson(Math.round(share * runs), runs);
  const interval = `${formatNumber(locale, Math.round(lo * 100), 0)}–${formatPercent(locale, hi)}`;
  if (form === 'interval') return interval;
  const zh = locale === 'zh-CN';
  const runsText = form === 'full' ? (zh ? `，${formatNumber(locale, runs, 0)} 次模拟` : `, ${formatNumber(locale, runs, 0)} runs`) : '';
  return zh ? `${formatPercent(locale, share)}（90% 区间 ${interval}${runsText}）` : `${formatPercent(locale, share)} (90% interval ${interval}${runsText})`;
}
