/**
 * What the four planning panels share: the strategy, the job in progress, the
 * styles, and small helpers (lever labels and settings in the reader's
 * language, run buttons that stay focusable while a job runs, lever
 * checklists, stale-result notes, downloads, events up).
 *
 * Properties: `locale`, `scenario` (the valid strategy), `progress`
 * (PlanProgress | null). Events are each panel's (they bubble and cross shadow roots).
 */
import { LitElement, css, html, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import type { Scenario } from '../../../model/scenario.ts';
import { SUMMARY, type SummaryKey } from '../../../model/metrics.ts';
import { describePosition, leversFor, positionOf, type Lever, type Setting } from '../../../model/planning/levers.ts';
import { bracketed, langOf, pick, type Locale } from '../../../i18n/locale.ts';
import { t } from '../../../i18n/messages.ts';
import { downloadBlob, fileNameFor } from '../../../charts/image-export.ts';
import { experimentFile } from '../../../model/planning/export.ts';
import type { PlanProgress } from '../../controllers/planning-controller.ts';

/** The output "share of runs meeting every goal" beside the goals' KPIs. */
export const ALL_GOALS = 'allGoals';

export abstract class PlanPanel extends LitElement {
  static override properties = {
    locale: { type: String },
    scenario: { attribute: false },
    progress: { attribute: false },
    justApplied: { state: true },
  };

  /** A setting from this panel's result was just applied: the panel says so where the planner is looking. */
  declare justApplied: boolean;

  declare locale: Locale;
  declare scenario: Scenario | null;
  declare progress: PlanProgress | null;

  constructor() {
    super();
    this.locale = 'en';
    this.scenario = null;
    this.progress = null;
    this.justApplied = false;
  }

  static override styles: CSSResultGroup = css`
    :host { display: block; }
    :host { display: block; min-width: 0; }
    @media print { button, .checklist, .row:has(input), fieldset { display: none; } .panel { break-inside: avoid; } }
    .panel { background: var(--qc-surface); border: 1px solid var(--qc-border); border-radius: 8px; padding: 0.75rem 1rem; min-width: 0; }
    h2 { font-size: 1rem; margin: 0 0 0.4rem; }
    h3 { font-size: 0.9rem; margin: 0.75rem 0 0.3rem; }
    p.help { font-size: 0.8rem; color: var(--qc-text); margin: 0 0 0.5rem; }
    label { font-size: 0.85rem; }
    .row { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem 0.75rem; margin: 0.35rem 0; }
    input[type='number'] { width: 5rem; font: inherit; font-size: 0.85rem; }
    select { font: inherit; font-size: 0.85rem; max-width: 100%; }
    /* a label holding a select wraps on a phone instead of pushing the page sideways */
    @media (max-width: 600px) { .row > label { max-width: 100%; min-width: 0; } .row > label > select { display: block; width: 100%; margin-top: 0.15rem; } }
    button { font: inherit; font-size: 0.85rem; padding: 0.25rem 0.7rem; border-radius: 4px; border: 1px solid var(--qc-accent); background: var(--qc-surface); color: var(--qc-brand); cursor: pointer; }
    button.primary { background: var(--qc-accent); color: var(--qc-on-dark); }
    button.cancel { border-color: var(--qc-danger); color: var(--qc-danger); }
    button:disabled { opacity: 0.5; cursor: not-allowed; }
    button:focus-visible, input:focus-visible, select:focus-visible { outline: 2px solid var(--qc-focus); outline-offset: 2px; }
    .link { border: none; background: none; color: #0969da; padding: 0; font-size: 0.8rem; }
    progress { flex: 1 1 10rem; height: 0.6rem; accent-color: var(--qc-accent); }
    .status { font-size: 0.8rem; color: var(--qc-muted); font-variant-numeric: tabular-nums; }
    .stale { font-size: 0.8rem; color: var(--qc-warn-text); background: var(--qc-warn-bg); padding: 0.2rem 0.5rem; border-radius: 4px; }
    ul.moves { margin: 0.2rem 0 0.5rem; padding-left: 1.1rem; font-size: 0.85rem; }
    ul.moves li, ol.moves li { margin: 0.2rem 0; }
    ol.moves { margin: 0.2rem 0 0.5rem; padding-left: 1.3rem; font-size: 0.85rem; }
    li.against { border-left: 3px solid var(--qc-warn-border); padding-left: 0.4rem; }
    tr.against td { background: #fff8e6; }
    li.unconfirmed { color: var(--qc-muted); }
    .frontier-chart { width: 100%; max-width: 32rem; height: auto; display: block; }
    .frontier-table td:nth-child(4) { text-align: left; }
    /* hours stay on one line (a phone in Chinese broke "6.2 小时" into two-character lines); the point's number ties the row to the chart */
    .frontier-table .hours { white-space: nowrap; }
    .frontier-table td.mark { color: var(--qc-brand); font-weight: 600; padding-right: 0.2rem; }
    /* a phone's narrow table must not squeeze the Apply button to a character a line (应/用) */
    .frontier-table button.apply-point { white-space: nowrap; }
    /* a phone: each point is a card — number, hours, chance and Apply on one line, its changes on the full width below
       (a fourth column of four characters stacked the changes 25 lines high) */
    @media (max-width: 40rem) {
      .frontier-table, .frontier-table tbody { display: block; }
      .frontier-table thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
      .frontier-table tr { display: grid; grid-template-columns: auto auto 1fr auto; gap: 0.15rem 0.5rem; align-items: baseline; border-bottom: 1px solid var(--qc-border); padding: 0.3rem 0; }
      .frontier-table td { padding: 0; border: none; }
      .frontier-table td:nth-child(4) { grid-column: 1 / -1; grid-row: 2; }
    }
    .outcome { font-size: 0.85rem; margin: 0.2rem 0; }
    .checklist { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 0.1rem 0.75rem; max-height: 12rem; overflow: auto; border: 1px solid var(--qc-rule); padding: 0.3rem; font-size: 0.8rem; }
    table { border-collapse: collapse; font-size: 0.8rem; font-variant-numeric: tabular-nums; }
    th, td { padding: 0.2rem 0.4rem; text-align: right; border-bottom: 1px solid var(--qc-rule); }
    th:first-child, td:first-child { text-align: left; }
    .heat td { text-align: center; min-width: 3rem; }
    .bars { display: grid; grid-template-columns: minmax(8rem, 14rem) 1fr; gap: 0.2rem 0.5rem; align-items: center; font-size: 0.8rem; }
    .bar { height: 0.8rem; border-radius: 2px; }
    .bar-wrap { display: flex; align-items: center; gap: 0.4rem; }
    .stack { position: relative; flex: 0 0 45%; height: 0.8rem; }
    .stack .bar { position: absolute; left: 0; top: 0; }
    .total { background: #a8d5c2; }
    .first { background: var(--qc-accent); }
    .up { background: var(--qc-accent); }
    .down { background: #d1495b; }
    .mixed { background: #8e9aa6; }
    .legend { font-size: 0.75rem; color: var(--qc-muted); }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    .heat-caption { caption-side: top; text-align: left; }
    .verdict { font-size: 0.85rem; padding: 0.2rem 0.5rem; border-radius: 4px; }
    .verdict.good { background: var(--qc-ok-bg); color: var(--qc-ok-text); }
    .verdict.warn { background: var(--qc-warn-bg); color: var(--qc-warn-text); }
    button[aria-disabled='true'] { opacity: 0.5; cursor: not-allowed; }
    .row > span { font-size: 0.85rem; }
    fieldset { border: none; padding: 0; margin: 0 0 0.4rem; }
    fieldset legend { font-size: 0.85rem; font-weight: 600; padding: 0; }
    .numbers { font-size: 0.85rem; }
    .table-wrap { overflow-x: auto; }
  `;

  protected isCurrent(scenario: Scenario): boolean {
    return JSON.stringify(scenario) === JSON.stringify(this.scenario);
  }

  protected stale(scenario: Scenario): TemplateResult | typeof nothing {
    if (this.isCurrent(scenario)) return nothing;
    return this.justApplied
      ? html`<p class="stale applied" tabindex="-1" role="status">${t(this.locale, 'appliedHere')}</p>`
      : html`<p class="stale">${t(this.locale, 'planStale')}</p>`;
  }

  /** Apply settings from this panel's result; the confirmation appears in the panel and takes the focus (keyboard users keep their place). */
  protected applySettings(settings: readonly Setting[]): void {
    this.fire('plan-apply', settings);
    this.justApplied = true;
    this.focusApplied = true;
  }

  /** The confirmation takes the focus once it shows (after the shell has passed the changed strategy down). */
  private focusApplied = false;

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const note = this.focusApplied ? this.renderRoot.querySelector<HTMLElement>('.stale.applied') : null;
    if (note) {
      note.focus();
      this.focusApplied = false;
    }
  }

  protected override willUpdate(changed: PropertyValues): void {
    // a new result (or none) is no longer the one a setting was applied from
    if (changed.has('result' as keyof this)) this.justApplied = false;
  }

  /** ", " or "，", ": " or "：" by language. */
  protected get comma(): string {
    return this.locale === 'zh-CN' ? '，' : ', ';
  }

  protected get colon(): string {
    return this.locale === 'zh-CN' ? '：' : ': ';
  }

  /** A run button: stays focusable while a job runs (aria-disabled), so Enter does not drop the focus. */
  protected runButton(className: string, label: string, enabled: boolean, start: () => void) {
    const blocked = this.progress !== null || !enabled;
    return html`<button class="primary ${className}" aria-disabled=${blocked ? 'true' : 'false'} @click=${() => { if (!blocked) start(); }}>${label}</button>`;
  }

  protected label(lever: Lever): string {
    return pick(this.locale, lever.label);
  }

  protected position(lever: Lever, position: number): string {
    return describePosition(lever, position, this.scenario!, langOf(this.locale));
  }

  protected outputOptions(goals: readonly { metric: SummaryKey }[], value: string, onChange: (v: string) => void, className: string) {
    const locale = this.locale;
    return html`<label>${t(locale, 'show')} <select class=${className} @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}>
      <option value=${ALL_GOALS} ?selected=${value === ALL_GOALS}>${t(locale, 'allGoalsShare')}</option>
      ${[...new Set(goals.map((g) => g.metric))].map((m) => html`<option value=${m} ?selected=${value === m}>${pick(locale, SUMMARY[m])}</option>`)}
    </select></label>`;
  }

  /** The levers ticked (`paths`), or else those of `defaults` the strategy can vary, in that order. */
  protected chosenLevers(scenario: Scenario, paths: readonly string[] | null, defaults: readonly string[]): Lever[] {
    const available = leversFor(scenario);
    return (paths ?? defaults).map((p) => available.find((l) => l.path === p)).filter((l): l is Lever => !!l);
  }

  /** Checkboxes for levers; `first` (a fixed list, so ticking never reorders) are listed at the top. */
  protected checklist(levers: readonly Lever[], chosen: readonly string[], onChange: (paths: string[]) => void, max: number, name: string, first: readonly string[] = []) {
    return html`<div class="checklist" role="group" aria-label=${t(this.locale, 'leversToVary')}>
      ${[...levers].sort((a, b) => Number(first.includes(b.path)) - Number(first.includes(a.path))).map((l) => html`<label><input type="checkbox" name=${name} value=${l.path} .checked=${chosen.includes(l.path)}
        ?disabled=${!chosen.includes(l.path) && chosen.length >= max}
        @change=${(e: Event) => onChange((e.target as HTMLInputElement).checked ? [...chosen, l.path] : chosen.filter((p) => p !== l.path))}>
        ${this.label(l)}<span class="legend">${bracketed(this.locale, this.position(l, positionOf(l, this.scenario!)))}</span></label>`)}
    </div>`;
  }

  protected whole(e: Event, min: number, max: number, fallback: number): number {
    const v = Math.round(Number((e.target as HTMLInputElement).value));
    return Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : fallback;
  }

  protected decimal(e: Event, min: number, max: number, fallback: number): number {
    const v = Number((e.target as HTMLInputElement).value);
    return Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : fallback;
  }

  /** A planning result as a file that can be re-run: with the scenario it was computed for and the app version. */
  protected download(result: object, kind: string, scenario: Scenario | null = this.scenario): void {
    const file = scenario ? experimentFile(result, scenario) : result;
    downloadBlob(fileNameFor(`${scenario?.name ?? 'scenario'}-${kind}`, 'json'), new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }));
  }

  protected fire(name: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}
