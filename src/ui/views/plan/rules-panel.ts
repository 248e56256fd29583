/**
 * Rules (scenario discovery): a sample of strategies over the levers the
 * planner ticks (a Latin hypercube, run as one job), or the finished sweep;
 * PRIM finds the box where good strategies are densest and the panel shows it
 * as a rule in words (the model's sentence), its restrictions, the peeling
 * trajectory to pick another trade-off from, and "try the box's centre".
 * The rule is found here, from the stored points, as the planner changes what
 * counts as good: no job is re-run for that.
 *
 * Properties: those of PlanPanel, `result` (PlanResults['discovery']), `sweep` (PlanResults['sweep']).
 * Events: `plan-discover` (detail: { paths, points, runs, withinPlaybook }); `plan-apply` (detail: Setting[]).
 */
import { css, html, nothing } from 'lit';
import type { Scenario } from '../../../model/scenario.ts';
import { SUMMARY } from '../../../model/metrics.ts';
import { describeThreshold } from '../../../model/playbook.ts';
import { leverAt, leversFor, type Lever, type Setting } from '../../../model/planning/levers.ts';
import type { SweepResult } from '../../../model/planning/sweep.ts';
import { discover, DISCOVERY_DEFAULTS, type Discovery, type DiscoveryPoint, type Limit } from '../../../model/planning/discover.ts';
import {
  boxCentre, defaultThreshold, describeBound, describeBox, describeGood, describeLimitBreach, describeRule, DESIGN_LIMITS, designWithinPlaybook,
  discoveryInput, discoveryToCsv, goalOf, limitBreaches, THRESHOLD_FLOOR, type DesignResult, type DiscoveryTarget,
} from '../../../model/planning/discover-model.ts';
import { formatPercent, langOf, pick } from '../../../i18n/locale.ts';
import { t } from '../../../i18n/messages.ts';
import { downloadBlob, fileNameFor } from '../../../charts/image-export.ts';
import type { PlanResults } from '../../controllers/planning-controller.ts';
import { ALL_GOALS, PlanPanel } from './plan-panel.ts';

/** Levers a sample starts with (when the strategy can vary them). */
const RULES_DEFAULTS = ['content.promoPerWeek', 'content.window', 'content.postsPerWeek', 'activation.dmPerAdminPerDay'];
/** Strategies in a browser sample (the CLI takes up to DESIGN_LIMITS.maxPoints). */
const MAX_BROWSER_POINTS = 400;

interface Found {
  readonly discovery: Discovery;
  readonly points: readonly DiscoveryPoint[];
}

export class RulesPanel extends PlanPanel {
  static override properties = {
    ...PlanPanel.properties,
    result: { attribute: false },
    sweep: { attribute: false },
    source: { state: true },
    paths: { state: true },
    points: { state: true },
    runs: { state: true },
    target: { state: true },
    threshold: { state: true },
    withinPlaybook: { state: true },
    maxLevers: { state: true },
    minCoverage: { state: true },
    picked: { state: true },
  };

  static override styles = css`
    ${PlanPanel.styles}
    .rule { font-size: 0.9rem; font-weight: 600; margin: 0.4rem 0; }
    .trajectory { max-height: 16rem; overflow: auto; }
    tr.picked td, tr.picked th { background: var(--qc-ok-bg); font-weight: 600; }
    .no-rule .trajectory { opacity: 0.6; }
    .against { color: var(--qc-warn-text); }
    td.levers { text-align: left; max-width: 22rem; }
  `;

  declare result: PlanResults['discovery'];
  declare sweep: PlanResults['sweep'];
  declare source: 'design' | 'sweep';
  declare paths: string[] | null;
  declare points: number;
  declare runs: number;
  declare target: DiscoveryTarget;
  /** What counts as good, as the planner typed it; null: the default, relative to what the points reach. */
  declare threshold: number | null;
  /** Sample each lever only inside its guardrail (goal seek's and the frontier's option, on by default). */
  declare withinPlaybook: boolean;
  declare maxLevers: number;
  declare minCoverage: number;
  /** A box of the trajectory the planner chose, for the points it was chosen on. */
  declare picked: { readonly of: unknown; readonly box: number } | null;

