/** One record per lever: the field records in fields.ts are the single source of levers, practical ranges and playbook advice. */
import { describe, expect, it } from 'vitest';
import { ALL_FIELDS, LEVER_RECORDS, NOT_LEVERS, isNotLever, schemaOf, sourceOf, unitOf } from '../../src/model/fields.ts';
import { scenarioJsonSchema } from '../../src/model/scenario.ts';
import { GUARDRAILS } from '../../src/model/planning/guardrails.ts';
import { LEVERS, PRACTICAL_RANGES, isNumeric, leverAt, schemaRangeOf } from '../../src/model/planning/levers.ts';

interface Node {
  type?: string | string[];
  properties?: Record<string, Node>;
  items?: Node;
  prefixItems?: Node[];
  anyOf?: Node[];
}

const isNumber = (node: Node | undefined) => node?.type === 'number' || node?.type === 'integer';

/** Every numeric field of the scenario schema by its dotted path (a list or a window of numbers is one field; list items of objects are `list.field`). */
function numericPaths(node: Node, path: string): string[] {
  if (node.properties) return Object.entries(node.properties).flatMap(([key, child]) => numericPaths(child, path ? `${path}.${key}` : key));
  if (node.anyOf) return node.anyOf.flatMap((child) => numericPaths(child, path));
  if (isNumber(node) || isNumber(node.items) || node.prefixItems?.some(isNumber)) return [path];
  if (node.items) return numericPaths(node.items, path);
  return [];
}

describe('levers', () => {
  const paths = numericPaths(scenarioJsonSchema() as Node, '');

  it('finds the numeric fields of the schema (a sanity check of the walk)', () => {
    expect(paths).toEqual(expect.arrayContaining(['seed', 'content.postsPerWeek', 'content.window', 'ruleChanges.noticeDays', 'goals.coreActive.target', 'population.mix.core']));
    expect(paths.some((p) => p.startsWith('parameters.'))).toBe(true);
  });

  it('every numeric scenario field is a lever or is listed as not one, never both', () => {
    const neither = paths.filter((path) => !leverAt(path) && !isNotLever(path));
    const both = paths.filter((path) => leverAt(path) && isNotLever(path));
    expect(neither).toEqual([]);
    expect(both).toEqual([]);
    for (const path of paths) if (leverAt(path)) expect(isNumeric(leverAt(path)!)).toBe(true);
    // every entry of the list is needed: each names at least one field of the schema
    for (const key of Object.keys(NOT_LEVERS)) expect(paths.some((path) => path === key || path.startsWith(`${key}.`)) || ALL_FIELDS.some((f) => f.path === key)).toBe(true);
  });

  it('a numeric lever is exactly a field with a practical range, inside the schema’s range', () => {
    const numeric = LEVERS.filter(isNumeric).map((l) => l.path);
    expect(numeric).toEqual(LEVER_RECORDS.filter((f) => f.practical).map((f) => f.path));
    for (const field of LEVER_RECORDS.filter((f) => f.practical)) {
      const schema = schemaRangeOf(field.path);
      expect(PRACTICAL_RANGES[field.path]).toBe(field.practical);
      expect(field.practical![0]).toBeGreaterThanOrEqual(schema.min);
      expect(field.practical![1]).toBeLessThanOrEqual(schema.max);
    }
  });

  it('the guardrails are the field records’ playbook advice, one per lever', () => {
    expect(GUARDRAILS.map((g) => g.path)).toEqual(LEVER_RECORDS.filter((f) => f.playbook).map((f) => f.path));
    for (const rail of GUARDRAILS) {
      expect(leverAt(rail.path)).toBeDefined();
      expect(rail.reason.en && rail.reason.zh).toBeTruthy();
    }
    expect(GUARDRAILS).toHaveLength(25);
  });

  it('the posting window’s length is a lever with a record of its own, inside the window’s, and no editor field', () => {
    const window = ALL_FIELDS.find((f) => f.path === 'content.window')!;
    expect(LEVER_RECORDS.filter((f) => !ALL_FIELDS.includes(f))).toEqual([window.length]);
    expect(window.length).toMatchObject({ path: 'content.windowHours', practical: [1, 4], source: '§5', unit: { en: 'hours', zh: '小时' } });
    expect(leverAt('content.windowHours')).toMatchObject({ kind: 'integer', min: 1, max: 4, step: 1, source: '§5' });
    // the playbook's own window, 19:00–21:00, is 2 hours long; the guardrail on the window judges its two ends
    expect(GUARDRAILS.find((g) => g.path === 'content.windowHours')).toMatchObject({ min: 1, max: 2, advice: 2, source: '§5' });
    expect(GUARDRAILS.find((g) => g.path === 'content.windowHours')!.reason).toEqual(window.playbook!.reason);
  });

  it('takes each field’s source from the schema, which states it once', () => {
    expect(sourceOf('content.window')).toBe('§5');
    expect(sourceOf('penalties.enabled')).toBe('§3, §4');
    expect(sourceOf('horizonDays')).toBe('MODEL §1');
    for (const field of ALL_FIELDS) expect(field.source).toBe(schemaOf(field.path).source);
  });

  it('takes each unit from the schema, in both languages', () => {
    expect(unitOf('content.postsPerWeek')).toEqual({ en: 'posts', zh: '篇' });
    expect(unitOf('content.promoPerWeek')).toEqual({ en: 'posts', zh: '条' });
    expect(unitOf('team.admins')).toEqual({ en: 'people', zh: '人' });
    expect(unitOf('penalties.strikesToRemove')).toBeUndefined();
    expect(unitOf('admission.relevanceCutoff')).toBeUndefined();
    expect(ALL_FIELDS.find((f) => f.path === 'horizonDays')!.unit).toEqual({ en: 'days', zh: '天' });
  });
});
