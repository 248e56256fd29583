/**
 * The app shell: layout and routing. It holds the locale and the view, and
 * wires the views' events to the controllers that own each feature's state:
 * the notices, the scenario being edited (and its autosave), the ensembles and
 * the worker pool, the library, scenario files and links, and the comparison.
 *
 * Events: `results` (detail: { kind, runs }) when an ensemble finishes.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { SCHEMA_VERSION, type Draft, type Scenario } from '../model/scenario.ts';
import { scenarioText } from '../model/text.ts';
import { initialLocale, langOf, saveLocale, type Locale } from '../i18n/locale.ts';
import { t } from '../i18n/messages.ts';
import { isEdited, originsOf, PRESETS, shownName, type PresetName } from './presets.ts';
import { exportDailyCsv, exportResultsJson } from './export.ts';
import type { LibraryEntry } from './storage/scenario-store.ts';
import { NoticesController } from './controllers/notices-controller.ts';
import { DraftController } from './controllers/draft-controller.ts';
import { EnsembleController } from './controllers/ensemble-controller.ts';
import { LibraryController, renamed, type LibraryAction } from './controllers/library-controller.ts';
import { libraryPrompts } from './library-prompts.ts';
import { ScenarioIoController } from './controllers/scenario-io-controller.ts';
import { ComparisonController, CURRENT } from './controllers/comparison-controller.ts';
import { LibraryLinkController } from './controllers/library-link-controller.ts';
import { NavigationController } from './controllers/navigation-controller.ts';
import { PlanningController } from './controllers/planning-controller.ts';
import { BaselineController } from './controllers/baseline-controller.ts';
import { LessonController } from './controllers/lesson-controller.ts';
import { ReplayController, type ReplaySpeed } from './controllers/replay-controller.ts';
import './views/replay-view.ts';
import { lessonText, type Answer } from '../model/lessons.ts';
import { draftWithSettings, leverAt, type Lever, type Setting } from '../model/planning/levers.ts';
import { withinPlaybook } from '../model/planning/guardrails.ts';
import type { Dismissed, DraftOfferChoice } from './notices-view.ts';
import type { View } from './app-bar.ts';
import './app-bar.ts';
import './notices-view.ts';
import './views/lab-view.ts';
import './views/library-panel.ts';
import './views/compare-view.ts';
import './views/plan-view.ts';
import './views/lessons-view.ts';
import { presenterSlides } from './presenter-slides.ts';
import type { PresenterSlide } from './views/presenter-view.ts';
import './views/presenter-view.ts';
import './views/playbook-view.ts';
import './views/import-view.ts';

export { QUICK_RUNS } from './controllers/ensemble-controller.ts';

/** Runs per strategy when the scorecard's "why" starts a diagnosis. */
const DIAGNOSIS_RUNS = 60;

export class AppShell extends LitElement {
  static override properties = {
    locale: { state: true },
    view: { state: true },
    presenting: { state: true },
  };

  /** Presenter mode is on (the results one slide at a time, for a projector). */
  declare presenting: boolean;
  /** Where presenter mode opens: at the results, or (from an answered lesson) at the lesson. */
  private presentFrom: 'results' | 'lesson' | 'replay' = 'results';

  declare locale: Locale;
  declare view: View;

  private readonly notices = new NoticesController(this);
  private readonly ensemble = new EnsembleController(this, this.notices);
  private readonly edit = new DraftController(this, this.notices, (scenario) => this.ensemble.schedule(scenario));
  private readonly library = new LibraryController(this, this.notices, libraryPrompts(() => this.locale, () => this.edit.scenario));
  private readonly io = new ScenarioIoController(this, this.edit, this.library, this.notices, () => { this.view = 'lab'; });
  private readonly comparison = new ComparisonController(this, this.ensemble, this.notices);
  private readonly planning = new PlanningController(this, this.notices);
  private readonly baseline = new BaselineController(this, this.ensemble, this.notices);
  private readonly lesson = new LessonController(this, this.ensemble, this.notices);
  private readonly replay = new ReplayController(this, this.notices);
  private readonly link = new LibraryLinkController(this, {
    edit: this.edit, library: this.library, planning: this.planning, comparison: this.comparison, notices: this.notices,
    locale: () => this.locale, showLab: () => { this.view = 'lab'; },
  });
  private readonly navigation = new NavigationController(this, { undo: () => this.undo(), redo: () => this.redo() });
  /** The plan view has been shown (it is kept from then on). */
  private planOpened = false;
  /** The playbook section to show when the playbook view opens (from a "§n" link). */
  private playbookSection = '';

