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

const W = 420;
const H = 200;
const M = { top: 10, right: 12, bottom: 32, left: 40 };

/** An SVG template of the curve, labelled by `title` (x and y axis names in the reader's language). */
export function frontierChart(points: readonly FrontierChartPoint[], current: FrontierChartPoint, labels: { readonly title: string; readonly x: string; readonly y: string; readonly percent: (v: number) => string }) {
  const all = [...points, current];
  const hours = all.map((p) => p.hours);
  const x = scaleLinear().domain([Math.max(0, Math.min(...hours) - 0.5), Math.max(...hours) + 0.5]).range([M.left, W - M.right]).nice();
  const top = Math.max(0.1, ...all.map((p) => p.interval[1]));
  const y = scaleLinear().domain([0, top]).range([H - M.bottom, M.top]).nice();
  const steps = points.map((p, i) => (i ? `H${x(p.hours)}V${y(p.chance)}` : `M${x(p.hours)},${y(p.chance)}`)).join('');
  return svg`<svg viewBox="0 0 ${W} ${H}" role="img" aria-label=${labels.title} class="frontier-chart">
    ${y.ticks(4).map((t) => svg`<g><line x1=${M.left} x2=${W - M.right} y1=${y(t)} y2=${y(t)} stroke="#eef1f4"></line>
      <text x=${M.left - 4} y=${y(t) + 3} text-anchor="end" font-size="10" fill="#52606d">${labels.percent(t)}</text></g>`)}
    ${x.ticks(6).map((t) => svg`<text x=${x(t)} y=${H - M.bottom + 14} text-anchor="middle" font-size="10" fill="#52606d">${t}</text>`)}
    <text x=${(M.left + W - M.right) / 2} y=${H - 4} text-anchor="middle" font-size="10" fill="#3e4c59">${labels.x}</text>
    <text x=${10} y=${(M.top + H - M.bottom) / 2} text-anchor="middle" font-size="10" fill="#3e4c59" transform="rotate(-90 10 ${(M.top + H - M.bottom) / 2})">${labels.y}</text>
    <path d=${steps} fill="none" stroke="#1a7f5a" stroke-width="1.5"></path>
    ${points.map((p) => svg`<g class="point"><line x1=${x(p.hours)} x2=${x(p.hours)} y1=${y(p.interval[0])} y2=${y(p.interval[1])} stroke="#a8d5c2" stroke-width="3"></line>
      <circle cx=${x(p.hours)} cy=${y(p.chance)} r="3.5" fill="#1a7f5a"></circle></g>`)}
    <circle class="current" cx=${x(current.hours)} cy=${y(current.chance)} r="5" fill="none" stroke="#bf8700" stroke-width="2"></circle>
  </svg>`;
}
