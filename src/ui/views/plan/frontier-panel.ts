/**
 * The trade-off curve: team hours per week against the chance of meeting every
 * goal, over the levers the planner ticks (by default within the playbook).
 * Each point on the curve is a strategy with an Apply button; a table lists the
 * points with their 90 % intervals and the changes they make.
 *
 * Properties: those of PlanPanel, `result` (PlanResults['frontier']), `budget`
 * (team hours a week of the last goal seek's budget, drawn on the chart; null for none).
 * Events: `plan-frontier` (detail: { paths, points, withinPlaybook }); `plan-apply` (detail: Setting[]).
 */
import { html, nothing } from 'lit';
import type { Scenario } from '../../../model/scenario.ts';
import { leversFor } from '../../../model/planning/levers.ts';
import type { FrontierPoint, FrontierResult } from '../../../model/planning/frontier.ts';
import { formatByUnit, formatChance, formatPercent } from '../../../i18n/locale.ts';
import { t } from '../../../i18n/messages.ts';
import { frontierChart, pointMark } from '../../../charts/frontier-chart.ts';
import type { PlanResults } from '../../controllers/planning-controller.ts';
import { describeSettings, slowerAnswersText } from '../../../model/planning/diagnosis-text.ts';
import { PlanPanel } from './plan-panel.ts';
import { MAX_SEEK_LEVERS, SEEK_DEFAULTS } from './seek-panel.ts';

/** Where the chart is laid out for a phone. */
const NARROW = '(max-width: 30rem)';

export class FrontierPanel extends PlanPanel {
  static override properties = {
    ...PlanPanel.properties,
    result: { attribute: false },
    budget: { attribute: false },
    narrow: { state: true },
    paths: { state: true },
    points: { state: true },
    withinPlaybook: { state: true },
  };

  declare result: PlanResults['frontier'];
  declare budget: number | null;
  /** A phone's screen: the chart laid out narrow, its type readable. */
  declare narrow: boolean;
  declare paths: string[] | null;
  declare points: number;
  declare withinPlaybook: boolean;

  constructor() {
    super();
    this.result = null;
    this.budget = null;
    this.narrow = false;
    this.paths = null;
    this.points = 10;
    this.withinPlaybook = true;
  }

  private media: MediaQueryList | null = null;
  private onMedia = () => { this.narrow = this.media?.matches ?? false; };

  override connectedCallback(): void {
    super.connectedCallback();
    this.media = typeof matchMedia === 'function' ? matchMedia(NARROW) : null;
    this.media?.addEventListener('change', this.onMedia);
    this.onMedia();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.media?.removeEventListener('change', this.onMedia);
    this.media = null;
  }

  override render() {
    const s = this.scenario;
    if (!s) return nothing;
    const locale = this.locale;
    const chosen = this.chosenLevers(s, this.paths, SEEK_DEFAULTS);
    return html`<section class="panel" aria-labelledby="frontier-title">
      <h2 id="frontier-title">${t(locale, 'plan_frontier')}</h2>
      <p class="help">${t(locale, 'frontierHelp')}</p>
      ${this.checklist(leversFor(s), chosen.map((l) => l.path), (paths) => { this.paths = paths; }, MAX_SEEK_LEVERS, 'frontier', SEEK_DEFAULTS)}
      <div class="row">
        <label>${t(locale, 'frontierPoints')} <input type="number" class="frontier-points" min="2" max="30" step="1" .value=${String(this.points)}
          @change=${(e: Event) => { this.points = this.whole(e, 2, 30, 10); }}></label>
        <label><input type="checkbox" class="frontier-playbook" .checked=${this.withinPlaybook} @change=${(e: Event) => { this.withinPlaybook = (e.target as HTMLInputElement).checked; }}>
          ${t(locale, 'seekWithinPlaybook')}</label>
        ${this.runButton('run-frontier', t(locale, 'runFrontier'), chosen.length > 0,
          () => this.fire('plan-frontier', { paths: chosen.map((l) => l.path), points: this.points, withinPlaybook: this.withinPlaybook }))}
      </div>
      ${this.result ? this.renderResult(this.result.result, this.result.scenario) : nothing}
    </section>`;
  }

