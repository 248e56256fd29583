/**
 * Every user-facing text exists in both languages, in one shape everywhere:
 * metric and parameter tables, playbook thresholds, validation problems,
 * notices and the UI's own messages.
 */
export interface Bilingual {
  readonly en: string;
  readonly zh: string;
}

export const bilingual = (en: string, zh: string): Bilingual => ({ en, zh });

/** A scenario's (or draft's) name and description in the reader's language: its `zh` texts when read in Chinese and present. */
export function scenarioText(scenario: { readonly name?: unknown; readonly description?: unknown; readonly zh?: unknown }, lang: 'en' | 'zh'): { name: string; description: string } {
  const zh = (lang === 'zh' && scenario.zh && typeof scenario.zh === 'object' ? scenario.zh : {}) as { name?: unknown; description?: unknown };
  const text = (own: unknown, translated: unknown) => (typeof translated === 'string' && translated ? translated : typeof own === 'string' ? own : '');
  return { name: text(scenario.name, zh.name), description: text(scenario.description, zh.description) };
}
