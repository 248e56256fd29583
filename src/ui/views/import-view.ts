/**
 * The Import view (issue 19): pick or drop a group's chat export (and,
 * optionally, its member list), read it in a worker with progress, see its
 * metrics against the playbook's thresholds, calibrate the model to it and
 * save the result as a scenario, or open it in the lab. The calibration shows
 * its progress with an estimate of the time left and can be cancelled (the
 * worker stops before its next simulated run; the measurement is kept).
 *
 * What the user chose and got (files, member list, report, calibration) is
 * kept for the session in a module-level store, not in the element: the app
 * shell re-creates the view when the user comes back from another tab, and
 * nothing is lost; a read or calibration still running lands in the store.
 *
 * Properties: `locale`. Events: `import-open` (detail: { text, name }: a
 * calibrated scenario's JSON to open in the lab).
 */
import { LitElement, css, html, nothing } from 'lit';
import * as Comlink from 'comlink';
import { bracketed, formatByUnit, formatNumber, formatPercent, formatRemaining, pick, type Locale } from '../../i18n/locale.ts';
import { labWillMissText, overallLine, overallText, verdictText, withAside, withinCountText } from '../../i18n/fit-verdict.ts';
import { t, tn, type MessageKey, type MessageParams } from '../../i18n/messages.ts';
import { FORMAT_NAMES, FORMAT_NAMES_ZH, type FormatId } from '../../model/import/chat-import.ts';
import { judgeRows, MEASURE_INFO, type MeasureKey } from '../../model/import/measure.ts';
import {
  countedText, countText, fittedParametersText, goalText, ignoredText, replyMinutesText, rowStatus, sentenceText, skippedRowText, spanText, timeBasisText, toleranceUnitText,
} from '../../i18n/import-text.ts';
import { sectionLinkStyles, withSectionLinks } from '../../charts/section-links.ts';
import type { FileReport } from '../../model/import/chat-import.ts';
import { slackChannelOf } from '../../model/import/json-formats.ts';
import { calibratedScenarioText, type FitResult } from '../../model/import/fit.ts';
import { parseOffset } from '../../model/import/time.ts';
import { POSITIONINGS, type Positioning, type Threshold } from '../../model/playbook.ts';
import type { ImportApi, ImportFileBytes, ImportReport } from '../../worker/import.worker.ts';
import { downloadBlob } from '../../charts/image-export.ts';

type Stage = 'idle' | 'reading' | 'read' | 'calibrating' | 'calibrated';

/** Where the keyboard focus goes at the next render (after an action or its end). */
type FocusTarget = 'progress' | 'results' | 'cancel' | 'calibrate' | 'fit' | 'read' | 'roster';

/** The fit reads these over the same window as the metrics table; the others over its last 30 days rather than the whole span. */
const SAME_WINDOW: ReadonlySet<MeasureKey> = new Set<MeasureKey>(['dailyMessages', 'weeklyParticipation', 'coreActiveUsers', 'speakingRate30d', 'lurkerShare']);

/** The fit's window for the metrics the lab reads over 30 days (fit.ts: "the rest over 30"). */
const FIT_WINDOW_DAYS = 30;

/** What the screen-reader status says, kept as a message (or "the fit's overall line") so it follows the language. */
type LiveStatus = { key: MessageKey; params?: MessageParams } | 'fit' | null;

/** The view's state for the session: kept across the view's re-creation (tab switches). */
interface ImportSession {
  stage: Stage;
  progress: number;
  /** Time spent calibrating so far (the estimate of the time left). */
  elapsedMs: number;
  report: ImportReport | null;
  fit: FitResult | null;
  files: File[];
  roster: File[];
  tz: string;
  positioning: Positioning;
  /** The Slack channels chosen to read (empty: every channel of the export). */
  channels: string[];
  error: string;
  /** Where the error is shown: by the button that failed. */
  errorAt: 'read' | 'calibrate';
  /** A notice, kept as its message so it follows the language. */
  notice: { key: MessageKey; params?: MessageParams } | null;
  /** Announced to screen readers (aria-live), rendered in the language shown. */
  status: LiveStatus;
  /** The time zone the report was read with (a wall-clock format does not use it: the page says so). */
  readTz: string;
  /** The positioning the export was read with: the table is re-judged against the one chosen now. */
  readWith: Positioning;
  /** The names of the files the report was read from. */
  readFrom: string[];
  /** Other files or another member list chosen since the report: it belongs to the previous ones. */
  stale: boolean;
  focus: FocusTarget | null;
}

function freshSession(): ImportSession {
  return {
    stage: 'idle', progress: 0, elapsedMs: 0, report: null, fit: null, files: [], roster: [], tz: '', positioning: 'knowledge_sharing', channels: [],
    error: '', errorAt: 'read', notice: null, status: null, readTz: '', readWith: 'knowledge_sharing', readFrom: [], stale: false, focus: null,
  };
}

const session: ImportSession = freshSession();
const views = new Set<ImportView>();
let worker: Worker | null = null;
let api: Comlink.Remote<ImportApi> | null = null;

