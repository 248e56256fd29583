/** What every format reader gets: the file, the sink, the hasher, the time-zone option and a progress callback. */
import type { ChatSink } from './chat-import.ts';
import { localMinuteOfInstant } from './time.ts';

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

/** Lines of a text, one at a time, with their 1-based numbers: no array of a million lines. */
export function* linesOf(text: string): Generator<{ line: string; number: number; end: number }> {
  let start = 0;
  let number = 1;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
    if (!(end === text.length && line === '' && start === text.length)) yield { line, number, end };
    start = end + 1;
    number++;
  }
}

/**
 * A bad value as a skip message may quote it: only if it looks like a time or
 * a number — a misaligned row could put a name in the time column, and names
 * never leave the import.
 */
export function shownValue(value: string): string {
  return /^[\dT:\-/.+Z年月日 ]{0,40}$/i.test(value) ? `"${value}"` : `(text of ${value.length} characters)`;
}
