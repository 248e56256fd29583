/**
 * The hours–chance trade-off as a step curve: team hours per week on x, the
 * share of runs meeting every goal on y, each point with its 90 % interval as
 * a bar; the current strategy is a hollow mark. A table beside it (in the
 * panel) lists the same points for screen readers and keyboard use.
 */
import { svg } from 'lit';
import { scaleLinear } from 'd3';

export interface FrontierChartPoint {
  readonly hours: number;
  readonly chance: number;
  readonly interval: readonly [number, number];
  readonly current?: boolean;
}

/** A point's number, as on the chart and in the table: ①…⑳, then 21, 22, … */
export function pointMark(i: number): string {
  return i < 20 ? String.fromCodePoint(0x2460 + i) : String(i + 1);
}

/** The drawing's size and type: a phone's is narrower and taller, its type ≥ 12 px on screen at ~330 px wide. */
const WIDE = { W: 420, H: 216, font: 10, M: { top: 28, right: 12, bottom: 32, left: 40 } };
const NARROW = { W: 320, H: 240, font: 13, M: { top: 34, right: 12, bottom: 38, left: 44 } };

/**
 * An SVG template of the curve, labelled by `title` (x and y axis names in the
 * reader's language). Each point carries its number (`pointMark`), as in the
 * table; `budget` (hours a week), if given, is a dashed vertical line; `narrow`
 * lays it out for a phone (narrower, taller, larger type).
 */
export function frontierChart(points: readonly FrontierChartPoint[], current: FrontierChartPoint,
  labels: { readonly title: string; readonly x: string; readonly y: string; readonly percent: (v: number) => string; readonly budget?: string },
  options: { readonly narrow?: boolean; readonly budget?: number } = {}) {
  const { W, H, font, M } = options.narrow ? NARROW : WIDE;
  const all = [...points, current];
  const hours = all.map((p) => p.hours);
  const budget = options.budget !== undefined && Number.isFinite(options.budget) ? options.budget : undefined;
  const x = scaleLinear().domain([Math.max(0, Math.min(...hours) - 0.5), Math.max(...hours, budget ?? -Infinity) + 0.5]).range([M.left, W - M.right]).nice();
  const top = Math.max(0.1, ...all.map((p) => p.interval[1]));
  const y = scaleLinear().domain([0, top]).range([H - M.bottom, M.top]).nice();
  const steps = points.map((p, i) => (i ? `H${x(p.hours)}V${y(p.chance)}` : `M${x(p.hours)},${y(p.chance)}`)).join('');
  // the y axis' name above the plot, level (turned, it was longer than the axis)
  const yTitle = svg`<text class="axis-title" x=${4} y=${font + 2} text-anchor="start" font-size=${font} fill="#3e4c59">${labels.y}</text>`;
  return svg`<svg viewBox="0 0 ${W} ${H}" role="img" aria-label=${labels.title} class="frontier-chart${options.narrow ? ' narrow' : ''}">
    ${y.ticks(4).map((t) => svg`<g><line x1=${M.left} x2=${W - M.right} y1=${y(t)} y2=${y(t)} stroke="#eef1f4"></line>
      <text x=${M.left - 4} y=${y(t) + font * 0.3} text-anchor="end" font-size=${font} fill="#52606d">${labels.percent(t)}</text></g>`)}
    ${x.ticks(options.narrow ? 4 : 6).map((t) => svg`<text x=${x(t)} y=${H - M.bottom + font + 4} text-anchor="middle" font-size=${font} fill="#52606d">${t}</text>`)}
    <text class="axis-title" x=${(M.left + W - M.right) / 2} y=${H - 4} text-anchor="middle" font-size=${font} fill="#3e4c59">${labels.x}</text>
    ${yTitle}
    ${budget !== undefined ? svg`<g class="budget"><line x1=${x(budget)} x2=${x(budget)} y1=${M.top} y2=${H - M.bottom} stroke="#9a6700" stroke-width="1.2" stroke-dasharray="4 3"></line>
      <text x=${x(budget) - 3} y=${M.top + font} text-anchor="end" font-size=${font} fill="#9a6700">${labels.budget ?? ''}</text></g>` : ''}
    <path d=${steps} fill="none" stroke="#1a7f5a" stroke-width="1.5"></path>
    ${points.map((p, i) => svg`<g class="point"><line x1=${x(p.hours)} x2=${x(p.hours)} y1=${y(p.interval[0])} y2=${y(p.interval[1])} stroke="#a8d5c2" stroke-width="3"></line>
      <circle cx=${x(p.hours)} cy=${y(p.chance)} r="3.5" fill="#1a7f5a"></circle>
      <text class="mark" x=${x(p.hours) + 5} y=${y(p.chance) - 5} text-anchor="start" font-size=${font + 1} fill="#0e5c40">${pointMark(i)}</text></g>`)}
    <circle class="current" cx=${x(current.hours)} cy=${y(current.chance)} r="5" fill="none" stroke="#bf8700" stroke-width="2"></circle>
  </svg>`;
}
