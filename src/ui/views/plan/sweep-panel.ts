/**
 * Sweep: one lever over a range (a chart of a KPI's median and bands with
 * its goal) or two (a heat map of the share of runs meeting a goal); inputs
 * are checked before anything runs.
 *
 * Properties: those of PlanPanel, `result` (PlanResults['sweep']).
 * Events: `plan-sweep` (detail: { axes: SweepAxis[], runs }).
 */
import { html, nothing } from 'lit';
import { interpolateGreens } from 'd3';
import type { Scenario } from '../../../model/scenario.ts';
import { SUMMARY, type SummaryKey } from '../../../model/metrics.ts';
import { gridOf, isNumeric, leverAt, leversFor, schemaRangeOf as schemaRange, type Lever } from '../../../model/planning/levers.ts';
import { sweepToCsv } from '../../../model/planning/export.ts';
import type { SweepAxis, SweepResult } from '../../../model/planning/sweep.ts';
import { wilson } from '../../../model/stats.ts';
import { bracketed, formatChance, formatPercent, langOf, pick } from '../../../i18n/locale.ts';
import { t } from '../../../i18n/messages.ts';
import { scenarioText } from '../../../model/text.ts';
import { chartThreshold } from '../../chart-specs.ts';
import { downloadBlob, fileNameFor } from '../../../charts/image-export.ts';
import type { PlanResults } from '../../controllers/planning-controller.ts';
import { ALL_GOALS } from './plan-panel.ts';
import '../../../charts/sweep-chart.ts';

/** Settings per lever in a browser sweep. */
const MAX_AXIS_POINTS = 51;
/** Points in a browser sweep (the CLI has no limit). */
const MAX_SWEEP_POINTS = 400;
import { PlanPanel } from './plan-panel.ts';

export class SweepPanel extends PlanPanel {
  static override properties = {
    ...PlanPanel.properties,
    result: { attribute: false },
    sweepPaths: { state: true },
    sweepRanges: { state: true },
    sweepRuns: { state: true },
    sweepShow: { state: true },
  };

  declare result: PlanResults['sweep'];
  declare sweepPaths: [string, string];
  declare sweepRanges: Record<string, { from: number; to: number; step: number }>;
  declare sweepRuns: number;
  declare sweepShow: string;

  constructor() {
    super();
    this.result = null;
    this.sweepPaths = ['content.promoPerWeek', ''];
    this.sweepRanges = {};
    this.sweepRuns = 60;
    this.sweepShow = ALL_GOALS;
  }

  private rangeOf(lever: Lever) {
    const saved = this.sweepRanges[lever.path];
    if (saved) return saved;
    const grid = gridOf(lever);
    return { from: grid[0], to: grid[grid.length - 1], step: grid.length > 1 ? Number((grid[1] - grid[0]).toFixed(6)) : lever.step };
  }

  /** The axis a lever's inputs describe, or what is wrong with them. */
  private axisOf(path: string): { axis: SweepAxis; capped: boolean } | { problem: string } | null {
    const lever = leverAt(path);
    if (!lever) return null;
    if (!isNumeric(lever)) return { axis: { lever, positions: gridOf(lever) }, capped: false };
    const { from, to, step } = this.rangeOf(lever);
    if (!(step > 0) || from > to) return { problem: t(this.locale, 'sweepEmpty') };
    const allowed = schemaRange(path);
    if (from < allowed.min || to > allowed.max) return { problem: t(this.locale, 'sweepOutside', { lever: this.label(lever), min: allowed.min, max: allowed.max }) };
    const positions: number[] = [];
    for (let k = 0; from + k * step <= to + 1e-9; k++) {
      if (k === MAX_AXIS_POINTS) return { axis: { lever, positions }, capped: true };
      positions.push(Number((from + k * step).toFixed(6)));
    }
    return { axis: { lever, positions }, capped: false };
  }