  private found: { readonly key: string; readonly of: unknown; readonly value: Found | null } | null = null;

  constructor() {
    super();
    this.result = null;
    this.sweep = null;
    this.source = 'design';
    this.paths = null;
    this.points = 60;
    this.runs = 40;
    this.target = 'allGoals';
    this.threshold = null;
    this.withinPlaybook = true;
    this.maxLevers = DISCOVERY_DEFAULTS.maxLevers;
    this.minCoverage = DISCOVERY_DEFAULTS.minCoverage;
    this.picked = null;
  }

  private sampleLevers(s: Scenario): Lever[] {
    const available = leversFor(s);
    const paths = this.paths ?? RULES_DEFAULTS.filter((p) => available.some((l) => l.path === p));
    return paths.map((p) => available.find((l) => l.path === p)).filter((l): l is Lever => !!l);
  }

  /** The points shown: the sample or the sweep, with the scenario they ran on. */
  private get shown(): { readonly source: SweepResult | DesignResult; readonly scenario: Scenario } | null {
    const from = this.source === 'sweep' ? this.sweep : this.result;
    return from ? { source: from.result, scenario: from.scenario } : null;
  }

  /** PRIM over the points, remembered until the points or the criteria change. */
  private find(source: SweepResult | DesignResult): Found | null {
    const target = this.targetFor(source);
    const box = this.picked?.of === source ? this.picked.box : undefined;
    const key = JSON.stringify([target, this.threshold, this.maxLevers, this.minCoverage, box]);
    if (this.found?.of === source && this.found.key === key) return this.found.value;
    const input = discoveryInput(source, target);
    const threshold = this.threshold ?? defaultThreshold(input.points, target);
    const value = input.points.length
      ? { discovery: discover(input.axes, input.points, { threshold, maxLevers: this.maxLevers, minCoverage: this.minCoverage, pick: box }), points: input.points }
      : null;
    this.found = { key, of: source, value };
    return value;
  }

  /** The target, if the points' scenario has that goal (else every goal at once). */
  private targetFor(source: SweepResult | DesignResult): DiscoveryTarget {
    return this.target === 'allGoals' || source.goals.some((g) => g.metric === this.target) ? this.target : 'allGoals';
  }

