/**
 * The playbook in the app: each section's practices in brief, its thresholds
 * as the lab uses them (with the positionings they apply to), the article's
 * gaps shown as gaps, and the lessons on that section. Every "§n" link in the
 * app opens this view at its section.
 *
 * Properties: `locale`, `section` (the section to show first, e.g. "§5"),
 * `lessons`. Events (bubble, cross shadow roots): `lesson-open` (detail: id).
 */
import { LitElement, css, html, nothing } from 'lit';
import { PLAYBOOK_INTRO, PLAYBOOK_INTRO_GAPS, PLAYBOOK_SECTIONS } from '../../model/playbook-sections.ts';
import { THRESHOLDS, describeThreshold } from '../../model/playbook.ts';
import { SUMMARY } from '../../model/metrics.ts';
import { lessonText, type Lesson } from '../../model/lessons.ts';
import { langOf, pick, type Locale } from '../../i18n/locale.ts';
import { t } from '../../i18n/messages.ts';
import { leverValue } from '../compare-report.ts';

export class PlaybookView extends LitElement {
  static override properties = {
    locale: { type: String },
    section: { type: String },
    lessons: { attribute: false },
  };

  declare locale: Locale;
  declare section: string;
  declare lessons: readonly Lesson[];

  constructor() {
    super();
    this.locale = 'en';
    this.section = '';
    this.lessons = [];
  }

  static override styles = css`
    :host { display: block; }
    .panel { background: var(--qc-surface); border: 1px solid var(--qc-border); border-radius: 8px; padding: 0.75rem 1rem; margin-bottom: 1rem; max-width: 60rem; }
    .panel:target, .panel.shown { border-color: var(--qc-accent); box-shadow: 0 0 0 2px #1a7f5a33; }
    h2 { font-size: 1.05rem; margin: 0 0 0.5rem; }
    h3 { font-size: 0.88rem; margin: 0.6rem 0 0.3rem; color: var(--qc-text); }
    p, li { font-size: 0.9rem; line-height: 1.55; }
    ul { margin: 0.2rem 0; padding-left: 1.2rem; }
    .toc { display: flex; flex-wrap: wrap; gap: 0.3rem 0.8rem; list-style: none; padding: 0; }
    .toc button, .lesson-link { font: inherit; font-size: 0.85rem; background: none; border: none; padding: 0; color: var(--qc-link); text-decoration: underline; text-underline-offset: 2px; cursor: pointer; }
    .gap { background: var(--qc-warn-bg); border-left: 3px solid var(--qc-warn-border); padding: 0.3rem 0.6rem; margin: 0.3rem 0; font-size: 0.85rem; list-style: none; }
    .gaps { padding-left: 0; }
    table { border-collapse: collapse; font-size: 0.85rem; }
    th, td { text-align: left; padding: 0.2rem 0.5rem; border-bottom: 1px solid var(--qc-rule); vertical-align: top; }
    button:focus-visible { outline: 2px solid var(--qc-focus); outline-offset: 2px; }
    @media print { .toc, .lesson-link { display: none; } .panel { break-inside: avoid; border-color: var(--qc-print-border); box-shadow: none; } }
  `;

  override render() {
    const locale = this.locale;
    return html`
      <div class="panel">
        <h2>${t(locale, 'playbookTitle')}</h2>
        <p>${pick(locale, PLAYBOOK_INTRO)}</p>
        <ul class="gaps">${PLAYBOOK_INTRO_GAPS.map((g) => html`<li class="gap">${pick(locale, g)}</li>`)}</ul>
        <ul class="toc">${PLAYBOOK_SECTIONS.map((s) => html`<li><button @click=${() => this.showSection(s.id)}>${s.id} ${pick(locale, s.title)}</button></li>`)}</ul>
      </div>
      ${PLAYBOOK_SECTIONS.map((s) => {
        const thresholds = THRESHOLDS.filter((th) => th.source.split(/,\s*/).includes(s.id));
        const lessons = this.lessons.filter((l) => l.section === s.id);
        return html`<section class="panel ${this.section === s.id ? 'shown' : ''}" id=${`section-${s.id.slice(1)}`} data-section=${s.id} tabindex="-1" aria-labelledby=${`h-${s.id.slice(1)}`}>
          <h2 id=${`h-${s.id.slice(1)}`}>${s.id} ${pick(locale, s.title)}</h2>
          <ul>${s.points.map((p) => html`<li>${pick(locale, p)}</li>`)}</ul>
          ${thresholds.length ? html`<h3>${t(locale, 'playbookThresholds')}</h3>
            <table><tbody>${thresholds.map((th) => html`<tr><td>${pick(locale, SUMMARY[th.metric])} ${describeThreshold(th, locale)}</td>
              <td>${th.positionings === 'all' ? t(locale, 'allPositionings') : th.positionings.map((p) => leverValue(locale, 'group.positioning', JSON.stringify(p))).join(locale === 'zh-CN' ? '、' : ', ')}</td>
              <td>${pick(locale, th)}</td></tr>`)}</tbody></table>` : nothing}
          ${s.gaps.length ? html`<h3>${t(locale, 'playbookGaps')}</h3><ul class="gaps">${s.gaps.map((g) => html`<li class="gap">${pick(locale, g)}</li>`)}</ul>` : nothing}
          ${lessons.length ? html`<h3>${t(locale, 'playbookLessons')}</h3><ul>${lessons.map((l) => html`<li><button class="lesson-link" data-lesson=${l.id} @click=${() => this.fire('lesson-open', l.id)}>${lessonText(l, langOf(locale)).title}</button></li>`)}</ul>` : nothing}
        </section>`;
      })}
    `;
  }

  /** Show a section: highlighted, in view, and focused (keyboard users land on it too). */
  showSection(section: string): void {
    this.section = section;
    const element = this.renderRoot.querySelector<HTMLElement>(`[data-section="${section}"]`);
    element?.scrollIntoView({ block: 'start' });
    element?.focus({ preventScroll: true });
  }

  private fire(name: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}

customElements.define('qc-playbook-view', PlaybookView);

declare global {
  interface HTMLElementTagNameMap {
    'qc-playbook-view': PlaybookView;
  }
}
