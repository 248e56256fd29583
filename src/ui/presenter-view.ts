/**
 * Presenter mode, for a projector: one slide at a time — the scenario with its
 * scorecard, then each chart, then the open lesson's answer — in large type
 * (the slide is laid out 1000 px wide and zoomed to the screen, so chart text
 * is ≥ 14 px on a 1920-px projector), paged with the keyboard: → / PageDown /
 * Space next, ← / PageUp previous, Home / End, Esc leaves.
 *
 * Properties: `locale`, `slides` (PresenterSlide[]), `index`.
 * Events (bubble, cross shadow roots): `presenter-exit`.
 */
import { LitElement, css, html, type TemplateResult } from 'lit';
import type { Locale } from '../i18n/locale.ts';
import { t } from '../i18n/messages.ts';
import { sectionLinkStyles } from '../charts/section-links.ts';
import { lessonAnswerStyles } from './lessons-view.ts';

export interface PresenterSlide {
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
    :host { position: fixed; inset: 0; z-index: 30; background: #fff; color: #1d2733; display: flex; flex-direction: column; }
    .bar { display: flex; align-items: center; gap: 0.75rem; padding: 0.4rem 1rem; background: #0f3d2e; color: #fff; font-size: 0.9rem; }
    .bar .where { flex: 1; }
    .bar button { font: inherit; padding: 0.2rem 0.7rem; border-radius: 4px; border: 1px solid #fff; background: #fff; color: #0f3d2e; cursor: pointer; }
    .bar button:focus-visible { outline: 2px solid #fff; outline-offset: 2px; box-shadow: 0 0 0 4px #0f3d2e; }
    .stage { flex: 1; overflow: auto; display: flex; justify-content: center; }
    .slide { width: ${SLIDE_WIDTH}px; padding: 1rem 1.5rem 2rem; box-sizing: border-box; }
    .slide h2 { font-size: 1.6rem; margin: 0.2rem 0 0.6rem; }
    .slide p { font-size: 1.05rem; line-height: 1.5; }
    .slide qc-series-chart, .slide qc-stacked-chart { display: block; }
    .question { font-size: 1.2rem; font-weight: 600; color: #0f3d2e; }
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
        <button class="previous" ?disabled=${index === 0} aria-keyshortcuts="ArrowLeft PageUp" @click=${() => this.go(index - 1)}>← ${t(locale, 'presenterPrevious')}</button>
        <button class="next" ?disabled=${index >= count - 1} aria-keyshortcuts="ArrowRight PageDown Space" @click=${() => this.go(index + 1)}>${t(locale, 'presenterNext')} →</button>
        <button class="exit" aria-keyshortcuts="Escape" @click=${this.exit}>${t(locale, 'presenterExit')}</button>
      </div>
      <div class="stage"><div class="slide" style="zoom:${this.zoom}">${slide?.content ?? ''}</div></div>
    `;
  }

  private go(index: number): void {
    this.index = Math.max(0, Math.min(this.slides.length - 1, index));
  }

  private onKey = (event: KeyboardEvent): void => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const moves: Record<string, () => number> = {
      ArrowRight: () => this.index + 1, PageDown: () => this.index + 1, ' ': () => this.index + 1,
      ArrowLeft: () => this.index - 1, PageUp: () => this.index - 1,
      Home: () => 0, End: () => this.slides.length - 1,
    };
    if (event.key === 'Escape') {
      event.preventDefault();
      this.exit();
    } else if (moves[event.key]) {
      // Space on a focused button presses it; anywhere else it pages
      if (event.key === ' ' && (event.composedPath()[0] as Element | undefined)?.tagName === 'BUTTON') return;
      event.preventDefault();
      this.go(moves[event.key]());
    }
  };

  /** Zoom the slide to the screen's width (never below 1): a 1920-px screen shows it at 1.9×. */
  private fit = (): void => {
    this.zoom = Math.max(1, Math.floor((window.innerWidth / (SLIDE_WIDTH + 40)) * 20) / 20);
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
