/**
 * The library: scenarios kept in this browser (IndexedDB), newest first, with
 * open, rename, duplicate and delete. The shell owns the storage; this panel
 * shows the list and sends the user's actions up as events.
 *
 * Properties: `locale`, `entries` (LibraryEntry[]), `deleted` (the entry
 * deleted last, offered back with Undo).
 * Events (bubble, cross shadow roots): `library-action` (detail: { action:
 * LibraryAction, entry }); `library-undo-delete`.
 */
import { LitElement, css, html, nothing } from 'lit';
import type { LibraryEntry } from '../storage/scenario-store.ts';
import type { Locale } from '../../i18n/locale.ts';
import { t, type MessageKey } from '../../i18n/messages.ts';
import type { LibraryAction } from '../controllers/library-controller.ts';

export class LibraryPanel extends LitElement {
  static override properties = {
    locale: { type: String },
    entries: { attribute: false },
    deleted: { attribute: false },
  };

  declare locale: Locale;
  declare entries: readonly LibraryEntry[];
  declare deleted: LibraryEntry | null;

  constructor() {
    super();
    this.locale = 'en';
    this.entries = [];
    this.deleted = null;
  }

  static override styles = css`
    :host { display: block; }
    .panel { background: var(--qc-surface); border: 1px solid var(--qc-border); border-radius: 8px; padding: 0.75rem 1rem; }
    h2 { font-size: 1rem; margin: 0 0 0.5rem; }
    ul { list-style: none; padding: 0; margin: 0; }
    li { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem 0.75rem; padding: 0.45rem 0; border-top: 1px solid var(--qc-rule); }
    li:first-child { border-top: none; }
    .name { font-weight: 600; flex: 1 1 14rem; }
    .when { font-size: 0.75rem; color: var(--qc-muted); }
    button { font: inherit; font-size: 0.8rem; padding: 0.15rem 0.55rem; border: 1px solid var(--qc-control-border); border-radius: 4px; background: var(--qc-subtle); cursor: pointer; }
    button.danger { color: var(--qc-danger); }
    button:focus-visible { outline: 2px solid var(--qc-focus); outline-offset: 1px; }
    .empty { color: var(--qc-muted); font-size: 0.85rem; }
    .notes { display: block; font-weight: 400; font-size: 0.8rem; color: var(--qc-text); white-space: pre-wrap; }
    .deleted { font-size: 0.85rem; background: var(--qc-warn-bg); padding: 0.3rem 0.5rem; border-radius: 4px; display: flex; gap: 0.75rem; align-items: center; }
  `;

  override render() {
    const time = new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'short' });
    return html`<div class="panel">
      <h2>${t(this.locale, 'libraryTitle')}</h2>
      ${this.deleted ? html`<p class="deleted" role="status">${t(this.locale, 'deletedEntry', { name: this.deleted.name })}
        <button class="undo-delete" @click=${() => this.dispatchEvent(new CustomEvent('library-undo-delete', { bubbles: true, composed: true }))}>${t(this.locale, 'undoDelete')}</button></p>` : nothing}
      ${this.entries.length ? html`<ul>${this.entries.map((entry) => html`<li data-id=${entry.id}>
        <span class="name">${entry.name}${entry.notes ? html`<span class="notes">${entry.notes}</span>` : nothing}</span>
        <span class="when">${t(this.locale, 'savedAt', { time: time.format(entry.updatedAt) })}${entry.plans && Object.keys(entry.plans).length
          ? ` · ${t(this.locale, 'withPlans', { kinds: Object.keys(entry.plans).map((k) => t(this.locale, `plan_${k}` as MessageKey)).join(this.locale === 'zh-CN' ? '、' : ', ') })}` : ''}</span>
        <button class="load" @click=${() => this.act('load', entry)}>${t(this.locale, 'load')}</button>
        <button class="rename" @click=${() => this.act('rename', entry)}>${t(this.locale, 'rename')}</button>
        <button class="notes-edit" @click=${() => this.act('notes', entry)}>${t(this.locale, 'notes')}</button>
        <button class="duplicate" @click=${() => this.act('duplicate', entry)}>${t(this.locale, 'duplicate')}</button>
        <button class="remove danger" @click=${() => this.act('remove', entry)}>${t(this.locale, 'remove')}</button>
      </li>`)}</ul>` : html`<p class="empty">${t(this.locale, 'libraryEmpty')}</p>`}
    </div>`;
  }

  private act(action: LibraryAction, entry: LibraryEntry): void {
    this.dispatchEvent(new CustomEvent('library-action', { detail: { action, entry }, bubbles: true, composed: true }));
  }
}

customElements.define('qc-library-panel', LibraryPanel);

declare global {
  interface HTMLElementTagNameMap {
    'qc-library-panel': LibraryPanel;
  }
}
