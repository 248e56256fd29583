/**
 * The calibration's verdict in words (issue 19): per metric (within
 * tolerance, off by ×k or by points, not fitted and why) and overall, for
 * the Import view and the CLI alike.
 */
import { bracketed, formatNumber, pick, type Locale } from './locale.ts';
import { t } from './messages.ts';
import { MEASURE_INFO } from '../model/import/measure.ts';
import type { FitResult, FitRow, FitStatus, NotFittedReason, Tolerance } from '../model/import/fit.ts';

const list = (locale: Locale, items: string[]) => items.join(locale === 'zh-CN' ? '、' : ', ');

/**
 * A name with an aside in brackets; a name that ends in brackets already takes
 * the aside inside them: "首次响应时效（中位数；偏差 ×0.49）", not "（中位数）（偏差 ×0.49）".
 */
export function withAside(locale: Locale, name: string, aside: string): string {
  const close = /[)）]$/.exec(name);
  if (!close) return `${name}${bracketed(locale, aside)}`;
  return `${name.slice(0, -1)}${locale === 'zh-CN' ? '；' : '; '}${aside}${close[0]}`;
}

/** "off by ×1.6", "off by +12 points", "within tolerance", "not fitted: needs a member list". */
export function verdictText(locale: Locale, row: FitRow): string {
  const v = row.verdict;
  if (v.status === 'notFitted') return t(locale, `importNotFitted_${v.reason}`);
  if (v.status === 'within') return t(locale, 'importVerdictWithin');
  if (v.points !== null) return t(locale, 'importVerdictOffPoints', { points: `${v.points > 0 ? '+' : '−'}${formatNumber(locale, Math.abs(v.points) * 100, 0)}` });
  // none in the group and some in the model: no factor says it
  if (v.ratio === Infinity) return t(locale, 'importVerdictOffFromNone', { value: formatNumber(locale, row.fitted ?? 0, 1) });
  return t(locale, 'importVerdictOffRatio', { factor: formatNumber(locale, v.ratio ?? 1, 2) });
}

/** "±8 points", "within ×1.3 or ±2". */
export function toleranceText(locale: Locale, tolerance: Tolerance | null): string {
  if (!tolerance) return '';
  if (tolerance.points !== undefined) return t(locale, 'importTolerancePoints', { points: formatNumber(locale, tolerance.points * 100, 0) });
  const ratio = formatNumber(locale, tolerance.ratio ?? 1, 2);
  return tolerance.count === undefined ? t(locale, 'importToleranceRatio', { ratio }) : t(locale, 'importToleranceRatioOrCount', { ratio, count: tolerance.count });
}

/** The verdict's word: "吻合", "部分吻合", "较差" (within tolerance, partial, poor). */
export function fitWord(locale: Locale, status: FitStatus): string {
  return t(locale, `importFitWord_${status}`);
}

/** The overall line alone, naming the verdict's word and the metrics that are off. */
export function overallLine(locale: Locale, fit: FitResult): string {
  const name = (row: FitRow) => pick(locale, MEASURE_INFO[row.key]);
  const off = fit.rows.filter((r) => r.verdict.status === 'off').map((r) => withAside(locale, name(r), verdictText(locale, r)));
  return t(locale, `importOverallNamed_${fit.overall.status}`, { word: fitWord(locale, fit.overall.status), within: fit.overall.within, fitted: fit.overall.fitted, list: list(locale, off) });
}

/** One actionable sentence per common cause of a partial or poor fit (fit.nextSteps). */
export function nextStepTexts(locale: Locale, fit: FitResult): string[] {
  return fit.nextSteps.map((step) => {
    switch (step.kind) {
      case 'roster': return t(locale, 'importNextStep_roster');
      case 'moreRuns': return t(locale, 'importNextStep_moreRuns', { p10: formatNumber(locale, step.p10, 1), measured: formatNumber(locale, step.measured, 1) });
      case 'answerTime': return t(locale, 'importNextStep_answerTime', { minutes: formatNumber(locale, step.replyMinutes, 0) });
    }
  });
}

/** The caution beside Save and Open when the fit is not within tolerance: the metrics the lab will get wrong; null otherwise. */
export function labWillMissText(locale: Locale, fit: FitResult): string | null {
  if (fit.overall.status === 'within' || !fit.labWillMiss.length) return null;
  return t(locale, 'importLabWillMiss', { list: list(locale, fit.labWillMiss.map((key) => pick(locale, MEASURE_INFO[key]))) });
}

/** "Metrics within tolerance: 2 of 13 at the defaults → 11 of 13 fitted". */
export function withinCountText(locale: Locale, fit: FitResult): string {
  return t(locale, 'importWithinCount', { before: fit.withinAtDefaults, after: fit.overall.within, fitted: fit.overall.fitted });
}

/** The overall line (with the verdict's word), the next steps, then by reason the metrics not fitted and why. */
export function overallText(locale: Locale, fit: FitResult): string[] {
  const name = (row: FitRow) => pick(locale, MEASURE_INFO[row.key]);
  const lines = [overallLine(locale, fit), ...nextStepTexts(locale, fit)];
  const byReason = new Map<NotFittedReason, string[]>();
  for (const row of fit.rows) if (row.verdict.status === 'notFitted') byReason.set(row.verdict.reason, [...(byReason.get(row.verdict.reason) ?? []), name(row)]);
  for (const [reason, names] of byReason) lines.push(t(locale, `importWhyNotFitted_${reason}`, { list: list(locale, names) }));
  return lines;
}
