/**
 * What the app has to say: a notice (opened a file, cancelled, a failure),
 * the problems of a refused file or link, and a share link to copy. Each can
 * be dismissed.
 *
 * A refusal lists at most 20 problems, then "… and N more".
 *
 * Properties: `locale`, `notice` (Notice | null), `refusal` (Refusal | null),
 * `shareUrl`, `draftOffer` (the draft a tab closed mid-write left: its name
 * and when it was held, or null).
 * Events: `notice-dismiss` (detail: 'notice' | 'refusal' | 'share'),
 * `draft-offer` (detail: 'restore' | 'discard'); both bubble and cross shadow
 * roots.
 */
import { LitElement, css, html, nothing } from 'lit';
import { formatNumber, pick, type Locale } from '../i18n/locale.ts';
import { MAX_PROBLEMS_SHOWN } from '../model/files.ts';
import { t } from '../i18n/messages.ts';
import { leverLabel } from './compare-report.ts';
import type { Notice, Refusal } from './controllers/notices-controller.ts';

export type Dismissed = 'notice' | 'refusal' | 'share';
export type DraftOfferChoice = 'restore' | 'discard';

/** A draft left by a tab that closed before it was saved, as the offer shows it. */
export interface DraftOffer {
  readonly name: string;
  /** When it was held (ms since the epoch; 0 when unknown). */
  readonly heldAt: number;
}

export function noticeText(locale: Locale, notice: Notice): string {
  return [t(locale, notice.key, notice.params), ...(notice.extra ?? []).map((e) => pick(locale, e))].join(' ');
}

export class NoticesView extends LitElement {
  static override properties = {
    locale: { type: String },
    notice: { attribute: false },
    refusal: { attribute: false },
    shareUrl: { type: String },
    draftOffer: { attribute: false },
  };

  declare locale: Locale;
  declare notice: Notice | null;
  declare refusal: Refusal | null;
  declare shareUrl: string;
  declare draftOffer: DraftOffer | null;
  /** The offer shown has been answered: a second click (a fast double click) must not restore twice. */
  private answered = false;

  constructor() {
    super();
    this.locale = 'en';
    this.notice = null;
    this.refusal = null;
    this.shareUrl = '';
    this.draftOffer = null;
  }

  static override styles = css`
    :host { display: block; }
    @media print { :host { display: none; } }
    .offer { margin: 0.75rem 1.25rem 0; padding: 0.5rem 0.75rem; border-radius: 6px; font-size: 0.85rem; background: #ddf4ff; display: flex; gap: 0.5rem; align-items: baseline; flex-wrap: wrap; }
    .offer span { flex: 1 1 20rem; }
    .share-box, .refused, .notice { margin: 0.75rem 1.25rem 0; padding: 0.5rem 0.75rem; border-radius: 6px; font-size: 0.85rem; }
    .share-box { background: var(--qc-ok-bg); }
    .share-box input { width: min(40rem, 90%); font: inherit; font-size: 0.8rem; }
    .refused { background: var(--qc-error-bg); color: #5a0914; }
    .refused ul { margin: 0.3rem 0; }
    .refused li { overflow-wrap: anywhere; }
    .notice { color: var(--qc-warn-text); background: var(--qc-warn-bg); display: flex; gap: 0.75rem; align-items: baseline; justify-content: space-between; }
    button { font: inherit; font-size: 0.8rem; padding: 0.1rem 0.5rem; border: 1px solid var(--qc-control-border); border-radius: 4px; background: var(--qc-surface); cursor: pointer; }
    button:focus-visible, input:focus-visible { outline: 2px solid var(--qc-focus); outline-offset: 1px; }
  `;

  override render() {
    const locale = this.locale;
    const r = this.refusal;
    // however many problems reach the view, it lists the first 20 and counts the rest
    const shown = r ? r.problems.slice(0, MAX_PROBLEMS_SHOWN) : [];
    const more = r ? (r.more ?? 0) + r.problems.length - shown.length : 0;
    const offer = this.draftOffer;
    return html`
      ${offer ? html`<div class="offer" role="alert"><span>${t(locale, 'draftFound', { name: offer.name, when: offer.heldAt ? new Date(offer.heldAt).toLocaleString(locale) : '—' })}</span>
        <button class="restore" ?disabled=${this.answered} @click=${() => this.choose('restore')}>${t(locale, 'restoreDraft')}</button>
        <button class="discard" ?disabled=${this.answered} @click=${() => this.choose('discard')}>${t(locale, 'discardDraft')}</button></div>` : nothing}
      ${this.notice ? html`<div class="notice" role="alert"><span>${noticeText(locale, this.notice)}</span>
        <button aria-label=${t(locale, 'dismiss')} @click=${() => this.dismiss('notice')}>×</button></div>` : nothing}
      ${this.shareUrl ? html`<div class="share-box" role="status">${t(locale, 'shareCopied')}
        <input readonly .value=${this.shareUrl} aria-label=${t(locale, 'shareReady')} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
        <button @click=${() => this.dismiss('share')}>${t(locale, 'dismiss')}</button></div>` : nothing}
      ${r ? html`<div class="refused" role="alert"><strong>${t(locale, r.title.key, r.title.params)}</strong>
        <ul>${shown.map((p) => html`<li>${this.where(p.path, r.title.key !== 'lessonRefused')}${pick(locale, p)}</li>`)}
          ${more > 0 ? html`<li class="more">${t(locale, 'moreProblems', { count: formatNumber(locale, more, 0) })}</li>` : nothing}</ul>
        <button @click=${() => this.dismiss('refusal')}>${t(locale, 'dismiss')}</button></div>` : nothing}
    `;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('draftOffer')) this.answered = false;
  }

  private choose(choice: DraftOfferChoice): void {
    if (this.answered) return;
    this.answered = true;
    this.requestUpdate();
    this.dispatchEvent(new CustomEvent<DraftOfferChoice>('draft-offer', { detail: choice, bubbles: true, composed: true }));
  }

  private dismiss(what: Dismissed): void {
    this.dispatchEvent(new CustomEvent<Dismissed>('notice-dismiss', { detail: what, bubbles: true, composed: true }));
  }

  /** Where a problem is: the field as the editor labels it, then its path ("Posting window (content.window[0]): …"); nothing for the whole file. */
  private where(path: string, scenarioField: boolean) {
    if (!path) return nothing;
    const colon = this.locale === 'zh-CN' ? '：' : ': ';
    // a lesson file's fields are not the editor's: the path alone
    if (!scenarioField) return html`<code>${path}</code>${colon}`;
    let field = path.replace(/\[\d+\]/g, '');
    let label = leverLabel(this.locale, field);
    while (!label && field.includes('.')) {
      field = field.slice(0, field.lastIndexOf('.'));
      label = leverLabel(this.locale, field);
    }
    return html`${label ? `${label} ` : ''}<code>${path}</code>${colon}`;
  }
}

customElements.define('qc-notices', NoticesView);

declare global {
  interface HTMLElementTagNameMap {
    'qc-notices': NoticesView;
  }
}
