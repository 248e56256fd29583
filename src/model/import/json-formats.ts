/**
 * The JSON exports, read in pieces by a streaming parser (json-stream.ts):
 * each message is read as soon as it is complete, so a million-message
 * result.json never has to be held as one string or one tree.
 *
 * Fields relied on (docs/import.md):
 *   Telegram Desktop result.json  messages[].{id, type ("message" | "service"), date, date_unixtime,
 *                                 from, from_id, text (string or entity list), media_type, photo, file,
 *                                 reply_to_message_id}
 *   DiscordChatExporter JSON      messages[].{id, type, timestamp, content, author.{id, name, nickname, isBot},
 *                                 attachments, stickers, reference.messageId}
 *   Slack export day file         [{type: "message", subtype, user, text, ts, thread_ts, files, bot_id}]
 */
import { classify, type MessageClass, type TypeHint } from './classify.ts';
import type { TextSource } from './decode.ts';
import { streamJsonItems, type ItemPlace } from './json-stream.ts';
import { bilingual } from '../text.ts';
import { minuteAt, shownTime, type ReadContext } from './reader.ts';
import { parseIsoInstant, parseUnix, parseWallClock } from './time.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/**
 * Read the items at `path` one by one; a syntax error is a skipped row with
 * its line and column, the reading resuming at the next message (or, when it
 * cannot, the lines after it counted as unread). Returns how many items
 * there were.
 */
function readItems(source: TextSource, ctx: ReadContext, path: string, onItem: (item: unknown, k: number, place: ItemPlace) => void): number {
  const first = ctx.sink.count;
  const read = streamJsonItems(source, path, onItem, ctx.progress, (r) => {
    const lost = r.resumedLine - r.fromLine;
    ctx.sink.unreadLines += lost;
    ctx.sink.skip(ctx.file, r.line, String(r.column),
      `not valid JSON here (${r.reason}); the reading resumed at the next message, line ${r.resumedLine}${lost ? ` (lines ${r.fromLine}–${r.resumedLine - 1} not read)` : ''}`,
      `此处不是有效的 JSON；已从下一条消息（第 ${r.resumedLine} 行）起继续读取${lost ? `（第 ${r.fromLine}–${r.resumedLine - 1} 行未读取）` : ''}`);
  });
  if (read.error?.atEnd && read.items) {
    // a file cut short (an interrupted download or copy): a notice nobody can miss, not a skipped row
    const latest = ctx.sink.latestSince(first);
    const day = latest === null ? null : new Date(latest * 60_000).toISOString().slice(0, 10);
    const name = ctx.file.split(/[\\/]/).pop() ?? ctx.file;
    ctx.sink.notices.push(bilingual(
      `${name} ends early: only the first ${read.items} messages${day ? ` (to ${day})` : ''} were read — the file was probably cut short while downloading or copying; export it again for the whole chat`,
      `${name} 提前结束：只读取了前 ${read.items} 条消息${day ? `（截至 ${day}）` : ''}——文件可能在下载或复制时被截断；请重新导出以获得完整记录`,
    ));
  } else if (read.error) {
    ctx.sink.unreadLines += read.unreadLines;
    const { line, column, reason, atEnd } = read.error;
    const unread = read.unreadLines ? { en: `; the ${read.unreadLines} lines after it were not read`, zh: `；其后 ${read.unreadLines} 行未读取` } : { en: '', zh: '' };
    const kept = (read.items ? `; the ${read.items} entries before it were read` : '; the file cannot be read') + unread.en;
    const keptZh = (read.items ? `；之前的 ${read.items} 条已读取` : '；无法读取该文件') + unread.zh;
    if (atEnd) ctx.sink.skip(ctx.file, line, null, `the file ends before its JSON does (cut short?)${kept}`, `文件在 JSON 结束之前就结束了（可能被截断）${keptZh}`);
    else ctx.sink.skip(ctx.file, line, String(column), `not valid JSON here (${reason})${kept}`, `此处不是有效的 JSON${keptZh}`);
  }
  ctx.progress(1);
  return read.items;
}

