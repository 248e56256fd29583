/**
 * The results as charts, one template per chart: every CHARTS entry with its
 * playbook goal (and a pinned baseline under it), messages by kind, and the
 * membership pyramid of run 1. The lab lays them out in a grid; presenter
 * mode shows one at a time.
 */
import { html, type TemplateResult } from 'lit';
import type { EnsembleSummary } from '../model/ensemble.ts';
import { MEMBERSHIP_STATES, MESSAGE_KINDS, SERIES, type Series, type SeriesKey } from '../model/metrics.ts';
import { langOf, pick, type Locale } from '../i18n/locale.ts';
import type { Draft } from '../model/scenario.ts';
import { scenarioText } from '../model/text.ts';
import type { ShownResults } from './controllers/ensemble-controller.ts';
import { shownName } from './presets.ts';
import { t } from '../i18n/messages.ts';
import { PALETTE } from '../charts/marks.ts';
import { CHARTS, KIND_COLORS, KIND_LABELS, STATE_COLORS, STATE_LABELS, chartThreshold } from './chart-specs.ts';
import type { Pinned } from './controllers/baseline-controller.ts';
import '../charts/series-chart.ts';
import '../charts/stacked-chart.ts';

export interface ResultChartsInput {
  readonly summary: EnsembleSummary | null;
  /** Run 1's daily series (for the membership pyramid). */
  readonly sample: Series | null;
  readonly locale: Locale;
  readonly pinned: Pinned | null;
  /** Under an exported chart's title: the scenario, seed, runs and kind of results. */
  readonly caption: string;
}

/** A chart and its title. */
export interface ResultChart {
  readonly label: string;
  readonly content: TemplateResult;
}

/** Under an exported chart's title: the scenario, seed, runs and what the results are (preview, full, partial). */
export function resultsCaption(locale: Locale, draft: Draft, summary: EnsembleSummary | null, shown: ShownResults | null, edited = false): string {
  if (!summary) return '';
  const kind = shown?.kind === 'full' ? 'fullRun' : shown?.kind === 'partial' ? 'partialRun' : 'quickRun';
  return t(locale, 'chartCaption', { name: shownName(scenarioText(draft, langOf(locale)).name, edited, langOf(locale)), seed: summary.seed, runs: summary.runs, kind: t(locale, kind) });
}

export function resultCharts(input: ResultChartsInput): ResultChart[] {
  const { summary: s, sample, locale, pinned, caption } = input;
  const series = CHARTS.map((chart) => {
    const keys = (Array.isArray(chart.series) ? chart.series : [chart.series]) as SeriesKey[];
    const label = keys.map((k) => pick(locale, SERIES[k])).join(' / ');
    return { label, content: html`<qc-series-chart data-series=${keys.join(',')}
      .locale=${locale} .label=${label} .unit=${SERIES[keys[0]].unit} .caption=${caption}
      .series=${s ? [
        // the pinned baseline's first series, drawn first (underneath), grey and dashed
        ...(pinned && pinned.summary.horizonDays === s.horizonDays ? [{ name: t(locale, 'pinnedSeries'), color: PALETTE.ghost, dash: '4 3', ...pinned.summary.daily[keys[0]] }] : []),
        ...keys.map((k, i) => ({ name: pick(locale, SERIES[k]), color: PALETTE.series[i], ...s.daily[k] })),
      ] : []}
      .threshold=${chart.metric && s ? chartThreshold(s.goals, chart.metric, locale) : null}
      .note=${chart.gap ? t(locale, 'gapNote') : ''}></qc-series-chart>` };
  });
  const kinds = s ? MESSAGE_KINDS.map((kind) => ({ name: pick(locale, KIND_LABELS[kind]), color: KIND_COLORS[kind], values: s.daily[`kind_${kind}`].p50 })) : [];
  const states = sample ? MEMBERSHIP_STATES.map((state) => ({ name: pick(locale, STATE_LABELS[state]), color: STATE_COLORS[state], values: sample[`state_${state}`] })) : [];
  return [
    ...series,
    { label: t(locale, 'messagesByKind'), content: html`<qc-stacked-chart .locale=${locale} .label=${t(locale, 'messagesByKind')} .layers=${kinds}></qc-stacked-chart>` },
    { label: t(locale, 'sampleRun'), content: html`<qc-stacked-chart .locale=${locale} .label=${t(locale, 'sampleRun')} .layers=${states}></qc-stacked-chart>` },
  ];
}
