/**
 * Paired comparison of 2–4 scenarios: the levers that differ, overlaid charts
 * with bands, each KPI's medians and the paired difference against the first
 * scenario with its 90 % interval, and which scenario meets which goal.
 * The shell runs the ensembles (same seed, same run indices) and passes the
 * result down; this component only shows it.
 *
 * Properties: `locale`, `options` (CompareOption[]), `selected` (ids),
 * `comparison` (Comparison | null), `ensembles` (EnsembleSummary[]), `busy`,
 * `step` and `progress` (the scenario running and its ensemble's progress).
 * Events (bubble, cross shadow roots): `compare-select` (detail: the selected
 * ids); `compare-run`.
 */
import { LitElement, css, html, nothing } from 'lit';
import type { Comparison, PairedDifference } from '../../model/compare.ts';
import type { EnsembleSummary } from '../../model/ensemble.ts';
import { SERIES, SUMMARY, SUMMARY_KEYS, type SummaryKey } from '../../model/metrics.ts';
import { describeThreshold } from '../../model/playbook.ts';
import { bracketed, formatByUnit, formatChance, formatDifferenceInterval, formatNumber, formatPercent, pick, type Locale } from '../../i18n/locale.ts';
import { t } from '../../i18n/messages.ts';
import { CHARTS, chartThreshold } from '../chart-specs.ts';
import { comparisonToCsv } from '../../model/report.ts';
import { comparisonMarkdown, leverLabel, leverValue } from '../compare-report.ts';
import { downloadBlob, fileNameFor } from '../../charts/image-export.ts';
import { PALETTE } from '../../charts/marks.ts';
import type { Progress } from '../../worker/pool.ts';
import '../../charts/series-chart.ts';

const COMPARE_COLORS = PALETTE.series;

export interface CompareOption {
  readonly id: string;
  readonly name: string;
}

export class CompareView extends LitElement {
  static override properties = {
    locale: { type: String },
    options: { attribute: false },
    selected: { attribute: false },
    comparison: { attribute: false },
    ensembles: { attribute: false },
    busy: { type: Boolean },
    step: { type: Number },
    progress: { attribute: false },
  };

  declare locale: Locale;
  declare options: readonly CompareOption[];
  declare selected: readonly string[];
  declare comparison: Comparison | null;
  declare ensembles: readonly EnsembleSummary[];
  declare busy: boolean;
  declare step: number;
  declare progress: Progress | null;

  constructor() {
    super();
    this.locale = 'en';
    this.options = [];
    this.selected = [];
    this.comparison = null;
    this.ensembles = [];
    this.busy = false;
    this.step = 0;
    this.progress = null;
  }

  static override styles = css`
    :host { display: block; }
    .panel { background: var(--qc-surface); border: 1px solid var(--qc-border); border-radius: 8px; padding: 0.75rem 1rem; margin-bottom: 1rem; }
    h2 { font-size: 1rem; margin: 0 0 0.5rem; }
    h3 { font-size: 0.95rem; margin: 0.25rem 0 0.5rem; }
    .pick { display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; margin-bottom: 0.5rem; }
    label { font-size: 0.85rem; }
    .option { display: inline-flex; align-items: center; gap: 0.35rem; }
    .letter { display: inline-block; min-width: 1.1rem; text-align: center; border-radius: 3px; color: var(--qc-on-dark); font-size: 0.72rem; font-weight: 700; padding: 0 0.2rem; }
    button.link { background: none; border: none; color: var(--qc-link); text-decoration: underline; padding: 0; font-size: 0.78rem; }
    button { font: inherit; font-size: 0.85rem; padding: 0.3rem 0.8rem; border-radius: 4px; cursor: pointer; border: 1px solid var(--qc-accent); background: var(--qc-accent); color: var(--qc-on-dark); }
    button[disabled] { opacity: 0.5; cursor: default; }
    button:focus-visible, input:focus-visible { outline: 2px solid var(--qc-focus); outline-offset: 2px; }
    .hint { font-size: 0.8rem; color: var(--qc-muted); }
    table { border-collapse: collapse; width: 100%; font-size: 0.8rem; font-variant-numeric: tabular-nums; }
    th, td { padding: 0.25rem 0.4rem; border-bottom: 1px solid var(--qc-rule); text-align: right; }
    th:first-child, td:first-child { text-align: left; }
    thead th { color: var(--qc-muted); font-weight: 600; }
    .swatch { display: inline-block; width: 0.7rem; height: 0.7rem; border-radius: 2px; margin-right: 0.3rem; vertical-align: -0.05rem; }
    .clear { font-weight: 700; }
    .interval { display: block; font-size: 0.72rem; font-weight: 400; color: var(--qc-muted); white-space: nowrap; }
    .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(22rem, 100%), 1fr)); gap: 1rem; }
    .charts > * { background: var(--qc-surface); border: 1px solid var(--qc-border); border-radius: 8px; padding: 0.6rem 0.75rem; min-height: 17rem; }
    code { font-size: 0.78rem; }
    /* last, so it wins over the screen rules above */
    @media print { button, .pick, .hint, .picker { display: none; } .panel { break-inside: avoid; } }
  `;

