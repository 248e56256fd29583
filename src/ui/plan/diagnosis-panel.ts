/**
 * Why goals are missed: runs a diagnosis of the strategy and lists, for every
 * goal not reliably met, the one-lever moves that help it most, each with an
 * Apply button; an emptied or silent group is explained in words.
 *
 * Properties: those of PlanPanel, `result` (PlanResults['diagnosis']).
 * Events: `plan-diagnose` (detail: { runs }); `plan-apply` (detail: Setting[]).
 */
import { html, nothing } from 'lit';
import { SUMMARY } from '../../model/metrics.ts';
import { describeThreshold } from '../../model/playbook.ts';
import { leverAt, type Setting } from '../../model/planning/levers.ts';
import { describeMove } from '../../model/planning/diagnose.ts';
import { formatByUnit, formatChance, pick } from '../../i18n/locale.ts';
import { t } from '../../i18n/messages.ts';
import type { PlanResults } from '../controllers/planning-controller.ts';
import { PlanPanel } from './plan-panel.ts';

export class DiagnosisPanel extends PlanPanel {
  static override properties = {
    ...PlanPanel.properties,
    result: { attribute: false },
    diagnosisRuns: { state: true },
  };

  declare result: PlanResults['diagnosis'];
  declare diagnosisRuns: number;

  constructor() {
    super();
    this.result = null;
    this.diagnosisRuns = 60;
  }

  override render() {
    const locale = this.locale;
    const done = this.result;
    const fresh = done !== null && this.isCurrent(done.scenario);
    return html`<section class="panel" aria-labelledby="diagnosis-title">
      <h2 id="diagnosis-title">${t(locale, 'plan_diagnosis')}</h2>
      <p class="help">${t(locale, 'diagnosisHelp')}</p>
      <div class="row">
        <label>${t(locale, 'runsPerStrategy')} <input type="number" min="10" max="1000" step="10" .value=${String(this.diagnosisRuns)}
          @change=${(e: Event) => { this.diagnosisRuns = this.whole(e, 10, 1000, 60); }}></label>
        ${this.runButton('run-diagnosis', t(locale, 'runDiagnosis'), true, () => this.fire('plan-diagnose', { runs: this.diagnosisRuns }))}
      </div>
      ${done ? html`
        ${this.stale(done.scenario)}
        <p class="numbers">${t(locale, 'diagnosisSummary', { moves: done.result.movesTried, runs: done.result.runs, chance: formatChance(locale, done.result.allGoals, done.result.runs, 'short') })}</p>
        ${done.result.outcome.map((line) => html`<p class="outcome">${pick(locale, line)}</p>`)}
        ${done.result.goals.length ? nothing : html`<p class="outcome">${t(locale, 'allReliable')}</p>`}
        ${done.result.goals.map((g) => html`
          <h3 data-goal=${g.threshold.metric}>${pick(locale, SUMMARY[g.threshold.metric])} ${describeThreshold(g.threshold)} (${g.threshold.source}) —
            ${t(locale, 'metIn', { chance: formatChance(locale, g.metShare, done.result.runs, 'short') })}${this.comma}${t(locale, 'medianIs', { value: formatByUnit(locale, SUMMARY[g.threshold.metric].unit, g.median) })}</h3>
          ${g.moves.length ? html`<ul class="moves">${g.moves.map((m) => {
            const what = describeMove(m, g.threshold, done.scenario, locale);
            return html`<li>${what}
            ${fresh ? html`<button class="link apply-move" aria-label=${t(locale, 'applyNamed', { what: `${this.label(leverAt(m.move.path)!)} → ${this.position(leverAt(m.move.path)!, m.move.to)}` })}
              @click=${() => this.fire('plan-apply', [[m.move.path, m.move.to]] satisfies Setting[])}>${t(locale, 'applyThis')}</button>` : nothing}</li>`;
          })}</ul>`
            : html`<p class="help">${t(locale, 'noSingleMove')}</p>`}
        `)}
        <button class="link" @click=${() => this.download(done.result, 'diagnosis')}>${t(locale, 'planJson')}</button>
      ` : nothing}
    </section>`;
  }

}

customElements.define('qc-plan-diagnosis', DiagnosisPanel);

declare global {
  interface HTMLElementTagNameMap {
    'qc-plan-diagnosis': DiagnosisPanel;
  }
}
