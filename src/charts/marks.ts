/**
 * The marks every chart composes (Observable Plot's idea: a mark is a function
 * of data and options with sensible defaults): a band between two quantiles, a
 * line, a stacked layer, the playbook threshold as a rule or a healthy band,
 * the focus rule at the day read out, and the day and value axes. Colours and
 * strokes come from one palette, not from each chart.
 */
import { area, axisBottom, axisLeft, line, type ScaleLinear, type Selection } from 'd3';

/** Where a chart draws: its scales and inner box (SVG user units). */
export interface Frame {
  readonly x: ScaleLinear<number, number>;
  readonly y: ScaleLinear<number, number>;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** What a threshold looks like to a chart (from the playbook, localised). */
export interface ChartThreshold {
  readonly direction: 'atLeast' | 'above' | 'atMost' | 'below' | 'between';
  readonly value: number;
  readonly upper?: number;
  /** Localised text, e.g. "≥ 80 % (§1)". */
  readonly label: string;
  /** What the threshold means, shown under the chart. */
  readonly description?: string;
}

export const PALETTE = {
  /** Colours of overlaid series: the lab's two-line charts and compared scenarios A–D. */
  series: ['#1a7f5a', '#8250df', '#bc4c00', '#0969da'],
  /** A pinned baseline drawn under the current results. */
  ghost: '#6e7781',
  threshold: '#bf8700',
  thresholdText: '#9a6700',
  healthy: '#2da44e',
  focus: '#52606d',
  outerBandOpacity: 0.12,
  innerBandOpacity: 0.22,
  layerOpacity: 0.85,
} as const;

type Parent = Selection<SVGSVGElement, unknown, null, undefined> | Selection<SVGGElement, unknown, null, undefined>;

const defined = (v: number) => Number.isFinite(v);
const daysOf = (n: number) => Array.from({ length: n }, (_, d) => d);

/** The area between `lo` and `hi`, day by day (gaps where either is undefined). */
export function bandMark(parent: Parent, frame: Frame, lo: ArrayLike<number>, hi: ArrayLike<number>, options: { color: string; opacity: number; className: string }): void {
  const path = area<number>()
    .defined((d) => defined(lo[d]) && defined(hi[d]))
    .x((d) => frame.x(d)).y0((d) => frame.y(lo[d])).y1((d) => frame.y(hi[d]));
  parent.append('path').attr('class', options.className).attr('d', path(daysOf(lo.length)))
    .attr('fill', options.color).attr('opacity', options.opacity);
}

/** A line through the values, day by day (gaps where undefined). */
export function lineMark(parent: Parent, frame: Frame, values: ArrayLike<number>, options: { color: string; className: string; width?: number; dash?: string }): void {
  const path = line<number>().defined((d) => defined(values[d])).x((d) => frame.x(d)).y((d) => frame.y(values[d]));
  const drawn = parent.append('path').attr('class', options.className).attr('d', path(daysOf(values.length)))
    .attr('fill', 'none').attr('stroke', options.color).attr('stroke-width', options.width ?? 2);
  if (options.dash) drawn.attr('stroke-dasharray', options.dash);
}

/** One layer of a stack, from its bottoms to its tops. */
export function layerMark(parent: Parent, frame: Frame, bottoms: ArrayLike<number>, tops: ArrayLike<number>, color: string): void {
  bandMark(parent, frame, bottoms, tops, { color, opacity: PALETTE.layerOpacity, className: 'layer' });
}

/** The playbook threshold: a dashed rule at its value, or a healthy band between two rules, labelled with its source. */
export function thresholdMark(parent: Parent, frame: Frame, threshold: ChartThreshold): void {
  const g = parent.append('g').attr('class', 'threshold');
  const band = threshold.direction === 'between' && threshold.upper !== undefined;
  if (band) {
    g.append('rect').attr('class', 'healthy-band')
      .attr('x', frame.left).attr('width', frame.right - frame.left)
      .attr('y', frame.y(threshold.upper!)).attr('height', Math.max(0, frame.y(threshold.value) - frame.y(threshold.upper!)))
      .attr('fill', PALETTE.healthy).attr('opacity', 0.08);
  }
  for (const v of band ? [threshold.value, threshold.upper!] : [threshold.value]) {
    g.append('line').attr('class', 'threshold-line')
      .attr('x1', frame.left).attr('x2', frame.right).attr('y1', frame.y(v)).attr('y2', frame.y(v))
      .attr('stroke', PALETTE.threshold).attr('stroke-dasharray', '5 4').attr('stroke-width', 1.5);
  }
  g.append('text').attr('class', 'threshold-label')
    .attr('x', frame.right).attr('y', frame.y(threshold.upper ?? threshold.value) - 4).attr('text-anchor', 'end')
    .attr('font-size', 10).attr('fill', PALETTE.thresholdText).text(threshold.label);
}

/** The vertical rule at the day being read out. */
export function focusRuleMark(parent: Parent, frame: Frame, day: number): void {
  parent.append('line').attr('class', 'focus')
    .attr('x1', frame.x(day)).attr('x2', frame.x(day)).attr('y1', frame.top).attr('y2', frame.bottom)
    .attr('stroke', PALETTE.focus).attr('stroke-width', 1);
}

/** The day axis along the bottom (days counted from 1, as people count them) and the value axis on the left. */
export function axesMark(parent: Parent, frame: Frame, days: number, formatValue: (v: number) => string): void {
  parent.append('g').attr('class', 'axis').attr('transform', `translate(0,${frame.bottom})`)
    .call(axisBottom(frame.x).ticks(Math.min(8, days)).tickFormat((d) => String(Number(d) + 1)));
  parent.append('g').attr('class', 'axis').attr('transform', `translate(${frame.left},0)`)
    .call(axisLeft(frame.y).ticks(5).tickFormat((v) => formatValue(Number(v))));
}