  constructor() {
    super();
    this.locale = initialLocale();
    this.view = 'lab';
    this.presenting = false;
  }

  static override styles = css`
    :host { display: block; min-height: 100vh; background: #f3f5f8; color: var(--qc-ink); font-family: system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif; }
    main.single { display: block; padding: 1rem 1.25rem; }
    main.single[hidden] { display: none; }
    .skip { position: absolute; left: 0.5rem; top: -3rem; z-index: 20; font: inherit; padding: 0.4rem 0.8rem; background: var(--qc-surface); color: var(--qc-brand); border: 2px solid var(--qc-focus); border-radius: 4px; }
    .skip:focus { top: 0.5rem; }
    @media print { :host { background: var(--qc-surface); } .skip, .drop { display: none; } main.single { padding: 0; } }
    .drop { position: fixed; inset: 0; display: grid; place-items: center; background: rgba(15, 61, 46, 0.75); color: var(--qc-on-dark); font-size: 1.5rem; z-index: 10; pointer-events: none; }
  `;

  override connectedCallback(): void {
    super.connectedCallback();
    document.documentElement.lang = this.locale;
    this.addEventListener('playbook-open', (event) => void this.openPlaybook((event as CustomEvent<string>).detail));
    void this.restore();
  }

  protected override updated(changed: PropertyValues): void {
    // a replay playing on in a view nobody sees would only repaint the page ten times a second
    if (changed.has('view') && this.view !== 'replay') this.replay.pause();
  }

  /** Start from the autosaved draft (else the preset), then a share link if the address has one. */
  private async restore(): Promise<void> {
    await this.edit.restore();
    await this.library.refresh();
    if (location.hash.length > 1) await this.io.openLink(location.hash);
    void this.ensemble.run(this.edit.scenario, 'quick');
  }

  override render() {
    const locale = this.locale;
    const { notices, edit, ensemble } = this;
    if (this.presenting) {
      const slides = this.presenterSlides();
      const replaySlide = slides.findIndex((s) => s.id === 'replay');
      const start = this.presentFrom === 'lesson' ? slides.length - 1 : this.presentFrom === 'replay' ? Math.max(0, replaySlide) : 0;
      return html`<qc-presenter .locale=${locale} .slides=${slides} .index=${start}
        @presenter-exit=${() => { this.presenting = false; }}></qc-presenter>`;
    }
    return html`
      <button class="skip" @click=${this.skipToResults}>${t(locale, 'skipToResults')}</button>
      <qc-app-bar .locale=${locale} .preset=${edit.preset} .customName=${edit.preset ? '' : shownName(scenarioText(edit.scenario, langOf(locale)).name, this.edited, langOf(locale))} .edited=${!edit.preset && this.edited} .view=${this.view} .canExport=${ensemble.summary !== null} .autosave=${edit.autosave} .saves=${edit.saves}
        @locale-toggle=${this.toggleLocale}
        @present=${() => { this.presentFrom = this.view === 'lessons' && this.lesson.current ? 'lesson' : this.view === 'replay' && this.replay.log ? 'replay' : 'results'; this.presenting = true; }}
        @preset-select=${(e: CustomEvent<PresetName>) => void this.link.replace(PRESETS[e.detail].file as Draft, () => edit.loadPreset(e.detail))}
        @view-select=${(e: CustomEvent<View>) => this.selectView(e.detail)}
        @file-open=${(e: CustomEvent<File>) => void this.io.openFile(e.detail)}
        @file-save=${() => void this.io.save(edit.scenario)}
        @library-save=${() => void this.link.save(false)}
        @library-save-as=${() => void this.link.save(true)}
        @share=${() => void this.io.share(edit.scenario)}
        @export-csv=${() => ensemble.summary && ensemble.shown && exportDailyCsv(ensemble.summary, ensemble.shown)}
        @export-json=${() => ensemble.summary && ensemble.shown && exportResultsJson(edit.scenario, ensemble.summary, ensemble.shown)}></qc-app-bar>
      <qc-notices .locale=${locale} .notice=${notices.notice} .refusal=${notices.refusal} .shareUrl=${notices.shareUrl}
        .draftOffer=${edit.orphan ? { name: String(edit.orphanDraft?.name ?? '') || '—', heldAt: edit.orphan.heldAt } : null}
        @notice-dismiss=${this.onDismiss} @draft-offer=${this.onDraftOffer}></qc-notices>
      ${this.io.dragging ? html`<div class="drop" aria-hidden="true">${t(locale, 'dropHint')}</div>` : nothing}
      ${this.view === 'plan' || this.planOpened ? this.renderPlan() : nothing}
      ${this.view === 'plan' ? nothing : this.view === 'library' ? this.renderLibrary() : this.view === 'compare' ? this.renderCompare()
        : this.view === 'replay' ? html`<main class="single">${this.renderReplay()}</main>`
        : this.view === 'lessons' ? this.renderLessons() : this.view === 'playbook' ? this.renderPlaybook()
        : this.view === 'import' ? html`<main class="single"><qc-import-view .locale=${this.locale} @import-open=${(e: CustomEvent<{ text: string; name: string }>) => void this.openImported(e.detail.text, e.detail.name)}></qc-import-view></main>` : this.renderLab()}
    `;
  }

