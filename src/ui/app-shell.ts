/**
 * The app shell: holds the state (locale, the draft being edited, the last
 * valid scenario, results) and wires the editor, the worker pool, the
 * scorecard and the charts. Editing re-runs a quick ensemble (debounced);
 * the full ensemble runs on demand and can be cancelled.
 */
import { LitElement, css, html, nothing } from 'lit';
import { parseScenario, type Problem, type Scenario } from '../model/scenario.ts';
import { decodeShareFragment, encodeShareFragment, openScenarioText } from '../model/files.ts';
import { alignForComparison, compareRuns, type Comparison } from '../model/compare.ts';
import { thresholdsFor } from '../model/playbook.ts';
import { MEMBERSHIP_STATES, MESSAGE_KINDS, SERIES, type SeriesKey, type Series, type SummaryKey } from '../model/metrics.ts';
import type { EnsembleSummary } from '../model/ensemble.ts';
import { EnsembleCancelled, type Progress, type WorkerPool } from '../worker/pool.ts';
import { createPool } from '../worker/workers.ts';
import { CHARTS, KIND_COLORS, STATE_COLORS, STATE_LABELS, KIND_LABELS, chartThreshold } from './charts.ts';
import { PRESETS, type PresetName } from './presets.ts';
import { initialLocale, pick, saveLocale, t, formatNumber, type Locale } from './i18n.ts';
import type { Draft } from './strategy-editor.ts';
import { deleteScenario, listScenarios, loadAutosave, newId, putScenario, saveAutosave, type LibraryEntry } from './storage.ts';
import { exportDailyCsv, exportResultsJson, saveScenarioFile } from './export.ts';
import type { LibraryAction } from './library-panel.ts';
import './strategy-editor.ts';
import './library-panel.ts';
import './compare-view.ts';
import './scorecard.ts';
import '../charts/series-chart.ts';
import '../charts/stacked-chart.ts';

/** Runs in the quick ensemble that follows every edit. */
export const QUICK_RUNS = 60;
const DEBOUNCE_MS = 60;
const AUTOSAVE_MS = 300;
/** The current scenario's id in the compare picker. */
const CURRENT = 'current';

type RunKind = 'quick' | 'full';
type View = 'lab' | 'library' | 'compare';

export class AppShell extends LitElement {
  static override properties = {
    locale: { state: true },
    draft: { state: true },
    problems: { state: true },
    scenario: { state: true },
    preset: { state: true },
    summary: { state: true },
    sample: { state: true },
    running: { state: true },
    progress: { state: true },
    notice: { state: true },
    lastRun: { state: true },
    view: { state: true },
    library: { state: true },
    compareSelected: { state: true },
    comparison: { state: true },
    compareEnsembles: { state: true },
    comparing: { state: true },
    problemsNotice: { state: true },
    shareUrl: { state: true },
    dragging: { state: true },
    compareStep: { state: true },
  };

  declare locale: Locale;
  declare draft: Draft;
  declare problems: readonly Problem[];
  declare scenario: Scenario;
  declare preset: PresetName | '';
  declare summary: EnsembleSummary | null;
  declare sample: Series | null;
  declare running: RunKind | null;
  declare progress: Progress | null;
  declare notice: string;
  /** The last finished ensemble; `id` counts them (tests and tools wait on it). */
  declare lastRun: { id: number; kind: RunKind; runs: number; seconds: number; seed: number } | null;
  declare view: View;
  declare library: LibraryEntry[];
  declare compareSelected: string[];
  declare comparison: Comparison | null;
  declare compareEnsembles: EnsembleSummary[];
  declare comparing: boolean;
  /** Problems of a refused file or link: shown until dismissed; nothing on screen changes. */
  declare problemsNotice: { title: string; problems: readonly Problem[] } | null;
  declare shareUrl: string;
  declare dragging: boolean;
  declare compareStep: number;

