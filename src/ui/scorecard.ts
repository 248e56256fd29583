/**
 * The scorecard: every goal of the scenario's positioning at the horizon —
 * median, p10–p90, the playbook threshold and source, pass / at risk / miss
 * (judged on the share of runs that meet it: playbook.ts `goalStatus`), that share — and the chance that all goals are met at once,
 * each chance with its 90 % interval over the runs. A quick preview says it is
 * one. The goals are those the results were judged against (`summary.goals`).
 *
 * With a pinned baseline, one more column: each KPI's paired difference
 * against the pin (median over runs, with the 90 % interval).
 *
 * Properties: `locale`, `summary` (EnsembleSummary | null), `deltas`
 * (BaselineDeltas | null), `shown` (ShownResults | null: a preview, a full
 * run or a cancelled one's part). Events: none.
 */
import { LitElement, css, html, nothing } from 'lit';
import type { EnsembleSummary } from '../model/ensemble.ts';
import { SUMMARY, type SummaryKey } from '../model/metrics.ts';
import { describeThreshold, RELIABLY_MET } from '../model/playbook.ts';
import { formatByUnit, formatChance, formatNumber, formatPercent, formatSignedChange, pick, type Locale } from '../i18n/locale.ts';
import type { BaselineDeltas } from './controllers/baseline-controller.ts';
import type { ShownResults } from './controllers/ensemble-controller.ts';
import { sectionLinkStyles, withSectionLinks } from '../charts/section-links.ts';
import { t } from '../i18n/messages.ts';

export class Scorecard extends LitElement {
  static override properties = {
    locale: { type: String },
    summary: { attribute: false },
    deltas: { attribute: false },
    shown: { attribute: false },
  };

  declare locale: Locale;
  declare summary: EnsembleSummary | null;
  declare deltas: BaselineDeltas | null;
  declare shown: ShownResults | null;

  constructor() {
    super();
    this.locale = 'en';
    this.summary = null;
    this.deltas = null;
    this.shown = null;
  }

  /** The paired difference against the pinned baseline, e.g. "+5.2 pp (−1.0 … +9.9)". */
  private delta(metric: SummaryKey) {
    const d = this.deltas?.comparison.metrics[metric].differences[1];
    if (!this.deltas) return nothing;
    const label = t(this.locale, 'vsPinned');
    if (!d) return html`<td class="delta" data-label=${label}>—</td>`;
    const f = (v: number) => formatSignedChange(this.locale, metric, v);
    const clear = d.p5 > 0 || d.p95 < 0;
    return html`<td class="delta ${clear ? 'clear' : ''}" data-label=${label} title=${clear ? t(this.locale, 'clearDifference') : ''}>${f(d.median)}<span class="goal-text">${f(d.p5)} … ${f(d.p95)}</span></td>`;
  }

  static override styles = [sectionLinkStyles, css`
    .goal-cell { white-space: nowrap; }
    :host { display: block; }
    h2 { font-size: 1rem; margin: 0 0 0.4rem; }
    table { border-collapse: collapse; width: 100%; font-size: 0.85rem; font-variant-numeric: tabular-nums; }
    th, td { padding: 0.3rem 0.45rem; border-bottom: 1px solid var(--qc-rule); text-align: right; vertical-align: top; }
    th:first-child, td:first-child { text-align: left; }
    thead th { font-weight: 600; color: var(--qc-muted); font-size: 0.75rem; }
    .status { display: inline-block; min-width: 3.5rem; text-align: center; border-radius: 999px; padding: 0.05rem 0.45rem; font-size: 0.75rem; font-weight: 600; }
    .pass { background: var(--qc-ok-bg); color: var(--qc-ok-text); }
    .warn { background: var(--qc-warn-bg); color: var(--qc-warn-text); }
    .fail { background: var(--qc-error-bg); color: var(--qc-danger); }
    .goal-text { display: block; font-size: 0.72rem; color: var(--qc-muted); }
    thead .goal-text { white-space: nowrap; }
    .all { margin: 0.5rem 0 0; font-weight: 600; }
    .delta.clear { font-weight: 600; }
    /* a phone scrolls the table, not the page */
    .table-wrap { overflow-x: auto; }
    @media print { .table-wrap { overflow: visible; } }
    /* a phone: each goal a block (the name, then its numbers under their headings), nothing scrolled out of sight */
    @media screen and (max-width: 36rem) {
      thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
      tbody tr { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 0.2rem 0.6rem; padding: 0.45rem 0; border-bottom: 1px solid var(--qc-border); }
      tbody th, tbody td { display: block; padding: 0; border: none; text-align: left; }
      tbody th { grid-column: 1 / -1; }
      tbody td::before { content: attr(data-label); display: block; font-size: 0.68rem; color: var(--qc-muted); }
      .goal-cell { white-space: normal; }
    }
    .run-kind { font-size: 0.8rem; color: var(--qc-text); margin: 0 0 0.4rem; }
    .tag { display: inline-block; margin-right: 0.4rem; padding: 0 0.45rem; border-radius: 999px; font-size: 0.72rem; font-weight: 600; background: var(--qc-warn-bg); color: var(--qc-warn-text); }
    .gap { font-size: 0.75rem; color: var(--qc-muted); margin: 0.3rem 0 0; }
  `];

