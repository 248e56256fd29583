/**
 * A stacked area over days (membership pyramid of one run, messages by kind),
 * with a legend, a hover / keyboard read-out and a table alternative.
 */
import { css, html, nothing, type PropertyValues } from 'lit';
import { area, axisBottom, axisLeft, scaleLinear, select } from 'd3';
import { HEIGHT, MARGIN, WIDTH, chartStyles, DayChart } from './day-axis.ts';
import { formatNumber, t } from '../ui/i18n.ts';

export interface StackLayer {
  readonly name: string;
  readonly color: string;
  readonly values: ArrayLike<number>;
}


export class StackedChart extends DayChart {
  static override properties = {
    ...DayChart.properties,
    layers: { attribute: false },
  };

  declare layers: readonly StackLayer[];

  constructor() {
    super();
    this.layers = [];
  }

  static override styles = [chartStyles, css`
    ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; padding: 0; margin: 0.25rem 0 0; font-size: 0.75rem; }
    li::before { content: ''; display: inline-block; width: 0.7rem; height: 0.7rem; margin-right: 0.25rem; vertical-align: -0.05rem; background: var(--swatch); border-radius: 2px; }
  `];

  protected get days(): number {
    return this.layers[0]?.values.length ?? 0;
  }

  override render() {
    const f = (v: number) => formatNumber(this.locale, v, 1);
    const focus = this.focusDay;
    const readout = focus === null ? '' : `${t(this.locale, 'dayN', { day: focus })} · ${this.layers.map((l) => `${l.name} ${f(l.values[focus])}`).join(' · ')}`;
    return html`
      <figure>
        <figcaption>${this.label}</figcaption>
        <div class="readout" aria-live="polite">${readout}</div>
        <svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" tabindex="0" aria-label=${this.label}
          @pointermove=${this.onPointer} @pointerleave=${() => { this.focusDay = null; }} @keydown=${this.onKey}></svg>
        <ul>${this.layers.map((l) => html`<li style="--swatch:${l.color}">${l.name}</li>`)}</ul>
        <div class="actions">
          ${this.tableToggle()}
        </div>
        ${this.showTable ? html`<div class="table-wrap"><table>
          <thead><tr><th>${t(this.locale, 'day')}</th>${this.layers.map((l) => html`<th>${l.name}</th>`)}</tr></thead>
          <tbody>${Array.from({ length: this.days }, (_, d) => html`<tr><td>${d}</td>${this.layers.map((l) => html`<td>${f(l.values[d])}</td>`)}</tr>`)}</tbody>
        </table></div>` : nothing}
      </figure>
    `;
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('layers') || changed.has('focusDay') || changed.has('locale')) this.draw();
  }

  private draw(): void {
    const svg = select(this.renderRoot.querySelector('svg')!);
    svg.selectAll('*').remove();
    const n = this.days;
    if (!n) return;
    const bottoms = this.layers.map(() => new Float64Array(n));
    const tops = this.layers.map(() => new Float64Array(n));
    let max = 0;
    for (let d = 0; d < n; d++) {
      let sum = 0;
      this.layers.forEach((l, k) => {
        const v = Number.isFinite(l.values[d]) ? l.values[d] : 0;
        bottoms[k][d] = sum;
        sum += v;
        tops[k][d] = sum;
      });
      max = Math.max(max, sum);
    }
    const x = this.x();
    const y = scaleLinear().domain([0, max > 0 ? max : 1]).nice().range([HEIGHT - MARGIN.bottom, MARGIN.top]);
    const days = Array.from({ length: n }, (_, d) => d);
    this.layers.forEach((l, k) => {
      svg.append('path').attr('class', 'layer')
        .attr('d', area<number>().x((d) => x(d)).y0((d) => y(bottoms[k][d])).y1((d) => y(tops[k][d]))(days))
        .attr('fill', l.color).attr('opacity', 0.85);
    });
    svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${HEIGHT - MARGIN.bottom})`)
      .call(axisBottom(x).ticks(Math.min(8, n)).tickFormat((d) => String(d)));
    svg.append('g').attr('class', 'axis').attr('transform', `translate(${MARGIN.left},0)`)
      .call(axisLeft(y).ticks(5).tickFormat((v) => formatNumber(this.locale, Number(v), 0)));
    if (this.focusDay !== null) {
      svg.append('line').attr('x1', x(this.focusDay)).attr('x2', x(this.focusDay)).attr('y1', MARGIN.top).attr('y2', HEIGHT - MARGIN.bottom)
        .attr('stroke', '#1d2733').attr('stroke-width', 1);
    }
  }
}

customElements.define('qc-stacked-chart', StackedChart);

declare global {
  interface HTMLElementTagNameMap {
    'qc-stacked-chart': StackedChart;
  }
}