/** Repaint whichever Import view is on screen now. */
function changed(): void {
  for (const view of views) view.requestUpdate();
}

function remote(): Comlink.Remote<ImportApi> {
  if (!api) {
    worker = new Worker(new URL('../../worker/import.worker.ts', import.meta.url), { type: 'module', name: 'import' });
    api = Comlink.wrap<ImportApi>(worker);
  }
  return api;
}

/** Forget the session (tests; a new page load does it anyway). */
export function resetImportSession(): void {
  worker?.terminate();
  worker = null;
  api = null;
  Object.assign(session, freshSession());
  changed();
}

/** The paths of files found in a dropped folder (a dropped file has no webkitRelativePath). */
const droppedPaths = new WeakMap<File, string>();

/** A file's name as read: a folder picked or dropped keeps its folder ("export/general/2024-03-01.json"), so Slack's channels and channels.json are recognised. */
const nameOf = (f: File) => droppedPaths.get(f) ?? (f.webkitRelativePath || f.name);

/** Every file under a dropped entry, each named by its path from the dropped folder. */
async function filesOf(entry: FileSystemEntry, folder: string): Promise<File[]> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    droppedPaths.set(file, `${folder}${entry.name}`);
    return [file];
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const entries: FileSystemEntry[] = [];
  for (;;) { // a reader answers in batches, then with none
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (!batch.length) break;
    entries.push(...batch);
  }
  return (await Promise.all(entries.map((e) => filesOf(e, `${folder}${entry.name}/`)))).flat();
}

async function bytesOf(files: readonly File[]): Promise<ImportFileBytes[]> {
  return Promise.all(files.map(async (f) => ({ name: nameOf(f), bytes: new Uint8Array(await f.arrayBuffer()) })));
}

/** "a.csv, b.csv" or, for a folder, its name; the first few and how many more. */
function namesText(locale: Locale, names: readonly string[]): string {
  const folders = new Set(names.map((n) => (n.includes('/') ? `${n.split('/')[0]}/` : n)));
  const shown = [...folders];
  const sep = locale === 'zh-CN' ? '、' : ', ';
  if (shown.length <= 3) return shown.join(sep);
  return t(locale, 'importListMore', { list: shown.slice(0, 3).join(sep), count: shown.length - 3 });
}

export class ImportView extends LitElement {
  static override properties = {
    locale: { type: String },
    dragging: { state: true },
    openInfo: { state: true },
  };

  declare locale: Locale;
  declare dragging: boolean;
  /** The rows whose definition is shown ("metrics:speakingRate30d", "fit:coreActiveUsers"). */
  declare openInfo: ReadonlySet<string>;

  constructor() {
    super();
    this.locale = 'en';
    this.dragging = false;
    this.openInfo = new Set();
  }

  get stage(): Stage { return session.stage; }
  get progress(): number { return session.progress; }
  get report(): ImportReport | null { return session.report; }
  get fit(): FitResult | null { return session.fit; }

  static override styles = [sectionLinkStyles, css`
    :host { display: block; max-width: 70rem; }
    .privacy { background: var(--qc-ok-bg); border-left: 4px solid var(--qc-brand); padding: 0.6rem 0.9rem; margin: 0 0 1rem; }
    .drop { border: 2px dashed var(--qc-control-border); border-radius: 6px; padding: 1rem; display: grid; gap: 0.6rem; }
    .drop.over { background: var(--qc-subtle); border-color: var(--qc-brand); }
    .row { display: flex; flex-wrap: wrap; gap: 0.6rem 1rem; align-items: center; }
    .chosen { display: grid; gap: 0.3rem; }
    .chosen p { margin: 0; }
    .chosen .roster { font-weight: 600; }
    button.remove { padding: 0 0.45rem; margin-left: 0.4rem; }
    .running { display: grid; gap: 0.3rem; margin: 0.6rem 0; }
    .running:focus { outline: 2px solid var(--qc-brand); outline-offset: 2px; }
    progress { width: 100%; }
    .table-wrap { overflow-x: auto; max-width: 100%; margin: 0.6rem 0; }
    .table-wrap:focus-visible { outline: 2px solid var(--qc-brand); }
    table { border-collapse: collapse; font-size: 0.9rem; }
    th, td { border-bottom: 1px solid var(--qc-border); padding: 0.25rem 0.6rem; text-align: left; }
    th:first-child, td:first-child { min-width: 9rem; }
    td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    td.status { white-space: nowrap; }
    td.verdict { min-width: 7rem; }
    .pass, .within { color: var(--qc-ok-text); } .warn, .partial, .notFitted, .needs-roster { color: var(--qc-warn-text); } .fail, .off, .poor { color: var(--qc-danger); }
    .error { color: var(--qc-danger); }
    .stale, .stale-files { color: var(--qc-warn-text); }
    .stale-files { font-weight: 600; }
    h3:focus, p.overall:focus { outline: 2px solid var(--qc-brand); outline-offset: 2px; }
    ul.parameters { font-size: 0.9rem; }
    ul.skipped, ul.all-files { font-size: 0.85rem; max-height: 12rem; overflow: auto; }
    button { font: inherit; padding: 0.3rem 0.8rem; cursor: pointer; }
    fieldset.channels { border: 1px solid var(--qc-border); border-radius: 6px; margin: 0.6rem 0; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    /* a phone: each row a small card, the metric on top and every figure under its column's name */
    @media (max-width: 36rem) {
      table, tbody, tr, td { display: block; }
      thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
      tbody tr { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 0.15rem 0.6rem; align-items: end; padding: 0.45rem 0; border-bottom: 1px solid var(--qc-border); }
      td { border: 0; padding: 0; min-width: 0; }
      td:first-child { grid-column: 1 / -1; font-weight: 600; min-width: 0; }
      td.num { text-align: left; white-space: normal; }
      td.status, td.verdict { white-space: normal; min-width: 0; }
      table.fit td.verdict { grid-column: span 2; }
      td[data-label]::before { content: attr(data-label); display: block; font-size: 0.75rem; color: var(--qc-muted); }
      td[data-label=""]::before { content: none; }
      button.info { min-width: 1.75rem; min-height: 1.75rem; } /* a finger's target */
    }
    button.info { font-size: 0.85rem; padding: 0 0.3rem; margin-left: 0.3rem; border: none; background: none; color: var(--qc-link); cursor: pointer; }
    button.info:focus-visible { outline: 2px solid var(--qc-brand); outline-offset: 1px; }
    .definition { display: block; font-size: 0.8rem; font-weight: normal; color: var(--qc-muted); margin-top: 0.15rem; max-width: 28rem; }
    .short, .no-data { color: var(--qc-warn-text); }
    .window { font-weight: normal; color: var(--qc-muted); }
  `];

