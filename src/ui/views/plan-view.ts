/**
 * Planning: why goals are missed (diagnosis), the strategy that best meets
 * the goals within a budget (goal seek), what a lever does over its range
 * (sweep) and which levers matter (Morris screening), for the strategy being
 * edited; one panel each (src/ui/views/plan/). One job runs at a time: its progress
 * and Cancel are at the top, with Undo / Redo of the strategy's edits.
 *
 * Properties: `locale`, `scenario` (the valid strategy), `progress`
 * (PlanProgress | null), `results` (PlanResults), `canUndo`, `canRedo`.
 * Events (bubble, cross shadow roots): the panels' `plan-diagnose`,
 * `plan-seek`, `plan-sweep`, `plan-sensitivity`, `plan-discover`, `plan-apply`; and
 * `plan-cancel`, `undo`, `redo`.
 */
import { shownName } from '../presets.ts';
import type { SweepAxis } from '../../model/planning/sweep.ts';
import type { Objective } from '../../model/planning/optimize.ts';
import type { Setting } from '../../model/planning/levers.ts';
import { LitElement, css, html } from 'lit';
import type { Scenario } from '../../model/scenario.ts';
import { scenarioText } from '../../model/text.ts';
import { formatNumber, formatRemaining, langOf, type Locale } from '../../i18n/locale.ts';
import { t, type MessageKey } from '../../i18n/messages.ts';
import type { PlanProgress, PlanResults } from '../controllers/planning-controller.ts';
import './plan/diagnosis-panel.ts';
import './plan/seek-panel.ts';
import './plan/frontier-panel.ts';
import './plan/sweep-panel.ts';
import './plan/screen-panel.ts';
import './plan/rules-panel.ts';

/** The panels, by the kind of job each runs, in the order they are shown. */
const PANEL_KINDS = ['diagnosis', 'goalSeek', 'frontier', 'sweep', 'sensitivity', 'discovery'] as const;

/** Each stage of a planning job, in words. */
const STAGE_TEXT = { run: 'stageRun', frontier: 'stageFrontier', screen: 'stageScreen', evolve: 'stageEvolve', refine: 'stageRefine', race: 'stageRace', check: 'stageCheck', final: 'stageFinal' } as const;

export class PlanView extends LitElement {
  static override properties = {
    locale: { type: String },
    scenario: { attribute: false },
    progress: { attribute: false },
    results: { attribute: false },
    canUndo: { type: Boolean },
    canRedo: { type: Boolean },
    edited: { type: Boolean },
  };

  declare locale: Locale;
  declare scenario: Scenario | null;
  declare progress: PlanProgress | null;
  declare results: PlanResults;
  declare canUndo: boolean;
  declare canRedo: boolean;
  /** The scenario keeps a preset's (or its library entry's) name but differs from it. */
  declare edited: boolean;

  constructor() {
    super();
    this.locale = 'en';
    this.scenario = null;
    this.progress = null;
    this.results = { diagnosis: null, sweep: null, sensitivity: null, goalSeek: null, frontier: null, discovery: null };
    this.canUndo = false;
    this.canRedo = false;
    this.edited = false;
  }