  override render() {
    const locale = this.locale;
    const count = this.selected.length;
    return html`
      <div class="panel picker">
        <h2>${t(locale, 'compareTitle')}</h2>
        <p class="hint">${t(locale, 'compareHint')}</p>
        <div class="pick" role="group" aria-label=${t(locale, 'compareTitle')}>
          ${this.options.map((o) => {
            const k = this.selected.indexOf(o.id);
            return html`<span class="option"><label><input type="checkbox" .checked=${k >= 0}
              ?disabled=${k < 0 && count >= 4}
              @change=${(e: Event) => this.toggle(o.id, (e.target as HTMLInputElement).checked)} /> ${o.name}</label>
              ${k >= 0 ? html`<span class="letter" style="background:${COMPARE_COLORS[k]}" title=${k === 0 ? t(locale, 'compareBaseline') : ''}>${String.fromCharCode(65 + k)}</span>` : nothing}
              ${k > 0 ? html`<button class="make-baseline link" aria-label=${t(locale, 'compareMakeBaselineOf', { name: o.name })} @click=${() => this.makeBaseline(o.id)}>${t(locale, 'compareMakeBaseline')}</button>` : nothing}
            </span>`;
          })}
        </div>
        ${count ? html`<p class="hint order">${t(locale, 'compareOrder', { baseline: this.options.find((o) => o.id === this.selected[0])?.name ?? '' })}</p>` : nothing}
        <button class="run-compare" ?disabled=${count < 2 || count > 4 || this.busy} @click=${() => this.dispatchEvent(new CustomEvent('compare-run', { bubbles: true, composed: true }))}>
          ${count < 2 ? t(locale, 'comparePickMore') : t(locale, 'compareRun', { count })}
        </button>
        ${this.busy && this.progress ? html`<p class="hint" role="status">${t(locale, 'comparing', { k: this.step, n: count })} ${this.progress.done} / ${this.progress.total}</p>` : nothing}
      </div>
      ${this.comparison ? this.renderComparison(this.comparison) : nothing}
    `;
  }

  private toggle(id: string, on: boolean): void {
    this.pick(on ? [...this.selected, id] : this.selected.filter((s) => s !== id));
  }

  /** The scenario becomes A, the baseline the others are compared with (and whose seed they share). */
  private makeBaseline(id: string): void {
    this.pick([id, ...this.selected.filter((s) => s !== id)]);
  }

  private pick(next: string[]): void {
    this.dispatchEvent(new CustomEvent<string[]>('compare-select', { detail: next, bubbles: true, composed: true }));
  }

  /** A share of runs meeting a goal, its 90 % interval under it (the table's heading gives the runs). */
  private chance(share: number, runs: number) {
    return html`${formatPercent(this.locale, share)}<span class="interval">${formatChance(this.locale, share, runs, 'interval')}</span>`;
  }

