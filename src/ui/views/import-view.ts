/**
 * The Import view (issue 19): pick or drop a group's chat export (and,
 * optionally, its member list), read it in a worker with progress, see its
 * metrics against the playbook's thresholds, calibrate the model to it and
 * save the result as a scenario, or open it in the lab. The calibration shows
 * its progress with an estimate of the time left and can be cancelled (the
 * worker stops before its next simulated run; the measurement is kept).
 *
 * Properties: `locale`. Events: `import-open` (detail: { text, name }: a
 * calibrated scenario's JSON to open in the lab).
 */
import { LitElement, css, html, nothing } from 'lit';
import * as Comlink from 'comlink';
import { formatByUnit, formatNumber, formatPercent, formatRemaining, pick, type Locale } from '../../i18n/locale.ts';
import { overallText, toleranceText, verdictText } from '../../i18n/fit-verdict.ts';
import { t } from '../../i18n/messages.ts';
import { FORMAT_NAMES, type FormatId } from '../../model/import/chat-import.ts';
import { judgeRows, MEASURE_INFO } from '../../model/import/measure.ts';
import { fittedParametersText, ignoredText, importStatusText, skippedRowText, thresholdText } from '../../i18n/import-text.ts';
import { calibratedScenarioText, type FitResult } from '../../model/import/fit.ts';
import { parseOffset } from '../../model/import/time.ts';
import { POSITIONINGS, type Positioning } from '../../model/playbook.ts';
import type { ImportApi, ImportFileBytes, ImportReport } from '../../worker/import.worker.ts';
import { downloadBlob } from '../../charts/image-export.ts';

type Stage = 'idle' | 'reading' | 'read' | 'calibrating' | 'calibrated';

