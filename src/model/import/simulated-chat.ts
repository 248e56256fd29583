/**
 * A simulated run's chat log seen as an export would see it (issue 19):
 * each message becomes the phrase the replay shows for its kind (chat-text.ts),
 * classified by the same rules as an imported line, so a simulated group and a
 * real one are measured alike (fit.ts). It can also be written out as a
 * WeChatMsg CSV with a roster — a generated log whose true parameters are
 * known, for the calibration-recovery test.
 */
import { messageText } from '../chat-text.ts';
import { SYSTEM_EVENTS, TEAM_POSTS, type ChatLog } from '../engine/chat.ts';
import { MESSAGE_KINDS } from '../metrics.ts';
import type { Positioning } from '../playbook.ts';
import { classify, MESSAGE_CLASSES, type TypeHint } from './classify.ts';
import type { ChatTable } from './measure.ts';
import { MINUTES_PER_DAY } from './time.ts';

const RED_PACKET_KIND = MESSAGE_KINDS.indexOf('redPacket');

/** The Chinese phrase of message k, and how a WeChat export would type it. */
function lineOf(chat: ChatLog, positioning: Positioning, k: number): { text: string; hint: TypeHint } {
  const kind = chat.messages.kind[k];
  const post = chat.messages.teamPost[k];
  const text = messageText(MESSAGE_KINDS[kind], positioning, k, post >= 0 ? TEAM_POSTS[post] : null).zh;
  return { text, hint: kind === RED_PACKET_KIND ? 'redPacket' : 'text' };
}

/** Members present at the end of the run (the roster an export made that day would come with). */
export function presentAtEnd(chat: ChatLog): boolean[] {
  const present = chat.roles.map(() => false);
  const order = chat.events.time.map((_, i) => i).sort((a, b) => chat.events.time[a] - chat.events.time[b] || a - b);
  for (const i of order) {
    const event = SYSTEM_EVENTS[chat.events.kind[i]];
    if (event === 'joined' || event === 'rejoined') present[chat.events.member[i]] = true;
    if (event === 'left' || event === 'removed') present[chat.events.member[i]] = false;
  }
  return present;
}

/**
 * The run's chat as a measured table: authors numbered as first seen, times
 * shifted to start on `firstDay` (a local day number, so weekdays line up),
 * the roster (present members at the end) when `withRoster`, reply links
 * only when the export had them (`withReplyLinks`).
 */
export function simulatedChatTable(chat: ChatLog, positioning: Positioning, firstDay: number, withRoster: boolean, withReplyLinks: boolean): ChatTable {
  const n = chat.messages.time.length;
  const authorOf = new Map<number, number>();
  const minute = new Float64Array(n);
  const author = new Int32Array(n);
  const kind = new Uint8Array(n);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => chat.messages.time[a] - chat.messages.time[b] || a - b);
  const position = new Int32Array(n);
  order.forEach((from, to) => { position[from] = to; });
  const replyTo = new Int32Array(n).fill(-1);
  order.forEach((k, i) => {
    const target = chat.messages.replyTo[k];
    if (target >= 0 && withReplyLinks) replyTo[i] = position[target];
  });
  order.forEach((k, i) => {
    const member = chat.messages.author[k];
    let a = authorOf.get(member);
    if (a === undefined) authorOf.set(member, (a = authorOf.size));
    const { text, hint } = lineOf(chat, positioning, k);
    minute[i] = firstDay * MINUTES_PER_DAY + chat.messages.time[k];
    author[i] = a;
    const c = classify(text, hint);
    kind[i] = MESSAGE_CLASSES.indexOf(c === 'system' ? 'text' : c);
  });
  const present = presentAtEnd(chat);
  const rosterAuthor = withRoster
    ? Int32Array.from(present.flatMap((p, member) => (p ? [member] : [])), (member) => authorOf.get(member) ?? -1)
    : null;
  return { minute, author, kind, replyTo, authors: { length: authorOf.size }, rosterAuthor };
}

const pad = (v: number) => String(v).padStart(2, '0');
function wallClock(minute: number): string {
  const d = new Date(minute * 60_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00`;
}

/**
 * The run's chat log as a WeChatMsg (留痕) CSV and a roster (one name per
 * line): the sender's NickName "member-<slot>" and wxid "wxid_<slot>" (the
 * roster lists nicknames), times the wall clock from `firstDay`
 * (StrTime only, so no offset applies).
 */
export function toWeChatMsgCsv(chat: ChatLog, positioning: Positioning, firstDay: number): { csv: string; roster: string } {
  const lines = ['localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender'];
  const order = chat.messages.time.map((_, i) => i).sort((a, b) => chat.messages.time[a] - chat.messages.time[b] || a - b);
  order.forEach((k, i) => {
    const { text, hint } = lineOf(chat, positioning, k);
    const [type, sub] = hint === 'redPacket' ? ['49', '2001'] : ['1', '0'];
    const quoted = `"${text.replace(/"/g, '""')}"`;
    const member = chat.messages.author[k];
    lines.push(`${i + 1},1,${type},${sub},0,,2,${quoted},${wallClock(firstDay * MINUTES_PER_DAY + chat.messages.time[k])},,member-${member},wxid_${member}`);
  });
  const roster = presentAtEnd(chat).flatMap((p, member) => (p ? [`member-${member}`] : [])).join('\n');
  return { csv: `${lines.join('\n')}\n`, roster: `${roster}\n` };
}