  override connectedCallback(): void {
    super.connectedCallback();
    views.add(this);
  }

  /** The worker and what it read stay for the session: coming back to the tab finds them. */
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    views.delete(this);
  }

  /** Move the focus asked for by the last action, once its target is rendered. */
  override updated(): void {
    const target = session.focus;
    if (!target || !this.isConnected) return;
    const root = this.shadowRoot!;
    const el = {
      progress: () => root.querySelector<HTMLElement>('.running'),
      results: () => root.querySelector<HTMLElement>('h3.results') ?? root.querySelector<HTMLElement>('.problems'),
      cancel: () => root.querySelector<HTMLElement>('button.cancel'),
      calibrate: () => root.querySelector<HTMLElement>('button.calibrate'),
      fit: () => root.querySelector<HTMLElement>('p.overall'),
      read: () => root.querySelector<HTMLElement>('button.read'),
      roster: () => root.querySelector<HTMLElement>('input.roster'),
    }[target]();
    if (!el) return;
    session.focus = null;
    el.focus();
    el.scrollIntoView?.({ block: 'nearest' });
  }

  private async read(): Promise<void> {
    const tz = session.tz.trim() === '' ? null : parseOffset(session.tz);
    if (session.tz.trim() !== '' && tz === null) {
      session.error = t(this.locale, 'importTzInvalid', { value: session.tz });
      session.errorAt = 'read';
      changed();
      return;
    }
    if (!session.files.length) return;
    Object.assign(session, { error: '', notice: null, stage: 'reading', progress: 0, focus: 'progress', status: { key: 'importReading' } });
    changed();
    const positioning = session.positioning;
    const chosen = session.files;
    try {
      const files = await bytesOf(chosen);
      const roster = await bytesOf(session.roster);
      const transfer = [...files, ...roster].map((f) => f.bytes.buffer as ArrayBuffer);
      const report = await remote().read(Comlink.transfer(files, transfer), roster, tz, positioning, Comlink.proxy((f: number) => { session.progress = f; changed(); }), session.channels);
      Object.assign(session, {
        report, fit: null, readWith: positioning, readFrom: chosen.map(nameOf), readTz: session.tz.trim(), stale: false,
        stage: report.ok ? 'read' : 'idle', focus: 'results', status: report.ok ? { key: 'importReadDone' } : null,
      });
    } catch (error) {
      Object.assign(session, { error: error instanceof Error ? error.message : String(error), errorAt: 'read', stage: 'idle', focus: 'read' });
    }
    changed();
  }

  private async calibrate(): Promise<void> {
    Object.assign(session, { stage: 'calibrating', error: '', progress: 0, elapsedMs: 0, notice: null, focus: 'cancel', status: { key: 'importCalibrating' } });
    changed();
    const started = performance.now();
    try {
      const fit = await remote().calibrate(session.positioning, Comlink.proxy((f: number) => {
        session.progress = f;
        session.elapsedMs = performance.now() - started;
        changed();
      }));
      if (fit) Object.assign(session, { fit, stage: 'calibrated', focus: 'fit', status: 'fit' });
      else Object.assign(session, { notice: { key: 'importCalibrationCancelled' }, stage: 'read', focus: 'calibrate', status: null });
    } catch (error) {
      Object.assign(session, { error: error instanceof Error ? error.message : String(error), errorAt: 'calibrate', stage: 'read', focus: 'calibrate' });
    }
    changed();
  }

  /** Stop the calibration: the worker stops before its next simulated run and answers null. */
  private cancelCalibration(): void {
    void api?.cancelCalibration();
  }

  /** "40 % done · 12.5 s elapsed · about 18 s left". */
  private calibrationProgress() {
    const { locale } = this;
    const { progress, elapsedMs } = session;
    const remaining = progress > 0.02 ? formatRemaining(locale, (elapsedMs * (1 - progress)) / progress) : '—';
    return t(locale, 'importCalibrationProgress', { percent: formatPercent(locale, progress), elapsed: formatNumber(locale, elapsedMs / 1000, 1), remaining });
  }

  /** A new positioning re-judges the table; a calibration made for the old one is dropped (its scenario has the old positioning). */
  private choosePositioning(positioning: Positioning): void {
    session.positioning = positioning;
    if (session.stage === 'calibrated') {
      session.fit = null;
      session.stage = 'read';
    }
    changed();
  }

  /** The calibrated scenario, named by the span it was fitted to ("导入的群 2026-09-01 至 10-30（已校准）"); no file or chat name goes into it. */
  private scenarioText(): string {
    if (!session.fit) return '';
    const text = calibratedScenarioText(session.fit);
    const span = this.spanOfReport();
    if (!span) return text;
    const scenario = JSON.parse(text) as { name?: string; zh?: { name?: string } };
    scenario.name = t('en', 'importScenarioName', { span: spanText('en', span.from, span.to) });
    if (scenario.zh) scenario.zh.name = t('zh-CN', 'importScenarioName', { span: spanText('zh-CN', span.from, span.to) });
    return `${JSON.stringify(scenario, null, 2)}\n`;
  }

  /**
   * New export files: a channel chosen in another export means nothing here,
   * and a member list chosen for other files belongs to another group (it is
   * cleared, and the page says so). A member list picked first, for files not
   * chosen yet, is kept. Results on screen are marked as the previous files'.
   */
  private chooseFiles(files: File[], from?: HTMLInputElement): void {
    if (!files.length) return;
    // the other picker no longer shows a choice that is not the one read
    for (const input of this.shadowRoot?.querySelectorAll<HTMLInputElement>('input.files, input.folder') ?? []) if (input !== from) input.value = '';
    const replacing = session.files.length > 0 || session.report !== null;
    session.notice = null;
    if (replacing && session.roster.length) {
      session.notice = { key: 'importRosterCleared', params: { name: session.roster.map(nameOf).join(', ') } };
      this.clearRosterInput();
      session.roster = [];
    }
    session.files = files;
    session.channels = [];
    session.error = ''; // about the previous files
    if (session.report) session.stale = true;
    changed();
  }

  private chooseRoster(files: File[]): void {
    if (!files.length) return;
    session.roster = files;
    session.notice = null;
    if (session.report) session.stale = true;
    changed();
  }

  private removeRoster(): void {
    session.roster = [];
    session.notice = { key: 'importRosterRemoved' };
    if (session.report) session.stale = true;
    this.clearRosterInput();
    session.focus = 'roster'; // the ✕ is gone: on to where another list is chosen
    changed();
  }

  private clearRosterInput(): void {
    const input = this.shadowRoot?.querySelector<HTMLInputElement>('input.roster');
    if (input) input.value = '';
  }

  /** Tick or untick a Slack channel; the choice is read with "Read the chosen channels". */
  private toggleChannel(channel: string, on: boolean, current: readonly string[]): void {
    const chosen = new Set(current);
    if (on) chosen.add(channel);
    else chosen.delete(channel);
    session.channels = [...chosen].sort();
    changed();
  }

  /** A Slack export with several channels: choose which to measure as one group. */
  private renderChannels(all: readonly string[], read: readonly string[]) {
    const { locale } = this;
    if (all.length < 2 || session.stale) return nothing;
    const chosen = session.channels.length ? session.channels : read;
    const busy = session.stage === 'reading' || session.stage === 'calibrating';
    const changedChoice = chosen.join('\n') !== read.join('\n');
    return html`<fieldset class="channels"><legend>${t(locale, 'importChannels')}</legend>
      <div class="row">${all.map((c) => html`<label><input type="checkbox" .checked=${chosen.includes(c)} ?disabled=${busy}
        @change=${(e: Event) => this.toggleChannel(c, (e.target as HTMLInputElement).checked, chosen)}> #${c}</label>`)}</div>
      <div class="row"><button ?disabled=${busy || !chosen.length || !changedChoice} @click=${() => void this.read()}>${t(locale, 'importReadChannels')}</button>
        <span>${t(locale, 'importChannelsRead', { list: read.map((c) => `#${c}`).join(locale === 'zh-CN' ? '、' : ', ') })}</span></div>
    </fieldset>`;
  }

  private onDrop(event: DragEvent): void {
    event.preventDefault();
    event.stopPropagation(); // an export dropped here is not a scenario for the app to open
    this.dragging = false;
    // a dropped folder (a Slack export) is walked, its files keeping their paths; the entries are only there during the event
    const entries = [...(event.dataTransfer?.items ?? [])].map((item) => item.webkitGetAsEntry?.() ?? null);
    if (entries.some((e) => e?.isDirectory)) {
      void Promise.all(entries.map((e) => (e ? filesOf(e, '') : Promise.resolve([])))).then((found) => this.chooseFiles(found.flat()))
        .catch((error: unknown) => { Object.assign(session, { error: error instanceof Error ? error.message : String(error), errorAt: 'read' }); changed(); });
      return;
    }
    const dropped = [...(event.dataTransfer?.files ?? [])];
    if (dropped.length) this.chooseFiles(dropped);
  }

  /** No member list: say what one looks like for the export chosen (Slack brings its own; a WeChat list is wxids or nicknames). */
  private rosterHintKey(): MessageKey {
    const names = session.files.map(nameOf);
    if (!names.length) return 'importRosterNoneYet';
    const slack = names.some((n) => n.includes('/') || /\.zip$/i.test(n) || /(^|\/)channels\.json$/i.test(n));
    return slack ? 'importRosterNoneSlack' : 'importRosterNoneWeChat';
  }

  /** The files and the member list chosen, the latter with a ✕ to remove it. */
  private renderChosen() {
    const { locale } = this;
    const busy = session.stage === 'reading' || session.stage === 'calibrating';
    const rosterName = session.roster.map(nameOf).join(', ');
    return html`<div class="chosen">
      ${session.files.length ? html`<p class="files-chosen">${tn(locale, 'importChosen', session.files.length)}${locale === 'zh-CN' ? '：' : ': '}${namesText(locale, session.files.map(nameOf))}</p>` : nothing}
      ${session.roster.length
        ? html`<p class="roster-chosen"><span class="roster">${t(locale, 'importRosterChosen', { name: rosterName })}</span><button class="remove" ?disabled=${busy}
            aria-label=${t(locale, 'importRosterRemove', { name: rosterName })} title=${t(locale, 'importRosterRemove', { name: rosterName })} @click=${() => this.removeRoster()}>✕</button></p>`
        : html`<p class="roster-chosen">${t(locale, this.rosterHintKey())}</p>`}
    </div>`;
  }

  /** Progress (and, calibrating, the time left and Cancel) where the user acted. */
  private renderRunning(stage: 'reading' | 'calibrating') {
    const { locale } = this;
    if (session.stage !== stage) return nothing;
    const label = t(locale, stage === 'reading' ? 'importReading' : 'importCalibrating');
    return html`<div class="running" tabindex="-1" aria-label=${label}><span>${label}</span>
      <progress max="1" .value=${session.progress} aria-label=${t(locale, 'importProgressLabel')}></progress>
      ${stage === 'calibrating' ? html`<div class="row"><span class="eta">${this.calibrationProgress()}</span>
        <button class="cancel" @click=${() => this.cancelCalibration()}>${t(locale, 'importCancelCalibration')}</button></div>` : nothing}</div>`;
  }

  /** The screen-reader status in the language shown now. */
  private liveText(): string {
    const status = session.status;
    if (status === null) return '';
    if (status === 'fit') return session.fit ? overallLine(this.locale, session.fit) : '';
    return t(this.locale, status.key, status.params);
  }

  /** A metric's name with a ⓘ button that shows its definition under it (reachable by tap and keyboard, not only a tooltip). */
  private metricName(table: 'metrics' | 'fit', key: MeasureKey, name: string) {
    const { locale } = this;
    const id = `${table}:${key}`;
    const open = this.openInfo.has(id);
    const toggle = () => {
      const next = new Set(this.openInfo);
      if (open) next.delete(id);
      else next.add(id);
      this.openInfo = next;
    };
    return html`${name}<button type="button" class="info" aria-expanded=${open ? 'true' : 'false'} aria-controls=${`def-${table}-${key}`}
      aria-label=${t(locale, 'importDefinitionShow', { name: pick(locale, MEASURE_INFO[key]) })} title=${t(locale, 'importDefinitionShow', { name: pick(locale, MEASURE_INFO[key]) })} @click=${toggle}>ⓘ</button>${open
      ? html`<span class="definition" id=${`def-${table}-${key}`}>${withSectionLinks(sentenceText(locale, pick(locale, MEASURE_INFO[key].definition)))}</span>` : nothing}`;
  }

  /** The imported span as the scenario's name and the saved file name say it. */
  private spanOfReport(): { from: string; to: string } | null {
    const m = session.report?.ok ? session.report.measures : null;
    if (!m) return null;
    const day = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);
    return { from: day(m.firstDay), to: day(m.firstDay + m.days - 1) };
  }

  /** "group60-2026-09-01--10-30.scenario.json": the chat's (first file's or folder's) name and its span, so a second import does not overwrite the first. */
  private scenarioFileName(): string {
    const first = session.readFrom[0] ?? '';
    const base = (first.includes('/') ? first.split('/')[0] : first.replace(/\.[^.]*$/, '')).replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '') || 'imported-group';
    const span = this.spanOfReport();
    const dates = span ? `-${span.from}--${span.to.slice(0, 4) === span.from.slice(0, 4) ? span.to.slice(5) : span.to}` : '';
    return `${base}${dates}.scenario.json`;
  }

  override render() {
    const { locale } = this;
    const busy = session.stage === 'reading' || session.stage === 'calibrating';
    const cancelNotice = session.notice?.key === 'importCalibrationCancelled';
    const notice = session.notice ? t(locale, session.notice.key, session.notice.params) : '';
    return html`
      <h2>${t(locale, 'importTitle')}</h2>
      <p class="privacy" role="note">${t(locale, 'importPrivacy')}</p>
      <p class="visually-hidden live" role="status" aria-live="polite">${this.liveText()}</p>
      <div class="drop ${this.dragging ? 'over' : ''}" @dragover=${(e: DragEvent) => { e.preventDefault(); e.stopPropagation(); this.dragging = true; }}
        @dragleave=${() => { this.dragging = false; }} @drop=${(e: DragEvent) => this.onDrop(e)}>
        <p>${t(locale, 'importDrop')}</p>
        <div class="row">
          <label>${t(locale, 'importPickFiles')} <input class="files" type="file" multiple accept=".csv,.txt,.json,.log,.html,.zip" ?disabled=${busy}
            @change=${(e: Event) => this.chooseFiles([...((e.target as HTMLInputElement).files ?? [])], e.target as HTMLInputElement)}></label>
          <label>${t(locale, 'importPickFolder')} <input class="folder" type="file" webkitdirectory ?disabled=${busy}
            @change=${(e: Event) => this.chooseFiles([...((e.target as HTMLInputElement).files ?? [])], e.target as HTMLInputElement)}></label>
          <label>${t(locale, 'importRoster')} <input class="roster" type="file" accept=".csv,.txt,.json,.log" ?disabled=${busy}
            @change=${(e: Event) => this.chooseRoster([...((e.target as HTMLInputElement).files ?? [])])}></label>
        </div>
        ${this.renderChosen()}
        ${notice && !cancelNotice ? html`<p class="notice" role="status">${notice}</p>` : nothing}
        <div class="row">
          <label>${t(locale, 'importTz')} <input type="text" size="8" placeholder="+08:00" .value=${session.tz} @input=${(e: Event) => { session.tz = (e.target as HTMLInputElement).value; }}></label>
          <span>${t(locale, 'importTzHint')}</span>
          <label>${t(locale, 'importPositioning')} <select ?disabled=${busy} @change=${(e: Event) => this.choosePositioning((e.target as HTMLSelectElement).value as Positioning)}>
            ${POSITIONINGS.map((p) => html`<option value=${p} ?selected=${p === session.positioning}>${t(locale, `importPositioning_${p}`)}</option>`)}
          </select></label>
        </div>
        <div class="row">
          <button class="read" ?disabled=${busy || !session.files.length} @click=${() => void this.read()}>${t(locale, 'importRun')}</button>
        </div>
        ${this.renderRunning('reading')}
        ${session.error && session.errorAt === 'read' ? html`<p class="error" role="alert">${session.error}</p>` : nothing}
      </div>
      ${this.renderReport(cancelNotice)}
      ${this.renderFit()}`;
  }

  /** A playbook goal with its unit and its section as a link to the playbook: "≥ 80%（§1）". */
  private goalCell(goal: Threshold) {
    const zh = this.locale === 'zh-CN';
    return html`${goalText(this.locale, goal)}${zh ? '（' : ' ('}${withSectionLinks(goal.source)}${zh ? '）' : ')'}`;
  }

  /** A time zone given for a format that records wall-clock times (QQ, WeChat TXT): it was not used, and the page says so. */
  private renderTzUnused(files: readonly FileReport[]) {
    const { locale } = this;
    if (!session.readTz) return nothing;
    const wallClock = [...new Set(files.filter((f) => !f.timeBasis.en.includes('offset')).map((f) => (locale === 'zh-CN' ? FORMAT_NAMES_ZH : FORMAT_NAMES)[f.format as FormatId] ?? f.format))];
    if (!wallClock.length) return nothing;
    return html`<p class="tz-unused" role="note">${t(locale, 'importTzUnused', { formats: wallClock.join(locale === 'zh-CN' ? '、' : ', '), tz: session.readTz })}</p>`;
  }

  /** One line per non-Slack file; Slack's day files summed per channel, sorted, with every file in a collapsed list. */
  private renderFiles(files: readonly FileReport[]) {
    const { locale } = this;
    const formats = locale === 'zh-CN' ? FORMAT_NAMES_ZH : FORMAT_NAMES;
    const line = (f: FileReport) => tn(locale, 'importFileLine', f.messages, { file: f.file, format: formats[f.format as FormatId] ?? f.format, encoding: f.encoding, messages: countText(locale, f.messages), time: timeBasisText(locale, f.timeBasis) });
    const channels = new Map<string, FileReport[]>();
    const others: FileReport[] = [];
    for (const f of files) {
      const channel = f.format === 'slack-json' ? slackChannelOf(f.file) : null;
      if (channel === null) others.push(f);
      else channels.set(channel, [...(channels.get(channel) ?? []), f]);
    }
    const summaries = [...channels].sort(([a], [b]) => a.localeCompare(b)).map(([channel, list]) => {
      const messages = list.reduce((sum, f) => sum + f.messages, 0);
      const times = [...new Set(list.map((f) => timeBasisText(locale, f.timeBasis)))].join(locale === 'zh-CN' ? '；' : '; ');
      return t(locale, 'importChannelLine', { channel, files: countedText(locale, 'importFiles', list.length), messages: countedText(locale, 'importMessages', messages), time: times });
    });
    const slackFiles = [...channels.values()].flat().sort((a, b) => a.file.localeCompare(b.file));
    return html`<ul class="files">${others.map((f) => html`<li>${line(f)}</li>`)}${summaries.map((s) => html`<li class="channel">${s}</li>`)}</ul>
      ${slackFiles.length ? html`<details class="all-files"><summary>${t(locale, 'importFileList', { count: slackFiles.length })}</summary>
        <ul class="all-files">${slackFiles.map((f) => html`<li>${line(f)}</li>`)}</ul></details>` : nothing}`;
  }

  private renderReport(cancelNotice: boolean) {
    const r = session.report;
    const { locale } = this;
    if (!r) return nothing;
    if (!r.ok) return html`<ul class="error problems" role="alert" tabindex="-1">${r.problems.map((p) => html`<li>${pick(locale, p)}</li>`)}</ul>`;
    const m = r.measures;
    const day = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);
    const busy = session.stage === 'reading' || session.stage === 'calibrating';
    const noRoster = r.roster === null;
    return html`
      <h3 class="results" tabindex="-1">${t(locale, 'importResult')}</h3>
      ${session.stale ? html`<p class="stale-files" role="note">${t(locale, 'importStaleFiles', { list: namesText(locale, session.readFrom) })}</p>` : nothing}
      ${this.renderFiles(r.files)}
      ${this.renderTzUnused(r.files)}
      <p class="span">${[
        t(locale, 'importSpanCounted', { from: day(m.firstDay), to: day(m.firstDay + m.days - 1), days: countedText(locale, 'importDays', m.days), messages: countedText(locale, 'importMessages', m.messages), members: countedText(locale, 'importMembers', m.values.members ?? 0) }),
        noRoster ? t(locale, 'importNoRoster') : countedText(locale, 'importSilent', r.silent),
        r.skippedTotal ? countedText(locale, 'importSkippedVisible', r.skippedTotal) : '',
        // lines a broken row took with it (an unclosed quote, a JSON error before reading resumed): lost, and said where it shows
        r.unreadLines ? countedText(locale, 'importUnreadVisible', r.unreadLines) : '',
      ].filter(Boolean).join(locale === 'zh-CN' ? '' : ' ')}</p>
      ${r.notices.length ? html`<ul class="notices">${r.notices.map((n) => html`<li>${sentenceText(locale, pick(locale, n))}</li>`)}</ul>` : nothing}
      ${this.renderChannels(r.slackChannels, r.channelsRead)}
      ${Object.keys(r.ignored).length ? html`<p>${t(locale, 'importIgnored', { list: ignoredText(locale, r.ignored) })}</p>` : nothing}
      ${r.skippedTotal ? html`<details class="skipped"><summary>${t(locale, 'importSkippedWhy')}${bracketed(locale, countText(locale, r.skippedTotal))}</summary><ul class="skipped">
        ${r.skipped.map((s) => html`<li>${sentenceText(locale, skippedRowText(locale, s))}</li>`)}</ul></details>` : nothing}
      <div class="table-wrap" role="region" tabindex="0" aria-label=${t(locale, 'importTableScroll', { name: t(locale, 'importResult') })}><table class="metrics" role="table">
        <thead role="rowgroup"><tr role="row"><th role="columnheader" scope="col">${t(locale, 'importMetric')}</th><th role="columnheader" scope="col">${t(locale, 'importValue')}</th><th role="columnheader" scope="col">${t(locale, 'importThreshold')}</th><th role="columnheader" scope="col">${t(locale, 'importStatus')}</th></tr></thead>
        <tbody role="rowgroup">${judgeRows(m.values, session.positioning).map((row) => {
          const status = rowStatus(locale, row, { days: m.days, hasRoster: !noRoster });
          return html`<tr role="row" data-metric=${row.key} title=${pick(locale, MEASURE_INFO[row.key].definition)}>
          <td role="cell">${this.metricName('metrics', row.key, pick(locale, MEASURE_INFO[row.key]))}</td><td role="cell" class="num" data-label=${t(locale, 'importValue')}>${formatByUnit(locale, MEASURE_INFO[row.key].unit, row.value)}</td>
          <td role="cell" class="threshold" data-label=${row.goal ? t(locale, 'importThreshold') : ''}>${row.goal ? this.goalCell(row.goal) : nothing}</td>
          <td role="cell" class="status ${status.cls}" data-label=${status.text ? t(locale, 'importStatus') : ''}>${status.text}</td></tr>`;
        })}</tbody>
      </table></div>
      <p class="windows">${t(locale, 'importWindows')}</p>
      ${session.positioning !== session.readWith ? html`<p class="stale" role="note">${t(locale, 'importStale')}</p>` : nothing}
      <button class="calibrate" ?disabled=${busy || session.stale} @click=${() => void this.calibrate()}>${t(locale, 'importCalibrate')}</button>
      ${this.renderRunning('calibrating')}
      ${session.error && session.errorAt === 'calibrate' ? html`<p class="error" role="alert">${session.error}</p>` : nothing}
      ${cancelNotice ? html`<p class="notice" role="status">${t(locale, 'importCalibrationCancelled')}</p>` : nothing}`;
  }

  /**
   * A fit row's name, with its window where the metrics table reads the same
   * label over the whole span ("人均发言数（发言者；近 30 天）"), so the two figures are not read as contradictory.
   */
  private fitRowName(key: MeasureKey, horizonDays: number): string {
    const name = pick(this.locale, MEASURE_INFO[key]);
    const window = Math.min(FIT_WINDOW_DAYS, horizonDays);
    const span = session.report?.ok ? session.report.measures.days : 0;
    if (SAME_WINDOW.has(key) || span <= window) return name;
    return withAside(this.locale, name, t(this.locale, 'importLastDays', { days: window }));
  }

  private renderFit() {
    const fit = session.fit;
    const { locale } = this;
    if (!fit) return nothing;
    const off = session.stale;
    return html`
      <h3 class="fit-title" tabindex="-1">${t(locale, 'importFitTitle')}</h3>
      ${off ? html`<p class="stale-files" role="note">${t(locale, 'importStaleFiles', { list: namesText(locale, session.readFrom) })}</p>` : nothing}
      <p>${t(locale, 'importFitNote', { days: fit.horizonDays, taken: fit.stepsTaken, steps: fit.steps, runs: fit.runs, verdictRuns: fit.verdictRuns })}</p>
      ${overallText(locale, fit).map((line, k) => html`<p class=${k ? 'not-fitted' : `overall ${fit.overall.status}`} tabindex=${k ? nothing : '-1'}>${line}</p>`)}
      <div class="table-wrap" role="region" tabindex="0" aria-label=${t(locale, 'importTableScroll', { name: t(locale, 'importFitTitle') })}><table class="fit" role="table">
        <thead role="rowgroup"><tr role="row"><th role="columnheader" scope="col">${t(locale, 'importMetric')}</th><th role="columnheader" scope="col" class="export" title=${t(locale, 'importExportWindowHint')}>${t(locale, 'importExportWindow')}</th>
          <th role="columnheader" scope="col">${t(locale, 'importFitted')}</th><th role="columnheader" scope="col">${t(locale, 'importDefaults')}</th>
          <th role="columnheader" scope="col">${t(locale, 'importTolerance')}</th><th role="columnheader" scope="col">${t(locale, 'importVerdict')}</th></tr></thead>
        <tbody role="rowgroup">${fit.rows.map((r) => html`<tr role="row" data-metric=${r.key} title=${pick(locale, MEASURE_INFO[r.key].definition)}><td role="cell">${this.metricName('fit', r.key, this.fitRowName(r.key, fit.horizonDays))}</td>
          ${[r.measured, r.fitted, r.atDefaults].map((v, k) => html`<td role="cell" class="num" data-label=${t(locale, (['importExportWindow', 'importFitted', 'importDefaults'] as const)[k])}>${formatByUnit(locale, MEASURE_INFO[r.key].unit, v)}</td>`)}
          <td role="cell" data-label=${r.tolerance ? t(locale, 'importTolerance') : ''}>${toleranceUnitText(locale, r.key, r.tolerance)}</td><td role="cell" class="verdict ${r.verdict.status}" data-label=${t(locale, 'importVerdict')}>${verdictText(locale, r)}</td></tr>`)}</tbody>
      </table></div>
      <ul class="parameters">${fittedParametersText(locale, fit.parameters).map((line) => html`<li>${line}</li>`)}
        <li>${replyMinutesText(locale, fit.replyMinutes)}</li></ul>
      <p class="help within-count">${withinCountText(locale, fit)}</p>
      ${labWillMissText(locale, fit) ? html`<p class="outcome warn lab-will-miss" role="note">⚠ ${labWillMissText(locale, fit)}</p>` : nothing}
      <div class="row">
        <button class="save" ?disabled=${off} @click=${() => downloadBlob(this.scenarioFileName(), new Blob([this.scenarioText()], { type: 'application/json' }))}>${t(locale, 'importSave')}</button>
        <button class="open" ?disabled=${off} @click=${() => this.dispatchEvent(new CustomEvent('import-open', { detail: { text: this.scenarioText(), name: this.scenarioFileName() }, bubbles: true, composed: true }))}>${t(locale, 'importOpen')}</button>
      </div>`;
  }
}

customElements.define('qc-import-view', ImportView);
