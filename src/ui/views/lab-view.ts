/**
 * The lab: the strategy editor beside the projected results (run status and
 * progress, the scorecard, the charts with their playbook thresholds, messages
 * by kind and the membership pyramid of one run). Where the results stack
 * under the editor (a phone), a result bar stays at the top of the screen.
 *
 * Properties: `locale`; `draft`, `problems` (the scenario being edited);
 * `summary`, `sample`, `running`, `progress`, `lastRun`, `shown` (what the results are), `workers`, `runs`
 * (the ensembles); `pinned`, `deltas` (a pinned baseline and the paired
 * differences against it); `canUndo`, `canRedo` (the edit history).
 * Events (bubble, cross shadow roots): `draft-change` (detail: Draft, from the
 * editor); `reset-defaults`; `run-full`; `run-cancel`; `pin-baseline`;
 * `unpin-baseline`; `undo`; `redo`; `diagnose` (why goals are missed, also
 * from the result bar).
 */
import { LitElement, css, html, nothing, unsafeCSS } from 'lit';
import type { EnsembleSummary } from '../../model/ensemble.ts';
import type { Series } from '../../model/metrics.ts';
import { SCHEMA_VERSION, type Draft, type Problem } from '../../model/scenario.ts';
import type { Progress } from '../../worker/pool.ts';
import { formatNumber, formatRemaining, langOf, typeset, type Locale } from '../../i18n/locale.ts';
import { t } from '../../i18n/messages.ts';
import { resultCharts, resultsCaption } from '../result-charts.ts';
import { changedFromPreset, shownName } from '../presets.ts';
import { leverLabel } from '../compare-report.ts';
import type { FinishedRun, RunKind, ShownResults } from '../controllers/ensemble-controller.ts';
import type { BaselineDeltas, Pinned } from '../controllers/baseline-controller.ts';
import { RELIABLY_MET } from '../../model/planning/diagnose.ts';
import { scenarioText } from '../../model/text.ts';
import { STACKED } from '../layout.ts';
import '../strategy-editor.ts';
import '../scorecard.ts';
import '../result-bar.ts';

export class LabView extends LitElement {
  static override properties = {
    locale: { type: String },
    draft: { attribute: false },
    problems: { attribute: false },
    summary: { attribute: false },
    sample: { attribute: false },
    running: { attribute: false },
    progress: { attribute: false },
    lastRun: { attribute: false },
    shown: { attribute: false },
    workers: { type: Number },
    runs: { type: Number },
    pinned: { attribute: false },
    deltas: { attribute: false },
    canUndo: { type: Boolean },
    canRedo: { type: Boolean },
    edited: { type: Boolean },
  };

  declare locale: Locale;
  declare draft: Draft;
  declare problems: readonly Problem[];
  declare summary: EnsembleSummary | null;
  declare sample: Series | null;
  declare running: RunKind | null;
  declare progress: Progress | null;
  declare lastRun: FinishedRun | null;
  declare shown: ShownResults | null;
  declare workers: number;
  declare runs: number;
  declare pinned: Pinned | null;
  declare deltas: BaselineDeltas | null;
  declare canUndo: boolean;
  declare canRedo: boolean;
  /** The draft keeps a preset's (or its library entry's) name but differs from it: the name is shown as edited. */
  declare edited: boolean;

  constructor() {
    super();
    this.locale = 'en';
    this.draft = { schemaVersion: SCHEMA_VERSION };
    this.problems = [];
    this.summary = null;
    this.sample = null;
    this.running = null;
    this.progress = null;
    this.lastRun = null;
    this.shown = null;
    this.workers = 1;
    this.edited = false;
    this.runs = 0;
    this.pinned = null;
    this.deltas = null;
    this.canUndo = false;
    this.canRedo = false;
  }

