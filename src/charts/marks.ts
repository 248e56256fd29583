/**
 * The marks every chart composes (Observable Plot's idea: a mark is a function
 * of data and options with sensible defaults): a band between two quantiles, a
 * line, a stacked layer, the playbook threshold as a rule or a healthy band,
 * the focus rule at the day read out, and the day and value axes. Colours and
 * strokes come from one palette, not from each chart. Marks update their
 * elements in place (data joins): a chart is drawn once and then moved.
 */
import { area, axisBottom, axisLeft, line, select, type ScaleLinear, type Selection } from 'd3';

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
  // the third is magenta, not orange: the playbook's goal line is gold and must stay apart from every series
  series: ['#1a7f5a', '#8250df', '#bf3989', '#0969da'],
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

type Tag = 'g' | 'path' | 'line' | 'rect' | 'text';
type Parent = Selection<SVGElement, unknown, null, undefined>;

const defined = (v: number) => Number.isFinite(v);
const daysOf = (n: number) => Array.from({ length: n }, (_, d) => d);

/**
 * The one child of `parent` that plays the part `mark`: made the first time,
 * updated in place afterwards (a data join of one), so redrawing a chart moves
 * its existing paths instead of rebuilding the SVG.
 */
export function slot<K extends Tag>(parent: Parent, tag: K, mark: string): Selection<SVGElementTagNameMap[K], string, SVGElement, unknown> {
  return parent.selectChildren<SVGElementTagNameMap[K], string>(`[data-mark="${mark}"]`).data([mark])
    .join((enter) => enter.append(tag).attr('data-mark', mark) as unknown as Selection<SVGElementTagNameMap[K], string, SVGElement, unknown>);
}

/**
 * The layers every chart draws in, bottom to top: the goal, the data, the
 * axes, the focus rule. Made once per SVG, so a goal that appears later still
 * lies under the data.
 */
export interface ChartLayers {
  readonly goal: Parent;
  readonly data: Parent;
  readonly axes: Parent;
  readonly focus: Parent;
}

export function chartLayers(svg: SVGSVGElement): ChartLayers {
  const root = select<SVGElement, unknown>(svg);
  const layer = (name: string) => slot(root, 'g', `layer-${name}`) as unknown as Parent;
  return { goal: layer('goal'), data: layer('data'), axes: layer('axes'), focus: layer('focus') };
}

/**
 * One group per item, keyed (a data join: a series that stays keeps its
 * elements, a new one enters, a gone one leaves), in the items' order.
 */
export function groupsFor<T>(parent: Parent, items: readonly T[], key: (item: T) => string, each: (group: Parent, item: T, index: number) => void): void {
  parent.selectChildren<SVGGElement, T>('g.item').data(items, (d) => key(d as T)).join('g').attr('class', 'item').order()
    .each(function (item, index) {
      each(select<SVGElement, unknown>(this), item, index);
    });
}

/** The area between `lo` and `hi`, day by day (gaps where either is undefined). */
export function bandMark(parent: Parent, frame: Frame, lo: ArrayLike<number>, hi: ArrayLike<number>, options: { color: string; opacity: number; className: string }): void {
  const path = area<number>()
    .defined((d) => defined(lo[d]) && defined(hi[d]))
    .x((d) => frame.x(d)).y0((d) => frame.y(lo[d])).y1((d) => frame.y(hi[d]));
  slot(parent, 'path', options.className).attr('class', options.className).attr('d', path(daysOf(lo.length)))
    .attr('fill', options.color).attr('opacity', options.opacity);
}

/** A line through the values, day by day (gaps where undefined). */
export function lineMark(parent: Parent, frame: Frame, values: ArrayLike<number>, options: { color: string; className: string; width?: number; dash?: string }): void {
  const path = line<number>().defined((d) => defined(values[d])).x((d) => frame.x(d)).y((d) => frame.y(values[d]));
  slot(parent, 'path', 'line').attr('class', options.className).attr('d', path(daysOf(values.length)))
    .attr('fill', 'none').attr('stroke', options.color).attr('stroke-width', options.width ?? 2)
    .attr('stroke-dasharray', options.dash ?? null);
}

/** One layer of a stack, from its bottoms to its tops. */
export function layerMark(parent: Parent, frame: Frame, bottoms: ArrayLike<number>, tops: ArrayLike<number>, color: string): void {
  bandMark(parent, frame, bottoms, tops, { color, opacity: PALETTE.layerOpacity, className: 'layer' });
}

/** The playbook threshold: a dashed rule at its value, or a healthy band between two rules, labelled with its source (none: removed). */
export function thresholdMark(parent: Parent, frame: Frame, threshold: ChartThreshold | null): void {
  const g = parent.selectChildren<SVGGElement, ChartThreshold>('g.threshold').data(threshold ? [threshold] : []).join('g').attr('class', 'threshold');
  if (!threshold) return;
  const band = threshold.direction === 'between' && threshold.upper !== undefined;
  g.selectChildren<SVGRectElement, number>('rect.healthy-band').data(band ? [threshold.upper!] : []).join('rect').attr('class', 'healthy-band')
    .attr('x', frame.left).attr('width', frame.right - frame.left)
    .attr('y', (upper) => frame.y(upper)).attr('height', (upper) => Math.max(0, frame.y(threshold.value) - frame.y(upper)))
    .attr('fill', PALETTE.healthy).attr('opacity', 0.08);
  g.selectChildren<SVGLineElement, number>('line.threshold-line').data(band ? [threshold.value, threshold.upper!] : [threshold.value]).join('line').attr('class', 'threshold-line')
    .attr('x1', frame.left).attr('x2', frame.right).attr('y1', (v) => frame.y(v)).attr('y2', (v) => frame.y(v))
    .attr('stroke', PALETTE.threshold).attr('stroke-dasharray', '5 4').attr('stroke-width', 1.5);
  g.selectChildren<SVGTextElement, string>('text.threshold-label').data([threshold.label]).join('text').attr('class', 'threshold-label')
    .attr('x', frame.right).attr('y', frame.y(threshold.upper ?? threshold.value) - 4).attr('text-anchor', 'end')
    .attr('font-size', 10).attr('fill', PALETTE.thresholdText).text((label) => label);
}

/** The vertical rule at the day being read out (none: removed). */
export function focusRuleMark(parent: Parent, frame: Frame, day: number | null): void {
  parent.selectChildren<SVGLineElement, number>('line.focus').data(day === null ? [] : [day]).join('line').attr('class', 'focus')
    .attr('x1', (d) => frame.x(d)).attr('x2', (d) => frame.x(d)).attr('y1', frame.top).attr('y2', frame.bottom)
    .attr('stroke', PALETTE.focus).attr('stroke-width', 1);
}

/** The day axis along the bottom (days counted from 1, as people count them) and the value axis on the left. */
export function axesMark(parent: Parent, frame: Frame, days: number, formatValue: (v: number) => string): void {
  slot(parent, 'g', 'axis-x').attr('class', 'axis').attr('transform', `translate(0,${frame.bottom})`)
    .call(axisBottom(frame.x).ticks(Math.min(8, days)).tickFormat((d) => String(Number(d) + 1)));
  valueAxisMark(parent, frame, formatValue);
}

/** The value axis on the left. */
export function valueAxisMark(parent: Parent, frame: Frame, formatValue: (v: number) => string): void {
  slot(parent, 'g', 'axis-y').attr('class', 'axis').attr('transform', `translate(${frame.left},0)`)
    .call(axisLeft(frame.y).ticks(5).tickFormat((v) => formatValue(Number(v))));
}