  static override styles = css`
    :host { display: block; }
    @media print { button, progress { display: none; } .grid { display: block; } }
    .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(30rem, 1fr)); gap: 1rem; }
    @media (max-width: 40rem) { .grid { grid-template-columns: 1fr; } }
    /* the diagnosis' table of remedies has the whole width */
    .grid > .diagnosis { grid-column: 1 / -1; }
    /*
     * Where "What to change" and "Diagnose →" lead: a wrapper, not the panel's
     * host (a shadow host with tabindex=-1 takes its whole shadow tree — Diagnose,
     * Apply, Export — out of the Tab order). Scrolled to clear of the sticky head.
     */
    .diagnosis { scroll-margin-top: calc(var(--head-height, 4.5rem) + 0.75rem); border-radius: 8px; }
    .diagnosis:focus { outline: none; }
    .diagnosis:focus-visible { outline: 2px solid var(--qc-focus); outline-offset: 2px; }
    /* the job's progress and Cancel stay in view while the planner reads a panel further down (a phone, a long diagnosis) */
    .head { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; margin-bottom: 1rem; background: var(--qc-surface); border: 1px solid var(--qc-border); border-radius: 8px; padding: 0.75rem 1rem; position: sticky; top: 0; z-index: 2; }
    button { font: inherit; font-size: 0.85rem; padding: 0.25rem 0.7rem; border-radius: 4px; border: 1px solid var(--qc-accent); background: var(--qc-surface); color: var(--qc-brand); cursor: pointer; }
    button.cancel { border-color: var(--qc-danger); color: var(--qc-danger); }
    button:disabled { opacity: 0.5; cursor: not-allowed; }
    button:focus-visible { outline: 2px solid var(--qc-focus); outline-offset: 2px; }
    progress { flex: 1 1 10rem; height: 0.6rem; accent-color: var(--qc-accent); }
    .status { font-size: 0.8rem; color: var(--qc-muted); font-variant-numeric: tabular-nums; }
    /* a phone: a slim head (one line for the name, ellipsised), so the panel read below keeps the screen */
    @media (max-width: 30rem) {
      .head { padding: 0.4rem 0.6rem; gap: 0.3rem 0.6rem; margin-bottom: 0.5rem; font-size: 0.9rem; }
      .head .name { flex: 1 1 100%; min-width: 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
      .head button { padding: 0.15rem 0.55rem; }
      /* Undo, Redo, the progress and Cancel on one line; the status below it */
      .head button.cancel { order: 1; }
      .head progress { flex: 1 1 3rem; min-width: 3rem; }
      .head .status { order: 2; flex: 1 1 100%; font-size: 0.75rem; }
    }
  `;

  override render() {
    const locale = this.locale;
    const s = this.scenario;
    if (!s) return html`<p>${t(locale, 'waiting')}</p>`;
    this.busy();
    return html`
      <div class="head panel">
        <span class="name"><strong>${t(locale, 'planFor')}</strong>${locale === 'zh-CN' ? '' : ' '}${shownName(scenarioText(s, langOf(locale)).name, this.edited, langOf(locale))}</span>
        <button @click=${() => this.fire('undo')} ?disabled=${!this.canUndo} aria-keyshortcuts="Control+Z">${t(locale, 'undo')}</button>
        <button @click=${() => this.fire('redo')} ?disabled=${!this.canRedo} aria-keyshortcuts="Control+Shift+Z">${t(locale, 'redo')}</button>
        ${this.renderProgress()}
      </div>
      <div class="grid">
        <div class="diagnosis" tabindex="-1" role="region" aria-label=${t(locale, 'plan_diagnosis')}><qc-plan-diagnosis .locale=${locale} .scenario=${s} .progress=${this.busyFor('diagnosis')} .result=${this.results.diagnosis}></qc-plan-diagnosis></div>
        <qc-plan-seek .locale=${locale} .scenario=${s} .progress=${this.busyFor('goalSeek')} .result=${this.results.goalSeek}></qc-plan-seek>
        <qc-plan-frontier .locale=${locale} .scenario=${s} .progress=${this.busyFor('frontier')} .result=${this.results.frontier} .budget=${this.seekBudget()}></qc-plan-frontier>
        <qc-plan-sweep .locale=${locale} .scenario=${s} .progress=${this.busyFor('sweep')} .result=${this.results.sweep}></qc-plan-sweep>
        <qc-plan-screen .locale=${locale} .scenario=${s} .progress=${this.busyFor('sensitivity')} .result=${this.results.sensitivity}></qc-plan-screen>
        <qc-plan-rules .locale=${locale} .scenario=${s} .progress=${this.busyFor('discovery')} .result=${this.results.discovery} .sweep=${this.results.sweep}></qc-plan-rules>
      </div>
    `;
  }

