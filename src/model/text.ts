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
  const text = (own: unknown, translated: unknown) => (typeof translated === 'string' && translated ? fullWidth(translated) : typeof own === 'string' ? own : '');
  return { name: text(scenario.name, zh.name), description: text(scenario.description, zh.description) };
}

const CJK = /[\u3400-\u9fff]/;

/**
 * Chinese typesetting for a text with Chinese in it: full-width brackets
 * (no space before them) and a full-width colon after a Chinese word
 * ("每周内容数 (篇): 3" → "每周内容数（篇）：3"), and no space around a
 * full-width bracket before Chinese or a number ("（不含群主） 1 人" →
 * "（不含群主）1 人"). Times ("19:00"), square
 * brackets and text without Chinese are left alone.
 */
export function fullWidth(text: string): string {
  if (!CJK.test(text)) return text;
  return text
    .replace(/ ?\(([^()\n]*)\)/g, '（$1）')
    .replace(/([\u3400-\u9fff）”]) ?: ?/g, '$1：')
    .replace(/ +（/g, '（')
    .replace(/）[ ]+(?=[\u3400-\u9fff\d])/g, '）');
}
