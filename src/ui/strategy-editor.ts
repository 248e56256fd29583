/**
 * The strategy editor: every lever of the scenario, grouped as the playbook is,
 * each with its label, unit, allowed range, default and source. It edits a draft
 * (plain JSON) and reports it up; the app validates it with the zod schema and
 * passes the problems back down, shown at their fields.
 *
 * Each group is a section that opens and closes (its heading names the
 * playbook section): all open beside the results, all closed where the results
 * stack under the editor (a phone), so the screen is not 6,000 px of fields. A
 * section opens by itself when one of its fields turns invalid or is changed
 * from outside (undo, an applied recommendation); what the user opened or
 * closed is kept while editing.
 *
 * Properties: `locale`, `draft` (Draft), `problems` (Problem[]).
 * Events: `draft-change` (detail: the new Draft; bubbles, crosses shadow roots).
 */
import { LitElement, css, html, nothing, unsafeCSS, type PropertyValues, type TemplateResult } from 'lit';
import { SCHEMA_VERSION, type Draft, type Problem } from '../model/scenario.ts';
import { ALL_FIELDS, FIELD_GROUPS, getAt, rangeOf, schemaOf, setAt, type FieldSpec } from '../model/fields.ts';
import { bracketed, formatNumber, formatPercent, pick, type Locale } from '../i18n/locale.ts';
import { sectionLinkStyles, withSectionLinks } from '../charts/section-links.ts';
import { t } from '../i18n/messages.ts';
import { STACKED } from './layout.ts';

/**
 * A change of the draft touching this many sections or more is a new scenario
 * (a preset, a file, a reset), not an edit to show: the sections stay as they are.
 */
const REPLACEMENT_SECTIONS = 4;

export type { Draft } from '../model/scenario.ts';

export class StrategyEditor extends LitElement {
  static override properties = {
    locale: { type: String },
    draft: { attribute: false },
    problems: { attribute: false },
  };

  declare locale: Locale;
  declare draft: Draft;
  declare problems: readonly Problem[];

  /** Which sections are open, by group id (set on the first render from the screen's width). */
  private readonly open = new Map<string, boolean>();

  constructor() {
    super();
    this.locale = 'en';
    this.draft = { schemaVersion: SCHEMA_VERSION };
    this.problems = [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated) {
      const stacked = typeof matchMedia === 'function' && matchMedia(STACKED).matches;
      for (const group of FIELD_GROUPS) this.open.set(group.id, !stacked);
      return;
    }
    const opening = new Set<string>();
    if (changed.has('draft')) {
      const before = changed.get('draft') as Draft | undefined;
      const touched = FIELD_GROUPS.filter((g) => g.fields.some((f) => JSON.stringify(getAt(before, f.path)) !== JSON.stringify(getAt(this.draft, f.path))));
      if (touched.length < REPLACEMENT_SECTIONS) for (const g of touched) opening.add(g.id);
    }
    if (changed.has('problems')) {
      // only a field newly invalid opens its section: one the user closed with a known problem stays closed
      const before = new Set(((changed.get('problems') as readonly Problem[] | undefined) ?? []).map((p) => p.path));
      const fresh = this.problems.filter((p) => !before.has(p.path));
      for (const g of FIELD_GROUPS) if (g.fields.some((f) => fresh.some((p) => this.at(p, f.path)))) opening.add(g.id);
    }
    for (const id of opening) this.open.set(id, true);
  }

  private onToggle(id: string, event: Event): void {
    const open = (event.target as HTMLDetailsElement).open;
    if (this.open.get(id) === open) return;
    this.open.set(id, open);
    this.requestUpdate();
  }

  private setAll(open: boolean): void {
    for (const group of FIELD_GROUPS) this.open.set(group.id, open);
    this.requestUpdate();
  }