  override render() {
    const s = this.scenario;
    if (!s) return nothing;
    const locale = this.locale;
    const levers = leversFor(s);
    const checked = this.sweepPaths.filter(Boolean).map((p) => this.axisOf(p)).filter((a) => a !== null);
    const problems = checked.flatMap((a) => ('problem' in a ? [a.problem] : []));
    const axes = checked.flatMap((a) => ('axis' in a ? [a.axis] : []));
    const capped = checked.some((a) => 'capped' in a && a.capped);
    const points = problems.length ? 0 : axes.reduce((n, a) => n * a.positions.length, 1);
    const done = this.result;
    const leverSelect = (k: 0 | 1) => html`<select class="sweep-lever-${k + 1}" aria-label=${t(locale, k ? 'secondLever' : 'firstLever')}
      @change=${(e: Event) => {
        const next = [...this.sweepPaths] as [string, string];
        next[k] = (e.target as HTMLSelectElement).value;
        if (!k && next[1] === next[0]) next[1] = '';
        this.sweepPaths = next;
      }}>
      ${k ? html`<option value="" ?selected=${!this.sweepPaths[1]}>${t(locale, 'noSecondLever')}</option>` : nothing}
      ${levers.filter((l) => !k || l.path !== this.sweepPaths[0]).map((l) => html`<option value=${l.path} ?selected=${this.sweepPaths[k] === l.path}>${this.label(l)}</option>`)}
    </select>`;
    const rangeInputs = (path: string) => {
      const lever = leverAt(path);
      if (!lever || !isNumeric(lever)) return nothing;
      const r = this.rangeOf(lever);
      const set = (key: 'from' | 'to' | 'step') => (e: Event) => {
        const v = Number((e.target as HTMLInputElement).value);
        this.sweepRanges = { ...this.sweepRanges, [path]: { ...r, [key]: Number.isFinite(v) ? v : NaN } };
      };
      const name = (part: string) => t(locale, 'rangeOf', { lever: this.label(lever), part });
      const from = lever.kind === 'window' ? `${t(locale, 'from')}${bracketed(locale, t(locale, 'startHour'))}` : t(locale, 'from');
      return html`<label>${from} <input type="number" .value=${String(r.from)} step=${lever.step} aria-label=${name(from)} @change=${set('from')}></label>
        <label>${t(locale, 'to')} <input type="number" .value=${String(r.to)} step=${lever.step} aria-label=${name(t(locale, 'to'))} @change=${set('to')}></label>
        <label>${t(locale, 'step')} <input type="number" .value=${String(r.step)} step=${lever.step} min=${lever.step} aria-label=${name(t(locale, 'step'))} @change=${set('step')}></label>`;
    };
    return html`<section class="panel" aria-labelledby="sweep-title">
      <h2 id="sweep-title">${t(locale, 'plan_sweep')}</h2>
      <p class="help">${t(locale, 'sweepHelp')}</p>
      <div class="row">${leverSelect(0)} ${rangeInputs(this.sweepPaths[0])}</div>
      <div class="row">${leverSelect(1)} ${this.sweepPaths[1] ? rangeInputs(this.sweepPaths[1]) : nothing}</div>
      <div class="row">
        <label>${t(locale, 'runsPerPoint')} <input type="number" class="sweep-runs" min="10" max="1000" step="10" .value=${String(this.sweepRuns)}
          @change=${(e: Event) => { this.sweepRuns = this.whole(e, 10, 1000, 60); }}></label>
        <span class="status">${t(locale, 'sweepSize', { points, runs: points * this.sweepRuns })}</span>
        ${this.runButton('run-sweep', t(locale, 'runSweep'), points > 0 && points <= MAX_SWEEP_POINTS, () => this.fire('plan-sweep', { axes, runs: this.sweepRuns }))}
      </div>
      ${problems.map((p) => html`<p class="stale sweep-problem" role="alert">${p}</p>`)}
      ${capped ? html`<p class="stale">${t(locale, 'sweepCapped')}</p>` : nothing}
      ${points > MAX_SWEEP_POINTS ? html`<p class="stale">${t(locale, 'sweepTooBig')}</p>` : nothing}
      ${done ? this.renderSweepResult(done.result, done.scenario, done.partial) : nothing}
    </section>`;
  }

