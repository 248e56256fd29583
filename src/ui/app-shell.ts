/**
 * The app shell: layout and routing. It holds the locale and the view, and
 * wires the views' events to the controllers that own each feature's state:
 * the notices, the scenario being edited (and its autosave), the ensembles and
 * the worker pool, the library, scenario files and links, and the comparison.
 *
 * Events: `results` (detail: { kind, runs }) when an ensemble finishes.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { SCHEMA_VERSION, parseScenario, type Draft, type Scenario } from '../model/scenario.ts';
import { scenarioText } from '../model/text.ts';
import { initialLocale, langOf, saveLocale, type Locale } from '../i18n/locale.ts';
import { t } from '../i18n/messages.ts';
import { PRESETS, PRESET_FILES, type PresetName } from './presets.ts';
import { exportDailyCsv, exportResultsJson } from './export.ts';
import type { LibraryEntry } from './storage.ts';
import { NoticesController, type Notice } from './controllers/notices-controller.ts';
import { DraftController } from './controllers/draft-controller.ts';
import { EnsembleController } from './controllers/ensemble-controller.ts';
import { LibraryController, renamed, type LibraryAction } from './controllers/library-controller.ts';
import { ScenarioIoController } from './controllers/scenario-io-controller.ts';
import { ComparisonController, CURRENT } from './controllers/comparison-controller.ts';
import { PlanningController } from './controllers/planning-controller.ts';
import { BaselineController } from './controllers/baseline-controller.ts';
import { LessonController } from './controllers/lesson-controller.ts';
import { ReplayController, type ReplaySpeed } from './controllers/replay-controller.ts';
import './replay-view.ts';
import { lessonText, type Answer } from '../model/lessons.ts';
import { draftWithSettings, leverAt, type Lever, type Setting } from '../model/planning/levers.ts';
import type { SweepAxis } from '../model/planning/sweep.ts';
import type { Objective } from '../model/planning/optimize.ts';
import type { Dismissed } from './notices-view.ts';
import { VIEWS, type View } from './app-bar.ts';
import './app-bar.ts';
import './notices-view.ts';
import './lab-view.ts';
import './library-panel.ts';
import './compare-view.ts';
import './plan-view.ts';
import './lessons-view.ts';
import { presenterSlides } from './presenter-slides.ts';
import type { PresenterSlide } from './presenter-view.ts';
import './presenter-view.ts';
import './playbook-view.ts';

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
  private readonly library = new LibraryController(this, this.notices, {
    copyOf: (name) => t(this.locale, 'copyOf', { name }),
    keptBeforeOpening: (name) => t(this.locale, 'keptBeforeOpening', { name }),
    shownName: (draft) => scenarioText(draft, langOf(this.locale)).name || scenarioText(this.edit.scenario, langOf(this.locale)).name,
    askNewName: (current) => prompt(t(this.locale, 'renamePrompt'), current),
    askSaveAsName: (suggested) => prompt(t(this.locale, 'saveAsPrompt'), suggested),
    askFreeName: (taken, suggested) => prompt(t(this.locale, 'nameTaken', { name: taken }), suggested),
    askNotes: (current) => prompt(t(this.locale, 'notesPrompt'), current),
    confirmOverwrite: (name) => confirm(t(this.locale, 'confirmOverwrite', { name })),
  });
  private readonly io = new ScenarioIoController(this, this.edit, this.library, this.notices, () => { this.view = 'lab'; });
  private readonly comparison = new ComparisonController(this, this.ensemble, this.notices);
  private readonly planning = new PlanningController(this, this.notices);
  private readonly baseline = new BaselineController(this, this.ensemble, this.notices);
  private readonly lesson = new LessonController(this, this.ensemble, this.notices);
  private readonly replay = new ReplayController(this, this.notices);
  /** The playbook section to show when the playbook view opens (from a "§n" link). */
  private playbookSection = '';

  constructor() {
    super();
    this.locale = initialLocale();
    this.view = 'lab';
    this.presenting = false;
  }

  static override styles = css`
    :host { display: block; min-height: 100vh; background: #f3f5f8; color: #1d2733; font-family: system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif; }
    main.single { display: block; padding: 1rem 1.25rem; }
    .skip { position: absolute; left: 0.5rem; top: -3rem; z-index: 20; font: inherit; padding: 0.4rem 0.8rem; background: #fff; color: #0f3d2e; border: 2px solid #1f6feb; border-radius: 4px; }
    .skip:focus { top: 0.5rem; }
    @media print { :host { background: #fff; } .skip, .drop { display: none; } main.single { padding: 0; } }
    .drop { position: fixed; inset: 0; display: grid; place-items: center; background: rgba(15, 61, 46, 0.75); color: #fff; font-size: 1.5rem; z-index: 10; pointer-events: none; }
  `;

  override connectedCallback(): void {
    super.connectedCallback();
    document.documentElement.lang = this.locale;
    window.addEventListener('keydown', this.onKey);
    window.addEventListener('popstate', this.onPopState);
    history.replaceState({ ...(history.state as object | null), view: this.view }, '');
    this.addEventListener('playbook-open', (event) => void this.openPlaybook((event as CustomEvent<string>).detail));
    void this.restore();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('keydown', this.onKey);
    window.removeEventListener('popstate', this.onPopState);
    super.disconnectedCallback();
  }

  /** The view came from the browser's Back / Forward (not to be pushed again). */
  private viewFromHistory = false;

  /** Each change of view is a step in the browser's history: Back returns to the previous view, not away from the app. */
  protected override updated(changed: PropertyValues): void {
    if (changed.has('view') && changed.get('view') !== undefined && !this.viewFromHistory) history.pushState({ view: this.view }, '');
    // a replay playing on in a view nobody sees would only repaint the page ten times a second
    if (changed.has('view') && this.view !== 'replay') this.replay.pause();
    this.viewFromHistory = false;
  }

  private onPopState = (event: PopStateEvent): void => {
    const view = (event.state as { view?: unknown } | null)?.view;
    if (typeof view === 'string' && (VIEWS as readonly string[]).includes(view)) {
      this.viewFromHistory = true;
      this.view = view as View;
    }
  };

  /** Ctrl/Cmd+Z undoes an edit, Ctrl/Cmd+Shift+Z or Ctrl+Y redoes it, unless a text field has the keys. */
  private onKey = (event: KeyboardEvent): void => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    const key = event.key.toLowerCase();
    const redo = (key === 'z' && event.shiftKey) || key === 'y';
    if (key !== 'z' && !redo) return;
    let target: Element | null = document.activeElement;
    while (target?.shadowRoot?.activeElement) target = target.shadowRoot.activeElement;
    if (target instanceof HTMLInputElement && !['checkbox', 'radio', 'range', 'button'].includes(target.type)) return;
    if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return;
    if (redo ? this.redo() : this.undo()) event.preventDefault();
  };

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
      const replaySlide = slides.findIndex((s) => s.label === t(locale, 'viewReplay'));
      const start = this.presentFrom === 'lesson' ? slides.length - 1 : this.presentFrom === 'replay' ? Math.max(0, replaySlide) : 0;
      return html`<qc-presenter .locale=${locale} .slides=${slides} .index=${start}
        @presenter-exit=${() => { this.presenting = false; }}></qc-presenter>`;
    }
    return html`
      <button class="skip" @click=${this.skipToResults}>${t(locale, 'skipToResults')}</button>
      <qc-app-bar .locale=${locale} .preset=${edit.preset} .view=${this.view} .canExport=${ensemble.summary !== null} .autosave=${edit.autosave} .saves=${edit.saves}
        @locale-toggle=${this.toggleLocale}
        @present=${() => { this.presentFrom = this.view === 'lessons' && this.lesson.current ? 'lesson' : this.view === 'replay' && this.replay.log ? 'replay' : 'results'; this.presenting = true; }}
        @preset-select=${(e: CustomEvent<PresetName>) => void this.replaceDraft(PRESETS[e.detail].file as Draft, () => edit.loadPreset(e.detail))}
        @view-select=${(e: CustomEvent<View>) => this.selectView(e.detail)}
        @file-open=${(e: CustomEvent<File>) => void this.io.openFile(e.detail)}
        @file-save=${() => void this.io.save(edit.scenario)}
        @library-save=${() => void this.saveToLibrary(false)}
        @library-save-as=${() => void this.saveToLibrary(true)}
        @share=${() => void this.io.share(edit.scenario)}
        @export-csv=${() => ensemble.summary && ensemble.shown && exportDailyCsv(ensemble.summary, ensemble.shown)}
        @export-json=${() => ensemble.summary && ensemble.shown && exportResultsJson(edit.scenario, ensemble.summary, ensemble.shown)}></qc-app-bar>
      <qc-notices .locale=${locale} .notice=${notices.notice} .refusal=${notices.refusal} .shareUrl=${notices.shareUrl}
        @notice-dismiss=${this.onDismiss}></qc-notices>
      ${this.io.dragging ? html`<div class="drop" aria-hidden="true">${t(locale, 'dropHint')}</div>` : nothing}
      ${this.view === 'library' ? this.renderLibrary() : this.view === 'compare' ? this.renderCompare() : this.view === 'plan' ? this.renderPlan()
        : this.view === 'replay' ? html`<main class="single">${this.renderReplay()}</main>`
        : this.view === 'lessons' ? this.renderLessons() : this.view === 'playbook' ? this.renderPlaybook() : this.renderLab()}
    `;
  }

  /**
   * A preset or the defaults replace the scenario on screen: an edited one is
   * kept in the library first (as when a file is opened), and the notice says where.
   */
  private async replaceDraft(next: Draft, load: () => void, otherwise: Notice | null = null): Promise<void> {
    const { edit } = this;
    // an unedited preset is among PRESET_FILES, so it is not kept
    const kept = await this.library.keepBefore(edit.draft, next, PRESET_FILES);
    load();
    this.notices.notify(kept ? { key: 'keptInLibrary', params: { name: kept } } : otherwise);
  }

  private renderLab() {
    const { edit, ensemble } = this;
    return html`<qc-lab-view .locale=${this.locale} .draft=${edit.draft} .problems=${edit.problems}
      .summary=${ensemble.summary} .sample=${ensemble.sample} .running=${ensemble.running} .progress=${ensemble.progress}
      .lastRun=${ensemble.lastRun} .shown=${ensemble.shown} .workers=${ensemble.workers} .runs=${edit.scenario.runs}
      .pinned=${this.baseline.pinned} .deltas=${this.baseline.deltas} .canUndo=${edit.canUndo} .canRedo=${edit.canRedo}
      @pin-baseline=${() => void this.baseline.pin()} @unpin-baseline=${() => this.baseline.unpin()}
      @undo=${() => this.undo()} @redo=${() => this.redo()}
      @diagnose=${() => void this.openDiagnosis()}
      @draft-change=${(e: CustomEvent<Draft>) => { this.notices.notify(null); edit.set(e.detail, ''); }}
      @reset-defaults=${() => void this.replaceDraft({ schemaVersion: SCHEMA_VERSION }, () => edit.resetToDefaults())}
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
    return html`<main class="single"><qc-plan-view .locale=${this.locale} .scenario=${edit.scenario} .progress=${planning.progress}
      .results=${planning.results} .canUndo=${edit.canUndo} .canRedo=${edit.canRedo}
      @plan-diagnose=${(e: CustomEvent<{ runs: number }>) => void planning.diagnose(edit.scenario, e.detail.runs)}
      @plan-sweep=${(e: CustomEvent<{ axes: SweepAxis[]; runs: number }>) => void planning.sweep(edit.scenario, e.detail.axes, e.detail.runs)}
      @plan-sensitivity=${(e: CustomEvent<{ paths: string[]; runs: number; method: 'morris' | 'sobol'; samples: number; outputs: 'missed' | 'all' }>) => void planning.sensitivity(edit.scenario, levers(e.detail.paths), e.detail.runs, e.detail.method, e.detail.samples, e.detail.outputs)}
      @plan-frontier=${(e: CustomEvent<{ paths: string[]; points: number; withinPlaybook: boolean }>) => void planning.frontier(edit.scenario, levers(e.detail.paths), e.detail.points, e.detail.withinPlaybook)}
      @plan-seek=${(e: CustomEvent<{ paths: string[]; objective: Objective; withinPlaybook: boolean }>) => void planning.goalSeek(edit.scenario, levers(e.detail.paths), e.detail.objective, e.detail.withinPlaybook)}
      @plan-discover=${(e: CustomEvent<{ paths: string[]; points: number; runs: number }>) => void planning.discover(edit.scenario, levers(e.detail.paths), e.detail.points, e.detail.runs)}
      @plan-cancel=${() => planning.cancel()}
      @plan-apply=${(e: CustomEvent<Setting[]>) => this.apply(e.detail)}
      @undo=${() => this.undo()} @redo=${() => this.redo()}></qc-plan-view></main>`;
  }

  /**
   * Save: into the entry the scenario came from or was last saved as; Save as
   * (or no such entry): a new entry, under a name no other entry has. The
   * scenario on screen then belongs to that entry (and takes its name).
   */
  private async saveToLibrary(asNew: boolean): Promise<void> {
    const { edit } = this;
    const replacements = edit.replacements;
    // a new entry takes the name the user reads (a reference scenario's Chinese name in Chinese)
    const shownName = scenarioText(edit.scenario, langOf(this.locale)).name;
    const saved = await this.library.save(edit.draft, shownName, this.planning.resultsFor(edit.scenario), edit.entryId, asNew);
    if (!saved) return;
    this.notices.notify({ key: 'savedInLibrary', params: { name: saved.name } });
    // another scenario was opened while this one was being saved: it does not belong to the entry
    if (edit.replacements !== replacements) return;
    edit.entryId = saved.id;
    if (edit.draft.name !== saved.name) edit.set(renamed(edit.draft, saved.name), '');
  }

  /** Undo / redo an edit; a notice about the edit undone (e.g. "Applied…") no longer holds. */
  private undo(): boolean {
    const done = this.edit.undo();
    if (done) this.notices.notify(null);
    return done;
  }

  private redo(): boolean {
    const done = this.edit.redo();
    if (done) this.notices.notify(null);
    return done;
  }

  /** A recommendation applied to the strategy being edited (undoable like any edit). */
  private apply(settings: readonly Setting[]): void {
    const { edit } = this;
    edit.set(draftWithSettings(edit.draft, edit.scenario, settings), '');
    this.notices.notify({ key: 'applied' });
  }

  private renderLibrary() {
    return html`<main class="single"><qc-library-panel .locale=${this.locale} .entries=${this.library.entries} .deleted=${this.library.deleted}
      @library-action=${this.onLibraryAction} @library-undo-delete=${() => void this.undoDelete()}></qc-library-panel></main>`;
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
      lesson: lesson.current, outcome: lesson.outcome,
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
    await this.replaceDraft(next, () => edit.replace(next, ''), { key: 'lessonOpened', params: { name: String(next.name) } });
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

  private renderCompare() {
    const c = this.comparison;
    const options = [{ id: CURRENT, name: t(this.locale, 'currentScenario', { name: scenarioText(this.edit.scenario, langOf(this.locale)).name }) },
      ...this.library.entries.map((e) => ({ id: e.id, name: e.name }))];
    return html`<main class="single"><qc-compare-view .locale=${this.locale} .busy=${c.busy} .step=${c.step} .progress=${c.progress}
      .options=${options} .selected=${c.selected} .comparison=${c.comparison} .ensembles=${c.ensembles}
      @compare-select=${(e: CustomEvent<string[]>) => c.select(e.detail)}
      @compare-run=${() => void this.runComparison()}></qc-compare-view></main>`;
  }

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

  private onDismiss = (event: CustomEvent<Dismissed>) => {
    if (event.detail === 'notice') this.notices.notify(null);
    else if (event.detail === 'refusal') this.notices.clearRefusal();
    else this.notices.showShareUrl('');
  };

  private onLibraryAction = async (event: CustomEvent<{ action: LibraryAction; entry: LibraryEntry }>) => {
    const { action, entry } = event.detail;
    if (action === 'load') {
      this.library.opened(entry);
      this.edit.replace(structuredClone(entry.draft), '', entry.id);
      this.planning.restore(entry.plans);
      this.notices.notify(null); // a notice about the scenario that was on screen no longer holds
      this.view = 'lab';
      return;
    }
    await this.library.act(action, entry);
    if (action === 'rename') {
      const now = this.library.entries.find((e) => e.id === entry.id);
      // the scenario on screen belongs to the renamed entry: it takes the new name too
      if (now && now.name !== entry.name && this.edit.entryId === entry.id) this.edit.set(renamed(this.edit.draft, now.name), '');
      const { notice } = this.notices;
      if (now && notice?.key === 'savedInLibrary' && notice.params?.name === entry.name) this.notices.notify(null);
    }
    if (action === 'remove') {
      this.comparison.forget(entry.id);
      // the scenario on screen no longer belongs to the deleted entry, and "saved as …" no longer holds
      if (this.edit.entryId === entry.id) {
        this.edit.entryId = null;
        this.unlinkedByDelete = entry.id;
      }
      const { notice } = this.notices;
      if (notice?.key === 'savedInLibrary' && notice.params?.name === entry.name) this.notices.notify(null);
    }
  };

  /** The entry the scenario on screen belonged to until it was deleted (Undo links it again). */
  private unlinkedByDelete: string | null = null;

  private async undoDelete(): Promise<void> {
    const restored = await this.library.restoreDeleted();
    if (restored && restored.id === this.unlinkedByDelete && this.edit.entryId === null) this.edit.entryId = restored.id;
    this.unlinkedByDelete = null;
  }

  /** The selected scenarios, validated: a saved one that no longer validates is refused with its problems. */
  private async runComparison(): Promise<void> {
    const picked: Scenario[] = [];
    for (const id of this.comparison.selected) {
      // each is named as the reader reads it, and the scenario on screen as "Current: …"
      if (id === CURRENT) { picked.push({ ...this.edit.scenario, name: t(this.locale, 'currentScenario', { name: scenarioText(this.edit.scenario, langOf(this.locale)).name }) }); continue; }
      const entry = this.library.entries.find((e) => e.id === id);
      const parsed = entry ? parseScenario(entry.draft) : null;
      if (!parsed?.ok) {
        const title: Notice = { key: 'fileRefused', params: { name: entry?.name ?? id } };
        this.notices.refuse(title, parsed && !parsed.ok ? parsed.problems : []);
        return;
      }
      picked.push({ ...parsed.scenario, name: scenarioText(parsed.scenario, langOf(this.locale)).name });
    }
    await this.comparison.run(picked);
  }

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
