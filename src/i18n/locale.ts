/**
 * The locale: which language the user reads (remembered in this browser),
 * picking from bilingual text, and locale number formats. Below both the UI
 * and the charts; the model's tables carry their own bilingual text.
 */
import type { Bilingual } from '../model/text.ts';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

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
  return locale === 'zh-CN' ? value.zh : value.en;
}

const formatters = new Map<string, Intl.NumberFormat>();
function formatter(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f;
}

export function formatNumber(locale: Locale, value: number, digits = 1): string {
  return formatter(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
}

export function formatPercent(locale: Locale, share: number, digits = 0): string {
  return formatter(locale, { style: 'percent', maximumFractionDigits: digits }).format(share);
}

/** A metric value by its unit: shares as percentages, counts whole where whole. */
export function formatByUnit(locale: Locale, unit: string, value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (unit === 'share') return formatPercent(locale, value, 1);
  if (unit === 'count') return formatNumber(locale, value, Number.isInteger(value) ? 0 : 1);
  if (unit === 'minutes') return `${formatNumber(locale, value, 1)}${locale === 'zh-CN' ? ' 分钟' : ' min'}`;
  if (unit === 'hours') return `${formatNumber(locale, value, 1)}${locale === 'zh-CN' ? ' 小时' : ' h'}`;
  return formatNumber(locale, value, 1);
}

/** A difference of two shares, in percentage points (not a percent change). */
export function formatPoints(locale: Locale, difference: number): string {
  return `${formatNumber(locale, difference * 100, 1)}${locale === 'zh-CN' ? ' 个百分点' : ' pp'}`;
}
