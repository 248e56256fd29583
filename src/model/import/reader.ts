/** What every format reader gets: the file, the sink, the hasher, the time-zone option and a progress callback. */
import type { ChatSink } from './chat-import.ts';
import { localMinuteOfInstant } from './time.ts';
import type { TextSource } from './decode.ts';

export interface ReadContext {
  readonly file: string;
  readonly sink: ChatSink;
  /** The user's offset for absolute timestamps (minutes east of UTC), or null for the format's default. */
  readonly tz: number | null;
  /** Share of this file read so far (0–1). */
  readonly progress: (fraction: number) => void;
}

/** How often (in rows) a reader reports progress. */
export const PROGRESS_EVERY = 20_000;

/** A local minute for an absolute instant: the user's offset, else the format's default. */
export function minuteAt(ctx: ReadContext, ms: number, formatDefault: number): number {
  return localMinuteOfInstant(ms, ctx.tz ?? formatDefault);
}

/**
 * Lines of a text read in pieces, one at a time, with their 1-based numbers
 * and the share of the file read: no array of a million lines, and never the
 * whole text as one string.
 */
export function* linesOf(source: TextSource): Generator<{ line: string; number: number; done: number }> {
  let carry = '';
  let number = 1;
  let done = 0;
  for (const chunk of source.chunks()) {
    done = chunk.done;
    const text = carry + chunk.text;
    let start = 0;
    for (let end = text.indexOf('\n', start); end >= 0; end = text.indexOf('\n', start)) {
      yield { line: text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end), number: number++, done };
      start = end + 1;
    }
    carry = text.slice(start);
  }
  if (carry !== '') yield { line: carry.endsWith('\r') ? carry.slice(0, -1) : carry, number, done };
}

/** A text source over a string already in memory (tests, small files). */
export function sourceOf(text: string): TextSource {
  return { head: text.slice(0, 65_536), chunks: () => [{ text, done: 1 }], whole: () => text };
}

/**
 * A bad value as a skip message may quote it: only if it looks like a time or
 * a number — a misaligned row could put a name in the time column, and names
 * never leave the import.
 */
export function shownValue(value: string, lang: 'en' | 'zh' = 'en'): string {
  // a time, or a word-built placeholder a tool writes for one ("not-a-date"): not a name (one hyphen at most there)
  if (/^[\dT:\-/.+Z年月日 ]{0,40}$/i.test(value) || /^[a-z]+(-[a-z]+){2,}$/i.test(value)) return lang === 'zh' ? `“${value}”` : `"${value}"`;
  return lang === 'zh' ? `（${value.length} 个字符的文本）` : `(text of ${value.length} characters)`;
}

/**
 * A bad value from a field that only ever holds a time (a JSON export's date,
 * a time column that was read): shown, up to 40 characters, so the user can
 * find it. Unlike `shownValue`, nothing but a time is expected there.
 */
export function shownTime(value: string, lang: 'en' | 'zh' = 'en'): string {
  const v = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  if (/[\r\n]/.test(v)) return shownValue(value, lang);
  return lang === 'zh' ? `“${v}”` : `"${v}"`;
}
