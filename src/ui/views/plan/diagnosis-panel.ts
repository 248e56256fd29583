/**
 * What to change: runs a diagnosis of the strategy and lists the remedies
 * (one move or a pair) that raise the chance of meeting every goal, best first,
 * each with what it costs the other goals and an Apply button; moves against
 * the playbook are marked with the § and the reason. Then, for every goal not
 * reliably met, the remedies that help it. An emptied or silent group is
 * explained in words.
 *
 * Properties: those of PlanPanel, `result` (PlanResults['diagnosis']).
 * Events: `plan-diagnose` (detail: { runs }); `plan-apply` (detail: Setting[]).
 */
import { html, nothing } from 'lit';
import { SUMMARY } from '../../../model/metrics.ts';
import { describeThreshold } from '../../../model/playbook.ts';
import { leverAt } from '../../../model/planning/levers.ts';
import { settingsOfRemedy, type Remedy } from '../../../model/planning/diagnose.ts';
import { describeGoalMove, describeMoves, describeRemedy } from '../../../model/planning/diagnosis-text.ts';
import { describeBreach } from '../../../model/planning/guardrails.ts';
import type { Threshold } from '../../../model/playbook.ts';
import { bracketed, formatByUnit, formatChance, langOf, pick, typeset } from '../../../i18n/locale.ts';
import { t } from '../../../i18n/messages.ts';
import type { PlanResults } from '../../controllers/planning-controller.ts';
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

  private remedy(r: Remedy, fresh: boolean, focus?: Threshold) {
    const done = this.result!;
    const locale = this.locale;
    // a move under a missed goal that is one of the remedies above is named, not described again
    const text = focus ? describeGoalMove(r, done.result.remedies, done.scenario, locale, focus) : describeRemedy(r, done.scenario, locale);
    return html`<li class="${r.breaches.length ? 'against' : ''} ${r.check && !r.check.confirmed ? 'unconfirmed' : ''}">${text}
      ${fresh ? html`<button class="link apply-move" aria-label=${t(locale, 'applyNamed', { what: describeMoves(r, done.scenario, locale) })}
        @click=${() => this.applySettings(settingsOfRemedy(r))}>${t(locale, 'applyThis')}</button>` : nothing}</li>`;
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
        <p class="numbers">${t(locale, 'diagnosisSummary', { moves: done.result.movesTried, screen: done.result.screenRuns, runs: done.result.runs, pairs: done.result.pairsTried,
          chance: formatChance(locale, done.result.allGoals, done.result.runs) })}</p>
        ${done.result.breaches.length ? html`<p class="outcome against-now">${t(locale, 'strategyAgainstPlaybook')}</p>
          <ul class="moves">${done.result.breaches.map((b) => html`<li>${typeset(locale, `${pick(locale, leverAt(b.path)!.label)}: ${describeBreach(b, langOf(locale))}`)}</li>`)}</ul>` : nothing}
        ${done.result.outcome.map((line) => html`<p class="outcome">${pick(locale, line)}</p>`)}
        <h3 class="remedies-title">${t(locale, 'remediesTitle')}</h3>
        ${done.result.remedies.length && !done.result.remediesRaise ? html`<p class="help no-raise">${t(locale, 'noRemedyCloser')}</p>` : nothing}
        ${done.result.remedies.length
          ? html`<ol class="moves remedies">${done.result.remedies.map((r) => this.remedy(r, fresh))}</ol>`
          : html`<p class="help">${t(locale, 'noRemedy')}</p>`}
        ${done.result.goals.length ? nothing : html`<p class="outcome">${t(locale, 'allReliable')}</p>`}
        ${done.result.goals.map((g) => html`
          <h3 data-goal=${g.threshold.metric}>${pick(locale, SUMMARY[g.threshold.metric])} ${describeThreshold(g.threshold)}${bracketed(locale, g.threshold.source)} —
            ${t(locale, 'metIn', { chance: formatChance(locale, g.metShare, done.result.runs, 'short') })}${this.comma}${t(locale, 'medianIs', { value: formatByUnit(locale, SUMMARY[g.threshold.metric].unit, g.median) })}</h3>
          ${g.moves.length ? html`<ul class="moves">${g.moves.map((m) => this.remedy(m, fresh, g.threshold))}</ul>`
            : html`<p class="help">${t(locale, 'noSingleMove')}</p>`}
        `)}
        <button class="link" @click=${() => this.download(done.result, 'diagnosis', done.scenario)}>${t(locale, 'planJson')}</button>
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
