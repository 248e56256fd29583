/**
 * Goal seek: the levers to search (at most MAX_SEEK_LEVERS), the objective
 * (highest chance within a budget of team hours, or fewest hours for a
 * chance), and the result: recommended changes, the search's and the fresh
 * runs' figures with the verdict, runners-up, Apply.
 *
 * Properties: those of PlanPanel, `result` (PlanResults['goalSeek']).
 * Events: `plan-seek` (detail: { paths, objective, withinPlaybook }); `plan-apply` (detail: Setting[]).
 */
import { html, nothing } from 'lit';
import type { Scenario } from '../../../model/scenario.ts';
import { leverAt, leversFor, positionOf, type Setting } from '../../../model/planning/levers.ts';
import { WEAK_CHANCE, type GoalSeekResult } from '../../../model/planning/goal-seek.ts';
import type { Objective } from '../../../model/planning/optimize.ts';
import { formatByUnit, formatChance, formatSignedPoints, formatSignedPointsBare, langOf } from '../../../i18n/locale.ts';
import { describeBreach, heldBreaches } from '../../../model/planning/guardrails.ts';
import { changeLines, describeSettings, seekCostsText } from '../../../model/planning/diagnosis-text.ts';
import { t, type MessageKey } from '../../../i18n/messages.ts';
import type { PlanResults } from '../../controllers/planning-controller.ts';
import { heldByPlaybookText } from '../../../i18n/seek-text.ts';

/** Levers a goal seek starts with (when the strategy can vary them). */
// levers the playbook leaves room on (admins and probation are fixed at 3 within it: ticking them would seek nothing)
export const SEEK_DEFAULTS = ['content.postsPerWeek', 'content.promoPerWeek', 'content.window', 'content.windowHours', 'activation.dmPerAdminPerDay', 'team.replyMinutes', 'incentives.teamCompetition'];
export const MAX_SEEK_LEVERS = 8;
import { PlanPanel } from './plan-panel.ts';

export class SeekPanel extends PlanPanel {
  static override properties = {
    ...PlanPanel.properties,
    result: { attribute: false },
    seekPaths: { state: true },
    seekKind: { state: true },
    seekBudget: { state: true },
    seekChance: { state: true },
    withinPlaybook: { state: true },
  };

  declare result: PlanResults['goalSeek'];
  declare seekPaths: string[] | null;
  declare seekKind: Objective['kind'];
  declare seekBudget: number;
  declare seekChance: number;
  declare withinPlaybook: boolean;

  constructor() {
    super();
    this.result = null;
    this.seekPaths = null;
    this.seekKind = 'maxGoals';
    this.seekBudget = 10;
    this.seekChance = 0.5;
    this.withinPlaybook = true;
  }

  override render() {
    const s = this.scenario;
    if (!s) return nothing;
    const locale = this.locale;
    const chosen = this.chosenLevers(s, this.seekPaths, SEEK_DEFAULTS);
    const done = this.result;
    const objective: Objective = this.seekKind === 'maxGoals' ? { kind: 'maxGoals', budget: this.seekBudget } : { kind: 'minCost', minChance: this.seekChance };
    return html`<section class="panel" aria-labelledby="seek-title">
      <h2 id="seek-title">${t(locale, 'plan_goalSeek')}</h2>
      <p class="help">${t(locale, 'seekHelp')}</p>
      <fieldset>
        <legend>${t(locale, 'seekObjective')}</legend>
        <div class="row">
          <label><input type="radio" name="seek-kind" .checked=${this.seekKind === 'maxGoals'} @change=${() => { this.seekKind = 'maxGoals'; }}>
            ${t(locale, 'seekMaxGoals')}</label>
          <span><input type="number" class="seek-budget" min="0" max="1000" step="0.5" aria-label=${t(locale, 'budgetHours')} .value=${String(this.seekBudget)}
            @change=${(e: Event) => { this.seekBudget = this.decimal(e, 0, 1000, 10); }}> ${t(locale, 'hoursPerWeek')}</span>
        </div>
        <div class="row">
          <label><input type="radio" name="seek-kind" .checked=${this.seekKind === 'minCost'} @change=${() => { this.seekKind = 'minCost'; }}>
            ${t(locale, 'seekMinCost')}</label>
          <span><input type="number" class="seek-chance" min="0" max="100" step="5" aria-label=${t(locale, 'minChance')} .value=${String(Math.round(this.seekChance * 100))}
            @change=${(e: Event) => { this.seekChance = this.decimal(e, 0, 100, 50) / 100; }}> %</span>
        </div>
      </fieldset>
      <p class="help">${t(locale, 'seekLevers', { max: MAX_SEEK_LEVERS })}</p>
      ${this.checklist(leversFor(s), chosen.map((l) => l.path), (paths) => { this.seekPaths = paths; }, MAX_SEEK_LEVERS, 'seek', SEEK_DEFAULTS)}
      <div class="row">
        <label><input type="checkbox" class="seek-playbook" .checked=${this.withinPlaybook} @change=${(e: Event) => { this.withinPlaybook = (e.target as HTMLInputElement).checked; }}>
          ${t(locale, 'seekWithinPlaybook')}</label>
      </div>
      <div class="row">
        ${this.runButton('run-seek', t(locale, 'runSeek'), chosen.length > 0, () => this.fire('plan-seek', { paths: chosen.map((l) => l.path), objective, withinPlaybook: this.withinPlaybook }))}
      </div>
      ${done ? this.renderSeekResult(done.result, done.scenario) : nothing}
    </section>`;
  }

