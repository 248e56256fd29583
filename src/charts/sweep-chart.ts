/**
 * A sweep along one lever: at each setting, the median of a KPI over its runs
 * with the p25–p75 and p10–p90 bands, and the playbook threshold; the x axis
 * is labelled with the lever's settings. Cliffs and thresholds show as steps.
 * Pointer or arrow keys read out a point; a table alternative lists them all.
 *
 * Properties: `label`, `locale`, `unit`, `points` (SweepChartPoint[]),
 * `threshold` (ChartThreshold | null), `xLabel` (the lever), `interval`
 * (the points are a share of runs: p50 the share, p10–p90 its 90 % interval;
 * p25 = p75 = p50, so one band). Events: none.
 */
import { css, html, nothing, type PropertyValues } from 'lit';
import { axisBottom, scaleLinear, select } from 'd3';
import { HEIGHT, MARGIN, WIDTH, chartStyles, DayChart } from './day-axis.ts';
import { formatByUnit } from '../i18n/locale.ts';
import { t } from '../i18n/messages.ts';
import { exportPng, exportSvg } from './image-export.ts';
import { PALETTE, bandMark, chartLayers, focusRuleMark, lineMark, slot, thresholdMark, valueAxisMark, type ChartThreshold, type Frame } from './marks.ts';

export interface SweepChartPoint {
  /** The lever's setting, as the editor labels it. */
  readonly label: string;
  readonly p10: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p90: number;
}

export class SweepChart extends DayChart {
  static override properties = {
    ...DayChart.properties,
    unit: { type: String },
    points: { attribute: false },
    threshold: { attribute: false },
    xLabel: { type: String },
    interval: { type: Boolean },
  };

  declare unit: string;
  declare points: readonly SweepChartPoint[];
  declare threshold: ChartThreshold | null;
  declare xLabel: string;
  declare interval: boolean;

  constructor() {
    super();
    this.unit = 'share';
    this.points = [];
    this.threshold = null;
    this.xLabel = '';
    this.interval = false;
  }

  static override styles = [chartStyles, css`
    .x-title { font-size: 0.75rem; color: var(--qc-muted); text-align: center; margin: 0; }
  `];

  protected get days(): number {
    return this.points.length;
  }

  override render() {
    const f = (v: number) => formatByUnit(this.locale, this.unit, v);
    const focus = this.focusDay;
    const p = focus === null ? null : this.points[focus];
    return html`
      <figure>
        <figcaption>${this.label}</figcaption>
        <div class="readout" aria-live="polite">${!p ? '' : this.interval ? `${this.xLabel} ${p.label} · ${f(p.p50)} (${t(this.locale, 'interval90')} ${f(p.p10)}–${f(p.p90)})`
          : `${this.xLabel} ${p.label} · ${f(p.p50)} (${f(p.p25)}–${f(p.p75)}; ${f(p.p10)}–${f(p.p90)})`}</div>
        <svg viewBox="0 0 ${WIDTH} ${HEIGHT + 14}" role="img" tabindex="0" aria-label=${this.ariaSummary()}
          @pointermove=${this.onPointer} @pointerleave=${() => { this.focusDay = null; }}
          @keydown=${this.onKey} @blur=${() => { this.focusDay = null; }}></svg>
        <p class="x-title">${this.xLabel}</p>
        <div class="actions">
          ${this.tableToggle()}
          <button class="export-svg" @click=${() => exportSvg(this.svg(), this.label, { caption: this.caption, xTitle: this.xLabel })}>SVG</button>
          <button class="export-png" @click=${() => void exportPng(this.svg(), this.label, { caption: this.caption, xTitle: this.xLabel })}>PNG</button>
        </div>
        ${this.showTable && this.interval ? html`<div class="table-wrap"><table>
          <thead><tr><th>${this.xLabel}</th><th>${this.label}</th><th>${t(this.locale, 'interval90')}</th></tr></thead>
          <tbody>${this.points.map((q) => html`<tr><td>${q.label}</td><td>${f(q.p50)}</td><td>${f(q.p10)}–${f(q.p90)}</td></tr>`)}</tbody>
        </table></div>` : this.showTable ? html`<div class="table-wrap"><table>
          <thead><tr><th>${this.xLabel}</th><th>p10</th><th>p25</th><th>${t(this.locale, 'medianLine')}</th><th>p75</th><th>p90</th></tr></thead>
          <tbody>${this.points.map((q) => html`<tr><td>${q.label}</td><td>${f(q.p10)}</td><td>${f(q.p25)}</td><td>${f(q.p50)}</td><td>${f(q.p75)}</td><td>${f(q.p90)}</td></tr>`)}</tbody>
        </table></div>` : nothing}
      </figure>
    `;
  }

