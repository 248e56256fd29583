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
import { css, html, nothing } from 'lit';
import { SUMMARY } from '../../../model/metrics.ts';
import { describeThreshold } from '../../../model/playbook.ts';
import { leverAt } from '../../../model/planning/levers.ts';
import { settingsOfRemedy, type Remedy } from '../../../model/planning/remedy.ts';
import { describeMoves, DIAGNOSIS_TEXT, indexAmong, REMEDY_COLUMNS, remedyAboveText, remedyCells, type RemedyColumn } from '../../../model/planning/diagnosis-text.ts';
import { describeBreach } from '../../../model/planning/guardrails.ts';
import type { Threshold } from '../../../model/playbook.ts';
import { bracketed, formatByUnit, formatChance, langOf, pick, typeset } from '../../../i18n/locale.ts';
import { t } from '../../../i18n/messages.ts';
import type { PlanResults } from '../../controllers/planning-controller.ts';
import { PlanPanel } from './plan-panel.ts';

export class DiagnosisPanel extends PlanPanel {
  static override styles = [PlanPanel.styles, css`
    :host { container-type: inline-size; }
    table.remedy-table { width: 100%; font-size: 0.8rem; }
    .remedy-table th, .remedy-table td { text-align: left; vertical-align: top; }
    .remedy-table th.col-move { font-weight: 600; }
    .remedy-table td.col-chance { white-space: nowrap; }
    .remedy-table td.col-notes { color: var(--qc-muted); }
    .remedy-table td.against, .remedy-table td.lowers, .remedy-table td.unconfirmed { color: var(--qc-warn-text); }
    .remedy-table td.col-above { color: var(--qc-muted); }
    .remedy-table tr.unconfirmed th, .remedy-table tr.unconfirmed td.col-chance { color: var(--qc-muted); }
    tr.against th.col-move { border-left: 3px solid var(--qc-warn-border); }
    .remedy-table .item + .item { margin-top: 0.15rem; }
    .remedy-table .rank-inline { display: none; }
    ul.goal-above { margin: 0.2rem 0 0.6rem; padding-left: 1.2rem; font-size: 0.85rem; }
    /* a note under a goal, not a section of its own: smaller than the goal's heading */
    h4.unconfirmed-title { font-size: 0.8rem; font-weight: 600; color: var(--qc-muted); margin: 0.5rem 0 0.2rem; }
    p.goal-others-caption { font-size: 0.8rem; font-weight: 600; margin: 0.4rem 0 0.2rem; }
    /* a desktop: short tokens never break (a Chinese header or button would stack one character a line); long text columns wrap */
    .remedy-table thead th, .remedy-table td.col-rank, .remedy-table td.col-apply, .remedy-table .nowrap { white-space: nowrap; }
    .remedy-table thead th.col-chance, .remedy-table thead th.col-move, .remedy-table thead th.col-effects, .remedy-table thead th.col-focus { white-space: normal; }
    .remedy-table .col-move { min-width: 10em; }
    .remedy-table details.move-list summary { cursor: pointer; }
    .remedy-table details.move-list[open] summary { margin-bottom: 0.2rem; }
    .remedy-table .col-chance { min-width: 8em; }
    .remedy-table .col-effects, .remedy-table .col-focus { min-width: 11em; }
    .remedy-table .col-costs, .remedy-table .col-playbook { min-width: 5.5em; }
    .remedy-table .col-notes, .remedy-table .col-check { min-width: 8em; }
    /* a phone: each remedy is a card, each cell under its column's name */
    @container (max-width: 44rem) {
      .remedy-table thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
      .remedy-table, .remedy-table tbody, .remedy-table tr { display: block; width: 100%; box-sizing: border-box; }
      .remedy-table tr { border: 1px solid var(--qc-border); border-radius: 6px; margin: 0 0 0.5rem; padding: 0.3rem 0.5rem; }
      .remedy-table th, .remedy-table td { display: grid; grid-template-columns: 6.5rem minmax(0, 1fr); gap: 0.5rem; border: none; padding: 0.15rem 0; overflow-wrap: anywhere; }
      .remedy-table td.col-rank { display: none; }
      .remedy-table .rank-inline { display: inline; white-space: nowrap; flex: none; }
      .remedy-table th.col-move { display: flex; gap: 0.3rem; font-size: 0.85rem; }
      .remedy-table th.col-move::before { display: none; }
      .remedy-table [data-label]::before { content: attr(data-label); color: var(--qc-muted); font-weight: normal; }
      .remedy-table td.col-above[colspan], .remedy-table td.col-apply { display: block; }
      .remedy-table td.col-apply button { font-size: 0.9rem; padding: 0.3rem 0; }
      .remedy-table td.col-chance { white-space: normal; }
      .remedy-table .col-move, .remedy-table .col-chance, .remedy-table .col-effects, .remedy-table .col-focus, .remedy-table .col-costs,
      .remedy-table .col-playbook, .remedy-table .col-notes, .remedy-table .col-check { min-width: 0; }
    }
  `];

