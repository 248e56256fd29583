/**
 * Planning: why goals are missed (diagnosis), what a lever does over its range
 * (sweep, 1-D chart or 2-D heat map), which levers matter (Morris screening),
 * and the strategy that best meets the goals within a budget (goal seek), for
 * the strategy being edited. One job runs at a time, with progress and Cancel.
 *
 * Properties: `locale`, `scenario` (the valid strategy), `progress`
 * (PlanProgress | null), `results` (PlanResults), `canUndo`, `canRedo`.
 * Events (bubble, cross shadow roots): `plan-diagnose` (detail: { runs });
 * `plan-sweep` (detail: { axes: SweepAxis[], runs }); `plan-sensitivity`
 * (detail: { paths, runs, trajectories }); `plan-seek` (detail: { paths,
 * objective }); `plan-cancel`; `plan-apply` (detail: Setting[]); `undo`; `redo`.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { interpolateGreens } from 'd3';
import type { Scenario } from '../model/scenario.ts';
import { SUMMARY, type SummaryKey } from '../model/metrics.ts';
import { describeThreshold, goalsOf } from '../model/playbook.ts';
import { describePosition, gridOf, isNumeric, leverAt, leversFor, positionOf, type Lever, type Setting } from '../model/planning/levers.ts';
import { rangeOf as schemaRange } from '../model/fields.ts';
import { wilson } from '../model/planning/goal-seek.ts';
import { describeMove } from '../model/planning/diagnose.ts';
import { sensitivityToCsv, sweepToCsv } from '../model/planning/export.ts';
import type { SweepAxis, SweepResult } from '../model/planning/sweep.ts';
import type { SensitivityResult } from '../model/planning/sensitivity-model.ts';
import type { GoalSeekResult } from '../model/planning/goal-seek.ts';
import type { Objective } from '../model/planning/optimize.ts';
import { formatByUnit, formatNumber, formatPercent, formatPoints, pick, type Locale } from '../i18n/locale.ts';
import { t, type MessageKey } from '../i18n/messages.ts';
import { chartThreshold } from './charts.ts';
import { downloadBlob, fileNameFor } from '../charts/image-export.ts';
import type { PlanProgress, PlanResults } from './controllers/planning-controller.ts';
import '../charts/sweep-chart.ts';

/** Levers a goal seek starts with (when the strategy can vary them). */
const SEEK_DEFAULTS = ['content.postsPerWeek', 'content.promoPerWeek', 'content.window', 'activation.dmPerAdminPerDay', 'team.admins', 'admission.probationDays'];
export const MAX_SEEK_LEVERS = 8;
const ALL_GOALS = 'allGoals';
/** Settings per lever in a browser sweep. */
const MAX_AXIS_POINTS = 51;
/** Points in a browser sweep (the CLI has no limit). */
const MAX_SWEEP_POINTS = 400;

export class PlanView extends LitElement {
  static override properties = {
    locale: { type: String },
    scenario: { attribute: false },
    progress: { attribute: false },
    results: { attribute: false },
    canUndo: { type: Boolean },
    canRedo: { type: Boolean },
    sweepPaths: { state: true },
    sweepRanges: { state: true },
    sweepRuns: { state: true },
    sweepShow: { state: true },
    screenPaths: { state: true },
    screenRuns: { state: true },
    screenTrajectories: { state: true },
    screenShow: { state: true },
    seekPaths: { state: true },
    seekKind: { state: true },
    seekBudget: { state: true },
    seekChance: { state: true },
    diagnosisRuns: { state: true },
  };

  declare locale: Locale;
  declare scenario: Scenario | null;
  declare progress: PlanProgress | null;
  declare results: PlanResults;
  declare canUndo: boolean;
  declare canRedo: boolean;
  declare sweepPaths: [string, string];
  declare sweepRanges: Record<string, { from: number; to: number; step: number }>;
  declare sweepRuns: number;
  declare sweepShow: string;
  declare screenPaths: string[] | null;
  declare screenRuns: number;
  declare screenTrajectories: number;
  declare screenShow: string;
  declare seekPaths: string[] | null;
  declare seekKind: Objective['kind'];
  declare seekBudget: number;
  declare seekChance: number;
  declare diagnosisRuns: number;

