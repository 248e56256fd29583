/**
 * The header and the navigation: title, preset picker, language switch, the
 * views (lab, plan, library, compare, replay, lessons, playbook), files (open, save), library save, share link,
 * exports, and whether the scenario is saved in this browser.
 *
 * Properties: `locale`, `preset` (PresetName | ''), `customName` (shown when no preset), `view` (View), `canExport`
 * (results exist), `autosave` (AutosaveState), `saves` (autosaves written).
 * Events (all bubble and cross shadow roots):
 *   `locale-toggle`; `preset-select` (detail: PresetName); `view-select`
 *   (detail: View); `file-open` (detail: File); `file-save`; `library-save`
 *   (into the entry the scenario belongs to, else a new one); `library-save-as`;
 *   `share`; `export-csv`; `export-json`.
 */
import { LitElement, css, html, nothing } from 'lit';
import { pick, type Locale } from '../i18n/locale.ts';
import { t, type MessageKey } from '../i18n/messages.ts';
import { PRESETS, type PresetName } from './presets.ts';
import type { AutosaveState } from './controllers/draft-controller.ts';

export const VIEWS = ['lab', 'plan', 'library', 'compare', 'replay', 'lessons', 'playbook', 'import'] as const;
export type View = (typeof VIEWS)[number];

const VIEW_LABELS: Record<View, MessageKey> = { lab: 'viewLab', plan: 'viewPlan', library: 'viewLibrary', compare: 'viewCompare', replay: 'viewReplay', lessons: 'viewLessons', playbook: 'viewPlaybook', import: 'viewImport' };
const AUTOSAVE_LABELS: Record<AutosaveState, MessageKey | null> = { idle: null, pending: 'autosavePending', saved: 'autosaveSaved', failed: 'autosaveFailed' };

export class AppBar extends LitElement {
  static override properties = {
    locale: { type: String },
    preset: { type: String },
    customName: { type: String },
    edited: { type: Boolean },
    view: { type: String },
    canExport: { type: Boolean },
    autosave: { type: String },
    saves: { type: Number },
  };

  declare locale: Locale;
  declare preset: PresetName | '';
  /** The name shown for a scenario that is no preset as it stands: "<preset name> (edited)", or its own name. */
  declare customName: string;
  /** The strategy differs from its preset or saved entry: a badge that an ellipsised name cannot hide (a phone). */
  declare edited: boolean;
  declare view: View;
  declare canExport: boolean;
  declare autosave: AutosaveState;
  declare saves: number;

  constructor() {
    super();
    this.locale = 'en';
    this.preset = '';
    this.customName = '';
    this.edited = false;
    this.view = 'lab';
    this.canExport = false;
    this.autosave = 'idle';
    this.saves = 0;
  }

  static override styles = css`
    :host { display: block; }
    header { display: flex; flex-wrap: wrap; align-items: center; gap: 0.75rem 1rem; padding: 0.6rem 1.25rem; background: var(--qc-brand); color: var(--qc-on-dark); }
    header h1 { font-size: 1.25rem; margin: 0; }
    header p { margin: 0; opacity: 0.85; font-size: 0.85rem; flex: 1 1 16rem; }
    header label { font-size: 0.85rem; }
    /* the preset picker shrinks to the screen (a long "… (edited)" name is ellipsised): the app bar never widens the page */
    header { min-width: 0; max-width: 100%; box-sizing: border-box; overflow-x: clip; }
    header > * { min-width: 0; max-width: 100%; }
    header label.preset { display: inline-flex; align-items: center; gap: 0.4rem; }
    .edited-badge { flex: none; white-space: nowrap; font-size: 0.75rem; padding: 0 0.35rem; border-radius: 999px; background: var(--qc-surface); color: var(--qc-brand); }
    header label.preset select { flex: 0 1 auto; min-width: 0; max-width: 100%; text-overflow: ellipsis; white-space: nowrap; overflow: hidden; }
    header select, header button { font: inherit; font-size: 0.85rem; padding: 0.25rem 0.5rem; border-radius: 4px; border: 1px solid #9fc5b5; }
    header button { background: var(--qc-surface); color: var(--qc-brand); cursor: pointer; }
    header :focus-visible { outline: 2px solid var(--qc-on-dark); outline-offset: 2px; box-shadow: 0 0 0 4px var(--qc-brand); }
    nav { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; padding: 0.5rem 1.25rem; background: var(--qc-surface); border-bottom: 1px solid var(--qc-border); }
    nav button, nav label.open { font: inherit; font-size: 0.85rem; padding: 0.25rem 0.65rem; border: 1px solid var(--qc-control-border); border-radius: 4px; background: var(--qc-subtle); cursor: pointer; }
    nav button[aria-pressed='true'] { background: var(--qc-brand); color: var(--qc-on-dark); border-color: var(--qc-brand); }
    nav button[disabled] { opacity: 0.5; cursor: default; }
    nav button:focus-visible { outline: 2px solid var(--qc-focus); outline-offset: 1px; }
    nav label.open { position: relative; }
    nav label.open:focus-within { outline: 2px solid var(--qc-focus); outline-offset: 1px; }
    nav label.open input { position: absolute; inset: 0; opacity: 0; cursor: pointer; width: 100%; }
    .spacer { flex: 1; }
    .autosave { font-size: 0.75rem; color: var(--qc-muted); min-width: 6rem; }
    .autosave[data-state='failed'] { color: var(--qc-danger); }
    /* a printed handout: the title, not the controls */
    @media print {
      header { background: none; color: #000; padding: 0 0 0.3rem; border-bottom: 1px solid #000; }
      header select, header button, header label, nav { display: none; }
    }
  `;