  static override styles = [sectionLinkStyles, css`
    :host { display: block; font-size: 0.9rem; }
    details { border: 1px solid var(--qc-border); border-radius: 6px; margin-bottom: 0.6rem; background: var(--qc-surface); }
    summary { cursor: pointer; padding: 0.5rem 0.75rem; font-weight: 600; list-style-position: inside; }
    summary .section { font-weight: 400; color: var(--qc-muted); font-size: 0.8rem; }
    .sections { display: flex; justify-content: flex-end; margin: -0.2rem 0 0.4rem; }
    /* a field focused or scrolled to stays clear of the lab's result bar at the top of a phone's screen */
    @media ${unsafeCSS(STACKED)} { input, select, button, summary { scroll-margin-top: 8rem; } }
    summary:focus-visible { outline: 2px solid var(--qc-focus); outline-offset: -2px; }
    .badge { display: inline-block; min-width: 1.2rem; margin-left: 0.4rem; padding: 0 0.3rem; border-radius: 999px; background: #cf222e; color: var(--qc-on-dark); font-size: 0.7rem; text-align: center; }
    .fields { padding: 0 0.75rem 0.5rem; }
    .field { padding: 0.45rem 0; border-top: 1px solid var(--qc-rule); }
    .field:first-child { border-top: none; }
    label.name, .name { display: block; font-weight: 500; margin-bottom: 0.2rem; }
    .row { display: flex; align-items: center; gap: 0.5rem; flex-wrap: wrap; }
    input[type='range'] { flex: 1 1 8rem; min-width: 6rem; accent-color: var(--qc-accent); }
    input[type='number'], input[type='text'], select { font: inherit; padding: 0.2rem 0.35rem; border: 1px solid var(--qc-control-border); border-radius: 4px; background: var(--qc-surface); }
    input[type='number'] { width: 6.5rem; }
    input:focus-visible, select:focus-visible, button:focus-visible { outline: 2px solid var(--qc-focus); outline-offset: 1px; }
    .invalid input, .invalid select { border-color: #cf222e; background: #fff5f5; }
    .unit { color: var(--qc-muted); font-size: 0.8rem; }
    .info { color: var(--qc-muted); font-size: 0.75rem; margin-top: 0.15rem; }
    .problem { color: var(--qc-danger); font-size: 0.8rem; margin-top: 0.2rem; }
    .mix input[type='number'] { width: 4.5rem; }
    .rule { display: flex; gap: 0.4rem; align-items: center; flex-wrap: wrap; margin-bottom: 0.3rem; }
    .rule input[type='number'] { width: 4.5rem; }
    button { font: inherit; font-size: 0.8rem; padding: 0.15rem 0.5rem; border: 1px solid var(--qc-control-border); border-radius: 4px; background: var(--qc-subtle); cursor: pointer; }
  `];

  override render() {
    // problems at fields the editor has no control for (a goal set in a file, say) are listed first, not lost
    const elsewhere = this.problems.filter((p) => !ALL_FIELDS.some((f) => this.at(p, f.path)));
    return html`${elsewhere.length ? html`<div class="problem elsewhere" role="alert">${t(this.locale, 'problemsElsewhere')}
      <ul>${elsewhere.map((p) => html`<li><code>${p.path || '—'}</code>: ${pick(this.locale, p)}</li>`)}</ul></div>` : nothing}
    ${this.renderSectionsToggle()}
    ${FIELD_GROUPS.map((group) => {
      const count = group.fields.reduce((n, f) => n + this.problemsAt(f.path).length, 0);
      return html`
        <details ?open=${this.open.get(group.id) ?? true} data-group=${group.id} @toggle=${(e: Event) => this.onToggle(group.id, e)}>
          <summary><span class="title">${pick(this.locale, group.title)}</span> <span class="section">${group.section}</span>${count ? html`<span class="badge" aria-label="${count}">${count}</span>` : nothing}</summary>
          <div class="fields">${group.fields.map((field) => this.renderField(field))}</div>
        </details>`;
    })}`;
  }

  /** One button opens every section, or (all open) closes them. */
  private renderSectionsToggle() {
    const allOpen = FIELD_GROUPS.every((g) => this.open.get(g.id) ?? true);
    return html`<div class="sections"><button class="toggle-sections" @click=${() => this.setAll(!allOpen)}>${t(this.locale, allOpen ? 'editorSectionsClose' : 'editorSections')}</button></div>`;
  }

  private problemsAt(path: string): Problem[] {
    return this.problems.filter((p) => this.at(p, path));
  }

  private at(problem: Problem, path: string): boolean {
    return problem.path === path || problem.path.startsWith(`${path}.`) || problem.path.startsWith(`${path}[`);
  }

  private change(path: string, value: unknown): void {
    this.dispatchEvent(new CustomEvent<Draft>('draft-change', { detail: setAt(this.draft, path, value), bubbles: true, composed: true }));
  }

  private fieldId(path: string): string {
    return `f-${path.replace(/\W/g, '-')}`;
  }