  override render() {
    const s = this.scenario;
    if (!s) return nothing;
    const locale = this.locale;
    const chosen = this.sampleLevers(s);
    const sweepPoints = this.sweep?.result.points.filter((p) => p.stats).length ?? 0;
    const shown = this.shown;
    return html`<section class="panel" aria-labelledby="rules-title">
      <h2 id="rules-title">${t(locale, 'plan_discovery')}</h2>
      <p class="help">${t(locale, 'rulesHelp')}</p>
      <fieldset>
        <legend>${t(locale, 'rulesSource')}</legend>
        <div class="row"><label><input type="radio" name="rules-source" class="rules-source-design" .checked=${this.source === 'design'}
          @change=${() => { this.source = 'design'; }}> ${t(locale, 'rulesSampled')}</label></div>
        <div class="row"><label><input type="radio" name="rules-source" class="rules-source-sweep" .checked=${this.source === 'sweep'} ?disabled=${!sweepPoints}
          @change=${() => { this.source = 'sweep'; }}> ${sweepPoints ? t(locale, 'rulesFromSweep', { points: sweepPoints }) : t(locale, 'rulesNoSweep')}</label></div>
      </fieldset>
      ${this.source === 'design' ? html`
        <p class="help">${t(locale, 'rulesLevers', { max: DESIGN_LIMITS.maxLevers })}</p>
        ${this.checklist(leversFor(s), chosen.map((l) => l.path), (paths) => { this.paths = paths; }, DESIGN_LIMITS.maxLevers, 'rules', RULES_DEFAULTS)}
        <div class="row">
          <label>${t(locale, 'rulesPoints')} <input type="number" class="rules-points" min=${DESIGN_LIMITS.minPoints} max=${MAX_BROWSER_POINTS} step="10" .value=${String(this.points)}
            @change=${(e: Event) => { this.points = this.whole(e, DESIGN_LIMITS.minPoints, MAX_BROWSER_POINTS, 60); }}></label>
          <label>${t(locale, 'runsPerPoint')} <input type="number" class="rules-runs" min="10" max="1000" step="10" .value=${String(this.runs)}
            @change=${(e: Event) => { this.runs = this.whole(e, 10, 1000, 40); }}></label>
          <span class="status">${t(locale, 'sweepSize', { points: this.points, runs: this.points * this.runs })}</span>
          ${this.runButton('run-rules', t(locale, 'runRules'), chosen.length > 0,
            () => this.fire('plan-discover', { paths: chosen.map((l) => l.path), points: this.points, runs: this.runs, withinPlaybook: this.withinPlaybook }))}
        </div>
        <div class="row"><label><input type="checkbox" class="rules-within-playbook" .checked=${this.withinPlaybook}
          @change=${(e: Event) => { this.withinPlaybook = (e.target as HTMLInputElement).checked; }}> ${t(locale, 'seekWithinPlaybook')}</label></div>` : nothing}
      ${shown ? this.renderCriteria(shown.source) : nothing}
      ${shown ? this.renderFound(shown.source, shown.scenario) : nothing}
    </section>`;
  }

  private renderCriteria(source: SweepResult | DesignResult) {
    const locale = this.locale;
    const target = this.targetFor(source);
    const metrics = [...new Set(source.goals.map((g) => g.metric))];
    const shown = this.threshold ?? defaultThreshold(discoveryInput(source, target).points, target);
    return html`<div class="row">
        <label>${t(locale, 'rulesJudge')} <select class="rules-target" @change=${(e: Event) => {
          this.target = (e.target as HTMLSelectElement).value as DiscoveryTarget;
          this.threshold = null;
          this.picked = null;
        }}>
          <option value=${ALL_GOALS} ?selected=${target === ALL_GOALS}>${t(locale, 'allGoalsShare')}</option>
          ${metrics.map((m) => html`<option value=${m} ?selected=${target === m}>${pick(locale, SUMMARY[m])} ${describeThreshold(goalOf(source.goals, m)!, locale)}</option>`)}
        </select></label>
        <label>${t(locale, 'rulesThreshold')} <input type="number" class="rules-threshold" min="1" max="100" step="1" .value=${String(Math.round(shown * 100))}
          @change=${(e: Event) => { this.threshold = this.decimal(e, 1, 100, shown * 100) / 100; this.picked = null; }}></label>
        ${this.threshold === null
          ? html`<span class="legend rules-threshold-auto">${t(locale, 'rulesThresholdAuto', { floor: formatPercent(locale, THRESHOLD_FLOOR[target === ALL_GOALS ? 'allGoals' : 'goal']) })}</span>`
          : html`<button class="link rules-threshold-reset" @click=${() => { this.threshold = null; this.picked = null; }}>${t(locale, 'rulesThresholdReset')}</button>`}
      </div>
      <div class="row">
        <label>${t(locale, 'rulesMaxLevers')} <input type="number" class="rules-max-levers" min="1" max=${DESIGN_LIMITS.maxLevers} step="1" .value=${String(this.maxLevers)}
          @change=${(e: Event) => { this.maxLevers = this.whole(e, 1, DESIGN_LIMITS.maxLevers, DISCOVERY_DEFAULTS.maxLevers); this.picked = null; }}></label>
        <label>${t(locale, 'rulesMinCoverage')} <input type="number" class="rules-min-coverage" min="0" max="100" step="5" .value=${String(Math.round(this.minCoverage * 100))}
          @change=${(e: Event) => { this.minCoverage = this.decimal(e, 0, 100, 50) / 100; this.picked = null; }}></label>
      </div>`;
  }