  private renderSeekResult(r: GoalSeekResult, scenario: Scenario) {
    const locale = this.locale;
    const hours = (v: number) => formatByUnit(locale, 'hours', v);
    const chance = (a: { chance: number; runs: number }) => formatChance(locale, a.chance, a.runs);
    const changesOf = (settings: readonly Setting[]) => settings.filter(([, v], i) => v !== r.levers[i].current);
    const costsLine = (list: readonly string[], key: MessageKey, cls: string) => (list.length
      ? html`<p class="outcome warn ${cls}">⚠ ${t(locale, key, { cost: list.join(locale === 'zh-CN' ? '；' : '; ') })}</p>` : nothing);
    if (!r.best) {
      // nothing fits the budget: what the cheapest strategy tried is, so the planner can see what the hours go to, and try it
      const cheap = r.cheapest;
      const cheapChanges = cheap ? changesOf(cheap.settings) : [];
      const cheapCosts = cheap && r.cheapestCheck ? seekCostsText(r.cheapestCheck, locale) : [];
      return html`${this.stale(scenario)}<p class="verdict warn seek-none">⚠ ${t(locale, r.withinPlaybook ? 'seekNonePlaybook' : 'seekNone', { share: chance(r.start.assessment), hours: hours(r.start.assessment.medianCost) })}</p>
        ${cheap ? html`<p class="outcome seek-cheapest">${t(locale, r.withinPlaybook ? 'seekCheapestPlaybook' : 'seekCheapest', { hours: hours(cheap.assessment.medianCost), share: chance(cheap.assessment), held: heldByPlaybookText(r, cheap.settings, scenario, locale) })}</p>
          ${cheapChanges.length ? html`<ul class="moves seek-cheapest-changes">${cheapChanges.map(([path, v]) => {
            const lever = leverAt(path)!;
            const i = r.levers.findIndex((l) => l.path === path);
            return html`<li>${this.label(lever)}${this.colon}${this.position(lever, r.levers[i].current)} → <strong>${this.position(lever, v)}</strong></li>`;
          })}</ul>
          ${r.cheapestCheck ? this.checkLine(r.cheapestCheck, 'seek-cheapest-check') : nothing}
          ${costsLine(cheapCosts, 'seekCheapestCosts', 'seek-cheapest-costs')}
          ${this.isCurrent(scenario) ? html`<button class="apply-cheapest" @click=${() => this.applySettings(cheap.settings)}>${t(locale, 'applyCheapest')}</button>` : nothing}` : nothing}` : nothing}`;
    }
    const describe = (settings: readonly Setting[]) => describeSettings(changesOf(settings), scenario, locale).join(locale === 'zh-CN' ? '；' : '; ') || t(locale, 'currentStrategy');
    const changes = changesOf(r.best.settings);
    const picked = r.check;
    // the figures to trust: the runs that picked nothing (results saved before them: the check's)
    const c = r.confirm ?? r.check;
    // what the strategy costs the members: goals met less often, slower answers, more hours, on the fresh runs of the check
    const costs = changes.length && c ? seekCostsText(c, locale) : [];
    // only a gain the fresh runs confirm is shown as good and recommended: otherwise, verdict first — keep the strategy —
    // and the best candidate as a lead, with its costs
    const trusted = c !== null && c.verdict === 'improves';
    const lead = changes.length > 0 && !trusted;
    return html`
      ${this.stale(scenario)}
      ${lead ? html`<h3 class="seek-keep-verdict">${t(locale, 'seekKeepVerdict')}</h3><p class="help seek-lead">${t(locale, 'seekLead')}</p>` : html`<h3>${t(locale, 'seekBest')}</h3>`}
      ${changes.length ? html`<ul class="moves seek-changes">${changeLines(r.levers, changes, scenario, locale).map((line) => html`<li>${line}</li>`)}</ul>`
        : html`<p class="outcome seek-keep">${t(locale, 'seekKeep')}</p>`}
      ${c && c.best.chance < WEAK_CHANCE ? html`<p class="outcome warn seek-weak">⚠ ${t(locale, 'seekWeak', { share: formatChance(locale, c.best.chance, c.runs, 'short') })}</p>` : nothing}
      ${this.heldAgainst(r, scenario)}
      ${costsLine(costs, 'seekCost', 'seek-costs')}
      ${r.best.breaches.length ? html`<ul class="moves seek-against">${r.best.breaches.map((b) => html`<li class="against">⚠ ${this.label(leverAt(b.path)!)}${this.colon}${describeBreach(b, langOf(locale))}</li>`)}</ul>` : nothing}
      <p class="help seek-race">${t(locale, r.separated ? 'seekSeparated' : 'seekNotSeparated', { runs: r.leaderRuns })}</p>
      <p class="numbers">${t(locale, 'seekSearch', { runs: r.best.assessment.runs, from: formatChance(locale, r.start.assessment.chance, r.start.assessment.runs, 'short'), to: formatChance(locale, r.best.assessment.chance, r.best.assessment.runs, 'short'), hoursFrom: hours(r.start.assessment.medianCost), hoursTo: hours(r.best.assessment.medianCost), total: r.evaluations })}
        ${changes.length ? t(locale, 'seekOptimistic') : ''}</p>
      ${c ? html`${this.checkLine(c, 'seek-check')}
      ${picked && r.confirm && r.weighed > 1 ? html`<p class="help seek-picked">${t(locale, 'seekPicked', { n: r.weighed, runs: picked.runs, to: formatChance(locale, picked.best.chance, picked.runs, 'short') })}</p>` : nothing}
      <p class="verdict ${trusted ? 'good' : 'warn'}" data-verdict=${c.verdict}>${trusted ? '' : '⚠ '}${t(locale, `verdict_${c.verdict}` as MessageKey)}</p>` : nothing}
      ${changes.length && this.isCurrent(scenario) ? html`<button class="${trusted ? 'primary' : ''} apply-seek" @click=${() => this.applySettings(r.best!.settings)}>${t(locale, trusted ? 'applySeek' : 'applySeekAnyway')}</button>` : nothing}
      ${r.runnersUp.length ? html`<h3>${t(locale, 'runnersUp')}</h3><p class="help runners-up-note">${t(locale, 'runnersUpNote')}</p><ul class="moves">${[...r.runnersUp].sort((a, b) => b.assessment.runs - a.assessment.runs || b.assessment.chance - a.assessment.chance).map((u) => html`<li>${chance(u.assessment)} · ${hours(u.assessment.medianCost)}${this.colon}${describe(u.settings)}</li>`)}</ul>` : nothing}
      <button class="link" @click=${() => this.download(r, 'goal-seek', scenario)}>${t(locale, 'planJson')}</button>
    `;
  }