  private renderLab() {
    const { edit, ensemble } = this;
    return html`<qc-lab-view .locale=${this.locale} .draft=${edit.draft} .problems=${edit.problems}
      .summary=${ensemble.summary} .sample=${ensemble.sample} .running=${ensemble.running} .progress=${ensemble.progress}
      .lastRun=${ensemble.lastRun} .shown=${ensemble.shown} .workers=${ensemble.workers} .runs=${edit.scenario.runs}
      .pinned=${this.baseline.pinned} .deltas=${this.baseline.deltas} .canUndo=${edit.canUndo} .canRedo=${edit.canRedo} .edited=${this.edited}
      @pin-baseline=${() => void this.baseline.pin()} @unpin-baseline=${() => this.baseline.unpin()}
      @undo=${() => this.undo()} @redo=${() => this.redo()}
      @diagnose=${() => void this.openDiagnosis()}
      @draft-change=${(e: CustomEvent<Draft>) => { this.notices.notify(null); edit.set(e.detail, ''); }}
      @reset-defaults=${() => void this.link.replace({ schemaVersion: SCHEMA_VERSION }, () => edit.resetToDefaults())}
      @run-full=${() => void ensemble.run(edit.scenario, 'full')}
      @run-cancel=${() => ensemble.cancel()}></qc-lab-view>`;
  }

  /**
   * "Why are goals missed?" in the scorecard, or "What to change" in the result
   * bar: the plan view, the diagnosis started and brought into view with the
   * focus (from a phone's result bar the page may be scrolled far down).
   */
  private async openDiagnosis(): Promise<void> {
    this.view = 'plan';
    void this.planning.diagnose(this.edit.scenario, DIAGNOSIS_RUNS);
    await this.updateComplete;
    const plan = this.renderRoot.querySelector('qc-plan-view');
    await plan?.updateComplete;
    plan?.showDiagnosis();
  }

  private renderPlan() {
    const { planning, edit } = this;
    const levers = (paths: readonly string[]) => paths.map((p) => leverAt(p)).filter((l): l is Lever => !!l);
    // once opened, the plan view stays (hidden when another view shows), so the levers ticked and the ranges typed in its panels are kept
    this.planOpened = true;
    return html`<main class="single" ?hidden=${this.view !== 'plan'}><qc-plan-view .locale=${this.locale} .scenario=${edit.scenario} .progress=${planning.progress}
      .results=${planning.results} .canUndo=${edit.canUndo} .canRedo=${edit.canRedo} .edited=${this.edited}
      @plan-diagnose=${(e: HTMLElementEventMap['plan-diagnose']) => void planning.diagnose(edit.scenario, e.detail.runs)}
      @plan-sweep=${(e: HTMLElementEventMap['plan-sweep']) => void planning.sweep(edit.scenario, e.detail.axes, e.detail.runs)}
      @plan-sensitivity=${(e: HTMLElementEventMap['plan-sensitivity']) => void planning.sensitivity(edit.scenario, levers(e.detail.paths), e.detail.runs, e.detail.method, e.detail.samples, e.detail.outputs)}
      @plan-frontier=${(e: HTMLElementEventMap['plan-frontier']) => void planning.frontier(edit.scenario, levers(e.detail.paths), e.detail.points, e.detail.withinPlaybook)}
      @plan-seek=${(e: HTMLElementEventMap['plan-seek']) => void planning.goalSeek(edit.scenario, levers(e.detail.paths), e.detail.objective, e.detail.withinPlaybook)}
      @plan-discover=${(e: HTMLElementEventMap['plan-discover']) => {
        // the rules panel samples inside the guardrails unless told otherwise (like goal seek and the frontier)
        void planning.discover(edit.scenario, levers(e.detail.paths).map((l) => (e.detail.withinPlaybook ? withinPlaybook(l, edit.scenario) : l)), e.detail.points, e.detail.runs);
      }}
      @plan-cancel=${() => planning.cancel()}
      @plan-apply=${(e: HTMLElementEventMap['plan-apply']) => this.apply(e.detail)}
      @undo=${() => this.undo()} @redo=${() => this.redo()}></qc-plan-view></main>`;
  }