  static override properties = {
    ...PlanPanel.properties,
    result: { attribute: false },
    diagnosisRuns: { state: true },
    applied: { state: true },
  };

  declare result: PlanResults['diagnosis'];
  declare diagnosisRuns: number;
  /** The remedy last applied from this panel (its chance is shown while the results are stale). */
  declare applied: Remedy | null;

  constructor() {
    super();
    this.result = null;
    this.diagnosisRuns = 60;
    this.applied = null;
  }

  /**
   * Remedies as a table a planner can scan: the moves, every goal at once
   * before → after with its interval, the goals it helps, its costs, notes
   * (a busier group is not harm), the playbook and the check on fresh runs,
   * and Apply. Under a missed goal (`focus`), a column for that goal's change;
   * a remedy already in the table above is named by its number instead.
   * On a phone each row reads as a card, each cell under its column's name.
   */
  private remedyTable(list: readonly Remedy[], fresh: boolean, focus?: Threshold, kind = '') {
    const done = this.result!;
    const locale = this.locale;
    const l = langOf(locale);
    // under a missed goal the fresh runs check that goal
    const head = (c: RemedyColumn) => REMEDY_COLUMNS[c === 'check' && focus ? 'checkGoal' : c][l];
    // a header's bracketed part ("（90% 区间）") and a "65% → 100%" stay whole
    const headCell = (c: RemedyColumn) => {
      const [, name, bracket] = /^(.*?)([（(][^（(]*[）)])?$/.exec(head(c))!;
      return bracket ? html`${name}<span class="nowrap">${bracket}</span>` : name;
    };
    const keep = (text: string) => text.replace(/(\d%?) → /g, '$1\u00a0→\u00a0');
    // each cell's content is one block (on a phone the cell is a grid: its column's name, then this)
    const lines = (items: readonly string[]) => html`<div class="v">${items.length ? items.map((x) => html`<div class="item">${keep(x)}</div>`) : '—'}</div>`;
    const one = (content: unknown) => html`<div class="v">${content}</div>`;
    // a playbook strategy's long list ("Follow the playbook (7 changes):" and its moves) folds under its title
    const moves = (items: readonly string[]) => (items.length > 4 && /[:：]$/.test(items[0])
      ? html`<div class="v"><details class="move-list"><summary>${items[0].replace(/[:：]$/, '')}</summary>${items.slice(1).map((x) => html`<div class="item">${keep(x)}</div>`)}</details></div>`
      : lines(items));
    const above = (r: Remedy) => (focus ? indexAmong(r, done.result.remedies) : -1);
    // under a missed goal whose moves are all remedies of the table above, each is named by its number
    const allAbove = focus !== undefined && list.every((r) => above(r) >= 0);
    const columns: RemedyColumn[] = allAbove ? ['move', 'focus', 'above']
      : [...(focus ? [] : ['rank' as const]), 'move', ...(focus ? ['focus' as const] : []), 'chance', 'effects', 'costs', 'notes', 'playbook', 'check'];
    const rest = columns.length - 2;
    return html`<div class="table-wrap"><table class="remedy-table ${focus ? 'goal-moves' : 'remedies'} ${kind}">
      <thead><tr>${columns.map((c) => html`<th scope="col" class=${`col-${c}`}>${headCell(c)}</th>`)}<th scope="col"><span class="visually-hidden">${t(locale, 'applyThis')}</span></th></tr></thead>
      <tbody>${list.map((r, i) => {
        const cells = remedyCells(r, done.scenario, locale, focus);
        const n = above(r);
        const apply = fresh ? html`<button class="link apply-move" aria-label=${t(locale, 'applyNamed', { what: describeMoves(r, done.scenario, locale) })}
          @click=${() => { this.applied = r; this.applySettings(settingsOfRemedy(r)); }}>${t(locale, 'applyThis')}</button>` : nothing;
        return html`<tr class="${r.breaches.length ? 'against' : ''} ${cells.check.state === 'confirmed' ? '' : 'unconfirmed'}">
          ${focus ? nothing : html`<td class="col-rank" data-label=${head('rank')}>${i + 1}</td>`}
          <th scope="row" class="col-move" data-label=${head('move')}>${focus ? nothing : html`<span class="rank-inline">${i + 1}. </span>`}${moves(cells.move)}</th>
          ${focus ? html`<td class="col-focus" data-label=${head('focus')}>${one(cells.focus)}</td>` : nothing}
          ${allAbove ? html`<td class="col-above" data-label=${head('above')}>${one(remedyAboveText(n + 1, locale))}</td>`
            : n >= 0 ? html`<td class="col-above" colspan=${rest}>${t(locale, 'remedyAbove', { n: n + 1 })}</td>` : html`
          <td class="col-chance" data-label=${head('chance')}>${one(html`<strong>${cells.chance[0]}</strong>${cells.lowersChance ? ' ⚠' : ''}<div class="legend">${cells.chance[1]}</div>`)}</td>
          <td class="col-effects" data-label=${head('effects')}>${lines(cells.effects)}</td>
          <td class="col-costs" data-label=${head('costs')}>${lines(cells.costs)}</td>
          <td class="col-notes" data-label=${head('notes')}>${lines(cells.notes)}</td>
          <td class="col-playbook ${cells.playbook.within ? 'within' : 'against'}" data-label=${head('playbook')}>${one(cells.playbook.text)}</td>
          <td class="col-check ${cells.check.state}" data-label=${head('check')}>${one(cells.check.text)}</td>`}
          <td class="col-apply">${apply}</td>
        </tr>`;
      })}</tbody>
    </table></div>`;
  }

  /**
   * Under a missed goal: a remedy of the table above is one line, named by its
   * number with its effect on this goal (not its card again: on a phone the
   * same three cards under every goal made the panel 4,000–7,000 px tall);
   * the others, a table of their own.
   */
  private goalMoves(moves: readonly Remedy[], fresh: boolean, focus: Threshold, kind = '') {
    const done = this.result!;
    const locale = this.locale;
    const above = moves.filter((r) => indexAmong(r, done.result.remedies) >= 0);
    const others = moves.filter((r) => indexAmong(r, done.result.remedies) < 0);
    return html`${above.length ? html`<ul class="goal-above ${kind}">${above.map((r) => html`<li>${remedyAboveText(indexAmong(r, done.result.remedies) + 1, locale)}${
      this.locale === 'zh-CN' ? '：' : ': '}${remedyCells(r, done.scenario, locale, focus).focus}</li>`)}</ul>` : nothing}
      ${others.length ? html`${kind ? nothing : html`<p class="goal-others-caption">${pick(locale, DIAGNOSIS_TEXT.otherGoalMoves)}</p>`}${this.remedyTable(others, fresh, focus, kind)}` : nothing}`;
  }

  /** After Apply: the applied strategy's chance (the remedy's figures), and the diagnosis to run again on it. */
  private appliedChance(r: Remedy) {
    const done = this.result!;
    const cells = remedyCells(r, done.scenario, this.locale);
    return html`<p class="outcome applied-chance">${t(this.locale, 'appliedChance', { chance: cells.chance[0], interval: cells.chance[1] })}
      ${this.runButton('run-again', t(this.locale, 'runDiagnosis'), true, () => this.fire('plan-diagnose', { runs: this.diagnosisRuns }))}</p>`;
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
        ${!fresh && this.justApplied && this.applied ? this.appliedChance(this.applied) : nothing}
        <p class="numbers">${t(locale, 'diagnosisSummary', { moves: done.result.movesTried, first: done.result.firstLookRuns ?? done.result.screenRuns, screen: done.result.screenRuns, runs: done.result.runs, pairs: done.result.pairsTried,
          chance: formatChance(locale, done.result.allGoals, done.result.baselineRuns ?? done.result.runs) })}</p>
        <p class="help own-runs">${t(locale, 'diagnosisOwnRuns', { seed: done.result.seed, runs: done.result.runs, baseline: done.result.baselineRuns ?? done.result.runs, margin: Math.round(164.5 * Math.sqrt(0.25 / done.result.runs)) })}</p>
        ${done.result.breaches.length ? html`<p class="outcome against-now">${t(locale, 'strategyAgainstPlaybook')}</p>
          <ul class="moves">${done.result.breaches.map((b) => html`<li>${typeset(locale, `${pick(locale, leverAt(b.path)!.label)}: ${describeBreach(b, langOf(locale))}`)}</li>`)}</ul>` : nothing}
        ${done.result.outcome.map((line) => html`<p class="outcome">${pick(locale, line)}</p>`)}
        <h3 class="remedies-title">${t(locale, 'remediesTitle')}</h3>
        ${done.result.remedies.length && !done.result.remediesRaise ? html`<p class="help no-raise">${t(locale, 'noRemedyCloser')}</p>` : nothing}
        ${done.result.remedies.length
          ? this.remedyTable(done.result.remedies, fresh)
          : !done.result.goals.length ? html`<p class="outcome nothing-needed">${t(locale, 'nothingNeeded')}</p>`
          : html`<p class="help nothing-reliable">${done.result.unconfirmed?.length || done.result.remediesRaise ? pick(locale, DIAGNOSIS_TEXT.nothingReliable) : t(locale, 'noRemedy')}</p>`}
        ${done.result.unconfirmed?.length ? html`<h4 class="unconfirmed-title">${pick(locale, DIAGNOSIS_TEXT.unconfirmed)}</h4>
          ${this.remedyTable(done.result.unconfirmed, false)}` : nothing}
        ${done.result.goals.length || !done.result.remedies.length ? nothing : html`<p class="outcome">${t(locale, 'allReliable')}</p>`}
        ${done.result.goals.map((g) => html`
          <h3 data-goal=${g.threshold.metric}>${pick(locale, SUMMARY[g.threshold.metric])} ${describeThreshold(g.threshold, locale)}${bracketed(locale, g.threshold.source)}${langOf(locale) === 'zh' ? '——' : ' — '}${t(locale, 'metIn', { chance: formatChance(locale, g.metShare, done.result.baselineRuns ?? done.result.runs, 'short') })}${this.comma}${t(locale, 'medianIs', { value: formatByUnit(locale, SUMMARY[g.threshold.metric].unit, g.median) })}</h3>
          ${g.moves.length ? this.goalMoves(g.moves, fresh, g.threshold)
            : html`<p class="help">${g.unconfirmed?.length ? pick(locale, DIAGNOSIS_TEXT.nothingReliableGoal) : t(locale, 'noSingleMove')}</p>`}
          ${g.unconfirmed?.length ? html`<h4 class="unconfirmed-title goal-unconfirmed-title">${pick(locale, DIAGNOSIS_TEXT.unconfirmedGoal)}</h4>
            ${this.goalMoves(g.unconfirmed, false, g.threshold, 'goal-unconfirmed')}` : nothing}
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