  /** The last goal seek's budget (team hours a week), for the frontier chart; null if none. */
  private seekBudget(): number | null {
    const objective = this.results.goalSeek?.result.objective;
    return objective?.kind === 'maxGoals' && Number.isFinite(objective.budget) ? objective.budget : null;
  }

  /**
   * What the panels are told of a job: only that one runs (they block their run
   * buttons), as one object for the whole job. A progress tick (every 250 ms)
   * then repaints the head alone, not the six panels (each a few hundred
   * elements: ticks re-rendering them were main-thread tasks of 50–250 ms on a
   * loaded machine). When a job starts or ends, the job's own panel hears of it
   * at once (with its result), the five others a task later and one at a time:
   * re-rendering all six and the result in one task made one main-thread task of
   * over 50 ms at the end of a frontier.
   */
  private busy(): PlanProgress | null {
    const p = this.progress;
    if (!p) this.job = null;
    else if (!this.job || this.job.kind !== p.kind) this.job = p;
    if (this.job) this.ownKind = this.job.kind;
    if (this.told.some((told) => told !== this.job)) this.tellOthers();
    return this.job;
  }

  private job: PlanProgress | null = null;
  /** The kind of the job running or last run: its panel is told first. */
  private ownKind: PlanProgress['kind'] | null = null;
  /** What each panel has been told, in PANEL_KINDS order. */
  private told: (PlanProgress | null)[] = PANEL_KINDS.map(() => null);
  private telling = false;

  /** The panels other than the job's own are told one per task, until each has been. */
  private tellOthers(): void {
    if (this.telling) return;
    this.telling = true;
    setTimeout(() => {
      this.telling = false;
      const next = this.told.findIndex((told, i) => told !== this.job && PANEL_KINDS[i] !== this.ownKind);
      if (next < 0) return;
      this.told[next] = this.job;
      this.requestUpdate();
    }, 0);
  }

  /** What the panel of this kind of job is told now. */
  private busyFor(kind: PlanProgress['kind']): PlanProgress | null {
    const i = PANEL_KINDS.indexOf(kind);
    if (kind === this.ownKind) this.told[i] = this.job;
    return this.told[i];
  }