  constructor() {
    super();
    this.locale = 'en';
    this.scenario = null;
    this.progress = null;
    this.results = { diagnosis: null, sweep: null, sensitivity: null, goalSeek: null };
    this.canUndo = false;
    this.canRedo = false;
    this.sweepPaths = ['content.promoPerWeek', ''];
    this.sweepRanges = {};
    this.sweepRuns = 60;
    this.sweepShow = ALL_GOALS;
    this.screenPaths = null;
    this.screenRuns = 40;
    this.screenTrajectories = 10;
    this.screenShow = ALL_GOALS;
    this.seekPaths = null;
    this.seekKind = 'maxGoals';
    this.seekBudget = 10;
    this.seekChance = 0.5;
    this.diagnosisRuns = 60;
  }

  static override styles = css`
    :host { display: block; }
    .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(30rem, 1fr)); gap: 1rem; }
    @media (max-width: 40rem) { .grid { grid-template-columns: 1fr; } }
    .panel { background: #fff; border: 1px solid #d9e0e7; border-radius: 8px; padding: 0.75rem 1rem; min-width: 0; }
    .head { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; margin-bottom: 1rem; }
    h2 { font-size: 1rem; margin: 0 0 0.4rem; }
    h3 { font-size: 0.9rem; margin: 0.75rem 0 0.3rem; }
    p.help { font-size: 0.8rem; color: #3e4c59; margin: 0 0 0.5rem; }
    label { font-size: 0.85rem; }
    .row { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem 0.75rem; margin: 0.35rem 0; }
    input[type='number'] { width: 5rem; font: inherit; font-size: 0.85rem; }
    select { font: inherit; font-size: 0.85rem; max-width: 100%; }
    button { font: inherit; font-size: 0.85rem; padding: 0.25rem 0.7rem; border-radius: 4px; border: 1px solid #1a7f5a; background: #fff; color: #0f3d2e; cursor: pointer; }
    button.primary { background: #1a7f5a; color: #fff; }
    button.cancel { border-color: #a40e26; color: #a40e26; }
    button:disabled { opacity: 0.5; cursor: not-allowed; }
    button:focus-visible, input:focus-visible, select:focus-visible { outline: 2px solid #1f6feb; outline-offset: 2px; }
    .link { border: none; background: none; color: #0969da; padding: 0; font-size: 0.8rem; }
    progress { flex: 1 1 10rem; height: 0.6rem; accent-color: #1a7f5a; }
    .status { font-size: 0.8rem; color: #52606d; font-variant-numeric: tabular-nums; }
    .stale { font-size: 0.8rem; color: #7d4e00; background: #fff8c5; padding: 0.2rem 0.5rem; border-radius: 4px; }
    ul.moves { margin: 0.2rem 0 0.5rem; padding-left: 1.1rem; font-size: 0.85rem; }
    ul.moves li { margin: 0.2rem 0; }
    .outcome { font-size: 0.85rem; margin: 0.2rem 0; }
    .checklist { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 0.1rem 0.75rem; max-height: 12rem; overflow: auto; border: 1px solid #eef1f4; padding: 0.3rem; font-size: 0.8rem; }
    table { border-collapse: collapse; font-size: 0.8rem; font-variant-numeric: tabular-nums; }
    th, td { padding: 0.2rem 0.4rem; text-align: right; border-bottom: 1px solid #eef1f4; }
    th:first-child, td:first-child { text-align: left; }
    .heat td { text-align: center; min-width: 3rem; }
    .bars { display: grid; grid-template-columns: minmax(8rem, 14rem) 1fr; gap: 0.2rem 0.5rem; align-items: center; font-size: 0.8rem; }
    .bar { height: 0.8rem; border-radius: 2px; }
    .bar-wrap { display: flex; align-items: center; gap: 0.4rem; }
    .up { background: #1a7f5a; }
    .down { background: #d1495b; }
    .mixed { background: #8e9aa6; }
    .legend { font-size: 0.75rem; color: #52606d; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    .heat-caption { caption-side: top; text-align: left; }
    .verdict { font-size: 0.85rem; padding: 0.2rem 0.5rem; border-radius: 4px; }
    .verdict.good { background: #dafbe1; color: #116329; }
    .verdict.warn { background: #fff8c5; color: #7d4e00; }
    button[aria-disabled='true'] { opacity: 0.5; cursor: not-allowed; }
    .row > span { font-size: 0.85rem; }
    fieldset { border: none; padding: 0; margin: 0 0 0.4rem; }
    fieldset legend { font-size: 0.85rem; font-weight: 600; padding: 0; }
    .numbers { font-size: 0.85rem; }
    .table-wrap { overflow-x: auto; }
  `;

