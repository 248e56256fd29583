import { describe, expect, it } from 'vitest';
import { getAt, setAt } from '../../src/model/fields.ts';
import type { Draft } from '../../src/model/scenario.ts';
import { isEdited, originsOf, PRESET_FILES, PRESETS, shownName } from '../../src/ui/presets.ts';

describe('a preset or library entry, edited, is named as edited', () => {
  const preset = PRESETS['knowledge-sharing'].file as unknown as Draft;

  it('marks an edited preset until it is saved under a new name', () => {
    expect(isEdited(preset, PRESET_FILES)).toBe(false);
    // a copy (another object, another key order) of the preset is not an edit
    expect(isEdited(JSON.parse(JSON.stringify(preset)) as Draft, PRESET_FILES)).toBe(false);
    const edited = setAt(preset, 'content.promoPerWeek', 7);
    expect(isEdited(edited, PRESET_FILES)).toBe(true);
    expect(shownName('Knowledge sharing — the playbook followed', true, 'en')).toBe('Knowledge sharing — the playbook followed (edited)');
    expect(shownName('知识分享型——按手册运营', true, 'zh')).toBe('知识分享型——按手册运营（已修改）');
    expect(shownName('Knowledge sharing — the playbook followed', false, 'en')).toBe('Knowledge sharing — the playbook followed');
    // edited back: the preset again
    expect(isEdited(setAt(edited, 'content.promoPerWeek', getAt(preset, 'content.promoPerWeek')), PRESET_FILES)).toBe(false);
    // saved under a new name: its own scenario, named as the planner chose
    const renamed = { ...edited, name: 'Evening plan' } as Draft;
    expect(isEdited(renamed, PRESET_FILES)).toBe(false);
  });

  it('marks unsaved edits of a library entry; a preset\'s name stays marked even when an entry kept it', () => {
    const entry = { id: 'e1', draft: { ...setAt(preset, 'content.promoPerWeek', 7), name: 'Evening plan' } as Draft };
    const origins = originsOf([entry], 'e1');
    expect(isEdited(entry.draft, origins)).toBe(false);
    expect(isEdited(setAt(entry.draft, 'team.admins', 2), origins)).toBe(true);
    expect(isEdited(setAt(entry.draft, 'team.admins', 2), originsOf([entry], null))).toBe(false);
    const kept = { id: 'e2', draft: setAt(preset, 'content.promoPerWeek', 7) };
    expect(isEdited(kept.draft, originsOf([kept], 'e2'))).toBe(true);
  });
});