/** Whether a JSON object's head names a "messages" list (an export with no message has an empty one). */
const hasMessagesList = (source: TextSource) => /"messages"\s*:\s*\[/.test(source.head);

/** A message that cannot be read: its line in the file (the field's value, else the message's start). */
const badItem = (ctx: ReadContext, k: number, place: ItemPlace, field: string, en: string, zh: string) =>
  ctx.sink.skip(ctx.file, place.fields.get(field) ?? place.line, field, `message ${k + 1}: ${en}`, `第 ${k + 1} 条消息：${zh}`, 'field');

function telegramText(text: unknown): string {
  if (typeof text === 'string') return text;
  if (Array.isArray(text)) return text.map((part) => (typeof part === 'string' ? part : isObject(part) ? str(part.text) : '')).join('');
  return '';
}

export function readTelegram(source: TextSource, ctx: ReadContext): string {
  let usedUnix = false;
  const items = readItems(source, ctx, '$.messages.*', (m, k, place) => {
    if (!isObject(m)) return badItem(ctx, k, place, '(message)', 'is not an object', '不是对象');
    if (m.type === 'service') return ctx.sink.ignore('service messages (joins, pins)');
    const fromId = str(m.from_id);
    if (!fromId) return badItem(ctx, k, place, 'from_id', 'has no from_id: who wrote it is unknown', '缺少 from_id：无法确定发言人');
    let minute: number | null;
    const unix = ctx.tz !== null ? parseUnix(str(m.date_unixtime)) : null;
    if (unix !== null) {
      usedUnix = true;
      minute = minuteAt(ctx, unix, 0);
    } else minute = parseWallClock(str(m.date));
    if (minute === null) return badItem(ctx, k, place, 'date', `not a time: ${shownTime(str(m.date))}`, `不是有效时间：${shownTime(str(m.date), 'zh')}`);
    const body = telegramText(m.text);
    const media = str(m.media_type);
    const hint: TypeHint = media === 'sticker' || media === 'animation' ? 'sticker'
      : (media || m.photo || m.file) && !body.trim() ? 'media' : 'text';
    const kind = classify(body, hint);
    if (kind === 'system') return;
    const name = str(m.from);
    const replyTo = m.reply_to_message_id === undefined ? undefined : str(m.reply_to_message_id);
    ctx.sink.add({ author: ctx.sink.hasher.hash(fromId), aliases: name ? [ctx.sink.hasher.hash(name)] : [], minute, kind, id: `tg:${str(m.id)}`, replyToId: replyTo === undefined ? undefined : `tg:${replyTo}` });
  });
  if (!items && !hasMessagesList(source)) noMessagesList(ctx, ' (export a single chat as JSON)', '（请以 JSON 导出单个群聊）');
  return usedUnix ? 'date_unixtime at the offset' : 'date (the exporting computer\u2019s wall clock)';
}

function noMessagesList(ctx: ReadContext, en: string, zh: string): void {
  if (ctx.sink.skipped.some((s) => s.file === ctx.file)) return; // a syntax error said why already
  ctx.sink.skip(ctx.file, 1, 'messages', `has no "messages" list${en}`, `没有“messages”列表${zh}`);
}

/** DiscordChatExporter message types that are messages (the rest: joins, pins, calls…). */
const DISCORD_MESSAGE_TYPES = new Set(['Default', 'Reply', 'ThreadStarterMessage', 'ChatInputCommand', '0', '19']);

export function readDiscordJson(source: TextSource, ctx: ReadContext): string {
  const items = readItems(source, ctx, '$.messages.*', (m, k, place) => {
    if (!isObject(m)) return badItem(ctx, k, place, '(message)', 'is not an object', '不是对象');
    if (m.type !== undefined && !DISCORD_MESSAGE_TYPES.has(str(m.type))) return ctx.sink.ignore('system messages (joins, pins, calls)');
    const author = isObject(m.author) ? m.author : null;
    if (!author || !str(author.id)) return badItem(ctx, k, place, 'author.id', 'has no author id: who wrote it is unknown', '缺少 author.id：无法确定发言人');
    if (author.isBot === true) return ctx.sink.ignore('bots');
    const iso = parseIsoInstant(str(m.timestamp));
    if (!iso) return badItem(ctx, k, place, 'timestamp', `not a time: ${shownTime(str(m.timestamp))}`, `不是有效时间：${shownTime(str(m.timestamp), 'zh')}`);
    const content = str(m.content);
    const hasStickers = Array.isArray(m.stickers) && m.stickers.length > 0;
    const hasAttachments = Array.isArray(m.attachments) && m.attachments.length > 0;
    const hint: TypeHint = hasStickers && !content.trim() ? 'sticker' : hasAttachments && !content.trim() ? 'media' : 'text';
    const kind = classify(content, hint) as MessageClass;
    const names = [str(author.name), str(author.nickname)].filter(Boolean).map((n) => ctx.sink.hasher.hash(n));
    const reference = isObject(m.reference) ? str(m.reference.messageId) : '';
    ctx.sink.add({ author: ctx.sink.hasher.hash(str(author.id)), aliases: names, minute: minuteAt(ctx, iso.ms, iso.offset), kind, id: `dc:${str(m.id)}`, replyToId: reference ? `dc:${reference}` : undefined });
  });
  if (!items && !hasMessagesList(source)) noMessagesList(ctx, '', '');
  return ctx.tz === null ? 'timestamp (ISO 8601 with the exporter\u2019s offset)' : 'timestamp (ISO 8601) at the offset';
}

/** Slack subtypes that are not people talking. */
const SLACK_NOT_MESSAGES = /^(channel_|group_|bot_|pinned_item|unpinned_item|tombstone|reminder_add|sh_room)/;

/** Slack's own clock is Unix time; with no --tz the day boundaries are UTC and the import says so. */
export const SLACK_DEFAULT_OFFSET = 0;

export function readSlackDay(source: TextSource, ctx: ReadContext, bots: ReadonlySet<string>): string {
  if (!source.head.trimStart().startsWith('[')) {
    ctx.sink.skip(ctx.file, 1, null, 'a Slack day file is a list of messages', 'Slack 日文件应为消息列表');
    return 'ts';
  }
  const channel = slackChannelOf(ctx.file) ?? '';
  readItems(source, ctx, '$.*', (m, k, place) => {
    if (!isObject(m)) return badItem(ctx, k, place, '(message)', 'is not an object', '不是对象');
    if (m.type !== 'message') return ctx.sink.ignore('not messages');
    const subtype = str(m.subtype);
    if (subtype && SLACK_NOT_MESSAGES.test(subtype)) return ctx.sink.ignore(subtype.startsWith('bot') ? 'bots' : 'system lines');
    if (m.bot_id !== undefined) return ctx.sink.ignore('bots');
    const user = str(m.user);
    if (!user) return badItem(ctx, k, place, 'user', 'has no user: who wrote it is unknown', '缺少 user：无法确定发言人');
    if (bots.has(user)) return ctx.sink.ignore('bots');
    const ms = parseUnix(str(m.ts));
    if (ms === null) return badItem(ctx, k, place, 'ts', `not a time: ${shownTime(str(m.ts))}`, `不是有效时间：${shownTime(str(m.ts), 'zh')}`);
    const body = str(m.text);
    const files = Array.isArray(m.files) && m.files.length > 0;
    const kind = classify(body, files && !body.trim() ? 'media' : 'text') as MessageClass;
    const thread = str(m.thread_ts);
    const ts = str(m.ts);
    ctx.sink.add({ author: ctx.sink.hasher.hash(user), minute: minuteAt(ctx, ms, SLACK_DEFAULT_OFFSET), kind, id: `sl:${channel}:${ts}`, replyToId: thread && thread !== ts ? `sl:${channel}:${thread}` : undefined });
  });
  return ctx.tz === null ? 'ts (Unix time) at UTC: pass --tz for the team\u2019s local day' : 'ts (Unix time) at the offset';
}

/** A Slack day file's channel: the folder it sits in ("general/2024-03-01.json" → "general"). */
export function slackChannelOf(path: string): string | null {
  const parts = path.split(/[\\/]/);
  return parts.length >= 2 ? parts[parts.length - 2] : null;
}
