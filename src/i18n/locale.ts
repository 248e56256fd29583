/**
 * The locale: which language the user reads (remembered in this browser),
 * picking from bilingual text, and locale number formats. Below both the UI
 * and the charts; the model's tables carry their own bilingual text.
 */
import { fullWidth, type Bilingual } from '../model/text.ts';

import { LOCALES, type Locale } from '../model/format.ts';

export { LOCALES, type Locale };

const STORAGE_KEY = 'qunce-lab.locale';

export function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'zh-CN' || saved === 'en') return saved;
  } catch {
    // storage may be unavailable (private mode); fall back to the browser's language
  }
  const languages = typeof navigator !== 'undefined' ? navigator.languages ?? [navigator.language] : [];
  return languages.some((l) => l?.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

export function saveLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // not persisted: the toggle still works for this visit
  }
}

/** Pick the language of a bilingual text. */
export function pick(locale: Locale, value: Bilingual): string {
  return locale === 'zh-CN' ? fullWidth(value.zh) : value.en;
}

/** A text put together from several pieces, typeset for the locale (Chinese: full-width brackets and colons). */
/** A note in brackets after a text: " (§1)" in English, "（§1）" in Chinese (full-width, no space). */
export function bracketed(locale: Locale, inner: string): string {
  return locale === 'zh-CN' ? `（${inner}）` : ` (${inner})`;
}

export function typeset(locale: Locale, text: string): string {
  return locale === 'zh-CN' ? fullWidth(text) : text;
}

export { formatByUnit, formatChance, formatDifferenceInterval, formatNumber, formatPercent, formatRemaining, formatPoints, formatSignedChange, formatSignedPoints, formatSignedPointsBare, formatSignedPointsRange, langOf } from '../model/format.ts';