  private renderField(field: FieldSpec): TemplateResult {
    const problems = this.problemsAt(field.path);
    const id = this.fieldId(field.path);
    const describedBy = `${id}-info${problems.length ? ` ${id}-problem` : ''}`;
    const node = schemaOf(field.path);
    const info: string[] = [];
    if (field.kind === 'integer' || field.kind === 'number' || field.kind === 'share') {
      const { min, max } = rangeOf(field.path);
      // a share is typed as a fraction (0.7), as the error messages and files have it
      info.push(t(this.locale, 'allowed', { min: formatNumber(this.locale, min, 2), max: formatNumber(this.locale, max, 2) }));
    }
    if (node.default !== undefined && field.kind !== 'ruleChanges') info.push(t(this.locale, 'defaultValue', { value: this.describeDefault(field, node.default) }));
    // "MODEL §3.6" is the model's documentation (docs/model.md): 模型 in Chinese; playbook sections stay "§n"
    const source = this.locale === 'zh-CN' ? field.source.replace(/^MODEL /, '模型 ') : field.source;
    return html`
      <div class="field ${problems.length ? 'invalid' : ''}">
        ${this.renderControl(field, id, describedBy, problems.length > 0)}
        <div class="info" id="${id}-info">${field.help ? html`${pick(this.locale, field.help)} · ` : nothing}${info.map((part) => `${part} · `)}${t(this.locale, 'source')} ${withSectionLinks(source, { tabbable: false })}</div>
        ${problems.length ? html`<div class="problem" id="${id}-problem" role="alert">${problems.map((p) => pick(this.locale, p)).join('; ')}</div>` : nothing}
      </div>`;
  }

  private describeDefault(field: FieldSpec, value: unknown): string {
    if (field.kind === 'share' && typeof value === 'number') return `${formatNumber(this.locale, value, 2)}${bracketed(this.locale, formatPercent(this.locale, value))}`;
    if (field.kind === 'boolean') return t(this.locale, value ? 'on' : 'off');
    if (field.kind === 'select') {
      const option = field.options?.find((o) => o.value === value);
      return option ? pick(this.locale, option.label) : String(value);
    }
    if (field.kind === 'window' && Array.isArray(value)) return `${value[0]}:00–${value[1]}:00`;
    if (field.kind === 'mix' && field.parts) {
      // a mix's default may be given by its parts' defaults (the whole object's default is then {})
      const shares = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
      return field.parts.map((part) => {
        const share = shares[part.key] ?? schemaOf(`${field.path}.${part.key}`).default;
        return `${pick(this.locale, part.label)} ${typeof share === 'number' ? formatPercent(this.locale, share) : '—'}`;
      }).join(' / ');
    }
    if (Array.isArray(value)) return value.join(', ');
    return String(value);
  }