async function bytesOf(files: readonly File[]): Promise<ImportFileBytes[]> {
  return Promise.all(files.map(async (f) => ({ name: f.webkitRelativePath || f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

export class ImportView extends LitElement {
  static override properties = {
    locale: { type: String },
    stage: { state: true },
    progress: { state: true },
    report: { state: true },
    fit: { state: true },
    files: { state: true },
    roster: { state: true },
    tz: { state: true },
    positioning: { state: true },
    error: { state: true },
    dragging: { state: true },
    notice: { state: true },
    elapsedMs: { state: true },
    channels: { state: true },
  };

  declare locale: Locale;
  declare stage: Stage;
  declare progress: number;
  declare report: ImportReport | null;
  declare fit: FitResult | null;
  declare files: File[];
  declare roster: File[];
  declare tz: string;
  declare positioning: Positioning;
  declare error: string;
  declare dragging: boolean;
  declare notice: string;
  /** Time spent calibrating so far (the estimate of the time left). */
  declare elapsedMs: number;
  /** The Slack channels chosen to read (empty: every channel of the export). */
  declare channels: string[];
  /** The positioning the export was read with: the table is re-judged against the one chosen now. */
  private readWith: Positioning = 'knowledge_sharing';
  private worker: Worker | null = null;
  private api: Comlink.Remote<ImportApi> | null = null;

  constructor() {
    super();
    this.locale = 'en';
    this.stage = 'idle';
    this.progress = 0;
    this.report = null;
    this.fit = null;
    this.files = [];
    this.roster = [];
    this.tz = '';
    this.positioning = 'knowledge_sharing';
    this.error = '';
    this.dragging = false;
    this.notice = '';
    this.elapsedMs = 0;
    this.channels = [];
  }

  static override styles = css`
    :host { display: block; max-width: 70rem; }
    .privacy { background: var(--qc-ok-bg); border-left: 4px solid var(--qc-brand); padding: 0.6rem 0.9rem; margin: 0 0 1rem; }
    .drop { border: 2px dashed var(--qc-control-border); border-radius: 6px; padding: 1rem; display: grid; gap: 0.6rem; }
    .drop.over { background: var(--qc-subtle); border-color: var(--qc-brand); }
    .row { display: flex; flex-wrap: wrap; gap: 0.6rem 1rem; align-items: center; }
    progress { width: 100%; }
    table { border-collapse: collapse; margin: 0.6rem 0; font-size: 0.9rem; }
    th, td { border-bottom: 1px solid var(--qc-border); padding: 0.25rem 0.6rem; text-align: left; }
    td.num { text-align: right; font-variant-numeric: tabular-nums; }
    .pass, .within { color: var(--qc-ok-text); } .warn, .partial, .notFitted { color: var(--qc-warn-text); } .fail, .off, .poor { color: var(--qc-danger); }
    .error { color: var(--qc-danger); }
    .stale { color: var(--qc-warn-text); }
    ul.parameters { font-size: 0.9rem; }
    ul.skipped { font-size: 0.85rem; max-height: 12rem; overflow: auto; }
    button { font: inherit; padding: 0.3rem 0.8rem; cursor: pointer; }
    fieldset.channels { border: 1px solid var(--qc-border); border-radius: 6px; margin: 0.6rem 0; }
  `;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
  }

  private remote(): Comlink.Remote<ImportApi> {
    if (!this.api) {
      this.worker = new Worker(new URL('../../worker/import.worker.ts', import.meta.url), { type: 'module', name: 'import' });
      this.api = Comlink.wrap<ImportApi>(this.worker);
    }
    return this.api;
  }

  private async read(): Promise<void> {
    const tz = this.tz.trim() === '' ? null : parseOffset(this.tz);
    if (this.tz.trim() !== '' && tz === null) {
      this.error = t(this.locale, 'importTzInvalid', { value: this.tz });
      return;
    }
    if (!this.files.length) return;
    this.error = '';
    this.stage = 'reading';
    this.progress = 0;
    this.fit = null;
    this.readWith = this.positioning;
    try {
      const files = await bytesOf(this.files);
      const roster = await bytesOf(this.roster);
      const transfer = [...files, ...roster].map((f) => f.bytes.buffer as ArrayBuffer);
      this.report = await this.remote().read(Comlink.transfer(files, transfer), roster, tz, this.positioning, Comlink.proxy((f: number) => { this.progress = f; }), this.channels);
      this.stage = this.report.ok ? 'read' : 'idle';
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
      this.stage = 'idle';
    }
  }

  private async calibrate(): Promise<void> {
    this.stage = 'calibrating';
    this.progress = 0;
    this.elapsedMs = 0;
    this.notice = '';
    const started = performance.now();
    try {
      const fit = await this.remote().calibrate(this.positioning, Comlink.proxy((f: number) => {
        this.progress = f;
        this.elapsedMs = performance.now() - started;
      }));
      if (fit) {
        this.fit = fit;
        this.stage = 'calibrated';
      } else {
        this.notice = t(this.locale, 'importCalibrationCancelled');
        this.stage = 'read';
      }
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
      this.stage = 'read';
    }
  }

  /** Stop the calibration: the worker stops before its next simulated run and answers null. */
  private cancelCalibration(): void {
    void this.api?.cancelCalibration();
  }

  /** "40 % done · 12.5 s elapsed · about 18 s left". */
  private calibrationProgress() {
    const { locale, progress } = this;
    const remaining = progress > 0.02 ? formatRemaining(locale, (this.elapsedMs * (1 - progress)) / progress) : '—';
    return t(locale, 'importCalibrationProgress', { percent: formatPercent(locale, progress), elapsed: formatNumber(locale, this.elapsedMs / 1000, 1), remaining });
  }

  /** A new positioning re-judges the table; a calibration made for the old one is dropped (its scenario has the old positioning). */
  private choosePositioning(positioning: Positioning): void {
    this.positioning = positioning;
    if (this.stage === 'calibrated') {
      this.fit = null;
      this.stage = 'read';
    }
  }

  private scenarioText(): string {
    return this.fit ? calibratedScenarioText(this.fit) : '';
  }

  /** New files: a channel chosen in another export means nothing here. */
  private chooseFiles(files: File[]): void {
    this.files = files;
    this.channels = [];
  }

  /** Tick or untick a Slack channel; the choice is read with "Read the chosen channels". */
  private toggleChannel(channel: string, on: boolean, current: readonly string[]): void {
    const chosen = new Set(current);
    if (on) chosen.add(channel);
    else chosen.delete(channel);
    this.channels = [...chosen].sort();
  }

  /** A Slack export with several channels: choose which to measure as one group. */
  private renderChannels(all: readonly string[], read: readonly string[]) {
    const { locale } = this;
    if (all.length < 2) return nothing;
    const chosen = this.channels.length ? this.channels : read;
    const busy = this.stage === 'reading' || this.stage === 'calibrating';
    const changed = chosen.join('\n') !== read.join('\n');
    return html`<fieldset class="channels"><legend>${t(locale, 'importChannels')}</legend>
      <div class="row">${all.map((c) => html`<label><input type="checkbox" .checked=${chosen.includes(c)} ?disabled=${busy}
        @change=${(e: Event) => this.toggleChannel(c, (e.target as HTMLInputElement).checked, chosen)}> #${c}</label>`)}</div>
      <div class="row"><button ?disabled=${busy || !chosen.length || !changed} @click=${() => void this.read()}>${t(locale, 'importReadChannels')}</button>
        <span>${t(locale, 'importChannelsRead', { list: read.map((c) => `#${c}`).join(locale === 'zh-CN' ? '、' : ', ') })}</span></div>
    </fieldset>`;
  }

  private onDrop(event: DragEvent): void {
    event.preventDefault();
    event.stopPropagation(); // an export dropped here is not a scenario for the app to open
    this.dragging = false;
    const dropped = [...(event.dataTransfer?.files ?? [])];
    if (dropped.length) this.chooseFiles(dropped);
  }

  override render() {
    const { locale } = this;
    const busy = this.stage === 'reading' || this.stage === 'calibrating';
    return html`
      <h2>${t(locale, 'importTitle')}</h2>
      <p class="privacy" role="note">${t(locale, 'importPrivacy')}</p>
      <div class="drop ${this.dragging ? 'over' : ''}" @dragover=${(e: DragEvent) => { e.preventDefault(); e.stopPropagation(); this.dragging = true; }}
        @dragleave=${() => { this.dragging = false; }} @drop=${(e: DragEvent) => this.onDrop(e)}>
        <p>${t(locale, 'importDrop')}</p>
        <div class="row">
          <label>${t(locale, 'importPickFiles')} <input type="file" multiple accept=".csv,.txt,.json,.log,.html,.zip" ?disabled=${busy}
            @change=${(e: Event) => this.chooseFiles([...((e.target as HTMLInputElement).files ?? [])])}></label>
          <label>${t(locale, 'importPickFolder')} <input type="file" webkitdirectory ?disabled=${busy}
            @change=${(e: Event) => this.chooseFiles([...((e.target as HTMLInputElement).files ?? [])])}></label>
          <label>${t(locale, 'importRoster')} <input type="file" accept=".csv,.txt,.json,.log" ?disabled=${busy}
            @change=${(e: Event) => { this.roster = [...((e.target as HTMLInputElement).files ?? [])]; }}></label>
        </div>
        <div class="row">
          <label>${t(locale, 'importTz')} <input type="text" size="8" placeholder="+08:00" .value=${this.tz} @input=${(e: Event) => { this.tz = (e.target as HTMLInputElement).value; }}></label>
          <span>${t(locale, 'importTzHint')}</span>
          <label>${t(locale, 'importPositioning')} <select ?disabled=${busy} @change=${(e: Event) => this.choosePositioning((e.target as HTMLSelectElement).value as Positioning)}>
            ${POSITIONINGS.map((p) => html`<option value=${p} ?selected=${p === this.positioning}>${t(locale, `importPositioning_${p}`)}</option>`)}
          </select></label>
        </div>
        <div class="row">
          <span>${this.files.length ? t(locale, 'importChosen', { count: this.files.length }) : ''}</span>
          <button ?disabled=${busy || !this.files.length} @click=${() => void this.read()}>${t(locale, 'importRun')}</button>
        </div>
      </div>
      ${busy ? html`<p>${t(locale, this.stage === 'reading' ? 'importReading' : 'importCalibrating')}</p><progress max="1" .value=${this.progress}></progress>` : nothing}
      ${this.stage === 'calibrating' ? html`<div class="row"><span class="eta" role="status">${this.calibrationProgress()}</span>
        <button class="cancel" @click=${() => this.cancelCalibration()}>${t(locale, 'importCancelCalibration')}</button></div>` : nothing}
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.renderReport()}
      ${this.renderFit()}`;
  }

  private renderReport() {
    const r = this.report;
    const { locale } = this;
    if (!r) return nothing;
    if (!r.ok) return html`<ul class="error" role="alert">${r.problems.map((p) => html`<li>${pick(locale, p)}</li>`)}</ul>`;
    const m = r.measures;
    const day = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);
    return html`
      <h3>${t(locale, 'importResult')}</h3>
      <ul>${r.files.map((f) => html`<li>${t(locale, 'importFileLine', { file: f.file, format: FORMAT_NAMES[f.format as FormatId] ?? f.format, encoding: f.encoding, messages: f.messages, time: pick(locale, f.timeBasis) })}</li>`)}</ul>
      <p>${t(locale, 'importSpan', { from: day(m.firstDay), to: day(m.firstDay + m.days - 1), days: m.days, messages: m.messages, members: m.values.members ?? 0 })}
        ${r.roster === null ? t(locale, 'importNoRoster') : t(locale, 'importSilent', { count: r.silent })}</p>
      ${r.notices.length ? html`<ul>${r.notices.map((n) => html`<li>${pick(locale, n)}</li>`)}</ul>` : nothing}
      ${this.renderChannels(r.slackChannels, r.channelsRead)}
      ${Object.keys(r.ignored).length ? html`<p>${t(locale, 'importIgnored', { list: ignoredText(locale, r.ignored) })}</p>` : nothing}
      ${r.skippedTotal ? html`<details><summary>${t(locale, 'importSkipped', { count: r.skippedTotal })}</summary><ul class="skipped">
        ${r.skipped.map((s) => html`<li>${skippedRowText(locale, s)}</li>`)}</ul></details>` : nothing}
      <table>
        <thead><tr><th>${t(locale, 'importMetric')}</th><th>${t(locale, 'importValue')}</th><th>${t(locale, 'importThreshold')}</th><th>${t(locale, 'importStatus')}</th></tr></thead>
        <tbody>${judgeRows(m.values, this.positioning).map((row) => html`<tr title=${pick(locale, MEASURE_INFO[row.key].definition)}>
          <td>${pick(locale, MEASURE_INFO[row.key])}</td><td class="num">${formatByUnit(locale, MEASURE_INFO[row.key].unit, row.value)}</td>
          <td>${thresholdText(locale, row.threshold, row.source)}</td><td class=${row.status ?? ''}>${importStatusText(locale, row.status)}</td></tr>`)}</tbody>
      </table>
      <p class="windows">${t(locale, 'importWindows')}</p>
      ${this.positioning !== this.readWith ? html`<p class="stale" role="note">${t(locale, 'importStale')}</p>` : nothing}
      <button ?disabled=${this.stage === 'calibrating'} @click=${() => void this.calibrate()}>${t(locale, 'importCalibrate')}</button>`;
  }

  private renderFit() {
    const fit = this.fit;
    const { locale } = this;
    if (!fit) return nothing;
    return html`
      <h3>${t(locale, 'importFitTitle')}</h3>
      <p>${t(locale, 'importFitNote', { days: fit.horizonDays, taken: fit.stepsTaken, steps: fit.steps, runs: fit.runs, verdictRuns: fit.verdictRuns })}</p>
      ${overallText(locale, fit).map((line, k) => html`<p class=${k ? 'not-fitted' : `overall ${fit.overall.status}`}>${line}</p>`)}
      <table class="fit">
        <thead><tr><th>${t(locale, 'importMetric')}</th><th>${t(locale, 'importExport')}</th><th>${t(locale, 'importFitted')}</th><th>${t(locale, 'importDefaults')}</th>
          <th>${t(locale, 'importTolerance')}</th><th>${t(locale, 'importVerdict')}</th></tr></thead>
        <tbody>${fit.rows.map((r) => html`<tr data-metric=${r.key} title=${pick(locale, MEASURE_INFO[r.key].definition)}><td>${pick(locale, MEASURE_INFO[r.key])}</td>
          ${[r.measured, r.fitted, r.atDefaults].map((v) => html`<td class="num">${formatByUnit(locale, MEASURE_INFO[r.key].unit, v)}</td>`)}
          <td>${toleranceText(locale, r.tolerance)}</td><td class="verdict ${r.verdict.status}">${verdictText(locale, r)}</td></tr>`)}</tbody>
      </table>
      <ul class="parameters">${fittedParametersText(locale, fit.parameters).map((line) => html`<li>${line}</li>`)}
        <li>${t(locale, 'importReplyMinutes', { minutes: formatNumber(locale, fit.replyMinutes, 1) })}</li></ul>
      <div class="row">
        <button @click=${() => downloadBlob('imported-group.scenario.json', new Blob([this.scenarioText()], { type: 'application/json' }))}>${t(locale, 'importSave')}</button>
        <button @click=${() => this.dispatchEvent(new CustomEvent('import-open', { detail: { text: this.scenarioText(), name: 'imported-group.scenario.json' }, bubbles: true, composed: true }))}>${t(locale, 'importOpen')}</button>
      </div>`;
  }
}

customElements.define('qc-import-view', ImportView);