  override render() {
    const locale = this.locale;
    const autosave = AUTOSAVE_LABELS[this.autosave];
    return html`
      <header>
        <h1>${t(locale, 'appTitle')}</h1>
        <p>${t(locale, 'tagline')}</p>
        <label class="preset">${t(locale, 'preset')}
          <select aria-label=${t(locale, 'presetHint')} title=${this.preset === '' ? this.customName || t(locale, 'custom') : ''} @change=${this.onPreset}>
            <option value="" ?selected=${this.preset === ''}>${this.customName || t(locale, 'custom')}</option>
            ${Object.entries(PRESETS).map(([name, preset]) => html`<option value=${name} ?selected=${this.preset === name}>${pick(locale, preset.title)}</option>`)}
          </select>
          ${this.edited ? html`<span class="edited-badge" aria-hidden="true">${t(locale, 'editedBadge')}</span>` : nothing}
        </label>
        <button class="present" @click=${() => this.fire('present')}>${t(locale, 'present')}</button>
        <button class="lang" aria-label=${t(locale, 'languageLabel')} @click=${() => this.fire('locale-toggle')}>${t(locale, 'language')}</button>
      </header>
      <nav aria-label=${t(locale, 'viewsLabel')}>
        ${VIEWS.map((v) => html`<button class="view-${v}" aria-pressed=${this.view === v ? 'true' : 'false'} @click=${() => this.fire('view-select', v)}>${t(locale, VIEW_LABELS[v])}</button>`)}
        <span class="spacer"></span>
        <span class="autosave" role="status" data-state=${this.autosave} data-saves=${this.saves}>${autosave ? t(locale, autosave) : ''}</span>
        <label class="open">${t(locale, 'open')}<input type="file" accept=".json,application/json" @change=${this.onFilePicked} /></label>
        <button class="save-file" @click=${() => this.fire('file-save')}>${t(locale, 'save')}</button>
        <button class="save-library" @click=${() => this.fire('library-save')}>${t(locale, 'saveToLibrary')}</button>
        <button class="save-library-as" @click=${() => this.fire('library-save-as')}>${t(locale, 'saveAsNew')}</button>
        <button class="share" @click=${() => this.fire('share')}>${t(locale, 'share')}</button>
        <button class="export-csv" ?disabled=${!this.canExport} @click=${() => this.fire('export-csv')}>${t(locale, 'exportCsv')}</button>
        <button class="export-json" ?disabled=${!this.canExport} @click=${() => this.fire('export-json')}>${t(locale, 'exportJson')}</button>
      </nav>
    `;
  }

  private fire(name: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  private onPreset = (event: Event) => {
    const name = (event.target as HTMLSelectElement).value as PresetName | '';
    if (name) this.fire('preset-select', name);
  };

  private onFilePicked = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) this.fire('file-open', file);
  };
}

customElements.define('qc-app-bar', AppBar);

declare global {
  interface HTMLElementTagNameMap {
    'qc-app-bar': AppBar;
  }
}
