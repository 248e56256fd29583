/**
 * What the series chart and the stacked chart share: the frame, the day scale,
 * the day under the pointer or the arrow keys, and the common styles.
 *
 * Charts fire no events of their own: they read out and export what they show.
 */
import { LitElement, css, html } from 'lit';
import { scaleLinear, type ScaleLinear } from 'd3';
import type { Locale } from '../i18n/locale.ts';
import { t } from '../i18n/messages.ts';
import type { Frame } from './marks.ts';

export const WIDTH = 520;
export const HEIGHT = 200;
export const MARGIN = { top: 12, right: 16, bottom: 26, left: 48 } as const;

/**
 * Days as people count them: the series' index 0 (the day the group is
 * created) is shown as day 1, so the last of 30 days is "day 30 of 30".
 * Files, exports and the engine keep the index.
 */
export const shownDay = (index: number): number => index + 1;

export function dayScale(days: number): ScaleLinear<number, number> {
  return scaleLinear().domain([0, Math.max(1, days - 1)]).range([MARGIN.left, WIDTH - MARGIN.right]);
}

/** The day under the pointer on a chart's SVG. */
export function dayAtPointer(event: PointerEvent, days: number): number {
  const box = (event.currentTarget as SVGSVGElement).getBoundingClientRect();
  const day = Math.round(dayScale(days).invert(((event.clientX - box.left) / box.width) * WIDTH));
  return Math.max(0, Math.min(days - 1, day));
}

/** The day a key moves the read-out to (←, →, Home, End), or null for other keys. */
export function dayAfterKey(key: string, current: number | null, days: number): number | null {
  if (!days) return null;
  const last = days - 1;
  const from = current ?? last;
  const next = key === 'ArrowLeft' ? from - 1 : key === 'ArrowRight' ? from + 1 : key === 'Home' ? 0 : key === 'End' ? last : null;
  return next === null ? null : Math.max(0, Math.min(last, next));
}

export const chartStyles = css`
  :host { display: block; }
  figure { margin: 0; }
  figcaption { font-weight: 600; font-size: 0.95rem; margin-bottom: 0.25rem; }
  .readout { font-size: 0.8rem; color: var(--qc-muted); min-height: 1.2em; font-variant-numeric: tabular-nums; }
  svg { width: 100%; height: auto; display: block; overflow: visible; }
  svg:focus-visible { outline: 2px solid var(--qc-focus); outline-offset: 2px; }
  .actions { display: flex; gap: 0.75rem; }
  .actions button { font: inherit; font-size: 0.75rem; background: none; border: none; color: var(--qc-focus); cursor: pointer; padding: 0.1rem 0; }
  .actions button:focus-visible { outline: 2px solid var(--qc-focus); }
  .table-wrap { max-height: 14rem; overflow: auto; border: 1px solid var(--qc-border); border-radius: 4px; }
  table { border-collapse: collapse; width: 100%; font-size: 0.75rem; font-variant-numeric: tabular-nums; }
  th, td { padding: 0.15rem 0.4rem; text-align: right; border-bottom: 1px solid var(--qc-rule); }
  th:first-child, td:first-child { text-align: left; }
  thead th { position: sticky; top: 0; background: var(--qc-subtle); }
  .axis text { font-size: 10px; fill: var(--qc-muted); }
  .axis path, .axis line { stroke: #c5ced8; }
  @media print { .actions, .table-wrap { display: none; } figure { break-inside: avoid; } }
`;

/**
 * The state and behaviour both charts share: a label and locale, the day under
 * the pointer or the arrow keys, and the table toggle. Subclasses say how many
 * days they show and draw.
 */
export abstract class DayChart extends LitElement {
  static override properties = {
    label: { type: String },
    caption: { type: String },
    locale: { type: String },
    showTable: { state: true },
    focusDay: { state: true },
  };

  // Reactive properties are declared, then set in the constructor: class-field
  // initialisers would shadow Lit's accessors.
  declare label: string;
  /** What the chart shows (scenario, seed, runs): printed under the title of an exported image. */
  declare caption: string;
  declare locale: Locale;
  declare showTable: boolean;
  declare focusDay: number | null;

  constructor() {
    super();
    this.label = '';
    this.caption = '';
    this.locale = 'en';
    this.showTable = false;
    this.focusDay = null;
  }

  protected abstract get days(): number;

  protected x(): ScaleLinear<number, number> {
    return dayScale(this.days);
  }

  /** The drawing frame for a value scale from `lo` to `hi` (rounded to nice ticks). */
  protected frame(lo: number, hi: number): Frame {
    const y = scaleLinear().domain([lo, hi]).nice().range([HEIGHT - MARGIN.bottom, MARGIN.top]);
    return { x: this.x(), y, left: MARGIN.left, right: WIDTH - MARGIN.right, top: MARGIN.top, bottom: HEIGHT - MARGIN.bottom };
  }

  protected onPointer(event: PointerEvent): void {
    if (this.days) this.focusDay = dayAtPointer(event, this.days);
  }

  protected onKey(event: KeyboardEvent): void {
    const next = dayAfterKey(event.key, this.focusDay, this.days);
    if (next === null) return;
    event.preventDefault();
    this.focusDay = next;
  }

  protected tableToggle() {
    return html`<button class="table-toggle" aria-expanded=${this.showTable ? 'true' : 'false'} @click=${() => { this.showTable = !this.showTable; }}>
      ${t(this.locale, this.showTable ? 'hideTable' : 'showTable')}
    </button>`;
  }
}