  /**
   * After an undo or redo: the focus, if it was lost (the Apply button pressed
   * is gone with the stale results, or the Undo button got disabled), goes to
   * Undo, else Redo, else the diagnosis panel (not dropped to <body>).
   */
  async keepFocus(): Promise<void> {
    await this.updateComplete;
    const panels = [...this.renderRoot.querySelectorAll('qc-plan-diagnosis')] as (HTMLElement & { updateComplete: Promise<unknown> })[];
    for (const p of panels) await p.updateComplete;
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (active && active !== document.body && !(active as HTMLButtonElement).disabled) return;
    const [undo, redo] = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('.head button')];
    const target = [undo, redo].find((b) => b && !b.disabled) ?? this.renderRoot.querySelector<HTMLElement>('.diagnosis');
    target?.focus();
  }

  /** The diagnosis panel in view, with the focus: where "What to change" leads. */
  showDiagnosis(): void {
    this.measureHead();
    const panel = this.renderRoot.querySelector<HTMLElement>('.diagnosis');
    panel?.scrollIntoView({ block: 'start' });
    panel?.focus({ preventScroll: true });
    // the job's progress, once shown, may make the sticky head taller: for a few seconds the panel's heading is kept clear of it
    this.keepClearUntil = performance.now() + 4000;
    setTimeout(() => this.keepClear(), 300);
  }

  /** The sticky head's height, as --head-height: how far below the top a panel scrolled into view must start. */
  private measureHead(): void {
    const head = this.renderRoot.querySelector<HTMLElement>('.head');
    if (head) this.style.setProperty('--head-height', `${Math.ceil(head.getBoundingClientRect().height)}px`);
  }

  private headObserver: ResizeObserver | null = null;
  /** Until when (performance.now()) the diagnosis panel just shown is kept clear of the head as it grows. */
  private keepClearUntil = 0;

  /** The diagnosis panel just shown, scrolled clear of the sticky head if the head grew over it. */
  private keepClear(): void {
    if (performance.now() > this.keepClearUntil) return;
    const panel = this.renderRoot.querySelector<HTMLElement>('.diagnosis');
    const head = this.renderRoot.querySelector<HTMLElement>('.head');
    if (!panel || !head) return;
    this.measureHead();
    if (panel.getBoundingClientRect().top < head.getBoundingClientRect().bottom) panel.scrollIntoView({ block: 'start' });
  }

  override updated(): void {
    const head = this.renderRoot.querySelector<HTMLElement>('.head');
    if (head && !this.headObserver && typeof ResizeObserver !== 'undefined') {
      this.headObserver = new ResizeObserver(() => { this.measureHead(); this.keepClear(); });
      this.headObserver.observe(head);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.headObserver?.disconnect();
    this.headObserver = null;
  }

  private renderProgress() {
    const p = this.progress;
    if (!p) return html`<span class="status" role="status" data-finished="true">${t(this.locale, 'planIdle')}</span>`;
    const seconds = (ms: number) => formatNumber(this.locale, ms / 1000, 1);
    const stage = t(this.locale, STAGE_TEXT[p.stage]);
    // a goal seek's or a frontier's runs in all are an estimate until its last stage
    const estimated = p.kind === 'goalSeek' || p.kind === 'frontier';
    // before the job knows its runs, or its speed, no figure: "estimating…" (not "0 / 0 runs · about — left")
    const key = p.remainingMs === null ? (estimated ? 'progressEstimatedMeasuring' : 'progressMeasuring') : (estimated ? 'progressEstimated' : 'progress');
    const figures = p.total === 0 ? t(this.locale, 'planStarting')
      : t(this.locale, key, { done: p.done, total: p.total, elapsed: seconds(p.elapsedMs), remaining: p.remainingMs === null ? '' : formatRemaining(this.locale, p.remainingMs) });
    return html`
      <progress max=${p.total || 1} .value=${p.done} aria-label=${t(this.locale, `plan_${p.kind}` as MessageKey)}></progress>
      <span class="status" role="status">${t(this.locale, `plan_${p.kind}` as MessageKey)} · ${stage}${this.locale === 'zh-CN' ? '：' : ': '}${figures}</span>
      <button class="cancel" @click=${() => this.fire('plan-cancel')}>${t(this.locale, 'cancel')}</button>
    `;
  }

  private fire(name: string): void {
    this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true }));
  }
}

customElements.define('qc-plan-view', PlanView);

/** The events the plan view's panels send up (they bubble and cross shadow roots): the shell starts the job. */
export interface PlanEvents {
  'plan-diagnose': CustomEvent<{ runs: number }>;
  'plan-sweep': CustomEvent<{ axes: SweepAxis[]; runs: number }>;
  'plan-sensitivity': CustomEvent<{ paths: string[]; runs: number; method: 'morris' | 'sobol'; samples: number; outputs: 'missed' | 'all' }>;
  'plan-frontier': CustomEvent<{ paths: string[]; points: number; withinPlaybook: boolean }>;
  'plan-seek': CustomEvent<{ paths: string[]; objective: Objective; withinPlaybook: boolean }>;
  'plan-discover': CustomEvent<{ paths: string[]; points: number; runs: number; withinPlaybook: boolean }>;
  'plan-apply': CustomEvent<Setting[]>;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends PlanEvents {}
  interface HTMLElementTagNameMap {
    'qc-plan-view': PlanView;
  }
}
