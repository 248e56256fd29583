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
import { streamJsonItems } from './json-stream.ts';
import { minuteAt, shownValue, type ReadContext } from './reader.ts';
import { parseIsoInstant, parseUnix, parseWallClock } from './time.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/**
 * Read the items at `path` one by one; a syntax error skips the rest of the
 * file with its line and column (the messages before it are kept). Returns
 * how many items there were.
 */
function readItems(source: TextSource, ctx: ReadContext, path: string, onItem: (item: unknown, k: number) => void): number {
  const read = streamJsonItems(source, path, onItem, ctx.progress);
  if (read.error) {
    const { line, column, reason } = read.error;
    const kept = read.items ? `; the ${read.items} entries before it were read` : '; the file cannot be read';
    const keptZh = read.items ? `；之前的 ${read.items} 条已读取` : '；无法读取该文件';
    ctx.sink.skip(ctx.file, line, String(column), `not valid JSON at line ${line}, column ${column} (${reason})${kept}`, `第 ${line} 行第 ${column} 列不是有效的 JSON${keptZh}`);
  }
  ctx.progress(1);
  return read.items;
}

/** Whether a JSON object's head names a "messages" list (an export with no message has an empty one). */
const hasMessagesList = (source: TextSource) => /"messages"\s*:\s*\[/.test(source.head);

const badItem = (ctx: ReadContext, k: number, field: string, en: string, zh: string) =>
  ctx.sink.skip(ctx.file, k + 1, field, `message ${k + 1}: ${en}`, `第 ${k + 1} 条消息：${zh}`);

function telegramText(text: unknown): string {
  if (typeof text === 'string') return text;
  if (Array.isArray(text)) return text.map((part) => (typeof part === 'string' ? part : isObject(part) ? str(part.text) : '')).join('');
  return '';
}

export function readTelegram(source: TextSource, ctx: ReadContext): string {
  let usedUnix = false;
  const items = readItems(source, ctx, '$.messages.*', (m, k) => {
    if (!isObject(m)) return badItem(ctx, k, '(message)', 'is not an object', '不是对象');
    if (m.type === 'service') return ctx.sink.ignore('service messages (joins, pins)');
    const fromId = str(m.from_id);
    if (!fromId) return badItem(ctx, k, 'from_id', 'has no from_id: who wrote it is unknown', '缺少 from_id：无法确定发言人');
    let minute: number | null;
    const unix = ctx.tz !== null ? parseUnix(str(m.date_unixtime)) : null;
    if (unix !== null) {
      usedUnix = true;
      minute = minuteAt(ctx, unix, 0);
    } else minute = parseWallClock(str(m.date));
    if (minute === null) return badItem(ctx, k, 'date', `not a time: ${shownValue(str(m.date))}`, `不是有效时间：${shownValue(str(m.date), 'zh')}`);
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
  ctx.sink.skip(ctx.file, 1, 'messages', `has no "messages" list${en}`, `没有 "messages" 列表${zh}`);
}

/** DiscordChatExporter message types that are messages (the rest: joins, pins, calls…). */
const DISCORD_MESSAGE_TYPES = new Set(['Default', 'Reply', 'ThreadStarterMessage', 'ChatInputCommand', '0', '19']);

export function readDiscordJson(source: TextSource, ctx: ReadContext): string {
  const items = readItems(source, ctx, '$.messages.*', (m, k) => {
    if (!isObject(m)) return badItem(ctx, k, '(message)', 'is not an object', '不是对象');
    if (m.type !== undefined && !DISCORD_MESSAGE_TYPES.has(str(m.type))) return ctx.sink.ignore('system messages (joins, pins, calls)');
    const author = isObject(m.author) ? m.author : null;
    if (!author || !str(author.id)) return badItem(ctx, k, 'author.id', 'has no author id: who wrote it is unknown', '缺少 author.id：无法确定发言人');
    if (author.isBot === true) return ctx.sink.ignore('bots');
    const iso = parseIsoInstant(str(m.timestamp));
    if (!iso) return badItem(ctx, k, 'timestamp', `not a time: ${shownValue(str(m.timestamp))}`, `不是有效时间：${shownValue(str(m.timestamp), 'zh')}`);
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
  readItems(source, ctx, '$.*', (m, k) => {
    if (!isObject(m)) return badItem(ctx, k, '(message)', 'is not an object', '不是对象');
    if (m.type !== 'message') return ctx.sink.ignore('not messages');
    const subtype = str(m.subtype);
    if (subtype && SLACK_NOT_MESSAGES.test(subtype)) return ctx.sink.ignore(subtype.startsWith('bot') ? 'bots' : 'system lines');
    if (m.bot_id !== undefined) return ctx.sink.ignore('bots');
    const user = str(m.user);
    if (!user) return badItem(ctx, k, 'user', 'has no user: who wrote it is unknown', '缺少 user：无法确定发言人');
    if (bots.has(user)) return ctx.sink.ignore('bots');
    const ms = parseUnix(str(m.ts));
    if (ms === null) return badItem(ctx, k, 'ts', `not a time: ${shownValue(str(m.ts))}`, `不是有效时间：${shownValue(str(m.ts), 'zh')}`);
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