  /**
   * The levers held as they are (not searched) that leave the playbook: they may be what caps the result,
   * and a search "within the playbook" does not make them so (e.g. 7 promotions a week held fixed, §4/§5).
   */
  private heldAgainst(r: GoalSeekResult, scenario: Scenario) {
    const held = heldBreaches(r.levers.map((l) => l.path), scenario);
    const locale = this.locale;
    return held.length ? html`<div class="seek-held-against"><p class="outcome warn">⚠ ${t(locale, 'seekHeldAgainst')}</p>
      <ul class="moves">${held.map((b) => html`<li class="against">${this.label(leverAt(b.path)!)}${this.colon}${this.position(leverAt(b.path)!, positionOf(leverAt(b.path)!, scenario))}${langOf(locale) === 'zh' ? '——' : ' — '}${describeBreach(b, langOf(locale))}</li>`)}</ul></div>` : nothing;
  }

  /** The figures on fresh runs: every goal at once, yours → the strategy's, the paired difference, its hours. */
  private checkLine(c: NonNullable<GoalSeekResult['check']>, cls: string) {
    const locale = this.locale;
    return html`<p class="numbers ${cls}">${t(locale, 'seekCheck', {
      runs: c.runs, from: formatChance(locale, c.start.chance, c.runs, 'short'), to: formatChance(locale, c.best.chance, c.runs, 'short'),
      diff: formatSignedPoints(locale, c.chanceDifference.mean), dlo: formatSignedPointsBare(locale, c.chanceDifference.interval[0]), dhi: formatSignedPointsBare(locale, c.chanceDifference.interval[1]),
      hours: formatByUnit(locale, 'hours', c.best.medianCost),
    })}</p>`;
  }


}

customElements.define('qc-plan-seek', SeekPanel);

declare global {
  interface HTMLElementTagNameMap {
    'qc-plan-seek': SeekPanel;
  }
}
