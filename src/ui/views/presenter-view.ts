/**
 * Presenter mode, for a projector: one slide at a time — the scenario with its
 * scorecard, then each chart, then the open lesson's answer — in large type
 * (the slide is laid out 1000 px wide and zoomed to the screen, so chart text
 * is ≥ 14 px on a 1920-px projector), paged with the keyboard: PageDown /
 * Space / ↓ scroll a tall slide first, then go on (a clicker sends these);
 * → / ← go to the next / previous slide at once; Home / End; Esc leaves.
 *
 * Properties: `locale`, `slides` (PresenterSlide[]), `index`.
 * Events (bubble, cross shadow roots): `presenter-exit`.
 */
import { LitElement, css, html, type TemplateResult } from 'lit';
import type { Locale } from '../../i18n/locale.ts';
import { t } from '../../i18n/messages.ts';
import { sectionLinkStyles } from '../../charts/section-links.ts';
import { lessonAnswerStyles } from './lessons-view.ts';

export interface PresenterSlide {
  /** What the slide is, whatever the language (e.g. 'replay'): presenter mode opens at a slide by it. */
  readonly id?: string;
  /** Short name, read out with the slide number. */
  readonly label: string;
  readonly content: TemplateResult;
}

/** The width a slide is laid out at before it is zoomed to the screen. */
const SLIDE_WIDTH = 1000;

export class PresenterView extends LitElement {
  static override properties = {
    locale: { type: String },
    slides: { attribute: false },
    index: { type: Number },
    zoom: { state: true },
  };

  declare locale: Locale;
  declare slides: readonly PresenterSlide[];
  declare index: number;
  declare zoom: number;

  constructor() {
    super();
    this.locale = 'en';
    this.slides = [];
    this.index = 0;
    this.zoom = 1;
  }

  static override styles = [sectionLinkStyles, lessonAnswerStyles, css`
    :host { position: fixed; inset: 0; z-index: 30; background: var(--qc-surface); color: var(--qc-ink); display: flex; flex-direction: column; }
    .bar { display: flex; align-items: center; gap: 0.75rem; padding: 0.4rem 1rem; background: var(--qc-brand); color: var(--qc-on-dark); font-size: 0.9rem; }
    .bar .where { flex: 1; }
    .bar button { font: inherit; padding: 0.2rem 0.7rem; border-radius: 4px; border: 1px solid var(--qc-on-dark); background: var(--qc-surface); color: var(--qc-brand); cursor: pointer; }
    .bar button:focus-visible { outline: 2px solid var(--qc-on-dark); outline-offset: 2px; box-shadow: 0 0 0 4px var(--qc-brand); }
    .stage { flex: 1; overflow: auto; }
    .slide { width: ${SLIDE_WIDTH}px; margin: 0 auto; padding: 1rem 1.5rem 2rem; box-sizing: border-box; }
    .slide h2 { font-size: 1.6rem; margin: 0.2rem 0 0.6rem; }
    .slide p { font-size: 1.05rem; line-height: 1.5; }
    .slide qc-series-chart, .slide qc-stacked-chart { display: block; }
    .question { font-size: 1.2rem; font-weight: 600; color: var(--qc-brand); }
    .choices { display: flex; gap: 2rem; list-style: none; padding: 0; font-size: 1.2rem; }
    .choices li::before { content: '☐ '; }
    .change { font-size: 1.05rem; }
    @media print { .bar { display: none; } :host { position: static; } }
  `];

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKey);
    window.addEventListener('resize', this.fit);
    this.fit();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('keydown', this.onKey);
    window.removeEventListener('resize', this.fit);
    super.disconnectedCallback();
  }

  override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLButtonElement>('button.next')?.focus();
  }

  override render() {
    const locale = this.locale;
    const count = this.slides.length;
    const index = Math.min(this.index, Math.max(0, count - 1));
    const slide = this.slides[index];
    return html`
      <div class="bar" role="toolbar" aria-label=${t(locale, 'presenterTitle')}>
        <span class="where" role="status" aria-live="polite" data-index=${index}>${t(locale, 'presenterWhere', { k: index + 1, n: count, label: slide?.label ?? '' })}</span>
        <button class="previous" ?disabled=${index === 0} aria-keyshortcuts="ArrowLeft" @click=${() => this.go(index - 1)}>← ${t(locale, 'presenterPrevious')}</button>
        <button class="next" ?disabled=${index >= count - 1} aria-keyshortcuts="ArrowRight" @click=${() => this.go(index + 1)}>${t(locale, 'presenterNext')} →</button>
        <button class="exit" aria-keyshortcuts="Escape" @click=${this.exit}>${t(locale, 'presenterExit')}</button>
      </div>
      <div class="stage"><div class="slide" style="zoom:${this.zoom}">${slide?.content ?? ''}</div></div>
    `;
  }

  private go(index: number): void {
    const next = Math.max(0, Math.min(this.slides.length - 1, index));
    if (next !== this.index) this.stage()?.scrollTo({ top: 0 });
    this.index = next;
  }

  private stage(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.stage');
  }

  /** A tall slide scrolls first (by most of a screen), then the next slide comes; backwards alike. */
  private step(direction: 1 | -1): void {
    const stage = this.stage();
    if (stage) {
      const room = stage.scrollHeight - stage.clientHeight;
      const canScroll = direction > 0 ? stage.scrollTop < room - 2 : stage.scrollTop > 2;
      if (canScroll) {
        stage.scrollBy({ top: direction * stage.clientHeight * 0.8 });
        return;
      }
    }
    this.go(this.index + direction);
  }

  private onKey = (event: KeyboardEvent): void => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const moves: Record<string, () => void> = {
      PageDown: () => this.step(1), ' ': () => this.step(1), ArrowDown: () => this.step(1),
      PageUp: () => this.step(-1), ArrowUp: () => this.step(-1),
      ArrowRight: () => this.go(this.index + 1), ArrowLeft: () => this.go(this.index - 1),
      Home: () => this.go(0), End: () => this.go(this.slides.length - 1),
    };
    if (event.key === 'Escape') {
      event.preventDefault();
      this.exit();
      return;
    }
    const move = moves[event.key];
    if (!move) return;
    // Space on a focused button presses it; the replay's sliders and lists keep their arrow keys
    const target = event.composedPath()[0] as Element | undefined;
    if (event.key === ' ' && target?.tagName === 'BUTTON') return;
    if (target && ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName)) return;
    event.preventDefault();
    move();
  };

  /** Zoom the slide to the screen's width: a 1920-px screen shows it at 1.9×, a narrow one below 1 (nothing cut off). */
  private fit = (): void => {
    this.zoom = Math.max(0.3, Math.floor((window.innerWidth / (SLIDE_WIDTH + 40)) * 20) / 20);
  };

  private exit = (): void => {
    this.dispatchEvent(new CustomEvent('presenter-exit', { bubbles: true, composed: true }));
  };
}

customElements.define('qc-presenter', PresenterView);

declare global {
  interface HTMLElementTagNameMap {
    'qc-presenter': PresenterView;
  }
}