  override render() {
    const locale = this.locale;
    const s = this.scenario;
    if (!s) return html`<p>${t(locale, 'waiting')}</p>`;
    return html`
      <div class="head panel">
        <span><strong>${t(locale, 'planFor')}</strong> ${s.name}</span>
        <button @click=${() => this.fire('undo')} ?disabled=${!this.canUndo} aria-keyshortcuts="Control+Z">${t(locale, 'undo')}</button>
        <button @click=${() => this.fire('redo')} ?disabled=${!this.canRedo} aria-keyshortcuts="Control+Shift+Z">${t(locale, 'redo')}</button>
        ${this.renderProgress()}
      </div>
      <div class="grid">
        ${this.renderDiagnosis()}
        ${this.renderGoalSeek(s)}
        ${this.renderSweep(s)}
        ${this.renderScreening(s)}
      </div>
    `;
  }

  private renderProgress() {
    const p = this.progress;
    if (!p) return html`<span class="status" role="status" data-finished="true">${t(this.locale, 'planIdle')}</span>`;
    const seconds = (ms: number) => formatNumber(this.locale, ms / 1000, 1);
    const stage = t(this.locale, p.stage === 'screen' ? 'stageScreen' : p.stage === 'refine' ? 'stageRefine' : p.stage === 'check' ? 'stageCheck' : 'stageRun');
    return html`
      ${p.kind === 'goalSeek' ? html`<progress aria-label=${t(this.locale, 'plan_goalSeek')}></progress>`
        : html`<progress max=${p.total || 1} .value=${p.done} aria-label=${t(this.locale, `plan_${p.kind}` as MessageKey)}></progress>`}
      <span class="status" role="status">${t(this.locale, `plan_${p.kind}` as MessageKey)} · ${stage}${this.colon}${p.kind === 'goalSeek'
        ? t(this.locale, 'roundProgress', { done: p.done, total: p.total, elapsed: seconds(p.elapsedMs) })
        : t(this.locale, 'progress', { done: p.done, total: p.total, elapsed: seconds(p.elapsedMs), remaining: p.remainingMs === null ? '—' : seconds(p.remainingMs) })}</span>
      <button class="cancel" @click=${() => this.fire('plan-cancel')}>${t(this.locale, 'cancel')}</button>
    `;
  }

  private isCurrent(scenario: Scenario): boolean {
    return JSON.stringify(scenario) === JSON.stringify(this.scenario);
  }

  private stale(scenario: Scenario): TemplateResult | typeof nothing {
    return this.isCurrent(scenario) ? nothing : html`<p class="stale">${t(this.locale, 'planStale')}</p>`;
  }

  /** ", " or "，", ": " or "：" by language. */
  private get comma(): string {
    return this.locale === 'zh-CN' ? '，' : ', ';
  }

  private get colon(): string {
    return this.locale === 'zh-CN' ? '：' : ': ';
  }

  /** A signed difference of shares in percentage points, with a true minus sign. */
  private signedPoints(v: number): string {
    return `${v > 0 ? '+' : v < 0 ? '−' : '±'}${formatPoints(this.locale, Math.abs(v))}`;
  }

