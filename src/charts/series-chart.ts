/**
 * One reusable time-series chart: for each series, the median line over its
 * p25–p75 and p10–p90 bands; the playbook threshold as a labelled line (or a
 * healthy band) with its source; a day axis; a hover / keyboard read-out; and a
 * table alternative. Several series overlay (paired comparison).
 */
import { css, html, nothing, type PropertyValues } from 'lit';
import { area, axisBottom, axisLeft, line, scaleLinear, select } from 'd3';
import { HEIGHT, MARGIN, WIDTH, chartStyles, DayChart } from './day-axis.ts';
import { formatByUnit, t } from '../ui/i18n.ts';
import { exportPng, exportSvg } from './image-export.ts';

export interface QuantileSeries {
  readonly name: string;
  readonly color: string;
  readonly p10: ArrayLike<number>;
  readonly p25: ArrayLike<number>;
  readonly p50: ArrayLike<number>;
  readonly p75: ArrayLike<number>;
  readonly p90: ArrayLike<number>;
}

export interface ChartThreshold {
  readonly direction: 'atLeast' | 'above' | 'atMost' | 'below' | 'between';
  readonly value: number;
  readonly upper?: number;
  /** Localised text, e.g. "≥ 80 % (§1)". */
  readonly label: string;
  /** What the threshold means, shown under the chart. */
  readonly description?: string;
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

  static override styles = [chartStyles, css`
    figcaption { display: flex; justify-content: space-between; align-items: baseline; gap: 0.5rem; }
    .note { font-size: 0.75rem; color: var(--qc-muted, #52606d); margin: 0.2rem 0 0; }
  `];

  protected get days(): number {
    return this.series[0]?.p50.length ?? 0;
  }

  override render() {
    const locale = this.locale;
    const focus = this.focusDay;
    const readout = focus === null || !this.series.length ? '' : this.series.map((s) => {
      const v = (a: ArrayLike<number>) => formatByUnit(locale, this.unit, a[focus]);
      return `${this.series.length > 1 ? `${s.name}: ` : ''}${t(locale, 'dayN', { day: focus })} · ${v(s.p50)} (${v(s.p25)}–${v(s.p75)}; ${v(s.p10)}–${v(s.p90)})`;
    }).join(' | ');
    return html`
      <figure>
        <figcaption><span>${this.label}</span></figcaption>
        <div class="readout" aria-live="polite">${readout}</div>
        <svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" tabindex="0"
          aria-label="${this.ariaSummary()}"
          @pointermove=${this.onPointer} @pointerleave=${() => { this.focusDay = null; }}
          @keydown=${this.onKey} @blur=${() => { this.focusDay = null; }}></svg>
        ${this.threshold?.description ? html`<p class="note">${this.threshold.label} — ${this.threshold.description}</p>` : nothing}
        ${this.note ? html`<p class="note">${this.note}</p>` : nothing}
        <div class="actions">
          ${this.tableToggle()}
          <button class="export-svg" @click=${() => exportSvg(this.svg(), this.label)}>SVG</button>
          <button class="export-png" @click=${() => void exportPng(this.svg(), this.label)}>PNG</button>
        </div>
        ${this.showTable ? this.renderTable() : nothing}
      </figure>
    `;
  }

  private svg(): SVGSVGElement {
    return this.renderRoot.querySelector('svg')!;
  }

  private ariaSummary(): string {
    if (!this.days) return this.label;
    const last = this.days - 1;
    const s = this.series[0];
    const f = (v: number) => formatByUnit(this.locale, this.unit, v);
    return `${this.label}: ${t(this.locale, 'dayN', { day: last })} ${t(this.locale, 'medianLine')} ${f(s.p50[last])}, p10–p90 ${f(s.p10[last])}–${f(s.p90[last])}${this.threshold ? `; ${this.threshold.label}` : ''}`;
  }

  private renderTable() {
    const f = (v: number) => formatByUnit(this.locale, this.unit, v);
    return html`<div class="table-wrap"><table>
      <thead><tr><th>${t(this.locale, 'day')}</th>${this.series.map((s) => html`<th>${this.series.length > 1 ? `${s.name} ` : ''}p10</th><th>p25</th><th>${t(this.locale, 'medianLine')}</th><th>p75</th><th>p90</th>`)}</tr></thead>
      <tbody>${Array.from({ length: this.days }, (_, d) => html`<tr><td>${d}</td>${this.series.map((s) => html`<td>${f(s.p10[d])}</td><td>${f(s.p25[d])}</td><td>${f(s.p50[d])}</td><td>${f(s.p75[d])}</td><td>${f(s.p90[d])}</td>`)}</tr>`)}</tbody>
    </table></div>`;
  }