  private svg(): SVGSVGElement {
    return this.renderRoot.querySelector('svg')!;
  }

  private ariaSummary(): string {
    const f = (v: number) => formatByUnit(this.locale, this.unit, v);
    return `${this.label}: ${this.points.map((p) => `${p.label} ${f(p.p50)}`).join(', ')}`;
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('points') || changed.has('threshold') || changed.has('locale') || changed.has('unit') || changed.has('interval')) this.draw();
    else if (changed.has('focusDay') && this.drawn) focusRuleMark(chartLayers(this.svg()).focus, this.drawn, this.focusDay);
  }

  /** The frame of the last drawing (moving the focus rule needs nothing else). */
  private drawn: Frame | null = null;

  private draw(): void {
    const n = this.points.length;
    if (!n) {
      select(this.svg()).selectAll('*').remove();
      this.drawn = null;
      return;
    }
    let hi = 0;
    for (const p of this.points) if (Number.isFinite(p.p90)) hi = Math.max(hi, p.p90);
    if (this.threshold) hi = Math.max(hi, this.threshold.upper ?? this.threshold.value);
    if (this.unit === 'share') hi = Math.max(hi, 1);
    const y = scaleLinear().domain([0, hi > 0 ? hi * 1.05 : 1]).nice().range([HEIGHT - MARGIN.bottom, MARGIN.top]);
    const frame = { x: this.x(), y, left: MARGIN.left, right: WIDTH - MARGIN.right, top: MARGIN.top, bottom: HEIGHT - MARGIN.bottom };
    const column = (key: keyof Omit<SweepChartPoint, 'label'>) => this.points.map((p) => p[key]);
    const layers = chartLayers(this.svg());
    thresholdMark(layers.goal, frame, this.threshold);
    bandMark(layers.data, frame, column('p10'), column('p90'), { color: PALETTE.series[0], opacity: PALETTE.outerBandOpacity, className: 'band-outer' });
    bandMark(layers.data, frame, column('p25'), column('p75'), { color: PALETTE.series[0], opacity: PALETTE.innerBandOpacity, className: 'band-inner' });
    lineMark(layers.data, frame, column('p50'), { color: PALETTE.series[0], className: 'median' });
    slot(layers.data, 'g', 'points').selectChildren<SVGCircleElement, readonly [number, number]>('circle').data(this.points.map((p, i) => [i, p.p50] as const)).join('circle')
      .attr('class', 'point').attr('cx', ([i]) => frame.x(i)).attr('cy', ([, v]) => frame.y(v)).attr('r', 2.5).attr('fill', PALETTE.series[0]);
    const every = Math.ceil(n / 8);
    slot(layers.axes, 'g', 'axis-x').attr('class', 'axis').attr('transform', `translate(0,${frame.bottom})`)
      .call(axisBottom(frame.x).tickValues(this.points.map((_, i) => i).filter((i) => i % every === 0)).tickFormat((i) => this.points[Number(i)]?.label ?? ''));
    valueAxisMark(layers.axes, frame, (v) => formatByUnit(this.locale, this.unit, v));
    focusRuleMark(layers.focus, frame, this.focusDay);
    this.drawn = frame;
  }
}

customElements.define('qc-sweep-chart', SweepChart);

declare global {
  interface HTMLElementTagNameMap {
    'qc-sweep-chart': SweepChart;
  }
}
