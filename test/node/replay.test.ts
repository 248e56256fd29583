/** The chat log of a replay: the same run as without it, and every message and system line accounted for by the run's own series. */
import { describe, expect, it } from 'vitest';
import { replay, simulate } from '../../src/model/engine/run.ts';
import { MESSAGE_KINDS } from '../../src/model/metrics.ts';
import { SYSTEM_EVENTS, TEAM_POSTS } from '../../src/model/engine/chat.ts';
import { messageText, SYSTEM_TEXT } from '../../src/model/chat-text.ts';
import { POSITIONINGS } from '../../src/model/playbook.ts';
import { loadScenario } from '../scenarios.ts';

const load = loadScenario;
const sum = (values: ArrayLike<number>) => Array.from(values).reduce((a, b) => a + b, 0);

describe('replay', () => {
  it.each(['knowledge-sharing', 'over-marketing', 'resource-matching'] as const)('%s: recording changes nothing, and the log matches the series', (name) => {
    const scenario = load(name);
    const { result, chat } = replay(scenario, 3);
    const plain = simulate(scenario, 3);
    expect(result.summary).toEqual(plain.summary);
    expect(Array.from(result.series.messages)).toEqual(Array.from(plain.series.messages));
    const { messages, events } = chat;
    // messages per day and per kind are the series' own counts
    const perDay = new Array(chat.horizonDays).fill(0);
    for (const time of messages.time) perDay[Math.floor(time / 1440)]++;
    expect(perDay).toEqual(Array.from(result.series.messages));
    for (const [k, kind] of MESSAGE_KINDS.entries()) expect(messages.kind.filter((x) => x === k).length, kind).toBe(sum(result.series[`kind_${kind}`]));
    // joins, leaves and removals are the series' too (the founding team joins on day 0 but is not counted as joins)
    const count = (kind: (typeof SYSTEM_EVENTS)[number]) => events.kind.filter((x) => x === SYSTEM_EVENTS.indexOf(kind)).length;
    const team = chat.roles.filter((r) => r === 'team').length;
    expect(count('joined') + count('rejoined') - team).toBe(sum(result.series.joins));
    expect(count('left')).toBe(sum(result.series.leaves));
    expect(count('removed')).toBe(sum(result.series.removals));
    // in time order; a reply quotes an earlier message
    for (let i = 1; i < messages.time.length; i++) expect(messages.time[i]).toBeGreaterThanOrEqual(messages.time[i - 1]);
    messages.replyTo.forEach((target, i) => {
      if (target < 0) return;
      expect(target).toBeLessThan(i);
      expect(messages.time[target]).toBeLessThanOrEqual(messages.time[i]);
    });
    // nobody speaks before they joined
    const joinedAt = new Map<number, number>();
    events.kind.forEach((k, e) => { if (SYSTEM_EVENTS[k] === 'joined' && !joinedAt.has(events.member[e])) joinedAt.set(events.member[e], events.time[e]); });
    messages.author.forEach((author, i) => expect(messages.time[i], `member ${author}`).toBeGreaterThanOrEqual(joinedAt.get(author)!));
    // every author and every member in a system line has a role
    for (const member of [...messages.author, ...events.member]) expect(chat.roles[member]).toBeDefined();
  });

  it('a run of the over-marketing scenario shows every kind a trainer points at', () => {
    const { chat } = replay(load('over-marketing'), 0);
    // model v3: members of the over-marketed group barely speak; what a run shows is the marketing, and over a few runs
    // the points-chasing filler too
    const runs = [0, 1, 2, 3, 4].map((run) => (run === 0 ? chat : replay(load('over-marketing'), run).chat));
    const kinds = new Set(runs.flatMap((c) => c.messages.kind.map((k) => MESSAGE_KINDS[k])));
    for (const kind of ['chat', 'ad', 'violation', 'filler', 'team', 'promo', 'burst'] as const) expect(kinds.has(kind), kind).toBe(true);
    const events = new Set(chat.events.kind.map((k) => SYSTEM_EVENTS[k]));
    for (const event of ['joined', 'left', 'removed', 'warned', 'muted', 'dnd'] as const) expect(events.has(event), event).toBe(true);
    expect(chat.messages.teamPost.some((p) => p >= 0)).toBe(true);
    // the few who still speak reply to each other in some runs
    expect([0, 1, 2, 3, 4].some((run) => replay(load('over-marketing'), run).chat.messages.replyTo.some((r) => r >= 0))).toBe(true);
  });

  it('topic replies quote their topic, and team posts say what they were', () => {
    const { chat } = replay(load('knowledge-sharing'), 0);
    const topicReply = MESSAGE_KINDS.indexOf('topicReply');
    const quoted = chat.messages.kind.flatMap((k, i) => (k === topicReply ? [chat.messages.replyTo[i]] : []));
    expect(quoted.length).toBeGreaterThan(0);
    for (const target of quoted) expect(MESSAGE_KINDS[chat.messages.kind[target]]).toBe('team');
    expect(chat.messages.teamPost.filter((p) => p === TEAM_POSTS.indexOf('announcement')).length).toBeGreaterThanOrEqual(1);
  });

  it('every kind has text in both languages for every positioning, the same each time', () => {
    for (const positioning of POSITIONINGS) {
      for (const kind of MESSAGE_KINDS) {
        for (let i = 0; i < 6; i++) {
          const text = messageText(kind, positioning, i, kind === 'team' ? 'tips' : null);
          expect(text.en.length, `${kind} en`).toBeGreaterThan(0);
          expect(text.zh.length, `${kind} zh`).toBeGreaterThan(0);
          expect(messageText(kind, positioning, i, kind === 'team' ? 'tips' : null)).toBe(text);
        }
      }
    }
    for (const event of SYSTEM_EVENTS) expect(SYSTEM_TEXT[event].zh).toContain('{name}');
  });
});