  private renderFound(source: SweepResult | DesignResult, scenario: Scenario) {
    const locale = this.locale;
    const lang = langOf(locale);
    const found = this.find(source);
    if (!found) return html`${this.stale(scenario)}<p class="outcome">${t(locale, 'rulesNoPoints')}</p>`;
    const { discovery: d, points } = found;
    const pc = (v: number) => formatPercent(locale, v);
    const label = (a: number) => { const lever = leverAt(d.axes[a].path); return lever ? this.label(lever) : d.axes[a].path; };
    const bounds = (a: number, limit: Limit) => ('allowed' in limit
      ? limit.allowed.map((i) => { const o = leverAt(d.axes[a].path)?.options?.[i]; return o ? pick(locale, o.label) : String(i); }).join(lang === 'zh' ? '、' : ', ')
      : limit.lo === limit.hi ? describeBound(d.axes[a].path, limit.lo, scenario, lang)
        : `${describeBound(d.axes[a].path, limit.lo, scenario, lang)} … ${describeBound(d.axes[a].path, limit.hi, scenario, lang)}`);
    const box = d.box;
    const centre = boxCentre(d, points);
    const goal = goalOf(source.goals, this.targetFor(source));
    const good = describeGood(d.threshold, locale, goal);
    const breaches = box ? limitBreaches(d, box.limits, box.restricted, scenario) : [];
    const within = source.kind === 'design' && designWithinPlaybook(source, scenario);
    return html`
      ${this.stale(scenario)}
      <p class="numbers">${t(locale, 'rulesDesign', { points: d.points, runs: source.runs, seed: source.seed, good: d.good, best: pc(d.bestShare) })}${source.kind === 'design'
        ? `${lang === 'zh' ? '' : ' '}${t(locale, within ? 'rulesSampledWithin' : 'rulesSampledOutside')}` : nothing}</p>
      <p class="help rules-good">${good.means}</p>
      ${good.warning ? html`<p class="stale rules-low-threshold" role="note">${good.warning}</p>` : nothing}
      <p class="rule" data-outcome=${d.outcome} role="status">${describeRule(d, scenario, locale, goal)}</p>
      ${breaches.length ? html`<ul class="against rules-against">${breaches.map((b) => html`<li>${describeLimitBreach(d, b, lang)}</li>`)}</ul>` : nothing}
      ${box ? html`<div class="table-wrap"><table class="rules-box">
        <thead><tr><th scope="col">${t(locale, 'rulesRestricted')}</th><th scope="col">${t(locale, 'rulesInBox')}</th><th scope="col">${t(locale, 'rulesTried')}</th><th scope="col">${t(locale, 'quasiP')}</th></tr></thead>
        <tbody>${box.restricted.map((a, i) => html`<tr><th scope="row">${label(a)}</th><td>${bounds(a, box.limits[a])}</td><td>${bounds(a, d.design[a])}</td><td>${box.quasiP[i] < 0.001 ? box.quasiP[i].toExponential(0) : box.quasiP[i].toFixed(3)}</td></tr>`)}</tbody>
      </table></div>
      ${box.dropped.length ? html`<p class="help">${t(locale, 'rulesDropped', { levers: box.dropped.map(label).join(lang === 'zh' ? '、' : ', ') })}</p>` : nothing}
      ${centre.length && this.isCurrent(scenario) ? html`<div class="row"><button class="try-rule"
        aria-label=${t(locale, 'applyNamed', { what: centre.map(([path, v]) => `${this.label(leverAt(path)!)} ${this.position(leverAt(path)!, v)}`).join(lang === 'zh' ? '；' : '; ') })}
        @click=${() => this.applySettings(centre satisfies Setting[])}>${t(locale, 'rulesTry')}</button></div>` : nothing}` : nothing}
      ${d.trajectory.length > 1 ? (box ? this.renderTrajectory(d, source, scenario)
        : html`<details class="no-rule" ?open=${d.pickedBy === 'planner'}><summary>${t(locale, 'rulesNoRuleTrajectory')}</summary>${this.renderTrajectory(d, source, scenario)}</details>`) : nothing}
      <p class="legend">${t(locale, 'rulesLegend', { coverage: pc(d.minCoverage), levers: d.maxLevers })}</p>
      <div class="row">
        ${source.kind === 'design' ? html`<button class="link" @click=${() => downloadBlob(fileNameFor(`${source.scenario}-rules`, 'csv'), new Blob([discoveryToCsv(source, d, this.targetFor(source))], { type: 'text/csv' }))}>CSV</button>` : nothing}
        <button class="link" @click=${() => this.download({ discovery: d, rule: { en: describeRule(d, scenario, 'en', goal), zh: describeRule(d, scenario, 'zh-CN', goal) }, points: source }, 'rules')}>${t(locale, 'planJson')}</button>
      </div>
    `;
  }

