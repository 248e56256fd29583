/**
 * Times in an export come two ways: absolute (Unix seconds, ISO 8601 with an
 * offset) or as the exporter's wall clock with no zone ("2024-03-01
 * 20:15:02"). The metrics need the group's local clock (hourly profile, days),
 * so every message is kept as a *local minute*: minutes since 1970-01-01 00:00
 * on the group's wall clock. An absolute time is shifted by the offset (the
 * `--tz` option, else the format's own default); a wall-clock time is taken as
 * it is.
 */

export const MINUTES_PER_DAY = 1440;

/** "+08:00", "-05:30", "+8", "UTC", "Z" → minutes east of UTC; null when unreadable. */
export function parseOffset(text: string): number | null {
  const t = text.trim();
  if (/^(z|utc|gmt)$/i.test(t)) return 0;
  const m = /^(?:utc|gmt)?([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(t);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = m[3] ? Number(m[3]) : 0;
  if (hours > 14 || minutes > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/** Local minute of an absolute instant (ms since the epoch) at an offset. */
export const localMinuteOfInstant = (ms: number, offsetMinutes: number) => Math.floor(ms / 60_000) + offsetMinutes;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function wallMinute(y: number, mo: number, d: number, h: number, mi: number): number | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const ms = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(ms);
  if (check.getUTCDate() !== d) return null; // 31 February
  return ms / 60_000;
}

/**
 * A wall-clock time: "2024-03-01 20:15:02", "2024/3/1 20:15", "2024-03-01T20:15:02",
 * or DiscordChatExporter's old "01-Mar-24 08:15 PM". Null when unreadable.
 */
export function parseWallClock(text: string): number | null {
  const t = text.trim();
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/.exec(t);
  if (m) return wallMinute(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]));
  m = /^(\d{1,2})-([A-Za-z]{3})-(\d{2,4}) (\d{1,2}):(\d{2})(?::\d{2})? ?([AP]M)$/i.exec(t);
  if (m) {
    const month = MONTHS.indexOf(m[2].toLowerCase()) + 1;
    const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    let hour = Number(m[4]) % 12;
    if (m[6].toUpperCase() === 'PM') hour += 12;
    return month ? wallMinute(year, month, Number(m[1]), hour, Number(m[5])) : null;
  }
  return null;
}

/** ISO 8601 with an offset or Z: the instant in ms, and the offset the text carried. */
export function parseIsoInstant(text: string): { ms: number; offset: number } | null {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})$/.exec(text.trim());
  if (!m) return null;
  const ms = Date.parse(text.trim());
  const offset = parseOffset(m[2]);
  return Number.isFinite(ms) && offset !== null ? { ms, offset } : null;
}

/** Unix seconds (or milliseconds, if it is that large) given as text or a number; null when not one. */
export function parseUnix(value: string | number): number | null {
  const n = typeof value === 'number' ? value : /^\d{9,13}(\.\d+)?$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isFinite(n) || n <= 0) return null;
  return n > 1e11 ? n : n * 1000;
}

/** Weekday of a local minute, 0 = Monday. */
export const weekdayOf = (minute: number) => (Math.floor(minute / MINUTES_PER_DAY) + 3) % 7; // 1970-01-01 was a Thursday
