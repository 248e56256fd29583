/** The strategy editor: fields from the schema, validation at the field, both languages. */
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import '../../src/ui/strategy-editor.ts';
import type { Draft, StrategyEditor } from '../../src/ui/strategy-editor.ts';
import { ALL_FIELDS, FIELD_GROUPS, rangeOf, schemaOf, setAt } from '../../src/model/fields.ts';
import { parseScenario } from '../../src/model/scenario.ts';
import { scenarioFile } from '../scenarios.ts';

afterEach(() => document.body.replaceChildren());

/** Mounts the editor and wires it as the app does: validate each draft, pass problems back. */
async function mountEditor(locale: 'en' | 'zh-CN' = 'en'): Promise<StrategyEditor> {
  const editor = document.createElement('qc-strategy-editor');
  editor.locale = locale;
  editor.draft = scenarioFile('knowledge-sharing') as Draft;
  editor.addEventListener('draft-change', (event) => {
    const draft = (event as CustomEvent<Draft>).detail;
    const parsed = parseScenario(draft);
    editor.draft = draft;
    editor.problems = parsed.ok ? [] : parsed.problems;
  });
  document.body.append(editor);
  await editor.updateComplete;
  return editor;
}

function typeInto(editor: StrategyEditor, id: string, value: string) {
  const input = editor.shadowRoot!.getElementById(id) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('qc-strategy-editor', () => {
  it('counts rule-change days from 1 while the file keeps its 0-based day', async () => {
    const editor = await mountEditor();
    (editor.shadowRoot!.querySelector('.rule') ? null : [...editor.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Add a rule change'))?.click();
    await editor.updateComplete;
    const day = editor.shadowRoot!.querySelector<HTMLInputElement>('input.rule-day')!;
    expect(day.value).toBe(String((editor.draft.ruleChanges as { day: number }[])[0].day + 1));
    day.value = '15';
    day.dispatchEvent(new Event('change', { bubbles: true }));
    await editor.updateComplete;
    expect((editor.draft.ruleChanges as { day: number }[])[0].day).toBe(14);
  });

  it('shows every lever, grouped as the playbook is', async () => {
    const editor = await mountEditor();
    const groups = [...editor.shadowRoot!.querySelectorAll('summary .title')].map((s) => s.textContent!.trim());
    expect(groups).toEqual(['Positioning and goals', 'Creation and invitations', 'Admission', 'Rules, incentives and penalties', 'Content and activity', 'Team and automation']);
    expect(editor.shadowRoot!.querySelectorAll('.field')).toHaveLength(ALL_FIELDS.length);
    for (const field of ALL_FIELDS) expect(() => schemaOf(field.path), field.path).not.toThrow();
  });

  it('gives each numeric field the schema range, default and source', async () => {
    const editor = await mountEditor();
    expect(rangeOf('horizonDays')).toEqual({ min: 1, max: 365 });
    const info = editor.shadowRoot!.getElementById('f-horizonDays-info')!.textContent!;
    expect(info).toMatch(/allowed 1–365/);
    expect(info).toMatch(/default 30/);
    expect(info).toMatch(/Source MODEL §1/);
    const slider = editor.shadowRoot!.querySelector('input[type=range][aria-label="Days simulated"]') as HTMLInputElement;
    expect([slider.min, slider.max]).toEqual(['1', '365']);
  });

  it('marks an out-of-range value at its field with the reason', async () => {
    const editor = await mountEditor();
    typeInto(editor, 'f-horizonDays', '9999');
    await editor.updateComplete;
    const input = editor.shadowRoot!.getElementById('f-horizonDays')!;
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(editor.shadowRoot!.getElementById('f-horizonDays-problem')!.textContent).toBe('must be a whole number from 1 to 365 days');
    expect(input.getAttribute('aria-describedby')).toContain('f-horizonDays-problem');
    expect(editor.shadowRoot!.querySelector('.badge')!.textContent).toBe('1');
  });

  it('lists problems at fields it has no control for, instead of hiding them', async () => {
    const editor = await mountEditor();
    // a goal from a file, kept while the positioning changes to one without that goal
    editor.draft = { ...(scenarioFile('knowledge-sharing') as Draft), goals: { valuablePostsPerWeek: 4 } };
    typeInto(editor, 'f-group-positioning', 'customer_service');
    await editor.updateComplete;
    const listed = editor.shadowRoot!.querySelector('.elsewhere');
    expect(listed?.textContent).toMatch(/goals\.valuablePostsPerWeek.*has no goal in a customer_service group/s);
    typeInto(editor, 'f-group-positioning', 'knowledge_sharing');
    await editor.updateComplete;
    expect(editor.shadowRoot!.querySelector('.elsewhere')).toBeNull();
  });

  it('explains a content mix that does not sum to 1, in Chinese too', async () => {
    const editor = await mountEditor('zh-CN');
    const inputs = editor.shadowRoot!.querySelectorAll('.field .mix input') as NodeListOf<HTMLInputElement>;
    // the second mix on the page is the content mix; the first is the population mix
    const news = inputs[3];
    news.value = '0.6';
    news.dispatchEvent(new Event('change', { bubbles: true }));
    await editor.updateComplete;
    const problem = editor.shadowRoot!.getElementById('f-content-mix-problem')!;
    expect(problem.textContent).toBe('各项占比之和必须为 1（现为 1.3）');
  });

  it('refuses an enterprise-only tool on a personal account, and clears when fixed', async () => {
    const editor = await mountEditor();
    const checkbox = editor.shadowRoot!.getElementById('f-automation-autoReply') as HTMLInputElement;
    checkbox.checked = true;
    checkbox.dispatchEvent(new Event('change', { bubbles: true }));
    await editor.updateComplete;
    expect(editor.shadowRoot!.getElementById('f-automation-autoReply-problem')!.textContent).toMatch(/needs group.platform "enterprise"/);
    const platform = editor.shadowRoot!.getElementById('f-group-platform') as HTMLSelectElement;
    platform.value = 'enterprise';
    platform.dispatchEvent(new Event('change', { bubbles: true }));
    await editor.updateComplete;
    expect(editor.shadowRoot!.querySelector('.problem')).toBeNull();
  });

  it('edits the posting window with two hour pickers', async () => {
    const editor = await mountEditor();
    const [from, to] = editor.shadowRoot!.querySelectorAll('select[aria-label^="Posting window"]') as NodeListOf<HTMLSelectElement>;
    from.value = '14';
    from.dispatchEvent(new Event('change', { bubbles: true }));
    await editor.updateComplete;
    to.value = '15';
    to.dispatchEvent(new Event('change', { bubbles: true }));
    await editor.updateComplete;
    expect((editor.draft.content as { window: number[] }).window).toEqual([14, 15]);
    expect(editor.problems).toEqual([]);
  });
});

describe('qc-strategy-editor sections', () => {
  /** Which sections are open, by group id. */
  const openSections = (editor: StrategyEditor) => [...editor.shadowRoot!.querySelectorAll('details')].filter((d) => d.open).map((d) => d.dataset.group);

  async function closeAll(editor: StrategyEditor): Promise<void> {
    const toggle = () => editor.shadowRoot!.querySelector<HTMLButtonElement>('button.toggle-sections')!;
    if (toggle().textContent!.trim() !== 'Close every section') { toggle().click(); await editor.updateComplete; }
    toggle().click();
    await editor.updateComplete;
    expect(openSections(editor)).toEqual([]);
    expect(toggle().textContent!.trim()).toBe('Open every section');
  }

  it('names each section and the playbook § it follows, in both languages', async () => {
    const editor = await mountEditor('zh-CN');
    const summaries = [...editor.shadowRoot!.querySelectorAll('summary')];
    expect(summaries.map((s) => s.querySelector('.section')!.textContent)).toEqual(['§1', '§2', '§3', '§4', '§5', '§3–§6']);
    expect(summaries[2].querySelector('.title')!.textContent).toBe('准入');
    expect(FIELD_GROUPS.map((g) => g.section)).toEqual(['§1', '§2', '§3', '§4', '§5', '§3–§6']);
  });

  it('starts with every section open beside the results, and closed on a phone', async () => {
    await page.viewport(1280, 900);
    expect(openSections(await mountEditor())).toHaveLength(FIELD_GROUPS.length);
    document.body.replaceChildren();
    await page.viewport(390, 844);
    expect(openSections(await mountEditor())).toEqual([]);
  });

  it('opens the section of a field that turns invalid', async () => {
    const editor = await mountEditor();
    await closeAll(editor);
    typeInto(editor, 'f-horizonDays', '9999');
    await editor.updateComplete;
    expect(openSections(editor)).toEqual(['positioning']);
    // closed again by the user, it stays closed while the same problem stands
    editor.shadowRoot!.querySelector<HTMLElement>('details[data-group="positioning"] summary')!.click();
    await editor.updateComplete;
    typeInto(editor, 'f-content-promoPerWeek', '2');
    await editor.updateComplete;
    expect(openSections(editor)).toEqual(['content']);
  });

  it('opens the section of a field changed from outside (undo, a recommendation), not for a whole new scenario', async () => {
    const editor = await mountEditor();
    await closeAll(editor);
    editor.draft = setAt(editor.draft, 'admission.probationDays', 1);
    await editor.updateComplete;
    expect(openSections(editor)).toEqual(['admission']);
    await closeAll(editor);
    editor.draft = scenarioFile('no-operations') as Draft;
    await editor.updateComplete;
    expect(openSections(editor)).toEqual([]);
  });

  it('keeps what the user opened and closed while editing', async () => {
    const editor = await mountEditor();
    await closeAll(editor);
    editor.shadowRoot!.querySelector<HTMLElement>('details[data-group="team"] summary')!.click();
    await editor.updateComplete;
    typeInto(editor, 'f-activation-silentDays', '20');
    await editor.updateComplete;
    typeInto(editor, 'f-team-admins', '4');
    await editor.updateComplete;
    expect(openSections(editor)).toEqual(['team']);
    expect((editor.draft.activation as { silentDays: number }).silentDays).toBe(20);
  });
});
