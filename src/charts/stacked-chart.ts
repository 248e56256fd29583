/**
 * A stacked area over days (membership pyramid of one run, messages by kind),
 * with a legend, a hover / keyboard read-out and a table alternative, drawn by
 * composing the shared marks (marks.ts).
 *
 * Properties: `label`, `locale`, `layers` (StackLayer[]). Events: none.
 */
import { css, html, nothing, type PropertyValues } from 'lit';
import { select } from 'd3';
import { HEIGHT, WIDTH, chartStyles, DayChart, shownDay } from './day-axis.ts';
import { formatNumber } from '../i18n/locale.ts';
import { t } from '../i18n/messages.ts';
import { axesMark, chartLayers, focusRuleMark, groupsFor, layerMark, type Frame } from './marks.ts';

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
    const readout = focus === null ? '' : `${t(this.locale, 'dayN', { day: shownDay(focus), days: this.days })} · ${this.layers.map((l) => `${l.name} ${f(l.values[focus])}`).join(' · ')}`;
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
          <tbody>${Array.from({ length: this.days }, (_, d) => html`<tr><td>${shownDay(d)}</td>${this.layers.map((l) => html`<td>${f(l.values[d])}</td>`)}</tr>`)}</tbody>
        </table></div>` : nothing}
      </figure>
    `;
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('layers') || changed.has('locale')) this.draw();
    else if (changed.has('focusDay') && this.drawn) focusRuleMark(chartLayers(this.svg()).focus, this.drawn, this.focusDay);
  }

  /** The frame of the last drawing (moving the focus rule needs nothing else). */
  private drawn: Frame | null = null;

  private svg(): SVGSVGElement {
    return this.renderRoot.querySelector('svg')!;
  }

  /** Moves the layers to the current values (joined in place: nothing is rebuilt). */
  private draw(): void {
    const n = this.days;
    if (!n) {
      select(this.svg()).selectAll('*').remove();
      this.drawn = null;
      return;
    }
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
    const frame = this.frame(0, max > 0 ? max : 1);
    const layers = chartLayers(this.svg());
    groupsFor(layers.data, this.layers, (l) => l.name, (g, l, k) => layerMark(g, frame, bottoms[k], tops[k], l.color));
    axesMark(layers.axes, frame, n, (v) => formatNumber(this.locale, v, 0));
    focusRuleMark(layers.focus, frame, this.focusDay);
    this.drawn = frame;
  }
}

customElements.define('qc-stacked-chart', StackedChart);

declare global {
  interface HTMLElementTagNameMap {
    'qc-stacked-chart': StackedChart;
  }
}