  private renderResult(r: FrontierResult, scenario: Scenario) {
    const locale = this.locale;
    const hours = (v: number) => formatByUnit(locale, 'hours', v);
    const fresh = this.isCurrent(scenario);
    const changes = (p: FrontierPoint) => describeSettings(p.settings.filter(([, v], i) => v !== r.levers[i].current), scenario, locale).join(locale === 'zh-CN' ? '；' : '; ');
    // a point that slows answers says what it costs the members (against the current strategy on the same runs)
    const slower = (p: FrontierPoint) => (p.current || p.answerMinutes == null || r.current.answerMinutes == null ? null
      : slowerAnswersText([r.current.answerMinutes, p.answerMinutes], locale));
    return html`
      ${this.stale(scenario)}
      ${frontierChart(r.points, r.current, { title: t(locale, 'plan_frontier'), x: t(locale, 'hoursPerWeekAxis'), y: t(locale, 'allGoalsShare'), percent: (v) => formatPercent(locale, v),
        budget: this.budget === null ? undefined : t(locale, 'frontierBudget', { hours: hours(this.budget) }) }, { narrow: this.narrow, budget: this.budget ?? undefined })}
      <p class="legend">${t(locale, 'frontierLegend')}</p>
      ${r.withinPlaybook && r.points.length ? html`<p class="help frontier-floor">${t(locale, 'frontierFloor', { hours: hours(r.points[0].hours) })}</p>` : nothing}
      ${r.points.length < r.pointsWanted ? html`<p class="help frontier-short">${this.shortText(r)}</p>` : nothing}
      <table class="frontier-table">
        <thead><tr><th scope="col"><span class="visually-hidden">${t(locale, 'frontierPointNumber')}</span></th><th scope="col" class="hours">${t(locale, 'hoursPerWeekAxis')}</th><th scope="col">${t(locale, 'allGoalsShare')}</th><th scope="col">${t(locale, 'frontierChanges')}</th><th scope="col"><span class="visually-hidden">${t(locale, 'applyThis')}</span></th></tr></thead>
        <tbody>${r.points.map((p, i) => html`<tr class=${p.breaches.length ? 'against' : ''}>
          <td class="mark">${pointMark(i)}</td><td class="hours">${hours(p.hours)}</td><td>${formatChance(locale, p.chance, p.runs)}</td>
          <td>${p.current ? t(locale, 'currentStrategy') : changes(p)}${slower(p) ? html` <span class="legend slower">⚠ ${slower(p)}</span>` : nothing}${p.breaches.length ? html` <span class="legend">⚠ ${t(locale, 'againstPlaybookShort', { sources: p.breaches.map((b) => b.source).join(', ') })}</span>` : nothing}</td>
          <td>${fresh && !p.current ? html`<button class="link apply-point" aria-label=${t(locale, 'applyNamed', { what: changes(p) })}
            @click=${() => this.applySettings(p.settings)}>${t(locale, 'applyThis')}</button>` : nothing}</td></tr>`)}</tbody>
      </table>
      <p class="numbers">${t(locale, 'frontierCurrent', { hours: hours(r.current.hours), share: formatChance(locale, r.current.chance, r.current.runs), total: r.evaluations })}</p>
      <button class="link" @click=${() => this.download(r, 'frontier', scenario)}>${t(locale, 'planJson')}</button>
    `;
  }

  /**
   * Why the curve has fewer points than asked for, true to the data: past its
   * last (dearest) point, more hours buy no higher chance; a curve of one point
   * means no extra hour helps at all.
   */
  private shortText(r: FrontierResult): string {
    const hours = (v: number) => formatByUnit(this.locale, 'hours', v);
    const last = r.points[r.points.length - 1];
    if (!last) return t(this.locale, 'frontierShortNone', { wanted: r.pointsWanted });
    if (r.points.length === 1) return t(this.locale, 'frontierShortOne', { wanted: r.pointsWanted, hours: hours(last.hours) });
    return t(this.locale, 'frontierShort', { n: r.points.length, wanted: r.pointsWanted, hours: hours(last.hours),
      from: formatPercent(this.locale, r.points[0].chance), to: formatPercent(this.locale, last.chance) });
  }
}

customElements.define('qc-plan-frontier', FrontierPanel);

declare global {
  interface HTMLElementTagNameMap {
    'qc-plan-frontier': FrontierPanel;
  }
}
