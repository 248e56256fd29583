/** Positioning presets: the reference scenarios shipped in scenarios/. */
import { parseScenario } from '../model/scenario.ts';
import { leverDifferences } from '../model/compare.ts';
import knowledgeSharing from '../../scenarios/knowledge-sharing.json';
import resourceMatching from '../../scenarios/resource-matching.json';
import customerService from '../../scenarios/customer-service.json';
import noOperations from '../../scenarios/no-operations.json';
import overMarketing from '../../scenarios/over-marketing.json';

export const PRESETS = {
  'knowledge-sharing': { file: knowledgeSharing, title: { en: 'Knowledge sharing (playbook followed)', zh: '知识分享型 (按手册运营)' } },
  'resource-matching': { file: resourceMatching, title: { en: 'Resource matching (big WeCom group)', zh: '资源对接型 (企业微信大群)' } },
  'customer-service': { file: customerService, title: { en: 'Customer service (duty + auto-reply)', zh: '客户服务型 (值班 + 自动回复)' } },
  'no-operations': { file: noOperations, title: { en: 'Anti-pattern: no operations', zh: '反例：不运营' } },
  'over-marketing': { file: overMarketing, title: { en: 'Anti-pattern: over-marketing', zh: '反例：过度营销' } },
} as const;

export type PresetName = keyof typeof PRESETS;

/** The presets' files: an unedited preset on screen needs no keeping in the library. */
export const PRESET_FILES: readonly object[] = Object.values(PRESETS).map((p) => p.file);

/** A draft as compared for "edited": parsed (defaults filled in, one key order) when valid. Drafts are immutable: remembered per object. */
const NORMALISED = new WeakMap<object, string>();
function normalisedOf(draft: object): string {
  let text = NORMALISED.get(draft);
  if (text === undefined) {
    const parsed = parseScenario(draft);
    text = JSON.stringify(parsed.ok ? parsed.scenario : draft);
    NORMALISED.set(draft, text);
  }
  return text;
}

const nameOf = (draft: object) => (draft as { readonly name?: unknown }).name;

/**
 * Whether the draft still carries the name of where it came from — a preset, or
 * the library entry it belongs to (`origins`) — but no longer is it: an edited
 * "the playbook followed" is not the playbook followed. It is shown as
 * "… (edited)" until saved under a new name (or edited back); a library entry
 * that kept a preset's name does not make an edited copy of the preset unmarked.
 */
export function isEdited(draft: object, origins: readonly object[]): boolean {
  // a preset's name stays marked on an edited copy even once saved in the library under that name
  return origins.some((o) => nameOf(o) !== undefined && nameOf(o) === nameOf(draft) && normalisedOf(o) !== normalisedOf(draft));
}

/** The presets and the draft's library entry, if any: the drafts whose names an edit must not keep unmarked. */
export function originsOf(entries: readonly { readonly id: string; readonly draft: object }[], entryId: string | null): readonly object[] {
  const entry = entryId === null ? undefined : entries.find((e) => e.id === entryId);
  return entry ? [...PRESET_FILES, entry.draft] : PRESET_FILES;
}

/** A scenario's name as shown: "Knowledge sharing — the playbook followed (edited)", "…（已修改）". */
export function shownName(name: string, edited: boolean, lang: 'en' | 'zh'): string {
  if (!edited || !name) return name;
  return lang === 'zh' ? `${name}（已修改）` : `${name} (edited)`;
}

/**
 * The levers (paths, schema order) in which the draft differs from the preset
 * whose name it carries; null when it carries no preset's name or either does
 * not parse. Remembered per draft (drafts are immutable).
 */
export function changedFromPreset(draft: object): readonly string[] | null {
  if (CHANGED.has(draft)) return CHANGED.get(draft)!;
  const preset = PRESET_FILES.find((p) => nameOf(p) !== undefined && nameOf(p) === nameOf(draft));
  const [a, b] = preset ? [parseScenario(preset), parseScenario(draft)] : [];
  const paths = a?.ok && b?.ok ? leverDifferences([a.scenario, b.scenario]).map((d) => d.path).filter((path) => path !== 'seed' && path !== 'runs') : null;
  CHANGED.set(draft, paths);
  return paths;
}
const CHANGED = new WeakMap<object, readonly string[] | null>();