  /** A run button: stays focusable while a job runs (aria-disabled), so Enter does not drop the focus. */
  private runButton(className: string, label: string, enabled: boolean, start: () => void) {
    const blocked = this.progress !== null || !enabled;
    return html`<button class="primary ${className}" aria-disabled=${blocked ? 'true' : 'false'} @click=${() => { if (!blocked) start(); }}>${label}</button>`;
  }

  private label(lever: Lever): string {
    return pick(this.locale, lever.label);
  }

  private position(lever: Lever, position: number): string {
    return describePosition(lever, position, this.scenario!, this.locale === 'zh-CN' ? 'zh' : 'en');
  }

  // ——— diagnosis ———

  private renderDiagnosis() {
    const locale = this.locale;
    const done = this.results.diagnosis;
    const fresh = done !== null && this.isCurrent(done.scenario);
    return html`<section class="panel" aria-labelledby="diagnosis-title">
      <h2 id="diagnosis-title">${t(locale, 'plan_diagnosis')}</h2>
      <p class="help">${t(locale, 'diagnosisHelp')}</p>
      <div class="row">
        <label>${t(locale, 'runsPerStrategy')} <input type="number" min="10" max="1000" step="10" .value=${String(this.diagnosisRuns)}
          @change=${(e: Event) => { this.diagnosisRuns = this.whole(e, 10, 1000, 60); }}></label>
        ${this.runButton('run-diagnosis', t(locale, 'runDiagnosis'), true, () => this.fire('plan-diagnose', { runs: this.diagnosisRuns }))}
      </div>
      ${done ? html`
        ${this.stale(done.scenario)}
        <p class="numbers">${t(locale, 'diagnosisSummary', { moves: done.result.movesTried, runs: done.result.runs, share: formatPercent(locale, done.result.allGoals),
          lo: formatPercent(locale, wilson(Math.round(done.result.allGoals * done.result.runs), done.result.runs)[0]), hi: formatPercent(locale, wilson(Math.round(done.result.allGoals * done.result.runs), done.result.runs)[1]) })}</p>
        ${done.result.outcome.map((line) => html`<p class="outcome">${pick(locale, line)}</p>`)}
        ${done.result.goals.length ? nothing : html`<p class="outcome">${t(locale, 'allReliable')}</p>`}
        ${done.result.goals.map((g) => html`
          <h3 data-goal=${g.threshold.metric}>${pick(locale, SUMMARY[g.threshold.metric])} ${describeThreshold(g.threshold)} (${g.threshold.source}) —
            ${t(locale, 'metIn', { share: formatPercent(locale, g.metShare) })}${this.comma}${t(locale, 'medianIs', { value: formatByUnit(locale, SUMMARY[g.threshold.metric].unit, g.median) })}</h3>
          ${g.moves.length ? html`<ul class="moves">${g.moves.map((m) => {
            const what = describeMove(m, g.threshold, done.scenario, locale);
            return html`<li>${what}
            ${fresh ? html`<button class="link apply-move" aria-label=${t(locale, 'applyNamed', { what: `${this.label(leverAt(m.move.path)!)} → ${this.position(leverAt(m.move.path)!, m.move.to)}` })}
              @click=${() => this.fire('plan-apply', [[m.move.path, m.move.to]] satisfies Setting[])}>${t(locale, 'applyThis')}</button>` : nothing}</li>`;
          })}</ul>`
            : html`<p class="help">${t(locale, 'noSingleMove')}</p>`}
        `)}
        <button class="link" @click=${() => this.download(done.result, 'diagnosis')}>${t(locale, 'planJson')}</button>
      ` : nothing}
    </section>`;
  }

  // ——— goal seek ———

  private seekLevers(s: Scenario): Lever[] {
    const available = leversFor(s);
    const paths = this.seekPaths ?? SEEK_DEFAULTS.filter((p) => available.some((l) => l.path === p));
    return paths.map((p) => available.find((l) => l.path === p)).filter((l): l is Lever => !!l);
  }