  private pool: WorkerPool | null = null;
  /** Each ensemble's number: only the latest may change the state. */
  private runToken = 0;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private autosaveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.locale = initialLocale();
    const fallback = parseScenario(PRESETS['knowledge-sharing'].file);
    if (!fallback.ok) throw new Error('reference scenario does not validate');
    this.draft = structuredClone(PRESETS['knowledge-sharing'].file) as Draft;
    this.scenario = fallback.scenario;
    this.problems = [];
    this.preset = 'knowledge-sharing';
    this.summary = null;
    this.sample = null;
    this.running = null;
    this.progress = null;
    this.notice = '';
    this.lastRun = null;
    this.view = 'lab';
    this.library = [];
    this.compareSelected = [CURRENT];
    this.comparison = null;
    this.compareEnsembles = [];
    this.comparing = false;
    this.problemsNotice = null;
    this.shareUrl = '';
    this.dragging = false;
    this.compareStep = 0;
  }

  static override styles = css`
    :host { display: block; min-height: 100vh; background: #f3f5f8; color: #1d2733; font-family: system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif; }
    header { display: flex; flex-wrap: wrap; align-items: center; gap: 0.75rem 1rem; padding: 0.6rem 1.25rem; background: #0f3d2e; color: #fff; }
    header h1 { font-size: 1.25rem; margin: 0; }
    header p { margin: 0; opacity: 0.85; font-size: 0.85rem; flex: 1 1 16rem; }
    header label { font-size: 0.85rem; }
    header select, header button { font: inherit; font-size: 0.85rem; padding: 0.25rem 0.5rem; border-radius: 4px; border: 1px solid #9fc5b5; }
    header button { background: #fff; color: #0f3d2e; cursor: pointer; }
    button:focus-visible, select:focus-visible { outline: 2px solid #ffd33d; outline-offset: 2px; }
    main { display: grid; grid-template-columns: minmax(20rem, 26rem) 1fr; gap: 1rem; padding: 1rem 1.25rem; align-items: start; }
    @media (max-width: 60rem) { main { grid-template-columns: 1fr; } }
    .editor { position: sticky; top: 0.5rem; max-height: calc(100vh - 1rem); overflow: auto; }
    @media (max-width: 60rem) { .editor { position: static; max-height: none; } }
    .panel { background: #fff; border: 1px solid #d9e0e7; border-radius: 8px; padding: 0.75rem 1rem; margin-bottom: 1rem; }
    h2 { font-size: 1rem; margin: 0 0 0.5rem; }
    .editor-head { display: flex; justify-content: space-between; align-items: center; gap: 0.5rem; margin-bottom: 0.5rem; }
    .editor-head button { font: inherit; font-size: 0.8rem; padding: 0.2rem 0.6rem; border: 1px solid #b8c2cc; border-radius: 4px; background: #f6f8fa; cursor: pointer; }
    .status { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; min-height: 2.4rem; }
    .status button { font: inherit; font-size: 0.85rem; padding: 0.3rem 0.8rem; border-radius: 4px; cursor: pointer; border: 1px solid #1a7f5a; }
    .run { background: #1a7f5a; color: #fff; }
    .cancel { background: #fff; color: #a40e26; border-color: #a40e26 !important; }
    progress { flex: 1 1 10rem; height: 0.6rem; accent-color: #1a7f5a; }
    .progress-text, .meta { font-size: 0.8rem; color: #52606d; font-variant-numeric: tabular-nums; }
    .notice { font-size: 0.8rem; color: #7d4e00; background: #fff8c5; border-radius: 4px; padding: 0.3rem 0.5rem; width: 100%; }
    .invalid-note { font-size: 0.8rem; color: #a40e26; margin: 0 0 0.5rem; }
    .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr)); gap: 1rem; }
    .charts > * { background: #fff; border: 1px solid #d9e0e7; border-radius: 8px; padding: 0.6rem 0.75rem; min-height: 17rem; }
    nav { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; padding: 0.5rem 1.25rem; background: #fff; border-bottom: 1px solid #d9e0e7; }
    nav button, nav label.open { font: inherit; font-size: 0.85rem; padding: 0.25rem 0.65rem; border: 1px solid #b8c2cc; border-radius: 4px; background: #f6f8fa; cursor: pointer; }
    nav button[aria-pressed='true'] { background: #0f3d2e; color: #fff; border-color: #0f3d2e; }
    nav button[disabled] { opacity: 0.5; cursor: default; }
    nav label.open { position: relative; }
    nav label.open:focus-within { outline: 2px solid #1f6feb; outline-offset: 1px; }
    nav label.open input { position: absolute; inset: 0; opacity: 0; cursor: pointer; width: 100%; }
    .spacer { flex: 1; }
    main.single { display: block; }
    .share-box, .refused { margin: 0.75rem 1.25rem 0; padding: 0.5rem 0.75rem; border-radius: 6px; font-size: 0.85rem; }
    .share-box { background: #dafbe1; }
    .share-box input { width: min(40rem, 90%); font: inherit; font-size: 0.8rem; }
    .refused { background: #ffebe9; color: #5a0914; }
    .refused ul { margin: 0.3rem 0; }
    .drop { position: fixed; inset: 0; display: grid; place-items: center; background: rgba(15, 61, 46, 0.75); color: #fff; font-size: 1.5rem; z-index: 10; pointer-events: none; }
  `;

  override connectedCallback(): void {
    super.connectedCallback();
    document.documentElement.lang = this.locale;
    this.pool = createPool();
    this.addEventListener('dragover', this.onDragOver);
    this.addEventListener('dragleave', this.onDragLeave);
    this.addEventListener('drop', this.onDrop);
    window.addEventListener('hashchange', this.onHash);
    void this.restore();
  }

  /** Start from a share link if there is one, else the autosaved draft, else the preset. */
  private async restore(): Promise<void> {
    try {
      const saved = await loadAutosave();
      if (saved) this.setDraft(saved, '', false);
    } catch (error) {
      this.storageFailed(error);
    }
    await this.refreshLibrary();
    if (location.hash.length > 1) await this.openLink(location.hash);
    void this.runEnsemble('quick');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.pool?.dispose();
    this.pool = null;
    window.removeEventListener('hashchange', this.onHash);
  }

  override render() {
    const locale = this.locale;
    const goals = thresholdsFor(this.scenario.group.positioning, this.scenario.goals);
    return html`
      <header>
        <h1>${t(locale, 'appTitle')}</h1>
        <p>${t(locale, 'tagline')}</p>
        <label>${t(locale, 'preset')}
          <select aria-label=${t(locale, 'presetHint')} @change=${this.onPreset}>
            <option value="" ?selected=${this.preset === ''}>${t(locale, 'custom')}</option>
            ${Object.entries(PRESETS).map(([name, preset]) => html`<option value=${name} ?selected=${this.preset === name}>${pick(locale, preset.title)}</option>`)}
          </select>
        </label>
        <button class="lang" aria-label=${t(locale, 'languageLabel')} @click=${this.toggleLocale}>${t(locale, 'language')}</button>
      </header>
      <nav aria-label=${t(locale, 'viewsLabel')}>
        ${(['lab', 'library', 'compare'] as const).map((v) => html`<button class="view-${v}" aria-pressed=${this.view === v ? 'true' : 'false'} @click=${() => { this.view = v; }}>${t(locale, v === 'lab' ? 'viewLab' : v === 'library' ? 'viewLibrary' : 'viewCompare')}</button>`)}
        <span class="spacer"></span>
        <label class="open">${t(locale, 'open')}<input type="file" accept=".json,application/json" @change=${this.onFilePicked} /></label>
        <button class="save-file" @click=${() => void saveScenarioFile(this.scenario)}>${t(locale, 'save')}</button>
        <button class="save-library" @click=${() => void this.saveToLibrary()}>${t(locale, 'saveToLibrary')}</button>
        <button class="share" @click=${() => void this.share()}>${t(locale, 'share')}</button>
        <button class="export-csv" ?disabled=${!this.summary} @click=${() => this.summary && exportDailyCsv(this.summary)}>${t(locale, 'exportCsv')}</button>
        <button class="export-json" ?disabled=${!this.summary} @click=${() => this.summary && exportResultsJson(this.scenario, this.summary)}>${t(locale, 'exportJson')}</button>
      </nav>
      ${this.renderNotices()}
      ${this.dragging ? html`<div class="drop" aria-hidden="true">${t(locale, 'dropHint')}</div>` : nothing}
      ${this.view === 'library' ? html`<main class="single"><qc-library-panel .locale=${locale} .entries=${this.library} @library-action=${this.onLibraryAction}></qc-library-panel></main>`
        : this.view === 'compare' ? html`<main class="single"><qc-compare-view .locale=${locale} .busy=${this.comparing}
            .options=${[{ id: CURRENT, name: t(locale, 'currentScenario', { name: this.scenario.name }) }, ...this.library.map((e) => ({ id: e.id, name: e.name }))]}
            .selected=${this.compareSelected} .comparison=${this.comparison} .ensembles=${this.compareEnsembles}
            @compare-select=${(e: CustomEvent<string[]>) => { this.compareSelected = e.detail; }}
            @compare-run=${() => void this.runComparison()}></qc-compare-view>
            ${this.comparing && this.progress ? html`<p class="progress-text" role="status">${t(locale, 'comparing', { k: this.compareStep, n: this.compareSelected.length })} ${this.progress.done} / ${this.progress.total}</p>` : nothing}</main>`
        : this.renderLab(goals)}
    `;
  }

  private renderNotices() {
    const p = this.problemsNotice;
    return html`
      ${this.shareUrl ? html`<div class="share-box" role="status">${t(this.locale, 'shareCopied')} <input readonly .value=${this.shareUrl} aria-label=${t(this.locale, 'shareReady')} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} /> <button @click=${() => { this.shareUrl = ''; }}>${t(this.locale, 'dismiss')}</button></div>` : nothing}
      ${p ? html`<div class="refused" role="alert"><strong>${p.title}</strong>
        <ul>${p.problems.map((x) => html`<li><code>${x.path || '(file)'}</code>: ${this.locale === 'zh-CN' ? x.messageZh : x.message}</li>`)}</ul>
        <button @click=${() => { this.problemsNotice = null; }}>${t(this.locale, 'dismiss')}</button></div>` : nothing}
    `;
  }

  private renderLab(goals: ReturnType<typeof thresholdsFor>) {
    const locale = this.locale;
    return html`
      <main>
        <section class="editor panel" aria-labelledby="strategy-title">
          <div class="editor-head">
            <h2 id="strategy-title">${t(locale, 'strategy')}</h2>
            <button @click=${this.resetDefaults}>${t(locale, 'resetDefaults')}</button>
          </div>
          ${this.problems.length ? html`<p class="invalid-note" role="status">${t(locale, 'invalidKept', { count: this.problems.length })}</p>` : nothing}
          <qc-strategy-editor .locale=${locale} .draft=${this.draft} .problems=${this.problems} @draft-change=${this.onDraftChange}></qc-strategy-editor>
        </section>
        <section aria-labelledby="results-title">
          <div class="panel">
            <h2 id="results-title">${t(locale, 'results')}</h2>
            ${this.renderStatus()}
          </div>
          <div class="panel"><qc-scorecard .locale=${locale} .summary=${this.summary} .goals=${goals}></qc-scorecard></div>
          <div class="charts">
            ${CHARTS.map((chart) => this.renderChart(chart.series, chart.metric ?? null, chart.gap === true))}
            <qc-stacked-chart .locale=${locale} .label=${t(locale, 'messagesByKind')} .layers=${this.kindLayers()}></qc-stacked-chart>
            <qc-stacked-chart .locale=${locale} .label=${t(locale, 'sampleRun')} .layers=${this.stateLayers()}></qc-stacked-chart>
          </div>
        </section>
      </main>
    `;
  }

  private renderStatus() {
    const locale = this.locale;
    const p = this.progress;
    const seconds = (ms: number) => formatNumber(locale, ms / 1000, 1);
    return html`<div class="status">
      ${this.running === 'full'
        ? html`<button class="cancel" @click=${this.cancel}>${t(locale, 'cancel')}</button>`
        : html`<button class="run" @click=${() => this.runEnsemble('full')}>${t(locale, 'runFull')} (${formatNumber(locale, this.scenario.runs, 0)} ${t(locale, 'runs')})</button>`}
      <progress max=${p?.total ?? 1} .value=${p?.done ?? 0} aria-label=${t(locale, this.running === 'full' ? 'fullRun' : 'quickRun')}></progress>
      <span class="progress-text" role="status" data-run=${this.lastRun?.id ?? 0}>${this.running && p
        ? t(locale, 'progress', { done: p.done, total: p.total, elapsed: seconds(p.elapsedMs), remaining: p.remainingMs === null ? '—' : seconds(p.remainingMs) })
        : this.lastRun ? `${t(locale, this.lastRun.kind === 'full' ? 'fullRun' : 'quickRun')}: ${t(locale, 'progressDone', { total: this.lastRun.runs, elapsed: formatNumber(locale, this.lastRun.seconds, 2), seed: this.lastRun.seed, workers: this.pool?.size ?? 1 })}` : t(locale, 'waiting')}</span>
      ${this.notice ? html`<div class="notice" role="alert">${this.notice}</div>` : nothing}
    </div>`;
  }

  private renderChart(series: SeriesKey | readonly SeriesKey[], metric: SummaryKey | null, gap: boolean) {
    const keys = (Array.isArray(series) ? series : [series]) as SeriesKey[];
    const s = this.summary;
    const colors = ['#1a7f5a', '#8250df'];
    const label = keys.map((k) => pick(this.locale, SERIES[k])).join(' / ');
    return html`<qc-series-chart data-series=${keys.join(',')}
      .locale=${this.locale} .label=${label} .unit=${SERIES[keys[0]].unit}
      .series=${s ? keys.map((k, i) => ({ name: pick(this.locale, SERIES[k]), color: colors[i], ...s.daily[k] })) : []}
      .threshold=${metric ? chartThreshold(this.scenario, metric, this.locale) : null}
      .note=${gap ? t(this.locale, 'gapNote') : ''}></qc-series-chart>`;
  }

  private kindLayers() {
    const s = this.summary;
    if (!s) return [];
    return MESSAGE_KINDS.map((kind) => ({ name: pick(this.locale, KIND_LABELS[kind]), color: KIND_COLORS[kind], values: s.daily[`kind_${kind}`].p50 }));
  }

  private stateLayers() {
    const sample = this.sample;
    if (!sample) return [];
    return MEMBERSHIP_STATES.map((state) => ({ name: pick(this.locale, STATE_LABELS[state]), color: STATE_COLORS[state], values: sample[`state_${state}`] }));
  }

  // ── events ───────────────────────────────────────────────────────────────
  private toggleLocale = () => {
    this.locale = this.locale === 'zh-CN' ? 'en' : 'zh-CN';
    saveLocale(this.locale);
    document.documentElement.lang = this.locale;
  };

  private onPreset = (event: Event) => {
    const name = (event.target as HTMLSelectElement).value as PresetName | '';
    if (!name) return;
    this.setDraft(structuredClone(PRESETS[name].file) as Draft, name);
  };

  private resetDefaults = () => {
    this.setDraft({ schemaVersion: 1 }, '');
  };

  private onDraftChange = (event: CustomEvent<Draft>) => {
    this.notice = '';
    this.setDraft(event.detail, '');
  };

  /** Validate a new draft: a valid one replaces the scenario and re-runs; an invalid one keeps the last valid. */
  private setDraft(draft: Draft, preset: PresetName | '', autosave = true): void {
    this.draft = draft;
    this.preset = preset;
    if (autosave) this.scheduleAutosave(draft);
    const parsed = parseScenario(draft);
    if (!parsed.ok) {
      this.problems = parsed.problems;
      return;
    }
    this.problems = [];
    this.scenario = parsed.scenario;
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => void this.runEnsemble('quick'), DEBOUNCE_MS);
  }

  private cancel = () => {
    this.pool?.cancel();
  };

  /** Storage refused (full, private mode, blocked): say so; the work stays on screen. */
  private storageFailed(error: unknown): void {
    this.notice = t(this.locale, 'storageError', { message: messageOf(error) });
  }

  private scheduleAutosave(draft: Draft): void {
    clearTimeout(this.autosaveTimer);
    this.autosaveTimer = setTimeout(() => {
      saveAutosave(draft).catch((error: unknown) => {
        this.storageFailed(error);
      });
    }, AUTOSAVE_MS);
  }

  // ── files, links, library ────────────────────────────────────────────────
  /** Open a scenario file's text: a refused file lists its problems and changes nothing on screen. */
  openText(text: string, name: string): boolean {
    const opened = openScenarioText(text);
    if (!opened.ok) {
      this.problemsNotice = { title: t(this.locale, 'fileRefused', { name }), problems: opened.problems };
      return false;
    }
    this.problemsNotice = null;
    void this.keepPrevious(opened.scenario);
    this.setDraft(structuredClone(opened.scenario) as unknown as Draft, '');
    this.view = 'lab';
    this.notice = [t(this.locale, 'openedFile', { name }), ...opened.notices.map((n) => (this.locale === 'zh-CN' ? n.zh : n.en))].join(' ');
    return true;
  }

  private async openFile(file: File): Promise<void> {
    if (file.size > 5_000_000) {
      this.problemsNotice = { title: t(this.locale, 'fileRefused', { name: file.name }), problems: [{ path: '', message: `file is too large (${file.size} bytes; a scenario file is at most 1 MB)`, messageZh: `文件过大 (${file.size} 字节；场景文件最多 1 MB)` }] };
      return;
    }
    this.openText(await file.text(), file.name);
  }

  private onFilePicked = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) void this.openFile(file);
  };

  private onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    this.dragging = true;
  };

  private onDragLeave = (event: DragEvent) => {
    if (event.relatedTarget === null) this.dragging = false;
  };

  private onDrop = (event: DragEvent) => {
    event.preventDefault();
    this.dragging = false;
    const file = event.dataTransfer?.files[0];
    if (file) void this.openFile(file);
  };

  private onHash = () => {
    if (location.hash.length > 1) void this.openLink(location.hash);
  };

  private async openLink(hash: string): Promise<void> {
    const opened = await decodeShareFragment(hash);
    if (!opened.ok) {
      this.problemsNotice = { title: t(this.locale, 'linkRefused'), problems: opened.problems };
      return;
    }
    this.problemsNotice = null;
    await this.keepPrevious(opened.scenario);
    this.setDraft(structuredClone(opened.scenario) as unknown as Draft, '');
    this.notice = t(this.locale, 'openedLink');
    // The scenario now lives in the autosave: a reload keeps later edits rather than reopening the link.
    history.replaceState(null, '', location.pathname + location.search);
  }

  private async share(): Promise<void> {
    const fragment = await encodeShareFragment(this.scenario);
    const url = `${location.origin}${location.pathname}#${fragment}`;
    this.shareUrl = url;
    try {
      await navigator.clipboard?.writeText(url);
    } catch {
      // no clipboard permission: the link is shown to copy by hand
    }
  }

  /**
   * Opening a file or link replaces the scenario on screen; the one being edited
   * goes to the library first (unless it is already there), so nothing is lost.
   */
  private async keepPrevious(next: Scenario): Promise<void> {
    const current = normalised(this.draft);
    if (current === normalised(next) || this.library.some((e) => normalised(e.draft) === current)) return;
    const name = t(this.locale, 'keptBeforeOpening', { name: String(this.draft.name ?? this.scenario.name) });
    await this.store({ id: newId(), name, draft: structuredClone(this.draft), updatedAt: Date.now() });
  }

  private async refreshLibrary(): Promise<void> {
    try {
      this.library = await listScenarios();
    } catch (error) {
      this.storageFailed(error);
    }
  }

  private async saveToLibrary(): Promise<void> {
    const existing = this.library.find((e) => e.name === this.scenario.name);
    await this.store({ id: existing?.id ?? newId(), name: this.scenario.name, draft: structuredClone(this.draft), updatedAt: Date.now() });
  }

  private async store(entry: LibraryEntry): Promise<void> {
    try {
      await putScenario(entry);
    } catch (error) {
      this.storageFailed(error);
    }
    await this.refreshLibrary();
  }

  private onLibraryAction = async (event: CustomEvent<{ action: LibraryAction; entry: LibraryEntry }>) => {
    const { action, entry } = event.detail;
    if (action === 'load') {
      this.setDraft(structuredClone(entry.draft), '');
      this.view = 'lab';
    } else if (action === 'rename') {
      const name = prompt(t(this.locale, 'renamePrompt'), entry.name)?.trim();
      if (name) await this.store({ ...entry, name, draft: { ...entry.draft, name }, updatedAt: Date.now() });
    } else if (action === 'duplicate') {
      const name = t(this.locale, 'copyOf', { name: entry.name });
      await this.store({ id: newId(), name, draft: { ...structuredClone(entry.draft), name }, updatedAt: Date.now() });
    } else {
      try {
        await deleteScenario(entry.id);
      } catch (error) {
        this.storageFailed(error);
      }
      this.compareSelected = this.compareSelected.filter((id) => id !== entry.id);
      await this.refreshLibrary();
    }
  };

  /** Run each selected scenario with the first one's seed and run indices, then compare them pairwise. */
  private async runComparison(): Promise<void> {
    const pool = this.pool;
    if (!pool) return;
    const picked: Scenario[] = [];
    for (const id of this.compareSelected) {
      if (id === CURRENT) { picked.push(this.scenario); continue; }
      const entry = this.library.find((e) => e.id === id);
      const parsed = entry ? parseScenario(entry.draft) : null;
      if (!parsed?.ok) {
        this.problemsNotice = { title: t(this.locale, 'fileRefused', { name: entry?.name ?? id }), problems: parsed && !parsed.ok ? parsed.problems : [] };
        return;
      }
      picked.push(parsed.scenario);
    }
    const scenarios = alignForComparison(picked);
    this.comparing = true;
    this.runToken++; // the lab's own runs no longer own the pool
    this.running = null;
    try {
      const ensembles: EnsembleSummary[] = [];
      const runs = [];
      for (const [k, scenario] of scenarios.entries()) {
        this.compareStep = k + 1;
        ensembles.push(await pool.run(scenario, scenario.runs, { onProgress: (p) => { this.progress = p; } }));
        runs.push(await pool.runSummaries());
      }
      this.compareEnsembles = ensembles;
      this.comparison = compareRuns(scenarios, runs);
    } catch (error) {
      if (!(error instanceof EnsembleCancelled)) this.notice = t(this.locale, 'runFailed', { message: messageOf(error) });
    } finally {
      this.comparing = false;
    }
  }

  async runEnsemble(kind: RunKind): Promise<void> {
    const pool = this.pool;
    if (!pool) return;
    clearTimeout(this.debounce); // a pending quick preview must not replace this run
    const scenario = this.scenario;
    const runs = kind === 'quick' ? Math.min(QUICK_RUNS, scenario.runs) : scenario.runs;
    const token = ++this.runToken;
    const current = () => token === this.runToken;
    this.running = kind;
    const started = performance.now();
    try {
      const summary = await pool.run(scenario, runs, {
        onProgress: (progress) => { if (current()) this.progress = progress; },
        onPartial: (partial) => { if (current() && kind === 'full') this.summary = partial; },
        onWorkerError: (message) => { this.notice = t(this.locale, 'workerError', { message }); },
      });
      const sample = await pool.sample(0);
      if (!current()) return;
      this.summary = summary;
      this.sample = sample?.series ?? null;
      this.lastRun = { id: (this.lastRun?.id ?? 0) + 1, kind, runs, seconds: (performance.now() - started) / 1000, seed: scenario.seed };
      this.running = null;
      this.dispatchEvent(new CustomEvent('results', { detail: { kind, runs } }));
    } catch (error) {
      if (!current()) return;
      this.running = null;
      if (error instanceof EnsembleCancelled) {
        if (kind === 'full') this.notice = t(this.locale, 'cancelled');
        return;
      }
      this.notice = t(this.locale, 'runFailed', { message: messageOf(error) });
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A draft as its validated scenario (defaults filled in) when it is valid, for comparing drafts. */
function normalised(draft: object): string {
  const parsed = parseScenario(draft);
  return JSON.stringify(parsed.ok ? parsed.scenario : draft);
}

customElements.define('qc-app', AppShell);