  private y() {
    let hi = 0;
    for (const s of this.series) for (let d = 0; d < s.p90.length; d++) if (s.p90[d] > hi) hi = s.p90[d];
    if (this.threshold) hi = Math.max(hi, this.threshold.upper ?? this.threshold.value);
    if (this.unit === 'share') hi = Math.max(hi, 1);
    return scaleLinear().domain([0, hi > 0 ? hi * 1.05 : 1]).nice().range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('series') || changed.has('threshold') || changed.has('locale') || changed.has('focusDay') || changed.has('unit')) this.draw();
  }

  private draw(): void {
    const svg = select(this.renderRoot.querySelector('svg')!);
    svg.selectAll('*').remove();
    if (!this.days) return;
    const x = this.x();
    const y = this.y();
    const defined = (v: number) => Number.isFinite(v);
    const days = Array.from({ length: this.days }, (_, d) => d);

    if (this.threshold) {
      const th = this.threshold;
      const g = svg.append('g').attr('class', 'threshold');
      if (th.direction === 'between' && th.upper !== undefined) {
        g.append('rect').attr('class', 'healthy-band')
          .attr('x', MARGIN.left).attr('width', WIDTH - MARGIN.left - MARGIN.right)
          .attr('y', y(th.upper)).attr('height', Math.max(0, y(th.value) - y(th.upper)))
          .attr('fill', '#2da44e').attr('opacity', 0.08);
      }
      for (const v of th.direction === 'between' && th.upper !== undefined ? [th.value, th.upper] : [th.value]) {
        g.append('line').attr('class', 'threshold-line')
          .attr('x1', MARGIN.left).attr('x2', WIDTH - MARGIN.right).attr('y1', y(v)).attr('y2', y(v))
          .attr('stroke', '#bf8700').attr('stroke-dasharray', '5 4').attr('stroke-width', 1.5);
      }
      g.append('text').attr('class', 'threshold-label')
        .attr('x', WIDTH - MARGIN.right).attr('y', y(th.upper ?? th.value) - 4).attr('text-anchor', 'end')
        .attr('font-size', 10).attr('fill', '#9a6700').text(th.label);
    }

    for (const s of this.series) {
      const band = (lo: ArrayLike<number>, hi: ArrayLike<number>) => area<number>()
        .defined((d) => defined(lo[d]) && defined(hi[d]))
        .x((d) => x(d)).y0((d) => y(lo[d])).y1((d) => y(hi[d]))(days);
      svg.append('path').attr('class', 'band-outer').attr('d', band(s.p10, s.p90)).attr('fill', s.color).attr('opacity', 0.12);
      svg.append('path').attr('class', 'band-inner').attr('d', band(s.p25, s.p75)).attr('fill', s.color).attr('opacity', 0.22);
      svg.append('path').attr('class', 'median')
        .attr('d', line<number>().defined((d) => defined(s.p50[d])).x((d) => x(d)).y((d) => y(s.p50[d]))(days))
        .attr('fill', 'none').attr('stroke', s.color).attr('stroke-width', 2);
    }

    const format = (v: number) => formatByUnit(this.locale, this.unit, v);
    svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${HEIGHT - MARGIN.bottom})`)
      .call(axisBottom(x).ticks(Math.min(8, this.days)).tickFormat((d) => String(d)));
    svg.append('g').attr('class', 'axis').attr('transform', `translate(${MARGIN.left},0)`)
      .call(axisLeft(y).ticks(5).tickFormat((v) => format(Number(v))));

    if (this.focusDay !== null) {
      svg.append('line').attr('class', 'focus')
        .attr('x1', x(this.focusDay)).attr('x2', x(this.focusDay)).attr('y1', MARGIN.top).attr('y2', HEIGHT - MARGIN.bottom)
        .attr('stroke', '#52606d').attr('stroke-width', 1);
    }
  }
}

customElements.define('qc-series-chart', SeriesChart);

declare global {
  interface HTMLElementTagNameMap {
    'qc-series-chart': SeriesChart;
  }
}