  /** Undo / redo an edit; a notice about the edit undone (e.g. "Applied…") no longer holds. */
  private undo(): boolean {
    const done = this.edit.undo();
    if (done) { this.notices.notify(null); this.keepPlanFocus(); }
    return done;
  }

  private redo(): boolean {
    const done = this.edit.redo();
    if (done) { this.notices.notify(null); this.keepPlanFocus(); }
    return done;
  }

  /** On the Plan view, a focus lost by an undo or redo is put back on a sensible element (plan-view.ts `keepFocus`). */
  private keepPlanFocus(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector('qc-plan-view')?.keepFocus());
  }

  /** A recommendation applied to the strategy being edited (undoable like any edit). */
  private apply(settings: readonly Setting[]): void {
    const { edit } = this;
    edit.set(draftWithSettings(edit.draft, edit.scenario, settings), '');
    this.notices.notify({ key: 'applied' });
  }

  private renderLibrary() {
    return html`<main class="single"><qc-library-panel .locale=${this.locale} .entries=${this.library.entries} .deleted=${this.library.deleted}
      @library-action=${(e: CustomEvent<{ action: LibraryAction; entry: LibraryEntry }>) => void this.link.act(e.detail.action, e.detail.entry)}
      @library-undo-delete=${() => void this.link.undoDelete()}></qc-library-panel></main>`;
  }

  private selectView(view: View): void {
    this.view = view;
    // the replay is made when first asked for: run 1 of the scenario on screen
    if (view === 'replay' && !this.replay.log && !this.replay.loading) void this.replay.load(this.edit.scenario, 0);
  }

  private renderReplay() {
    const { replay: r, edit } = this;
    return html`<qc-replay-view .locale=${this.locale} .positioning=${(r.scenario ?? edit.scenario).group.positioning} .hook=${(r.scenario ?? edit.scenario).content.promoHook}
      .log=${r.log} .series=${r.series} .runIndex=${r.runIndex} .runs=${edit.scenario.runs} .minute=${r.minute} .playing=${r.playing} .speed=${r.speed}
      .loading=${r.loading} .stale=${r.scenario !== null && JSON.stringify(r.scenario) !== JSON.stringify(edit.scenario)}
      @replay-load=${(e: CustomEvent<number>) => void r.load(edit.scenario, e.detail)}
      @replay-seek=${(e: CustomEvent<number>) => r.seek(e.detail)}
      @replay-play=${() => r.play()} @replay-pause=${() => r.pause()}
      @replay-speed=${(e: CustomEvent<ReplaySpeed>) => r.setSpeed(e.detail)}></qc-replay-view>`;
  }

  /** Presenter mode's slides, from what the lab, the replay and the open lesson show now. */
  private presenterSlides(): PresenterSlide[] {
    const { edit, ensemble, baseline, lesson } = this;
    return presenterSlides({
      locale: this.locale, draft: edit.draft, summary: ensemble.summary, sample: ensemble.sample, shown: ensemble.shown,
      pinned: baseline.pinned, deltas: baseline.deltas, replay: this.replay.log ? this.renderReplay() : null,
      lesson: lesson.current, outcome: lesson.outcome, edited: this.edited,
    });
  }

  private renderLessons() {
    const l = this.lesson;
    return html`<main class="single"><qc-lessons-view .locale=${this.locale} .lessons=${l.lessons} .records=${l.records} .fileProblems=${l.fileProblems}
      .current=${l.current} .predicted=${l.predicted} .stage=${l.stage} .step=${l.step} .progress=${l.progress} .outcome=${l.outcome}
      @lesson-open=${(e: CustomEvent<string | null>) => l.open(e.detail)}
      @lesson-predict=${(e: CustomEvent<Answer>) => l.predict(e.detail)}
      @lesson-run=${() => void l.run()}
      @lesson-retry=${() => l.retry()}
      @lesson-clear-progress=${() => l.clearProgress()}
      @lesson-file=${(e: CustomEvent<File>) => void e.detail.text().then((text) => l.openFile(text, e.detail.name))}
      @lesson-try=${(e: CustomEvent<Scenario>) => void this.tryLesson(e.detail)}></qc-lessons-view></main>`;
  }

  /** The lesson's changed scenario in the lab, as an undoable replacement (an edited scenario is kept in the library first). */
  private async tryLesson(scenario: Scenario): Promise<void> {
    const { edit } = this;
    const title = this.lesson.current ? lessonText(this.lesson.current, langOf(this.locale)).title : '';
    const next = renamed(structuredClone(scenario) as unknown as Draft, t(this.locale, 'lessonScenarioName', { title }));
    await this.link.replace(next, () => edit.replace(next, ''), { key: 'lessonOpened', params: { name: String(next.name) } });
    this.view = 'lab';
  }

  private renderPlaybook() {
    return html`<main class="single"><qc-playbook-view .locale=${this.locale} .section=${this.playbookSection} .lessons=${this.lesson.lessons}
      @lesson-open=${(e: CustomEvent<string>) => { this.lesson.open(e.detail); this.view = 'lessons'; }}></qc-playbook-view></main>`;
  }

  /** A "§n" link anywhere: the playbook at that section. */
  private async openPlaybook(section: string): Promise<void> {
    this.playbookSection = section;
    this.view = 'playbook';
    this.requestUpdate();
    await this.updateComplete;
    const view = this.renderRoot.querySelector('qc-playbook-view');
    await view?.updateComplete;
    view?.showSection(section);
  }

  /** The scenario on screen keeps a preset's (or its library entry's) name but differs from it. */
  private get edited(): boolean {
    return isEdited(this.edit.draft, originsOf(this.library.entries, this.edit.entryId));
  }

  private renderCompare() {
    const c = this.comparison;
    const current = t(this.locale, 'currentScenario', { name: shownName(scenarioText(this.edit.scenario, langOf(this.locale)).name, this.edited, langOf(this.locale)) });
    const options = [{ id: CURRENT, name: current },
      ...this.library.entries.map((e) => ({ id: e.id, name: e.name }))];
    return html`<main class="single"><qc-compare-view .locale=${this.locale} .busy=${c.busy} .step=${c.step} .progress=${c.progress}
      .options=${options} .selected=${c.selected} .comparison=${c.comparison} .ensembles=${c.ensembles}
      @compare-select=${(e: CustomEvent<string[]>) => c.select(e.detail)}
      @compare-run=${() => void c.runSelected(
        { ...this.edit.scenario, name: current },
        this.library.entries, (s) => scenarioText(s, langOf(this.locale)).name)}></qc-compare-view></main>`;
  }

  /** A calibrated group from the Your group view: opened in the lab, with the focus on its results (not dropped to <body>). */
  private openImported = async (text: string, name: string) => {
    if (!(await this.io.openText(text, name))) return;
    await this.updateComplete;
    const lab = this.renderRoot.querySelector('qc-lab-view');
    await lab?.updateComplete;
    lab?.focusResults();
  };

  /** The skip link: past the header and the ~90 editor fields, to the run button of the results. */
  private skipToResults = async () => {
    this.view = 'lab';
    await this.updateComplete;
    const lab = this.renderRoot.querySelector('qc-lab-view');
    await lab?.updateComplete;
    lab?.focusResults();
  };

  private toggleLocale = () => {
    this.locale = this.locale === 'zh-CN' ? 'en' : 'zh-CN';
    saveLocale(this.locale);
    document.documentElement.lang = this.locale;
  };

  /** The draft of a tab that closed mid-write: restored (an edited scenario on screen is kept in the library first) or discarded. */
  private onDraftOffer = (event: CustomEvent<DraftOfferChoice>) => {
    const draft = this.edit.orphanDraft;
    if (event.detail === 'discard' || !draft) this.edit.discardOrphan();
    else void this.link.replace(draft, () => this.edit.restoreOrphan(), { key: 'restoredDraft' });
  };

  private onDismiss = (event: CustomEvent<Dismissed>) => {
    if (event.detail === 'notice') this.notices.notify(null);
    else if (event.detail === 'refusal') this.notices.clearRefusal();
    else this.notices.showShareUrl('');
  };

  /** Open a scenario file's text (as a drop would); returns whether it was opened. For tools and tests. */
  openText(text: string, name: string): Promise<boolean> {
    return this.io.openText(text, name);
  }
}

customElements.define('qc-app', AppShell);

declare global {
  interface HTMLElementTagNameMap {
    'qc-app': AppShell;
  }
}
