/**
 * Issue 19, held-out check: a real public IRC log — #duraspace on freenode,
 * 2009-12-21 to 2010-01-06, the day pages written by DuraLogBot (the Java IRC
 * LogBot), CC BY 4.0 (test/data/duraspace-irc/README.md) — imported with the
 * lab's importer, and its metrics compared with a count made here by a plain,
 * separate method: one regular expression over the pages' lines, written from
 * the LogBot page format and not from the importer's code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importChat } from '../../src/model/import/import-chat.ts';
import { measureChat } from '../../src/model/import/measure.ts';

const DIR = join(import.meta.dirname, '..', 'data', 'duraspace-irc');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.html')).sort();

/** Messages (black lines) and actions (brick lines): "<span class="irc-date">[H:MM]</span> <span class="irc-black">&lt;nick&gt; text</span><br />". */
const SAID = /<span class="irc-date">\[(\d+):(\d+)\]<\/span> <span class="irc-(black|brick)">(.*)<\/span><br \/>$/;
/**
 * Whole-message fillers in this log, picked out by reading its short messages against the rules in
 * docs/import.md ("+1", thanks, laughter, "lol", "ok"); "hm", "k", "???" and "+15" are not among them.
 */
const FILLERS = ['+1', 'heh', 'ha', 'LOL', 'ok', 'Thanks!'];

interface Said { day: number; hour: number; nick: string; speaking: boolean }

function countByHand(): Said[] {
  const said: Said[] = [];
  for (const file of FILES) {
    const [y, m, d] = file.slice(0, 10).split('-').map(Number);
    const day = Date.UTC(y, m - 1, d) / 86_400_000;
    for (const line of readFileSync(join(DIR, file), 'utf8').split('\n')) {
      const hit = SAID.exec(line);
      if (!hit) continue;
      const [, hour, , colour, inner] = hit;
      let nick: string, text: string;
      if (colour === 'black') {
        nick = inner.slice('&lt;'.length, inner.indexOf('&gt;'));
        text = inner.slice(inner.indexOf('&gt;') + '&gt;'.length).trim();
      } else {
        nick = inner.split(' ')[1]; // "* nick does something"
        text = inner;
      }
      said.push({ day, hour: Number(hour), nick, speaking: !FILLERS.includes(text) });
    }
  }
  return said;
}

describe('a real IRC log (#duraspace, LogBot pages, 17 days): measured metrics equal a hand count', () => {
  const said = countByHand();
  const inputs = FILES.map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(DIR, name))) }));
  const outcome = importChat(inputs);
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.en).join('\n'));
  const m = measureChat(outcome.chat);

  it('reads every page as a LogBot IRC log, nothing skipped', () => {
    expect(outcome.chat.files).toHaveLength(17);
    expect(outcome.chat.files.every((f) => f.format === 'irc-txt')).toBe(true);
    expect(outcome.chat.skippedTotal).toBe(0);
  });

  it('gives the same table when read in small pieces', () => {
    const pieces = importChat(inputs, { chunkBytes: 7 });
    if (!pieces.ok) throw new Error('not read');
    expect(Array.from(pieces.chat.minute)).toEqual(Array.from(outcome.chat.minute));
    expect(Array.from(pieces.chat.kind)).toEqual(Array.from(outcome.chat.kind));
    expect(Array.from(pieces.chat.author)).toEqual(Array.from(outcome.chat.author));
  });

  it('messages, speakers, span and messages per day', () => {
    const days = Math.max(...said.map((s) => s.day)) - Math.min(...said.map((s) => s.day)) + 1;
    const speakers = new Set(said.map((s) => s.nick));
    const posters = new Set(said.filter((s) => s.speaking).map((s) => s.nick));
    expect(said.length).toBe(401); // 43 + 41 + 1 + 13 + 303 on 12-23, 12-30, 01-04, 01-05 and 01-06 (a developers' meeting)
    expect(said.filter((s) => !s.speaking)).toHaveLength(17); // twelve "+1", "heh", "ha", "LOL", "ok", "Thanks!"
    expect(m.messages).toBe(said.length);
    expect(m.days).toBe(days);
    expect(days).toBe(15); // 2009-12-23 to 2010-01-06
    expect(m.values.members).toBe(speakers.size);
    expect(m.values.posters).toBe(posters.size);
    expect(m.values.dailyMessagesSpan).toBeCloseTo(said.length / days, 12);
    // as the lab reads it at its horizon: the last 7 days of the span
    const last = Math.max(...said.map((s) => s.day));
    expect(m.values.dailyMessages).toBeCloseTo(said.filter((s) => last - s.day < 7).length / 7, 12);
    expect(m.values.lowValueShare).toBeCloseTo(said.filter((s) => !s.speaking).length / said.length, 12);
    expect(m.values.speakingRate30d).toBeCloseTo(posters.size / speakers.size, 12); // the whole span is within 30 days
  });

  it('top-10 % share of posters', () => {
    const perNick = new Map<string, number>();
    for (const s of said) if (s.speaking) perNick.set(s.nick, (perNick.get(s.nick) ?? 0) + 1);
    const counts = [...perNick.values()].sort((a, b) => b - a);
    const top = Math.ceil(counts.length / 10);
    const share = counts.slice(0, top).reduce((a, b) => a + b, 0) / counts.reduce((a, b) => a + b, 0);
    expect(m.values.top10ShareOfPosters).toBeCloseTo(share, 12);
  });

  it('weekly participation: members who spoke in the last 7 days (as the lab reads it at its horizon)', () => {
    const last = Math.max(...said.map((s) => s.day));
    const members = new Set(said.map((s) => s.nick)).size;
    const spoke = new Set(said.filter((s) => s.speaking && last - s.day < 7).map((s) => s.nick));
    expect(spoke.size).toBeGreaterThan(0);
    expect(m.values.weeklyParticipation).toBeCloseTo(spoke.size / members, 12);
  });

  it('hourly profile: the peak hour and every hour\u2019s share', () => {
    const speaking = said.filter((s) => s.speaking);
    const byHour = Array.from({ length: 24 }, (_, h) => speaking.filter((s) => s.hour === h).length / speaking.length);
    const peak = byHour.indexOf(Math.max(...byHour));
    expect(peak).toBe(15); // the meetings at 15:00 GMT
    expect(m.hourlyProfile.indexOf(Math.max(...m.hourlyProfile))).toBe(peak);
    m.hourlyProfile.forEach((share, h) => expect(share, `${h}h`).toBeCloseTo(byHour[h], 12));
  });
});