  private renderSweepResult(r: SweepResult, scenario: Scenario, partial: boolean) {
    const locale = this.locale;
    const lang = langOf(locale);
    const show = this.sweepShow;
    const goalIndex = r.goals.findIndex((g) => g.metric === show);
    const [first, second] = r.axes;
    const firstLever = leverAt(first.path)!;
    return html`
      ${this.stale(scenario)}
      ${partial ? html`<p class="stale">${t(locale, 'sweepPartial')}</p>` : nothing}
      <div class="row">${this.outputOptions(r.goals, show, (v) => { this.sweepShow = v; }, 'sweep-show')}
        <button class="link" @click=${() => downloadBlob(fileNameFor(`${r.scenario}-sweep`, 'csv'), new Blob([sweepToCsv(r)], { type: 'text/csv' }))}>CSV</button>
        <button class="link" @click=${() => this.download(r, 'sweep', scenario)}>JSON</button></div>
      ${second ? this.renderHeatmap(r, goalIndex) : html`<qc-sweep-chart .locale=${locale} .xLabel=${this.label(firstLever)}
        .caption=${t(locale, 'sweepCaption', { name: scenarioText(scenario, langOf(locale)).name, seed: r.seed, runs: r.runs })}
        .label=${show === ALL_GOALS ? t(locale, 'allGoalsShare') : pick(locale, SUMMARY[show as SummaryKey])}
        .unit=${show === ALL_GOALS ? 'share' : SUMMARY[show as SummaryKey].unit}
        .threshold=${show === ALL_GOALS ? null : chartThreshold(r.goals, show as SummaryKey, locale)} .interval=${show === ALL_GOALS}
        .points=${r.points.flatMap((p, i) => {
          if (!p.stats) return [];
          if (show === ALL_GOALS) {
            // the band is the share's 90 % interval over the point's runs, not a spread of values
            const v = p.stats.allGoalsMetShare;
            const [lo, hi] = wilson(Math.round(v * p.stats.runs), p.stats.runs);
            return [{ label: first.labels[lang][i], p10: lo, p25: v, p50: v, p75: v, p90: hi }];
          }
          const q = p.stats.kpis[show as SummaryKey];
          return q.p50 === null ? [] : [{ label: first.labels[lang][i], p10: q.p10!, p25: q.p25!, p50: q.p50, p75: q.p75!, p90: q.p90! }];
        })}></qc-sweep-chart>`}
      <p class="legend">${t(locale, second ? 'heatLegend' : show === ALL_GOALS ? 'sweepLegendChance' : 'sweepLegend', { runs: r.runs, seed: r.seed })}</p>
    `;
  }

  private renderHeatmap(r: SweepResult, goalIndex: number) {
    const locale = this.locale;
    const lang = langOf(locale);
    const [first, second] = r.axes;
    const value = (i: number, j: number) => {
      const p = r.points[i * second.positions.length + j];
      if (!p.stats) return null;
      return goalIndex < 0 ? p.stats.allGoalsMetShare : p.stats.goalMetShare[goalIndex];
    };
    return html`<div class="table-wrap"><table class="heat">
      <caption class="legend heat-caption">${t(locale, 'heatCaption', { rows: this.label(leverAt(first.path)!), columns: this.label(leverAt(second.path)!) })}</caption>
      <thead><tr><th scope="col"><span class="visually-hidden">${this.label(leverAt(first.path)!)}</span></th>${second.labels[lang].map((l) => html`<th scope="col">${l}</th>`)}</tr></thead>
      <tbody>${first.labels[lang].map((rowLabel, i) => html`<tr><th scope="row">${rowLabel}</th>${second.labels[lang].map((_, j) => {
        const v = value(i, j);
        return v === null ? html`<td>—</td>` : html`<td style="background:${interpolateGreens(0.08 + 0.85 * v)};color:${v > 0.55 ? '#fff' : '#1d2733'}">${formatPercent(locale, v)}<br><small>${formatChance(locale, v, r.runs, 'interval')}</small></td>`;
      })}</tr>`)}</tbody>
    </table></div>`;
  }

}

customElements.define('qc-plan-sweep', SweepPanel);

declare global {
  interface HTMLElementTagNameMap {
    'qc-plan-sweep': SweepPanel;
  }
}