  private renderComparison(c: Comparison) {
    const locale = this.locale;
    const letters = c.names.map((_, k) => String.fromCharCode(65 + k));
    const head = (k: number) => html`<span class="swatch" style="background:${COMPARE_COLORS[k]}"></span>${letters[k]}`;
    const interval = (key: SummaryKey, d: PairedDifference) => formatDifferenceInterval(locale, key, d);
    const file = (extension: string) => fileNameFor(`${t(locale, 'compareFileName')}-${c.names.map((n) => n.slice(0, 24)).join('-vs-')}`, extension);
    return html`
      <div class="panel">
        <h3>${t(locale, 'compareScenarios', { runs: c.runs, seed: c.seed })}</h3>
        <button class="export-compare" @click=${() => downloadBlob(file('csv'), new Blob([comparisonToCsv(c)], { type: 'text/csv' }))}>${t(locale, 'exportComparison')}</button>
        <button class="export-report" @click=${() => downloadBlob(file('md'), new Blob([comparisonMarkdown(c, locale)], { type: 'text/markdown' }))}>${t(locale, 'exportReport')}</button>
        <button class="print-report" @click=${() => window.print()}>${t(locale, 'printReport')}</button>
        <ul>${c.names.map((n, k) => html`<li>${head(k)} ${n}</li>`)}</ul>
        <h3>${t(locale, 'leversDiffer')}</h3>
        ${c.levers.length ? html`<table class="levers">
          <thead><tr><th>${t(locale, 'lever')}</th>${letters.map((_, k) => html`<th>${head(k)}</th>`)}</tr></thead>
          <tbody>${c.levers.map((d) => html`<tr><td>${leverLabel(locale, d.path)} <code>${d.path}</code></td>${d.values.map((v) => html`<td>${leverValue(locale, d.path, v)}</td>`)}</tr>`)}</tbody>
        </table>` : html`<p class="hint">${t(locale, 'noLeverDiff')}</p>`}
      </div>
      <div class="panel">
        <h3>${t(locale, 'kpiTable')}</h3>
        <table class="kpis">
          <thead><tr><th>${t(locale, 'metric')}</th>${letters.map((_, k) => html`<th>${head(k)} ${t(locale, 'median')}</th>`)}
            ${letters.slice(1).map((l, k) => html`<th>${head(k + 1)} − A (90 %)</th>`)}</tr></thead>
          <tbody>${SUMMARY_KEYS.map((key) => {
            const m = c.metrics[key];
            return html`<tr data-metric=${key}><td>${pick(locale, SUMMARY[key])}</td>
              ${m.medians.map((v) => html`<td>${formatByUnit(locale, SUMMARY[key].unit, v)}</td>`)}
              ${m.differences.slice(1).map((d) => (d ? html`<td class=${d.p5 > 0 || d.p95 < 0 ? 'clear' : ''} title=${d.p5 > 0 || d.p95 < 0 ? t(locale, 'clearDifference') : ''}>${interval(key, d)}</td>` : html`<td>—</td>`))}</tr>`;
          })}</tbody>
        </table>
        <h3>${t(locale, 'goalsByScenario', { runs: formatNumber(locale, c.runs, 0) })}</h3>
        <table class="goals">
          <thead><tr><th>${t(locale, 'goal')}</th>${letters.map((_, k) => html`<th>${head(k)}</th>`)}</tr></thead>
          <tbody>
            ${c.goals.map((g) => html`<tr><td>${pick(locale, SUMMARY[g.threshold.metric])} ${describeThreshold(g.threshold, locale)}${bracketed(locale, g.threshold.source)}${g.threshold.definition ? ` — ${pick(locale, g.threshold.definition)}` : ''}</td>${g.metShare.map((v) => html`<td>${this.chance(v, c.runs)}</td>`)}</tr>`)}
            <tr><td><strong>${t(locale, 'allGoalsRow')}</strong></td>${c.allGoalsMetShare.map((v) => html`<td><strong>${this.chance(v, c.runs)}</strong></td>`)}</tr>
          </tbody>
        </table>
      </div>
      <div class="charts">
        ${CHARTS.map((chart) => {
          const key = Array.isArray(chart.series) ? chart.series[0] : chart.series;
          // the first scenario's goals (as in the table above), and each scenario named in the legend
          return html`<qc-series-chart .locale=${locale} .label=${pick(locale, SERIES[key as keyof typeof SERIES])} .unit=${SERIES[key as keyof typeof SERIES].unit}
            .threshold=${chart.metric ? chartThreshold(c.goals.map((g) => g.threshold), chart.metric, locale) : null}
            .caption=${t(locale, 'compareScenarios', { runs: c.runs, seed: c.seed })}
            .series=${this.ensembles.map((e, k) => ({ name: `${letters[k]}: ${c.names[k]}`, color: COMPARE_COLORS[k], ...e.daily[key as keyof typeof SERIES] }))}></qc-series-chart>`;
        })}
      </div>
    `;
  }
}

customElements.define('qc-compare-view', CompareView);

declare global {
  interface HTMLElementTagNameMap {
    'qc-compare-view': CompareView;
  }
}
