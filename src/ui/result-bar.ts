/**
 * The result in one glance, for a phone: the chance that every goal is met
 * (with its 90 % interval and runs, and whether it is a preview) and the goals
 * met in fewer than RELIABLY_MET of the runs, by name, with "What to change"
 * (the diagnosis). The lab keeps it stuck to the top of the screen while the
 * editor scrolls under it, where the scorecard is not beside the editor.
 *
 * Properties: `locale`; `summary`, `shown`, `running`, `lastRun` (the
 * ensembles); `problems` (how many fields are invalid).
 * Events (bubble, cross shadow roots): `diagnose` (what to change);
 * `show-scorecard`.
 */
import { LitElement, css, html, nothing } from 'lit';
import type { EnsembleSummary } from '../model/ensemble.ts';
import { SUMMARY } from '../model/metrics.ts';
import { RELIABLY_MET } from '../model/planning/diagnose.ts';
import { formatChance, formatPercent, pick, type Locale } from '../i18n/locale.ts';
import { t } from '../i18n/messages.ts';
import type { FinishedRun, RunKind, ShownResults } from './controllers/ensemble-controller.ts';

/** Goals named in the bar; the rest are counted ("+2 more"), so the bar stays small. */
const NAMED_GOALS = 3;

export class ResultBar extends LitElement {
  static override properties = {
    locale: { type: String },
    summary: { attribute: false },
    shown: { attribute: false },
    running: { attribute: false },
    lastRun: { attribute: false },
    problems: { type: Number },
  };

  declare locale: Locale;
  declare summary: EnsembleSummary | null;
  declare shown: ShownResults | null;
  declare running: RunKind | null;
  declare lastRun: FinishedRun | null;
  declare problems: number;

  constructor() {
    super();
    this.locale = 'en';
    this.summary = null;
    this.shown = null;
    this.running = null;
    this.lastRun = null;
    this.problems = 0;
  }

  static override styles = css`
    :host { display: block; }
    .bar { background: var(--qc-surface); border-bottom: 1px solid var(--qc-border); box-shadow: 0 2px 6px rgba(15, 61, 46, 0.12); padding: 0.35rem 0.6rem 0.4rem;
      font-size: 0.8rem; line-height: 1.35; font-variant-numeric: tabular-nums; }
    p { margin: 0; }
    .headline .tag, .updating { margin-right: 0.3rem; }
    .tag { display: inline-block; padding: 0 0.45rem; border-radius: 999px; font-size: 0.72rem; font-weight: 600; background: var(--qc-warn-bg); color: var(--qc-warn-text); }
    .tag.full { background: var(--qc-ok-bg); color: var(--qc-ok-text); }
    .chance { font-weight: 600; font-size: 0.9rem; }
    .interval { color: var(--qc-text); }
    .updating { color: var(--qc-muted); font-style: italic; }
    .missed { margin-top: 0.15rem; color: var(--qc-text); }
    .missed .name { color: var(--qc-danger); font-weight: 600; }
    /* a Chinese name breaks anywhere: keep each whole */
    .missed.zh .name { white-space: nowrap; }
    .invalid { color: var(--qc-danger); margin-top: 0.15rem; }
    /* the buttons follow the text, on its last line where there is room */
    .actions { display: inline-flex; gap: 0.3rem; margin-left: 0.4rem; vertical-align: middle; }
    button { font: inherit; font-size: 0.78rem; padding: 0.2rem 0.5rem; border-radius: 4px; border: 1px solid var(--qc-accent); background: var(--qc-surface); color: var(--qc-brand); cursor: pointer; white-space: nowrap; }
    button.what { background: var(--qc-accent); color: var(--qc-on-dark); }
    button:focus-visible { outline: 2px solid var(--qc-focus); outline-offset: 2px; }
  `;

  override render() {
    const { locale, summary: s } = this;
    if (!s) return html`<div class="bar" role="region" aria-label=${t(locale, 'resultBarLabel')}><p>${t(locale, 'waiting')}</p></div>`;
    const kind = this.shown?.kind ?? 'quick';
    // worst first: the goals the bar has room to name are the ones furthest from being met
    const missed = s.goals.filter((g) => (s.metrics[g.metric].goalMetShare ?? 1) < RELIABLY_MET)
      .sort((a, b) => (s.metrics[a.metric].goalMetShare ?? 0) - (s.metrics[b.metric].goalMetShare ?? 0));
    const chance = formatChance(locale, s.allGoalsMetShare, s.runs);
    // the headline's share in bold, its interval and runs after it
    const share = formatPercent(locale, s.allGoalsMetShare);
    return html`<div class="bar" role="region" aria-label=${t(locale, 'resultBarLabel')} aria-busy=${this.running ? 'true' : 'false'}
        data-run=${this.lastRun?.id ?? 0} data-kind=${kind}>
      <p class="headline">
        <span class="tag ${kind === 'full' ? 'full' : ''}">${t(locale, kind === 'quick' ? 'previewTag' : kind === 'partial' ? 'partialTag' : 'fullRun')}</span>
        <span class="all">${t(locale, 'resultBarAll')}${locale === 'zh-CN' ? '：' : ': '}<span class="chance">${share}</span><span class="interval">${chance.slice(share.length)}</span></span>
        ${this.running ? html` <span class="updating">${t(locale, 'resultBarUpdating')}</span>` : nothing}
      </p>
      ${this.problems ? html`<p class="invalid">${t(locale, 'resultBarInvalid', { count: this.problems })}</p>` : nothing}
      <p class="missed ${locale === 'zh-CN' ? 'zh' : ''}">${missed.length
          ? html`${t(locale, 'resultBarMissed', { share: formatPercent(locale, RELIABLY_MET) })}${locale === 'zh-CN' ? '' : ' '}${missed.slice(0, NAMED_GOALS).map((g, i) => html`${i ? (locale === 'zh-CN' ? '、' : ' · ') : ''}<span class="name">${pick(locale, SUMMARY[g.metric])}</span> ${formatPercent(locale, s.metrics[g.metric].goalMetShare ?? 0)}`)}${missed.length > NAMED_GOALS ? `${locale === 'zh-CN' ? '，' : ' '}${t(locale, 'resultBarMore', { count: missed.length - NAMED_GOALS })}` : ''}`
          : t(locale, 'resultBarNoneMissed', { share: formatPercent(locale, RELIABLY_MET) })}<span class="actions">
          ${missed.length ? html`<button class="what" aria-label=${t(locale, 'whatToChangeLabel')} @click=${() => this.fire('diagnose')}>${t(locale, 'whatToChange')}</button>` : nothing}
          <button class="to-scorecard" @click=${() => this.fire('show-scorecard')}>${t(locale, 'resultBarScorecard')}</button>
        </span></p>
    </div>`;
  }

  private fire(name: string): void {
    this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true }));
  }
}

customElements.define('qc-result-bar', ResultBar);

declare global {
  interface HTMLElementTagNameMap {
    'qc-result-bar': ResultBar;
  }
}