  private renderGoalSeek(s: Scenario) {
    const locale = this.locale;
    const chosen = this.seekLevers(s);
    const done = this.results.goalSeek;
    const objective: Objective = this.seekKind === 'maxGoals' ? { kind: 'maxGoals', budget: this.seekBudget } : { kind: 'minCost', minChance: this.seekChance };
    return html`<section class="panel" aria-labelledby="seek-title">
      <h2 id="seek-title">${t(locale, 'plan_goalSeek')}</h2>
      <p class="help">${t(locale, 'seekHelp')}</p>
      <fieldset>
        <legend>${t(locale, 'seekObjective')}</legend>
        <div class="row">
          <label><input type="radio" name="seek-kind" .checked=${this.seekKind === 'maxGoals'} @change=${() => { this.seekKind = 'maxGoals'; }}>
            ${t(locale, 'seekMaxGoals')}</label>
          <span><input type="number" class="seek-budget" min="0" max="1000" step="0.5" aria-label=${t(locale, 'budgetHours')} .value=${String(this.seekBudget)}
            @change=${(e: Event) => { this.seekBudget = this.decimal(e, 0, 1000, 10); }}> ${t(locale, 'hoursPerWeek')}</span>
        </div>
        <div class="row">
          <label><input type="radio" name="seek-kind" .checked=${this.seekKind === 'minCost'} @change=${() => { this.seekKind = 'minCost'; }}>
            ${t(locale, 'seekMinCost')}</label>
          <span><input type="number" class="seek-chance" min="0" max="100" step="5" aria-label=${t(locale, 'minChance')} .value=${String(Math.round(this.seekChance * 100))}
            @change=${(e: Event) => { this.seekChance = this.decimal(e, 0, 100, 50) / 100; }}> %</span>
        </div>
      </fieldset>
      <p class="help">${t(locale, 'seekLevers', { max: MAX_SEEK_LEVERS })}</p>
      ${this.checklist(leversFor(s), chosen.map((l) => l.path), (paths) => { this.seekPaths = paths; }, MAX_SEEK_LEVERS, 'seek', SEEK_DEFAULTS)}
      <div class="row">
        ${this.runButton('run-seek', t(locale, 'runSeek'), chosen.length > 0, () => this.fire('plan-seek', { paths: chosen.map((l) => l.path), objective }))}
      </div>
      ${done ? this.renderSeekResult(done.result, done.scenario) : nothing}
    </section>`;
  }