  override render() {
    const s = this.summary;
    if (!s) return html`<h2>${t(this.locale, 'scorecard', { days: '—' })}</h2><p>${t(this.locale, 'waiting')}</p>`;
    const statusText = { pass: t(this.locale, 'pass'), warn: t(this.locale, 'warn'), fail: t(this.locale, 'fail') } as const;
    const retention = s.metrics.retention30d;
    const label = { median: t(this.locale, 'median'), range: t(this.locale, 'range'), threshold: t(this.locale, 'threshold'), status: t(this.locale, 'status'), met: t(this.locale, 'goalMet') };
    return html`
      <h2>${t(this.locale, 'scorecard', { days: s.horizonDays })}</h2>
      ${this.renderKind()}
      <div class="table-wrap"><table>
        <thead><tr>
          <th scope="col">${t(this.locale, 'goal')}</th><th scope="col">${label.median}</th><th scope="col">${label.range}</th>
          <th scope="col">${label.threshold}</th><th scope="col">${label.status}</th><th scope="col">${label.met}<span class="goal-text">${t(this.locale, 'goalMetInterval', { runs: formatNumber(this.locale, s.runs, 0) })}</span></th>${this.deltas ? html`<th scope="col">${t(this.locale, 'vsPinned')}</th>` : nothing}
        </tr></thead>
        <tbody>
          ${s.goals.map((goal) => {
            const m = s.metrics[goal.metric];
            const unit = SUMMARY[goal.metric].unit;
            const f = (v: number | null) => formatByUnit(this.locale, unit, v);
            const status = m.status;
            return html`<tr data-metric=${goal.metric}>
              <th scope="row">${pick(this.locale, SUMMARY[goal.metric])}<span class="goal-text">${pick(this.locale, goal)}</span>${goal.definition ? html`<span class="goal-text definition">${pick(this.locale, goal.definition)}</span>` : nothing}</th>
              <td data-label=${label.median}>${f(m.p50)}</td>
              <td data-label=${label.range}>${m.p10 === null ? '—' : `${f(m.p10)}–${f(m.p90)}`}</td>
              <td class="goal-cell" data-label=${label.threshold}>${describeThreshold(goal, this.locale)}${this.locale === 'zh-CN' ? '（' : ' ('}${withSectionLinks(goal.source)}${this.locale === 'zh-CN' ? '）' : ')'}</td>
              <td data-label=${label.status}>${status ? html`<span class="status ${status}">${statusText[status]}</span>` : t(this.locale, 'noValue')}</td>
              <td class="met" data-label="${label.met} · ${t(this.locale, 'goalMetInterval', { runs: formatNumber(this.locale, s.runs, 0) })}">${m.goalMetShare === null ? '—' : html`${formatPercent(this.locale, m.goalMetShare)}<span class="goal-text">${formatChance(this.locale, m.goalMetShare, s.runs, 'interval')}</span>`}</td>
              ${this.delta(goal.metric)}
            </tr>`;
          })}
          <tr data-metric="retention30d">
            <th scope="row">${pick(this.locale, SUMMARY.retention30d)}</th>
            <td data-label=${label.median}>${formatByUnit(this.locale, 'share', retention.p50)}</td>
            <td data-label=${label.range}>${retention.p10 === null ? '—' : `${formatByUnit(this.locale, 'share', retention.p10)}–${formatByUnit(this.locale, 'share', retention.p90)}`}</td>
            <td data-label=${label.threshold}>—</td><td data-label=${label.status}>—</td><td data-label=${label.met}>—</td>
            ${this.delta('retention30d')}
          </tr>
        </tbody>
      </table></div>
      <p class="gap status-rule">${t(this.locale, 'statusRule', { share: formatPercent(this.locale, RELIABLY_MET) })}</p>
      <p class="gap">${t(this.locale, 'gapNote')}</p>
      <p class="all">${t(this.locale, 'allGoals', { chance: formatChance(this.locale, s.allGoalsMetShare, s.runs) })}${this.deltas ? t(this.locale, 'pinnedAll', { runs: this.deltas.comparison.runs, pinned: formatPercent(this.locale, this.deltas.comparison.allGoalsMetShare[0]), now: formatPercent(this.locale, this.deltas.comparison.allGoalsMetShare[1]) }) : ''}</p>
    `;
  }

  /** What the results are: a preview says so (with its runs), a cancelled run's part too. */
  private renderKind() {
    const shown = this.shown;
    if (!shown || shown.kind === 'full') return nothing;
    return shown.kind === 'quick'
      ? html`<p class="run-kind" data-kind="quick"><span class="tag">${t(this.locale, 'previewTag')}</span> ${t(this.locale, 'previewNote', { runs: shown.runs })}</p>`
      : html`<p class="run-kind" data-kind="partial"><span class="tag">${t(this.locale, 'partialTag')}</span> ${t(this.locale, 'partialNote', { runs: shown.runs })}</p>`;
  }
}

customElements.define('qc-scorecard', Scorecard);

declare global {
  interface HTMLElementTagNameMap {
    'qc-scorecard': Scorecard;
  }
}