  static override styles = css`
    :host { display: block; }
    main { display: grid; grid-template-columns: minmax(20rem, 26rem) 1fr; gap: 1rem; padding: 1rem 1.25rem; align-items: start; }
    .editor { position: sticky; top: 0.5rem; max-height: calc(100vh - 1rem); overflow: auto; }
    /* beside the editor the scorecard is in view: the result bar is for the stacked layout only */
    qc-result-bar { display: none; }
    @media ${unsafeCSS(STACKED)} {
      main { grid-template-columns: 1fr; }
      .editor { position: static; max-height: none; }
      qc-result-bar { display: block; position: sticky; top: 0; z-index: 5; }
      .scorecard-panel { scroll-margin-top: 7rem; }
    }
    .panel { background: var(--qc-surface); border: 1px solid var(--qc-border); border-radius: 8px; padding: 0.75rem 1rem; margin-bottom: 1rem; }
    h2 { font-size: 1rem; margin: 0 0 0.5rem; }
    .editor-head { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: 0.5rem; margin-bottom: 0.5rem; }
    .editor-head button { font: inherit; font-size: 0.8rem; padding: 0.2rem 0.6rem; border: 1px solid var(--qc-control-border); border-radius: 4px; background: var(--qc-subtle); cursor: pointer; }
    .status { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; min-height: 2.4rem; }
    /* a printed handout (A4): the scenario, its scorecard and charts; no editor, no buttons, nothing clipped */
    @media print {
      qc-result-bar { display: none; }
      main { display: block; padding: 0; }
      .editor, .status button, .status progress, .diagnose { display: none; }
      .panel, .charts > * { break-inside: avoid; border-color: var(--qc-print-border); }
      .charts { grid-template-columns: 1fr 1fr; }
    }
    .pinned-note { font-size: 0.8rem; color: var(--qc-text); margin: 0.4rem 0 0; }
    .editor-head span { display: flex; gap: 0.3rem; flex-wrap: wrap; }
    .editor-head button:disabled, .status button:disabled { opacity: 0.5; cursor: not-allowed; }
    .pin, .unpin { background: var(--qc-surface); color: var(--qc-brand); }
    .diagnose { font: inherit; font-size: 0.85rem; margin-top: 0.5rem; padding: 0.25rem 0.7rem; border-radius: 4px; border: 1px solid var(--qc-accent); background: var(--qc-surface); color: var(--qc-brand); cursor: pointer; }
    .status button { font: inherit; font-size: 0.85rem; padding: 0.3rem 0.8rem; border-radius: 4px; cursor: pointer; border: 1px solid var(--qc-accent); }
    button:focus-visible, .scorecard-panel:focus-visible { outline: 2px solid var(--qc-focus); outline-offset: 2px; }
    .run { background: var(--qc-accent); color: var(--qc-on-dark); }
    .cancel { background: var(--qc-surface); color: var(--qc-danger); border-color: var(--qc-danger) !important; }
    progress { flex: 1 1 10rem; height: 0.6rem; accent-color: var(--qc-accent); }
    .progress-text { font-size: 0.8rem; color: var(--qc-muted); font-variant-numeric: tabular-nums; }
    .invalid-note { font-size: 0.8rem; color: var(--qc-danger); margin: 0 0 0.5rem; }
    .scenario-name { font-weight: 600; }
    .description { font-size: 0.85rem; color: var(--qc-text); margin: 0 0 0.5rem; max-width: 60rem; }
    .description.edited { color: var(--qc-muted); }
    .description-head { font-weight: 600; color: var(--qc-text); }
    .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(22rem, 100%), 1fr)); gap: 1rem; }
    main > * { min-width: 0; }
    .charts > * { background: var(--qc-surface); border: 1px solid var(--qc-border); border-radius: 8px; padding: 0.6rem 0.75rem; min-height: 17rem; }
    /* a phone: less frame, more content (last, so it wins over the rules above) */
    @media (max-width: 30rem) {
      main { padding: 0.5rem; gap: 0.5rem; }
      .panel { padding: 0.6rem; margin-bottom: 0.5rem; }
      .charts { gap: 0.5rem; }
      .charts > * { padding: 0.5rem; }
    }
  `;

  override render() {
    const locale = this.locale;
    const shown = scenarioText(this.draft, langOf(locale));
    return html`
      <qc-result-bar .locale=${locale} .summary=${this.summary} .shown=${this.shown} .running=${this.running} .lastRun=${this.lastRun}
        .problems=${this.problems.length} @show-scorecard=${this.showScorecard}></qc-result-bar>
      <main>
        <section class="editor panel" aria-labelledby="strategy-title">
          <div class="editor-head">
            <h2 id="strategy-title">${t(locale, 'strategy')}</h2>
            <span>
              <button class="undo" @click=${() => this.fire('undo')} ?disabled=${!this.canUndo} aria-keyshortcuts="Control+Z">${t(locale, 'undo')}</button>
              <button class="redo" @click=${() => this.fire('redo')} ?disabled=${!this.canRedo} aria-keyshortcuts="Control+Shift+Z">${t(locale, 'redo')}</button>
              <button @click=${() => this.fire('reset-defaults')}>${t(locale, 'resetDefaults')}</button>
            </span>
          </div>
          ${this.problems.length ? html`<p class="invalid-note" role="status">${t(locale, 'invalidKept', { count: this.problems.length })}</p>` : nothing}
          <qc-strategy-editor .locale=${locale} .draft=${this.draft} .problems=${this.problems}></qc-strategy-editor>
        </section>
        <section aria-labelledby="results-title">
          <div class="panel">
            <h2 id="results-title">${t(locale, 'results')}${shown.name ? html` — <span class="scenario-name" data-edited=${this.edited ? 'true' : 'false'}>${shownName(shown.name, this.edited, langOf(locale))}</span>` : nothing}</h2>
            ${shown.description ? this.renderDescription(shown.description) : nothing}
            ${this.problems.length ? html`<p class="invalid-note" role="status">${t(locale, 'resultsOfLastValid')}</p>` : nothing}
            ${this.renderStatus()}
          </div>
          <div class="panel scorecard-panel" tabindex="-1"><qc-scorecard .locale=${locale} .summary=${this.summary} .deltas=${this.deltas} .shown=${this.shown}></qc-scorecard>
            ${this.summary?.goals.some((g) => (this.summary!.metrics[g.metric].goalMetShare ?? 1) < RELIABLY_MET)
              ? html`<button class="diagnose" @click=${() => this.fire('diagnose')}>${t(locale, 'diagnoseMissed')}</button>` : nothing}
            ${this.pinned ? html`<p class="pinned-note">${t(locale, 'pinnedNote', { name: scenarioText(this.pinned.scenario, langOf(locale)).name, runs: this.deltas?.comparison.runs ?? this.pinned.runs.length })}${this.deltas && !this.deltas.paired ? ` ${t(locale, 'pinnedNotPaired')}` : ''}</p>` : nothing}
          </div>
          ${this.renderCharts()}
        </section>
      </main>
    `;
  }

