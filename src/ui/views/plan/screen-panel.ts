/**
 * Which levers matter: Morris screening over the numeric levers ticked, shown
 * as bars of μ* per lever for a chosen output, coloured by whether moving the
 * lever up moves the KPI toward its goal; or Sobol' indices (S1 inside ST,
 * with intervals, "?" where an interval does not resolve its index). By
 * default the outputs are the KPIs of the goals the current strategy misses.
 *
 * Properties: those of PlanPanel, `result` (PlanResults['sensitivity']).
 * Events: `plan-sensitivity` (detail: { paths, runs, method, samples, outputs }).
 */
import { css, html, nothing } from 'lit';
import type { Scenario } from '../../../model/scenario.ts';
import { SUMMARY, type SummaryKey } from '../../../model/metrics.ts';
import { goalsOf } from '../../../model/playbook.ts';
import { leverAt, leversFor } from '../../../model/planning/levers.ts';
import { designToCsv, sensitivityToCsv } from '../../../model/planning/export.ts';
import { RELIABLY_MET } from '../../../model/planning/diagnose.ts';
import { morrisNoise, outputUnit, type SensitivityResult } from '../../../model/planning/sensitivity-model.ts';
import { formatNumber, formatPercent, formatPoints, pick } from '../../../i18n/locale.ts';
import { t } from '../../../i18n/messages.ts';
import { downloadBlob, fileNameFor } from '../../../charts/image-export.ts';
import type { PlanResults } from '../../controllers/planning-controller.ts';
import { ALL_GOALS } from './plan-panel.ts';

/** Sobol indices for at most this many levers (the CLI's limit too). */
const MAX_SOBOL_LEVERS = 12;
/** Strategies in a browser screening. */
const MAX_POINTS = 2000;
import { PlanPanel } from './plan-panel.ts';

export class ScreenPanel extends PlanPanel {
  static override styles = css`
    ${PlanPanel.styles}
    .bar.noise { opacity: 0.4; outline: 1px dashed currentColor; outline-offset: 1px; }
  `;

  static override properties = {
    ...PlanPanel.properties,
    result: { attribute: false },
    screenPaths: { state: true },
    screenRuns: { state: true },
    screenTrajectories: { state: true },
    screenShow: { state: true },
    screenOutputs: { state: true },
    method: { state: true },
    samples: { state: true },
  };

  declare result: PlanResults['sensitivity'];
  declare screenPaths: string[] | null;
  declare screenRuns: number;
  declare screenTrajectories: number;
  /** The output shown ('' until the reader picks one: the first analysed). */
  declare screenShow: string;
  declare screenOutputs: 'missed' | 'all';
  declare method: 'morris' | 'sobol';
  /** Sobol: base samples N (N(k + 2) strategies). */
  declare samples: number;

  constructor() {
    super();
    this.result = null;
    this.screenPaths = null;
    this.screenRuns = 40;
    this.screenTrajectories = 10;
    this.screenShow = '';
    this.screenOutputs = 'missed';
    this.method = 'morris';
    this.samples = 32;
  }