  private renderControl(field: FieldSpec, id: string, describedBy: string, invalid: boolean): TemplateResult {
    const label = pick(this.locale, field.label);
    const value = getAt(this.draft, field.path) ?? schemaOf(field.path).default;
    const unit = field.unit ? html`<span class="unit">${pick(this.locale, field.unit)}</span>` : nothing;
    const aria = { describedBy, invalid: invalid ? 'true' : 'false' };
    switch (field.kind) {
      case 'select':
        return html`<label class="name" for=${id}>${label}</label>
          <select id=${id} aria-describedby=${aria.describedBy} aria-invalid=${aria.invalid}
            @change=${(e: Event) => this.change(field.path, (e.target as HTMLSelectElement).value)}>
            ${field.options?.map((o) => html`<option value=${o.value} ?selected=${o.value === value}>${pick(this.locale, o.label)}</option>`)}
          </select>`;
      case 'boolean':
        return html`<div class="row"><input type="checkbox" id=${id} .checked=${value === true} aria-describedby=${aria.describedBy}
          @change=${(e: Event) => this.change(field.path, (e.target as HTMLInputElement).checked)} />
          <label class="name" for=${id}>${label}</label></div>`;
      case 'integer':
      case 'number':
      case 'share': {
        const { min, max } = rangeOf(field.path);
        const slider = max - min <= 2000;
        const step = field.step ?? (field.kind === 'integer' ? 1 : 0.1);
        const read = (e: Event) => {
          const input = e.target as HTMLInputElement;
          return input.value.trim() === '' ? input.value : Number(input.value);
        };
        return html`<label class="name" for=${id}>${label}</label>
          <div class="row">
            ${slider ? html`<input type="range" min=${min} max=${max} step=${step} .value=${String(typeof value === 'number' ? value : min)}
              aria-label=${label} aria-describedby=${aria.describedBy} @input=${(e: Event) => this.change(field.path, read(e))} />` : nothing}
            <input type="number" id=${id} step=${field.kind === 'integer' ? 1 : 'any'} .value=${value === undefined ? '' : String(value)}
              aria-describedby=${aria.describedBy} aria-invalid=${aria.invalid} @change=${(e: Event) => this.change(field.path, read(e))} />
            ${field.kind === 'share' && typeof value === 'number' ? html`<span class="unit">${formatPercent(this.locale, value)}</span>` : unit}
          </div>`;
      }
      case 'window': {
        const [from, to] = Array.isArray(value) ? value : [0, 24];
        const hours = Array.from({ length: 25 }, (_, h) => h);
        const set = (index: 0 | 1) => (e: Event) => {
          const next = [from, to];
          next[index] = Number((e.target as HTMLSelectElement).value);
          this.change(field.path, next);
        };
        return html`<span class="name" id=${id}>${label}</span>
          <div class="row" role="group" aria-labelledby=${id} aria-describedby=${aria.describedBy}>
            <label>${t(this.locale, 'from')} <select aria-label="${label} ${t(this.locale, 'from')}" @change=${set(0)}>${hours.map((h) => html`<option value=${h} ?selected=${h === from}>${h}:00</option>`)}</select></label>
            <label>${t(this.locale, 'to')} <select aria-label="${label} ${t(this.locale, 'to')}" @change=${set(1)}>${hours.map((h) => html`<option value=${h} ?selected=${h === to}>${h}:00</option>`)}</select></label>
          </div>`;
      }
      case 'mix': {
        const mix = (value ?? {}) as Record<string, number>;
        const total = Object.values(mix).reduce((a, b) => a + (Number(b) || 0), 0);
        return html`<span class="name" id=${id}>${label}</span>
          <div class="row mix" role="group" aria-labelledby=${id} aria-describedby=${aria.describedBy}>
            ${field.parts?.map((part) => html`<label>${pick(this.locale, part.label)}
              <input type="number" min="0" max="1" step="0.05" .value=${String(mix[part.key] ?? '')}
                @change=${(e: Event) => this.change(field.path, { ...mix, [part.key]: Number((e.target as HTMLInputElement).value) })} /></label>`)}
            <span class="unit">Σ ${formatPercent(this.locale, total)}</span>
          </div>`;
      }
      case 'thresholds': {
        const list = Array.isArray(value) ? value.join(', ') : String(value ?? '');
        return html`<label class="name" for=${id}>${label}</label>
          <input type="text" id=${id} .value=${list} aria-describedby=${aria.describedBy} aria-invalid=${aria.invalid}
            @change=${(e: Event) => {
              const raw = (e.target as HTMLInputElement).value.trim();
              this.change(field.path, raw === '' ? [] : raw.split(/[,，\s]+/).filter(Boolean).map(Number));
            }} />`;
      }
      case 'ruleChanges': {
        const changes = (Array.isArray(value) ? value : []) as { day?: number; noticeDays?: number; vote?: boolean }[];
        const update = (i: number, patch: object) => this.change(field.path, changes.map((c, k) => (k === i ? { ...c, ...patch } : c)));
        const text = (key: 'ruleDay' | 'ruleNotice' | 'ruleVote' | 'ruleAdd' | 'ruleRemove') => t(this.locale, key);
        return html`<span class="name" id=${id}>${label}</span>
          <div role="group" aria-labelledby=${id} aria-describedby=${aria.describedBy}>
            ${changes.map((c, i) => html`<div class="rule">
              <label>${text('ruleDay')} <input type="number" class="rule-day" min="1" .value=${String((c.day ?? 0) + 1)} @change=${(e: Event) => update(i, { day: Number((e.target as HTMLInputElement).value) - 1 })} /></label>
              <label>${text('ruleNotice')} <input type="number" min="0" .value=${String(c.noticeDays ?? 0)} @change=${(e: Event) => update(i, { noticeDays: Number((e.target as HTMLInputElement).value) })} /></label>
              <label><input type="checkbox" .checked=${c.vote === true} @change=${(e: Event) => update(i, { vote: (e.target as HTMLInputElement).checked })} /> ${text('ruleVote')}</label>
              <button @click=${() => this.change(field.path, changes.filter((_, k) => k !== i))}>${text('ruleRemove')}</button>
            </div>`)}
            <button @click=${() => this.change(field.path, [...changes, { day: 14, noticeDays: 3, vote: true }])}>${text('ruleAdd')}</button>
          </div>`;
      }
    }
  }
}

customElements.define('qc-strategy-editor', StrategyEditor);

declare global {
  interface HTMLElementTagNameMap {
    'qc-strategy-editor': StrategyEditor;
  }
}