  private renderTrajectory(d: Discovery, source: SweepResult | DesignResult, scenario: Scenario) {
    const locale = this.locale;
    const lang = langOf(locale);
    const pc = (v: number) => formatPercent(locale, v);
    // a box is in use only when it gave a rule; a box the planner picked stays marked, as picked (no rule: the rest is for reference)
    const inUse = d.box || d.pickedBy === 'planner' ? d.picked : null;
    return html`<p class="help">${t(locale, 'rulesTrajectory')}
        ${d.pickedBy === 'planner' ? html`<button class="link default-box" @click=${() => { this.picked = null; }}>${t(locale, 'rulesDefaultBox')}</button>` : nothing}</p>
      <div class="table-wrap trajectory"><table class="rules-trajectory">
        <thead><tr><th scope="col">${t(locale, 'rulesBox')}</th><th scope="col">${t(locale, 'rulesLeversCol')}</th><th scope="col">${t(locale, 'coverage')}</th>
          <th scope="col">${t(locale, 'density')}</th><th scope="col">${t(locale, 'rulesPointsCol')}</th><th scope="col">${t(locale, 'rulesMean')}</th><th scope="col"><span class="visually-hidden">${t(locale, 'rulesUse')}</span></th></tr></thead>
        <tbody>${d.trajectory.map((b, i) => html`<tr class=${inUse === i ? 'picked' : ''} data-box=${i}>
          <th scope="row">${i}</th><td class="levers">${describeBox(d, b, scenario, lang)}${limitBreaches(d, b.limits, b.restricted, scenario)
            .map((x) => html`<br><span class="against">${describeLimitBreach(d, x, lang, true)}</span>`)}</td>
          <td>${pc(b.coverage)}</td><td>${pc(b.density)}</td><td>${b.points}</td><td>${pc(b.meanShare)}</td>
          <td>${i === 0 ? nothing : i === inUse ? html`<span class="legend">${t(locale, d.box ? 'rulesInUse' : 'rulesPickedNoRule')}</span>`
            : html`<button class="link use-box" aria-label=${t(locale, 'rulesUseNamed', { box: i, coverage: pc(b.coverage), density: pc(b.density) })}
              @click=${() => { this.picked = { of: source, box: i }; }}>${t(locale, 'rulesUse')}</button>`}</td>
        </tr>`)}</tbody>
      </table></div>`;
  }
}

customElements.define('qc-plan-rules', RulesPanel);

declare global {
  interface HTMLElementTagNameMap {
    'qc-plan-rules': RulesPanel;
  }
}