  private renderSeekResult(r: GoalSeekResult, scenario: Scenario) {
    const locale = this.locale;
    const pc = (v: number) => formatPercent(locale, v);
    const hours = (v: number) => formatByUnit(locale, 'hours', v);
    if (!r.best) {
      return html`${this.stale(scenario)}<p class="outcome seek-none">${t(locale, 'seekNone', { share: pc(r.start.assessment.chance), hours: hours(r.start.assessment.medianCost) })}</p>`;
    }
    const changesOf = (settings: readonly Setting[]) => settings.filter(([, v], i) => v !== r.levers[i].current);
    const describe = (settings: readonly Setting[]) => changesOf(settings).map(([p, v]) => `${this.label(leverAt(p)!)} ${this.position(leverAt(p)!, v)}`)
      .join(locale === 'zh-CN' ? '；' : '; ') || t(locale, 'currentStrategy');
    const changes = changesOf(r.best.settings);
    const c = r.check;
    const trusted = c !== null && (c.verdict === 'improves' || c.verdict === 'closer');
    return html`
      ${this.stale(scenario)}
      <h3>${t(locale, 'seekBest')}</h3>
      ${changes.length ? html`<ul class="moves seek-changes">${changes.map(([path, v]) => {
        const lever = leverAt(path)!;
        const i = r.levers.findIndex((l) => l.path === path);
        return html`<li>${this.label(lever)}${this.colon}${this.position(lever, r.levers[i].current)} → <strong>${this.position(lever, v)}</strong></li>`;
      })}</ul>` : html`<p class="outcome seek-keep">${t(locale, 'seekKeep')}</p>`}
      <p class="numbers">${t(locale, 'seekSearch', { runs: r.best.assessment.runs, from: pc(r.start.assessment.chance), to: pc(r.best.assessment.chance), hoursFrom: hours(r.start.assessment.medianCost), hoursTo: hours(r.best.assessment.medianCost), total: r.evaluations })}
        ${changes.length ? t(locale, 'seekOptimistic') : ''}</p>
      ${c ? html`<p class="numbers seek-check">${t(locale, 'seekCheck', {
        runs: c.runs, from: pc(c.start.chance), to: pc(c.best.chance), lo: pc(c.best.interval[0]), hi: pc(c.best.interval[1]),
        diff: this.signedPoints(c.chanceDifference.mean), dlo: this.signedPoints(c.chanceDifference.interval[0]), dhi: this.signedPoints(c.chanceDifference.interval[1]),
        hours: hours(c.best.medianCost),
      })}</p>
      <p class="verdict ${trusted ? 'good' : 'warn'}" data-verdict=${c.verdict}>${trusted ? '' : '⚠ '}${t(locale, `verdict_${c.verdict}` as MessageKey)}</p>` : nothing}
      ${changes.length && this.isCurrent(scenario) ? html`<button class="${trusted ? 'primary' : ''} apply-seek" @click=${() => this.fire('plan-apply', r.best!.settings)}>${t(locale, 'applySeek')}</button>` : nothing}
      ${r.runnersUp.length ? html`<h3>${t(locale, 'runnersUp')}</h3><ul class="moves">${r.runnersUp.map((u) => html`<li>${pc(u.assessment.chance)} · ${hours(u.assessment.medianCost)}${this.colon}${describe(u.settings)}</li>`)}</ul>` : nothing}
      <button class="link" @click=${() => this.download(r, 'goal-seek')}>${t(locale, 'planJson')}</button>
    `;
  }

  // ——— sweep ———

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

