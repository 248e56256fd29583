/**
 * One reusable time-series chart: for each series, the median line over its
 * p25–p75 and p10–p90 bands; the playbook threshold as a labelled rule (or a
 * healthy band) with its source; a day axis; a hover / keyboard read-out; and a
 * table alternative. Several series overlay (paired comparison). Drawn by
 * composing the shared marks (marks.ts).
 *
 * Properties: `label`, `locale`, `unit` (a metric unit), `series`
 * (QuantileSeries[]), `threshold` (ChartThreshold | null), `note`.
 * Events: none.
 */
import { css, html, nothing, type PropertyValues } from 'lit';
import { select } from 'd3';
import { HEIGHT, WIDTH, chartStyles, DayChart, shownDay } from './day-axis.ts';
import { formatByUnit } from '../i18n/locale.ts';
import { t } from '../i18n/messages.ts';
import { withSectionLinks, sectionLinkStyles } from './section-links.ts';
import { exportPng, exportSvg, type ImageText, type LegendEntry } from './image-export.ts';
import { PALETTE, axesMark, bandMark, chartLayers, focusRuleMark, groupsFor, lineMark, thresholdMark, type ChartThreshold, type Frame } from './marks.ts';

export type { ChartThreshold } from './marks.ts';

export interface QuantileSeries {
  readonly name: string;
  readonly color: string;
  readonly p10: ArrayLike<number>;
  readonly p25: ArrayLike<number>;
  readonly p50: ArrayLike<number>;
  readonly p75: ArrayLike<number>;
  readonly p90: ArrayLike<number>;
  /** A dashed median (a pinned baseline under the current results). */
  readonly dash?: string;
}

export class SeriesChart extends DayChart {
  static override properties = {
    ...DayChart.properties,
    unit: { type: String },
    series: { attribute: false },
    threshold: { attribute: false },
    note: { type: String },
  };

  declare unit: string;
  declare series: readonly QuantileSeries[];
  declare threshold: ChartThreshold | null;
  declare note: string;

  constructor() {
    super();
    this.unit = 'count';
    this.series = [];
    this.threshold = null;
    this.note = '';
  }

  static override styles = [chartStyles, sectionLinkStyles, css`
    figcaption { display: flex; justify-content: space-between; align-items: baseline; gap: 0.5rem; }
    .note { font-size: 0.75rem; color: var(--qc-muted); margin: 0.2rem 0 0; }
    .x-title { font-size: 0.7rem; color: var(--qc-muted); text-align: center; margin: 0; }
    .legend { display: flex; flex-wrap: wrap; gap: 0.2rem 0.8rem; list-style: none; padding: 0; margin: 0.2rem 0 0; font-size: 0.72rem; color: var(--qc-muted); }
    .legend li { display: flex; align-items: center; gap: 0.3rem; }
    .swatch { display: inline-block; width: 1rem; height: 0.6rem; }
    .swatch.line { height: 0; border-top: 2px solid; }
  `];

  protected get days(): number {
    return this.series[0]?.p50.length ?? 0;
  }

  override render() {
    const locale = this.locale;
    const focus = this.focusDay;
    const readout = focus === null || !this.series.length ? '' : this.series.map((s) => {
      const v = (a: ArrayLike<number>) => formatByUnit(locale, this.unit, a[focus]);
      return `${this.series.length > 1 ? `${s.name}: ` : ''}${t(locale, 'dayN', { day: shownDay(focus), days: this.days })} · ${v(s.p50)} (${v(s.p25)}–${v(s.p75)}; ${v(s.p10)}–${v(s.p90)})`;
    }).join(' | ');
    return html`
      <figure>
        <figcaption><span>${this.label}</span></figcaption>
        <div class="readout" aria-live="polite">${readout}</div>
        <svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" tabindex="0"
          aria-label="${this.ariaSummary()}"
          @pointermove=${this.onPointer} @pointerleave=${() => { this.focusDay = null; }}
          @keydown=${this.onKey} @blur=${() => { this.focusDay = null; }}></svg>
        <p class="x-title">${t(locale, 'dayAxis')}</p>
        ${this.renderLegend()}
        ${this.threshold?.description ? html`<p class="note">${withSectionLinks(`${this.threshold.label} — ${this.threshold.description}`)}</p>` : nothing}
        ${this.note ? html`<p class="note">${this.note}</p>` : nothing}
        <div class="actions">
          ${this.tableToggle()}
          <button class="export-svg" @click=${() => exportSvg(this.svg(), this.label, this.imageText())}>SVG</button>
          <button class="export-png" @click=${() => void exportPng(this.svg(), this.label, this.imageText())}>PNG</button>
        </div>
        ${this.showTable ? this.renderTable() : nothing}
      </figure>
    `;
  }