  override render() {
    const s = this.scenario;
    if (!s) return nothing;
    const locale = this.locale;
    const numeric = leversFor(s, 'numeric');
    const chosen = this.screenPaths ?? numeric.map((l) => l.path);
    const sobol = this.method === 'sobol';
    // the design's strategies, and the current one (run alongside for the goals it misses)
    const points = (sobol ? this.samples * (chosen.length + 2) : (chosen.length + 1) * this.screenTrajectories) + 1;
    const tooMany = sobol && chosen.length > MAX_SOBOL_LEVERS;
    const done = this.result;
    return html`<section class="panel" aria-labelledby="screen-title">
      <h2 id="screen-title">${t(locale, 'plan_sensitivity')}</h2>
      <p class="help">${t(locale, sobol ? 'sobolHelp' : 'screenHelp')}</p>
      <div class="row" role="radiogroup" aria-label=${t(locale, 'method')}>
        <label><input type="radio" name="screen-method" .checked=${!sobol} @change=${() => { this.method = 'morris'; }}> ${t(locale, 'methodMorris')}</label>
        <label><input type="radio" name="screen-method" class="method-sobol" .checked=${sobol} @change=${() => { this.method = 'sobol'; }}> ${t(locale, 'methodSobol', { max: MAX_SOBOL_LEVERS })}</label>
      </div>
      ${this.checklist(numeric, chosen, (paths) => { this.screenPaths = paths; }, numeric.length, 'screen')}
      <div class="row"><label>${t(locale, 'sensitivityOutputs')} <select class="screen-outputs" @change=${(e: Event) => { this.screenOutputs = (e.target as HTMLSelectElement).value as 'missed' | 'all'; }}>
        <option value="missed" ?selected=${this.screenOutputs === 'missed'}>${t(locale, 'outputsMissed', { share: formatPercent(locale, RELIABLY_MET) })}</option>
        <option value="all" ?selected=${this.screenOutputs === 'all'}>${t(locale, 'outputsAll')}</option>
      </select></label></div>
      ${tooMany ? html`<p class="stale" role="alert">${t(locale, 'sobolTooMany', { max: MAX_SOBOL_LEVERS, chosen: chosen.length })}</p>` : nothing}
      <div class="row">
        <label>${t(locale, 'runsPerStrategy')} <input type="number" min="5" max="500" step="5" .value=${String(this.screenRuns)}
          @change=${(e: Event) => { this.screenRuns = this.whole(e, 5, 500, 40); }}></label>
        ${sobol
          ? html`<label>${t(locale, 'baseSamples')} <input type="number" class="sobol-samples" min="8" max="512" step="8" .value=${String(this.samples)}
            @change=${(e: Event) => { this.samples = this.whole(e, 8, 512, 32); }}></label>`
          : html`<label>${t(locale, 'trajectories')} <input type="number" min="2" max="50" step="1" .value=${String(this.screenTrajectories)}
            @change=${(e: Event) => { this.screenTrajectories = this.whole(e, 2, 50, 10); }}></label>`}
        <span class="status">${t(locale, 'sweepSize', { points, runs: points * this.screenRuns })}</span>
        ${this.runButton('run-screen', t(locale, 'runScreen'), chosen.length >= 2 && !tooMany && points <= MAX_POINTS,
          () => this.fire('plan-sensitivity', { paths: chosen, runs: this.screenRuns, method: this.method, samples: sobol ? this.samples : this.screenTrajectories, outputs: this.screenOutputs }))}
      </div>
      ${done ? this.renderScreenResult(done.result, done.scenario) : nothing}
    </section>`;
  }

  /** Why these outputs, the output picker (the outputs analysed) and the exports. */
  private resultHead(r: SensitivityResult, scenario: Scenario, show: string) {
    const locale = this.locale;
    const share = formatPercent(locale, RELIABLY_MET);
    const missed = r.baseline?.goals.filter((g) => r.outputs.includes(g.metric))
      .map((g) => `${pick(locale, SUMMARY[g.metric])} ${formatPercent(locale, g.metShare)}`).join(this.comma);
    const why = r.outputsFrom === 'missedGoals' ? t(locale, 'outputsFromMissed', { share, goals: missed ?? '' })
      : r.outputsFrom === 'everyGoal' && r.baseline ? t(locale, 'outputsFromEvery', { share }) : null;
    const csv = (name: string, text: string) => downloadBlob(fileNameFor(`${r.scenario}-${name}`, 'csv'), new Blob([text], { type: 'text/csv' }));
    return html`${this.stale(scenario)}
      ${why ? html`<p class="legend outputs-why">${why}</p>` : nothing}
      <div class="row">${this.outputOptions(goalsOf(scenario).filter((g) => r.outputs.includes(g.metric)), show, (v) => { this.screenShow = v; }, 'screen-show')}
        <button class="link" @click=${() => csv(r.method, sensitivityToCsv(r))}>CSV</button>
        ${r.design ? html`<button class="link design-csv" title=${t(locale, 'designCsvHelp')} @click=${() => csv(`${r.method}-design`, designToCsv(r))}>${t(locale, 'designCsv')}</button>` : nothing}
        <button class="link" @click=${() => this.download(r, r.method)}>JSON</button></div>`;
  }

