/**
 * Ensemble results as files: the JSON object the CLI prints with --json and the
 * daily-quantile CSV (shared by the CLI and the browser's exports).
 */
import { QUANTILE_NAMES, type EnsembleSummary, type MetricSummary, type QuantileName } from './ensemble.ts';
import { SERIES_KEYS, SUMMARY, SUMMARY_KEYS, type SummaryKey } from './metrics.ts';
import { EXACT_RUNS, HISTOGRAM_BINS } from './daily-quantiles.ts';
import type { Comparison } from './compare.ts';

export interface EnsembleJson {
  scenario: string;
  seed: number;
  runs: number;
  horizonDays: number;
  allGoalsMetShare: number;
  /** How the daily and hourly quantiles were computed: exactly, or from histograms beyond the first runs (memory stays flat). */
  dailyQuantiles: string;
  /** Every metric: quantiles, mean and n over the runs where it is defined (null: no data), and its goal. */
  metrics: Record<SummaryKey, MetricSummary & { unit: string }>;
  /** Share of member messages in each hour of the day, by quantile (null for an hour without data). */
  hourlyProfile: Record<QuantileName, (number | null)[]>;
}

export function ensembleToJson(e: EnsembleSummary): EnsembleJson {
  const metrics = {} as EnsembleJson['metrics'];
  for (const key of SUMMARY_KEYS) metrics[key] = { ...e.metrics[key], unit: SUMMARY[key].unit };
  const hourlyProfile = {} as EnsembleJson['hourlyProfile'];
  for (const name of QUANTILE_NAMES) hourlyProfile[name] = Array.from(e.hourlyProfile[name], (v) => (Number.isFinite(v) ? v : null));
  const dailyQuantiles = e.dailyExact ? 'exact' : `from histograms of ${HISTOGRAM_BINS} bins per series and day beyond the first ${EXACT_RUNS} runs (to about a bin's width)`;
  return { scenario: e.scenario, seed: e.seed, runs: e.runs, horizonDays: e.horizonDays, allGoalsMetShare: e.allGoalsMetShare, dailyQuantiles, metrics, hourlyProfile };
}

const csvNumber = (v: number) => (Number.isNaN(v) ? '' : String(Number(v.toPrecision(6))));

/**
 * A text cell (a scenario's name), quoted, and neutralised for spreadsheets: a
 * cell that begins with = + - @, a tab or a carriage return would be read as a
 * formula (CSV injection), so it gets a leading apostrophe (OWASP's advice).
 */
export function csvText(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** Long format: one row per series and day, with the five quantiles. */
export function dailyToCsv(e: EnsembleSummary): string {
  const rows = [`series,day,${QUANTILE_NAMES.join(',')}`];
  for (const key of SERIES_KEYS) {
    const q = e.daily[key];
    for (let d = 0; d < e.horizonDays; d++) rows.push(`${key},${d},${QUANTILE_NAMES.map((n) => csvNumber(q[n][d])).join(',')}`);
  }
  return `${rows.join('\n')}\n`;
}

/** A metric value for people: shares as percentages, counts whole, the rest to one decimal; "no data" where undefined. */
export function formatMetric(key: SummaryKey, value: number | null, locale: 'en' | 'zh-CN' = 'en'): string {
  if (value === null) return locale === 'zh-CN' ? '无数据' : 'no data';
  switch (SUMMARY[key].unit) {
    case 'share': return `${(value * 100).toFixed(1)} %`;
    case 'count': return Number.isInteger(value) ? String(value) : value.toFixed(1);
    default: return value.toFixed(1);
  }
}

/** One row per metric and scenario: median, and the paired difference against the first with its 90 % interval. */
export function comparisonToCsv(c: Comparison): string {
  const rows = ['metric,scenario,name,median,difference_median,difference_p5,difference_p95,runs_paired'];
  for (const key of SUMMARY_KEYS) {
    const m = c.metrics[key];
    m.medians.forEach((median, k) => {
      const d = m.differences[k];
      rows.push([key, String.fromCharCode(65 + k), csvText(c.names[k]), median === null ? '' : csvNumber(median),
        d ? csvNumber(d.median) : '', d ? csvNumber(d.p5) : '', d ? csvNumber(d.p95) : '', d ? String(d.n) : ''].join(','));
    });
  }
  return `${rows.join('\n')}\n`;
}