  private renderSweep(s: Scenario) {
    const locale = this.locale;
    const levers = leversFor(s);
    const checked = this.sweepPaths.filter(Boolean).map((p) => this.axisOf(p)).filter((a) => a !== null);
    const problems = checked.flatMap((a) => ('problem' in a ? [a.problem] : []));
    const axes = checked.flatMap((a) => ('axis' in a ? [a.axis] : []));
    const capped = checked.some((a) => 'capped' in a && a.capped);
    const points = problems.length ? 0 : axes.reduce((n, a) => n * a.positions.length, 1);
    const done = this.results.sweep;
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
      const from = lever.kind === 'window' ? `${t(locale, 'from')} (${t(locale, 'startHour')})` : t(locale, 'from');
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

  private outputOptions(goals: readonly { metric: SummaryKey }[], value: string, onChange: (v: string) => void, className: string) {
    const locale = this.locale;
    return html`<label>${t(locale, 'show')} <select class=${className} @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}>
      <option value=${ALL_GOALS} ?selected=${value === ALL_GOALS}>${t(locale, 'allGoalsShare')}</option>
      ${[...new Set(goals.map((g) => g.metric))].map((m) => html`<option value=${m} ?selected=${value === m}>${pick(locale, SUMMARY[m])}</option>`)}
    </select></label>`;
  }

  private renderSweepResult(r: SweepResult, scenario: Scenario, partial: boolean) {
    const locale = this.locale;
    const lang = locale === 'zh-CN' ? 'zh' : 'en';
    const show = this.sweepShow;
    const goalIndex = r.goals.findIndex((g) => g.metric === show);
    const [first, second] = r.axes;
    const firstLever = leverAt(first.path)!;
    return html`
      ${this.stale(scenario)}
      ${partial ? html`<p class="stale">${t(locale, 'sweepPartial')}</p>` : nothing}
      <div class="row">${this.outputOptions(r.goals, show, (v) => { this.sweepShow = v; }, 'sweep-show')}
        <button class="link" @click=${() => downloadBlob(fileNameFor(`${r.scenario}-sweep`, 'csv'), new Blob([sweepToCsv(r)], { type: 'text/csv' }))}>CSV</button>
        <button class="link" @click=${() => this.download(r, 'sweep')}>JSON</button></div>
      ${second ? this.renderHeatmap(r, goalIndex) : html`<qc-sweep-chart .locale=${locale} .xLabel=${this.label(firstLever)}
        .label=${show === ALL_GOALS ? t(locale, 'allGoalsShare') : pick(locale, SUMMARY[show as SummaryKey])}
        .unit=${show === ALL_GOALS ? 'share' : SUMMARY[show as SummaryKey].unit}
        .threshold=${show === ALL_GOALS ? null : chartThreshold(r.goals, show as SummaryKey, locale)}
        .points=${r.points.flatMap((p, i) => {
          if (!p.stats) return [];
          if (show === ALL_GOALS) { const v = p.stats.allGoalsMetShare; return [{ label: first.labels[lang][i], p10: v, p25: v, p50: v, p75: v, p90: v }]; }
          const q = p.stats.kpis[show as SummaryKey];
          return q.p50 === null ? [] : [{ label: first.labels[lang][i], p10: q.p10!, p25: q.p25!, p50: q.p50, p75: q.p75!, p90: q.p90! }];
        })}></qc-sweep-chart>`}
      <p class="legend">${t(locale, second ? 'heatLegend' : 'sweepLegend', { runs: r.runs, seed: r.seed })}</p>
    `;
  }

  private renderHeatmap(r: SweepResult, goalIndex: number) {
    const locale = this.locale;
    const lang = locale === 'zh-CN' ? 'zh' : 'en';
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
        return v === null ? html`<td>—</td>` : html`<td style="background:${interpolateGreens(0.08 + 0.85 * v)};color:${v > 0.55 ? '#fff' : '#1d2733'}">${formatPercent(locale, v)}</td>`;
      })}</tr>`)}</tbody>
    </table></div>`;
  }

  // ——— sensitivity ———

  private renderScreening(s: Scenario) {
    const locale = this.locale;
    const numeric = leversFor(s, 'numeric');
    const chosen = this.screenPaths ?? numeric.map((l) => l.path);
    const points = (chosen.length + 1) * this.screenTrajectories;
    const done = this.results.sensitivity;
    return html`<section class="panel" aria-labelledby="screen-title">
      <h2 id="screen-title">${t(locale, 'plan_sensitivity')}</h2>
      <p class="help">${t(locale, 'screenHelp')}</p>
      ${this.checklist(numeric, chosen, (paths) => { this.screenPaths = paths; }, numeric.length, 'screen')}
      <div class="row">
        <label>${t(locale, 'runsPerStrategy')} <input type="number" min="5" max="500" step="5" .value=${String(this.screenRuns)}
          @change=${(e: Event) => { this.screenRuns = this.whole(e, 5, 500, 40); }}></label>
        <label>${t(locale, 'trajectories')} <input type="number" min="2" max="50" step="1" .value=${String(this.screenTrajectories)}
          @change=${(e: Event) => { this.screenTrajectories = this.whole(e, 2, 50, 10); }}></label>
        <span class="status">${t(locale, 'sweepSize', { points, runs: points * this.screenRuns })}</span>
        ${this.runButton('run-screen', t(locale, 'runScreen'), chosen.length >= 2, () => this.fire('plan-sensitivity', { paths: chosen, runs: this.screenRuns, trajectories: this.screenTrajectories }))}
      </div>
      ${done ? this.renderScreenResult(done.result, done.scenario) : nothing}
    </section>`;
  }

  private renderScreenResult(r: SensitivityResult, scenario: Scenario) {
    const locale = this.locale;
    const show = r.outputs.includes(this.screenShow as never) ? this.screenShow : ALL_GOALS;
    const indices = r.morris?.[show];
    if (!indices) return nothing;
    const unit = show === ALL_GOALS ? 'share' : SUMMARY[show as SummaryKey].unit;
    const size = (v: number) => (unit === 'share' ? formatPoints(locale, v) : formatByUnit(locale, unit, v));
    const order = r.levers.map((_, i) => i).sort((a, b) => indices[b].muStar - indices[a].muStar);
    const top = Math.max(0, ...indices.map((m) => m.muStar));
    // which way is toward the goal: up for "at least" goals and for the chance of all goals, down for "at most"
    const goal = goalsOf(scenario).find((g) => g.metric === show);
    const upIsGood = !goal || goal.direction === 'atLeast' || goal.direction === 'above' ? 1 : goal.direction === 'between' ? 0 : -1;
    return html`
      ${this.stale(scenario)}
      <div class="row">${this.outputOptions(goalsOf(scenario), show, (v) => { this.screenShow = v; }, 'screen-show')}
        <button class="link" @click=${() => downloadBlob(fileNameFor(`${r.scenario}-morris`, 'csv'), new Blob([sensitivityToCsv(r)], { type: 'text/csv' }))}>CSV</button>
        <button class="link" @click=${() => this.download(r, 'morris')}>JSON</button></div>
      <div class="bars" role="list" aria-label=${t(locale, 'plan_sensitivity')}>
        ${order.map((i) => {
          const m = indices[i];
          const lever = leverAt(r.levers[i].path)!;
          const direction = upIsGood !== 0 && Math.abs(m.mu) >= 0.8 * m.muStar ? (m.mu * upIsGood > 0 ? 'up' : 'down') : 'mixed';
          return html`<span role="listitem">${this.label(lever)}</span>
            <span class="bar-wrap"><span class="bar ${direction}" style="width:${top > 0 ? (90 * m.muStar) / top : 0}%"></span>
            <span>${size(m.muStar)}${m.sigma > 0.5 * m.muStar && m.muStar > 0 ? ` · σ ${size(m.sigma)}` : ''}</span></span>`;
        })}
      </div>
      ${top === 0 ? html`<p class="stale screen-flat">${t(locale, 'screenFlat')}</p>` : nothing}
      <p class="legend">${t(locale, 'screenLegend', { points: r.points, runs: r.runs })}</p>
    `;
  }

  // ——— shared ———

  /** Checkboxes for levers; `first` (a fixed list, so ticking never reorders) are listed at the top. */
  private checklist(levers: readonly Lever[], chosen: readonly string[], onChange: (paths: string[]) => void, max: number, name: string, first: readonly string[] = []) {
    return html`<div class="checklist" role="group" aria-label=${t(this.locale, 'leversToVary')}>
      ${[...levers].sort((a, b) => Number(first.includes(b.path)) - Number(first.includes(a.path))).map((l) => html`<label><input type="checkbox" name=${name} value=${l.path} .checked=${chosen.includes(l.path)}
        ?disabled=${!chosen.includes(l.path) && chosen.length >= max}
        @change=${(e: Event) => onChange((e.target as HTMLInputElement).checked ? [...chosen, l.path] : chosen.filter((p) => p !== l.path))}>
        ${this.label(l)} <span class="legend">(${this.position(l, positionOf(l, this.scenario!))})</span></label>`)}
    </div>`;
  }

  private whole(e: Event, min: number, max: number, fallback: number): number {
    const v = Math.round(Number((e.target as HTMLInputElement).value));
    return Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : fallback;
  }

  private decimal(e: Event, min: number, max: number, fallback: number): number {
    const v = Number((e.target as HTMLInputElement).value);
    return Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : fallback;
  }

  private download(result: unknown, kind: string): void {
    downloadBlob(fileNameFor(`${this.scenario?.name ?? 'scenario'}-${kind}`, 'json'), new Blob([JSON.stringify(result, null, 2)], { type: 'application/json' }));
  }

  private fire(name: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}

customElements.define('qc-plan-view', PlanView);

declare global {
  interface HTMLElementTagNameMap {
    'qc-plan-view': PlanView;
  }
}