  private renderScreenResult(r: SensitivityResult, scenario: Scenario) {
    const locale = this.locale;
    // the share of runs meeting every goal first (the headline), unless the reader picked another output
    const show = r.outputs.includes(this.screenShow as never) ? this.screenShow : r.outputs.includes(ALL_GOALS) ? ALL_GOALS : r.outputs[0] ?? ALL_GOALS;
    if (r.sobol) return this.renderSobol(r, scenario, show);
    const indices = r.morris?.[show];
    if (!indices) return nothing;
    const unit = outputUnit(show);
    const unitKey = ({ pp: show === ALL_GOALS ? 'unitPp' : 'unitPpShare', people: 'unitPeople', perDay: 'unitPerDay', perWeek: 'unitPerWeek', minutes: 'unitMinutes', number: null } as const)[unit];
    const zh = locale === 'zh-CN';
    // every value with the output's unit: "12.3 pp", "40.9 people", "3.1/day" (μ*: the change as the lever crosses its whole range)
    const suffix = { pp: '', people: zh ? ' 人' : ' people', perDay: zh ? ' /天' : '/day', perWeek: zh ? ' /周' : '/week', minutes: zh ? ' 分钟' : ' min', number: '' }[unit];
    const size = (v: number) => (unit === 'pp' ? formatPoints(locale, v) : `${formatNumber(locale, v, 1)}${suffix}`);
    const noise = morrisNoise(r, show);
    const outputName = show === ALL_GOALS ? t(locale, 'allGoalsShare') : pick(locale, SUMMARY[show as SummaryKey]);
    const order = r.levers.map((_, i) => i).sort((a, b) => indices[b].muStar - indices[a].muStar);
    const top = Math.max(0, ...indices.map((m) => m.muStar));
    // which way is toward the goal: up for "at least" goals and for the chance of all goals, down for "at most"
    const goal = goalsOf(scenario).find((g) => g.metric === show);
    const upIsGood = !goal || goal.direction === 'atLeast' || goal.direction === 'above' ? 1 : goal.direction === 'between' ? 0 : -1;
    return html`
      ${this.resultHead(r, scenario, show)}
      <div class="bars" role="list" aria-label=${t(locale, 'plan_sensitivity')}>
        ${order.map((i) => {
          const m = indices[i];
          const lever = leverAt(r.levers[i].path)!;
          const direction = upIsGood !== 0 && Math.abs(m.mu) >= 0.8 * m.muStar ? (m.mu * upIsGood > 0 ? 'up' : 'down') : 'mixed';
          const noisy = noise !== null && m.muStar < noise;
          return html`<span role="listitem">${this.label(lever)}</span>
            <span class="bar-wrap"><span class="bar ${direction}${noisy ? ' noise' : ''}" style="width:${top > 0 ? (90 * m.muStar) / top : 0}%"></span>
            <span>${size(m.muStar)}${m.sigma > 0.5 * m.muStar && m.muStar > 0 ? ` · σ ${size(m.sigma)}` : ''}${noisy
              ? html`${zh ? '' : ' '}<span class="legend within-noise">${zh ? '（' : '('}${t(locale, 'screenWithinNoise', { paths: r.samples })}${zh ? '）' : ')'}</span>` : nothing}</span></span>`;
        })}
      </div>
      <p class="legend screen-unit">${t(locale, 'screenUnit', { unit: unitKey ? t(locale, unitKey) : '—', output: outputName })}</p>
      ${noise !== null && indices.some((m) => m.muStar < noise) ? html`<p class="stale screen-noise" role="note">${t(locale, 'screenNoise', { paths: r.samples, runs: r.runs, noise: size(noise) })}</p>` : nothing}
      ${top === 0 ? html`<p class="stale screen-flat">${t(locale, 'screenFlat')}</p>` : nothing}
      <p class="legend">${t(locale, 'screenLegend', { points: r.points, runs: r.runs })}</p>
    `;
  }

  /** Sobol indices: per lever, ST (light bar) with S1 (dark) inside, each with its 95 % interval. */
  private renderSobol(r: SensitivityResult, scenario: Scenario, show: string) {
    const locale = this.locale;
    const indices = r.sobol![show];
    const f = (v: number) => formatNumber(locale, v, 2);
    const mark = (unreliable: boolean | undefined) => (unreliable ? html`<abbr class="unreliable" title=${t(locale, 'sobolUnreliableMark')}>?</abbr>` : nothing);
    const head = this.resultHead(r, scenario, show);
    if (!indices) return html`${head}<p class="stale">${t(locale, 'sobolUndefined')}</p>`;
    const order = r.levers.map((_, i) => i).sort((a, b) => indices[b].st - indices[a].st);
    const width = (v: number) => `${Math.max(0, Math.min(1, v)) * 90}%`;
    return html`${head}
      <div class="bars sobol" role="list" aria-label=${t(locale, 'plan_sensitivity')}>
        ${order.map((i) => {
          const s = indices[i];
          return html`<span role="listitem">${this.label(leverAt(r.levers[i].path)!)}</span>
            <span class="bar-wrap"><span class="stack"><span class="bar total" style="width:${width(s.st)}"></span><span class="bar first" style="width:${width(s.s1)}"></span></span>
            <span>S1 ${f(s.s1)} (${f(s.s1Interval[0])}–${f(s.s1Interval[1])})${mark(s.s1Unreliable)} · ST ${f(s.st)} (${f(s.stInterval[0])}–${f(s.stInterval[1])})${mark(s.stUnreliable)}</span></span>`;
        })}
      </div>
      ${indices.some((s) => s.s1Unreliable || s.stUnreliable) ? html`<p class="stale sobol-unreliable" role="note">${t(locale, 'sobolUnreliable')}</p>` : nothing}
      <p class="legend">${t(locale, 'sobolLegend', { points: r.points, runs: r.runs, samples: r.samples })}</p>`;
  }

}

customElements.define('qc-plan-screen', ScreenPanel);

declare global {
  interface HTMLElementTagNameMap {
    'qc-plan-screen': ScreenPanel;
  }
}