  /**
   * The scenario's description: once the strategy is edited it describes the
   * preset, not the strategy on screen, and says so, with what was changed.
   */
  private renderDescription(description: string) {
    const locale = this.locale;
    if (!this.edited) return html`<p class="description">${description}</p>`;
    const paths = changedFromPreset(this.draft) ?? [];
    // a mix's parts by the mix's label, once
    const labels = [...new Set(paths.map((path) => leverLabel(locale, path).split(' · ')[0]).filter((l) => l))];
    const sep = locale === 'zh-CN' ? '、' : ', ';
    const head = labels.length ? t(locale, 'presetDescriptionChanged', { changed: labels.join(sep) }) : t(locale, 'presetDescription');
    return html`<p class="description edited"><span class="description-head">${head}</span> ${description}</p>`;
  }

  private renderStatus() {
    const locale = this.locale;
    const p = this.progress;
    const last = this.lastRun;
    const seconds = (ms: number) => formatNumber(locale, ms / 1000, 1);
    const text = this.running && p
      ? t(locale, 'progress', { done: p.done, total: p.total, elapsed: seconds(p.elapsedMs), remaining: p.remainingMs === null ? '—' : formatRemaining(locale, p.remainingMs) })
      : this.shown?.kind === 'partial' ? t(locale, 'partialShown', { runs: this.shown.runs, total: this.runs })
      : last ? typeset(locale, `${t(locale, last.kind === 'full' ? 'fullRun' : 'quickRun')}: ${t(locale, 'progressDone', { total: last.runs, elapsed: formatNumber(locale, last.seconds, 2), seed: last.seed, workers: this.workers })}`)
        : t(locale, 'waiting');
    return html`<div class="status">
      ${this.running === 'full'
        ? html`<button class="cancel" @click=${() => this.fire('run-cancel')}>${t(locale, 'cancel')}</button>`
        : html`<button class="run" @click=${() => this.fire('run-full')}>${typeset(locale, `${t(locale, 'runFull')} (${formatNumber(locale, this.runs, 0)} ${t(locale, 'runs')})`)}</button>`}
      ${this.pinned
        ? html`<button class="unpin" @click=${() => this.fire('unpin-baseline')}>${t(locale, 'unpinBaseline')}</button>`
        : html`<button class="pin" ?disabled=${!this.summary || this.running !== null} @click=${() => this.fire('pin-baseline')}>${t(locale, 'pinBaseline')}</button>`}
      <progress max=${p?.total ?? 1} .value=${p?.done ?? 0} aria-label=${t(locale, this.running === 'full' ? 'fullRun' : 'quickRun')}></progress>
      <span class="progress-text" role="status" data-run=${last?.id ?? 0} data-shown=${this.shown?.kind ?? ''}>${text}</span>
    </div>`;
  }

  /** Chart inputs are rebuilt only when the results or the language change (not on every progress tick). */
  private charts: { summary: EnsembleSummary | null; sample: Series | null; locale: Locale; pinned: Pinned | null; view: unknown } | null = null;

  private renderCharts() {
    const { summary, sample, locale, pinned } = this;
    if (this.charts?.summary !== summary || this.charts.sample !== sample || this.charts.locale !== locale || this.charts.pinned !== pinned) {
      this.charts = { summary, sample, locale, pinned, view: html`<div class="charts">${resultCharts({ summary, sample, locale, pinned, caption: this.caption() }).map((c) => c.content)}</div>` };
    }
    return this.charts.view;
  }

  private caption(): string {
    return resultsCaption(this.locale, this.draft, this.summary, this.shown, this.edited);
  }

  /** The result bar's "Scorecard ↓": the scorecard in view, clear of the bar, with the focus (Tab goes on from there). */
  private showScorecard = () => {
    const panel = this.renderRoot.querySelector<HTMLElement>('.scorecard-panel');
    panel?.scrollIntoView({ block: 'start' });
    panel?.focus({ preventScroll: true });
  };

  /** Focus the results' first control (the run or cancel button): where the skip link leads. */
  focusResults(): void {
    this.renderRoot.querySelector<HTMLButtonElement>('.status button')?.focus();
  }

  private fire(name: string): void {
    this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true }));
  }
}

customElements.define('qc-lab-view', LabView);

declare global {
  interface HTMLElementTagNameMap {
    'qc-lab-view': LabView;
  }
}
