/**
 * The app shell: holds the state (locale, the draft being edited, the last
 * valid scenario, results) and wires the editor, the worker pool, the
 * scorecard and the charts. Editing re-runs a quick ensemble (debounced);
 * the full ensemble runs on demand and can be cancelled.
 */
import { LitElement, css, html, nothing } from 'lit';
import { parseScenario, type Problem, type Scenario } from '../model/scenario.ts';
import { thresholdsFor } from '../model/playbook.ts';
import { MEMBERSHIP_STATES, MESSAGE_KINDS, SERIES, type SeriesKey, type Series, type SummaryKey } from '../model/metrics.ts';
import type { EnsembleSummary } from '../model/ensemble.ts';
import { EnsembleCancelled, type Progress, type WorkerPool } from '../worker/pool.ts';
import { createPool } from '../worker/workers.ts';
import { CHARTS, KIND_COLORS, STATE_COLORS, STATE_LABELS, KIND_LABELS, chartThreshold } from './charts.ts';
import { PRESETS, type PresetName } from './presets.ts';
import { initialLocale, pick, saveLocale, t, formatNumber, type Locale } from './i18n.ts';
import type { Draft } from './strategy-editor.ts';
import './strategy-editor.ts';
import './scorecard.ts';
import '../charts/series-chart.ts';
import '../charts/stacked-chart.ts';

/** Runs in the quick ensemble that follows every edit. */
export const QUICK_RUNS = 60;
const DEBOUNCE_MS = 120;
const DRAFT_KEY = 'qunce-lab.draft';

type RunKind = 'quick' | 'full';

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
  declare lastRun: { kind: RunKind; runs: number; seconds: number; seed: number } | null;

  private pool: WorkerPool | null = null;
  /** Each ensemble's number: only the latest may change the state. */
  private runToken = 0;
  private debounce: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.locale = initialLocale();
    const saved = loadDraft();
    const initial = saved ?? structuredClone(PRESETS['knowledge-sharing'].file) as Draft;
    const parsed = parseScenario(initial);
    const fallback = parseScenario(PRESETS['knowledge-sharing'].file);
    if (!fallback.ok) throw new Error('reference scenario does not validate');
    this.draft = initial;
    this.scenario = parsed.ok ? parsed.scenario : fallback.scenario;
    this.problems = parsed.ok ? [] : parsed.problems;
    this.preset = saved ? '' : 'knowledge-sharing';
    this.summary = null;
    this.sample = null;
    this.running = null;
    this.progress = null;
    this.notice = '';
    this.lastRun = null;
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
  `;

  override connectedCallback(): void {
    super.connectedCallback();
    document.documentElement.lang = this.locale;
    this.pool = createPool();
    void this.runEnsemble('quick');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.pool?.dispose();
    this.pool = null;
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
      <span class="progress-text" role="status">${this.running && p
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
    this.setDraft(event.detail, '');
  };

  /** Validate a new draft: a valid one replaces the scenario and re-runs; an invalid one keeps the last valid. */
  private setDraft(draft: Draft, preset: PresetName | ''): void {
    this.draft = draft;
    this.preset = preset;
    saveDraft(draft);
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

  async runEnsemble(kind: RunKind): Promise<void> {
    const pool = this.pool;
    if (!pool) return;
    clearTimeout(this.debounce); // a pending quick preview must not replace this run
    const scenario = this.scenario;
    const runs = kind === 'quick' ? Math.min(QUICK_RUNS, scenario.runs) : scenario.runs;
    const token = ++this.runToken;
    const current = () => token === this.runToken;
    this.running = kind;
    this.notice = '';
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
      this.lastRun = { kind, runs, seconds: (performance.now() - started) / 1000, seed: scenario.seed };
      this.running = null;
      this.dispatchEvent(new CustomEvent('results', { detail: { kind, runs } }));
    } catch (error) {
      if (!current()) return;
      this.running = null;
      if (error instanceof EnsembleCancelled) {
        if (kind === 'full') this.notice = t(this.locale, 'cancelled');
        return;
      }
      this.notice = t(this.locale, 'runFailed', { message: error instanceof Error ? error.message : String(error) });
    }
  }
}

function loadDraft(): Draft | null {
  try {
    const text = localStorage.getItem(DRAFT_KEY);
    if (!text) return null;
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Draft) : null;
  } catch {
    return null;
  }
}

function saveDraft(draft: Draft): void {
  try {
    localStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
  } catch {
    // storage full or unavailable: the draft stays on screen
  }
}

customElements.define('qc-app', AppShell);