  /** What the marks mean: each series' colour (when there are several), the median line, the two bands and the goal. */
  private legend(): LegendEntry[] {
    if (!this.series.length) return [];
    const color = this.series.length === 1 ? this.series[0].color : PALETTE.focus;
    const locale = this.locale;
    return [
      ...(this.series.length > 1 ? this.series.map((s): LegendEntry => ({ label: s.name, color: s.color, kind: s.dash ? 'dash' : 'line' })) : []),
      { label: t(locale, 'medianLine'), color, kind: 'line' },
      { label: t(locale, 'bandInner'), color, kind: 'swatch', opacity: PALETTE.innerBandOpacity + PALETTE.outerBandOpacity },
      { label: t(locale, 'bandOuter'), color, kind: 'swatch', opacity: PALETTE.outerBandOpacity },
      ...(this.threshold ? [{ label: t(locale, 'goalLine'), color: PALETTE.threshold, kind: 'dash' } as const] : []),
    ];
  }

  private renderLegend() {
    const entries = this.legend();
    if (!entries.length) return nothing;
    return html`<ul class="legend">${entries.map((e) => e.kind === 'swatch'
      ? html`<li><span class="swatch" style="background:${e.color};opacity:${e.opacity ?? 1}"></span>${e.label}</li>`
      : html`<li><span class="swatch line" style="border-color:${e.color};${e.kind === 'dash' ? 'border-top-style:dashed' : ''}"></span>${e.label}</li>`)}</ul>`;
  }

  /** What an exported image carries besides the marks. */
  private imageText(): ImageText {
    return { caption: this.caption, xTitle: t(this.locale, 'dayAxis'), legend: this.legend() };
  }

  private svg(): SVGSVGElement {
    return this.renderRoot.querySelector('svg')!;
  }

  private ariaSummary(): string {
    if (!this.days) return this.label;
    const last = this.days - 1;
    const s = this.series[0];
    const f = (v: number) => formatByUnit(this.locale, this.unit, v);
    return `${this.label}: ${t(this.locale, 'dayN', { day: shownDay(last), days: this.days })} ${t(this.locale, 'medianLine')} ${f(s.p50[last])}, p10–p90 ${f(s.p10[last])}–${f(s.p90[last])}${this.threshold ? `; ${this.threshold.label}` : ''}`;
  }

  private renderTable() {
    const f = (v: number) => formatByUnit(this.locale, this.unit, v);
    return html`<div class="table-wrap"><table>
      <thead><tr><th>${t(this.locale, 'day')}</th>${this.series.map((s) => html`<th>${this.series.length > 1 ? `${s.name} ` : ''}p10</th><th>p25</th><th>${t(this.locale, 'medianLine')}</th><th>p75</th><th>p90</th>`)}</tr></thead>
      <tbody>${Array.from({ length: this.days }, (_, d) => html`<tr><td>${shownDay(d)}</td>${this.series.map((s) => html`<td>${f(s.p10[d])}</td><td>${f(s.p25[d])}</td><td>${f(s.p50[d])}</td><td>${f(s.p75[d])}</td><td>${f(s.p90[d])}</td>`)}</tr>`)}</tbody>
    </table></div>`;
  }

  /** The top of the value scale: the highest p90, the threshold, and 100 % for shares. */
  private top(): number {
    let hi = 0;
    for (const s of this.series) for (let d = 0; d < s.p90.length; d++) if (s.p90[d] > hi) hi = s.p90[d];
    if (this.threshold) hi = Math.max(hi, this.threshold.upper ?? this.threshold.value);
    if (this.unit === 'share') hi = Math.max(hi, 1);
    return hi > 0 ? hi * 1.05 : 1;
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('series') || changed.has('threshold') || changed.has('locale') || changed.has('unit')) this.draw();
    else if (changed.has('focusDay') && this.drawn) focusRuleMark(chartLayers(this.svg()).focus, this.drawn, this.focusDay);
  }

  /** The frame of the last drawing (moving the focus rule needs nothing else). */
  private drawn: Frame | null = null;

  /** Moves the marks to the current series (joined in place: nothing is rebuilt). */
  private draw(): void {
    if (!this.days) {
      select(this.svg()).selectAll('*').remove();
      this.drawn = null;
      return;
    }
    const frame = this.frame(0, this.top());
    const layers = chartLayers(this.svg());
    thresholdMark(layers.goal, frame, this.threshold);
    groupsFor(layers.data, this.series, (s) => s.name, (g, s) => {
      bandMark(g, frame, s.p10, s.p90, { color: s.color, opacity: PALETTE.outerBandOpacity, className: 'band-outer' });
      bandMark(g, frame, s.p25, s.p75, { color: s.color, opacity: PALETTE.innerBandOpacity, className: 'band-inner' });
      lineMark(g, frame, s.p50, { color: s.color, className: s.dash ? 'median ghost' : 'median', dash: s.dash });
    });
    axesMark(layers.axes, frame, this.days, (v) => formatByUnit(this.locale, this.unit, v));
    focusRuleMark(layers.focus, frame, this.focusDay);
    this.drawn = frame;
  }
}

customElements.define('qc-series-chart', SeriesChart);

declare global {
  interface HTMLElementTagNameMap {
    'qc-series-chart': SeriesChart;
  }
}
