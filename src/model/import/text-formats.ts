/**
 * The plain-text exports, read line by line:
 *
 *   WechatExporter (BlueMatthew/WechatExporter, its txt templates):
 *     "<chat> - 微信聊天记录", then one message per line, "NAME (YYYY-MM-DD HH:MM:SS):TEXT";
 *     a line that does not start a message continues the one before.
 *   QQ (the PC message manager's .txt export):
 *     a header ("消息记录（此消息记录为文本格式，不支持重新导入）", ===== lines, 消息分组/消息对象),
 *     then blocks: "YYYY-MM-DD H:MM:SS NAME(QQ number)" or "… NAME<e-mail>", the text on the
 *     following lines, a blank line.
 * Both write the exporter's wall clock: times are taken as the group's local time.
 */
import { classify, type TypeHint } from './classify.ts';
import { linesOf, PROGRESS_EVERY, type ReadContext } from './reader.ts';
import type { TextSource } from './decode.ts';
import { parseWallClock } from './time.ts';

const WECHATEXPORTER_LINE = /^(.+?) \((\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{2}(?::\d{2})?)\):(.*)$/;
/** Placeholders WechatExporter writes for non-text messages. */
function wechatExporterHint(text: string): TypeHint {
  const t = text.trim();
  if (/^\[(?:Emoji|表情|动画表情)\]$/.test(t)) return 'sticker';
  if (/^\[(?:红包|Red packet)\]/.test(t)) return 'redPacket';
  if (/^\[(?:图片|Photo|Image|语音|Audio|Voice|视频|Video|文件|File|链接|Link|位置|Location|名片|Card|转账|Transfer)\]/i.test(t)) return 'media';
  return 'text';
}

export function readWechatExporterTxt(text: TextSource, ctx: ReadContext): string {
  const { sink } = ctx;
  let pending: { author: string; minute: number; text: string; byName: true } | null = null;
  const flush = () => {
    if (!pending) return;
    const kind = classify(pending.text, wechatExporterHint(pending.text));
    if (kind === 'system') sink.ignore('system lines');
    else sink.add({ author: pending.author, minute: pending.minute, kind, byName: true });
    pending = null;
  };
  let rows = 0;
  for (const { line, number, done } of linesOf(text)) {
    if (++rows % PROGRESS_EVERY === 0) ctx.progress(done);
    if (number === 1 && /微信聊天记录\s*$/.test(line)) continue;
    const m = WECHATEXPORTER_LINE.exec(line);
    if (!m) {
      if (pending) pending.text += `\n${line}`;
      else if (line.trim()) sink.skip(ctx.file, number, null, 'not a message line ("NAME (YYYY-MM-DD HH:MM:SS):TEXT") and no message before it', '不是消息行（应为“名字 (YYYY-MM-DD HH:MM:SS):内容”），前面也没有消息');
      continue;
    }
    flush();
    const minute = parseWallClock(m[2]);
    if (minute === null) {
      sink.skip(ctx.file, number, 'time', `not a time: "${m[2]}"`, `不是有效时间：“${m[2]}”`, 'part');
      continue;
    }
    pending = { author: sink.hasher.hash(m[1]), minute, text: m[3], byName: true };
  }
  flush();
  ctx.progress(1);
  return 'the exporter\u2019s wall clock';
}

const QQ_HEAD = /^(\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{2}:\d{2}) (.*?)(?:\((\d{4,12})\)|<([^<>]+)>)\s*$/;
const QQ_TIME_ONLY = /^(\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{2}:\d{2}) /;
/** A header line's shape whatever its date and time hold: a date-like word, a time-like word, then NAME(QQ) or NAME<e-mail>. */
const QQ_HEAD_SHAPE = /^(\d{4}[-/.][^\s]*) ([^\s]*:[^\s]*) (.*?)(?:\((\d{4,12})\)|<([^<>\s]+)>)\s*$/;
function qqHint(text: string): TypeHint {
  const t = text.trim();
  if (/^\[(?:表情|图片表情|动画表情)\]$/.test(t)) return 'sticker';
  if (/^\[(?:QQ红包|红包)\]/.test(t)) return 'redPacket';
  if (/^\[(?:图片|语音|视频|文件)\]$/.test(t)) return 'media';
  if (/^(?:系统消息|.*(?:撤回了一条消息|加入本群|退出了本群|被管理员移出))/.test(t)) return 'system';
  return 'text';
}

export function readQqTxt(text: TextSource, ctx: ReadContext): string {
  const { sink } = ctx;
  let pending: { author: string; aliases: string[]; minute: number; text: string; system: boolean } | null = null;
  const flush = () => {
    if (!pending) return;
    const kind = pending.system ? 'system' : classify(pending.text, qqHint(pending.text));
    if (kind === 'system') sink.ignore('system lines');
    else sink.add({ author: pending.author, aliases: pending.aliases, minute: pending.minute, kind });
    pending = null;
  };
  let inHeader = true;
  let rows = 0;
  for (const { line, number, done } of linesOf(text)) {
    if (++rows % PROGRESS_EVERY === 0) ctx.progress(done);
    const m = QQ_HEAD.exec(line);
    if (!m) {
      if (inHeader) continue; // the header: title, ===== lines, 消息分组, 消息对象
      const time = QQ_TIME_ONLY.exec(line);
      if (time && parseWallClock(time[1]) === null) {
        flush();
        sink.skip(ctx.file, number, 'time', `not a time: "${time[1]}"`, `不是有效时间：“${time[1]}”`, 'part');
        continue;
      }
      // a header line whose date or time is unreadable ("2026-10-0x 9:00:00 李四(10002)"): a broken header, not the previous message's text
      const shape = QQ_HEAD_SHAPE.exec(line);
      if (shape && !inHeader) {
        flush();
        const dateOk = /^\d{4}-\d{1,2}-\d{1,2}$/.test(shape[1]) && parseWallClock(`${shape[1]} 00:00`) !== null;
        const part = dateOk ? 'time' : 'date';
        const value = dateOk ? shape[2] : shape[1];
        sink.skip(ctx.file, number, part, `a message header ("DATE TIME NAME(QQ)") whose ${part} cannot be read: "${value}"; the message is skipped`, `消息头（“日期 时间 名字(QQ号)”）中的${dateOk ? '时间' : '日期'}无法读取：“${value}”；该消息已跳过`, 'part');
        continue;
      }
      if (pending) pending.text += pending.text ? `\n${line}` : line;
      continue;
    }
    inHeader = false;
    flush();
    const minute = parseWallClock(m[1]);
    if (minute === null) {
      sink.skip(ctx.file, number, 'time', `not a time: "${m[1]}"`, `不是有效时间：“${m[1]}”`, 'part');
      continue;
    }
    const id = m[3] ?? m[4];
    const name = m[2].trim();
    const system = id === '10000' || name === '系统消息';
    pending = { author: sink.hasher.hash(id), aliases: name ? [sink.hasher.hash(name)] : [], minute, text: '', system };
  }
  flush();
  ctx.progress(1);
  return 'the exporter\u2019s wall clock';
}

/**
 * IRC logs, the common plain-text layouts (irssi, WeeChat, ZNC, irclogs.ubuntu.com):
 *   "[12:34] <nick> text", "12:34:56 <@nick> text", "[2024-03-01 12:34:56] <nick> text",
 *   "2024-03-01 12:34:56\tnick\ttext" (WeeChat), "* nick does something" (an action);
 * and the day pages of the Java IRC LogBot (jibble.org, PircBot), one HTML line per event:
 *   <span class="irc-date">[9:05]</span> <span class="irc-black">&lt;nick&gt; text</span><br />
 *   where the colour class says what it is: black a message, brick an action, the rest
 *   (green joins, parts, nick changes and topics; navy quits; brown server notices; red kicks)
 *   not messages. The rest of the page is left; its "<h2>IRC Log for YYYY-MM-DD" gives the date.
 * The date comes from the line, else from irssi's "--- Day changed …" / "--- Log opened …" lines,
 * else from the file name (2024-03-01, 20240301 or 2024/03/01). Joins, parts, quits and
 * nick changes (-!-, ***, ===, -->, <--) are left out. Times are the logger's wall clock.
 */
const IRC_TIME = String.raw`(?:\[)?(?:(\d{4}-\d{2}-\d{2})[ T])?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\])?`;
const IRC_MESSAGE = new RegExp(String.raw`^${IRC_TIME}\s+<\s*[~&@%+]?([^>\s]+)\s*>\s?(.*)$`);
const IRC_ACTION = new RegExp(String.raw`^${IRC_TIME}\s+\*\s+([^\s*]+)\s+(.*)$`);
const WEECHAT = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2}):(\d{2})\t([^\t]*)\t(.*)$/;
const IRC_SYSTEM = new RegExp(String.raw`^(?:${IRC_TIME}\s+)?(?:-!-|\*\*\*|===|-->|<--|--\s|Day changed|Nick change)`);
const IRC_DAY = /^--- (?:Day changed|Log opened) \w{3} (\w{3}) (\d{1,2})(?: \d{2}:\d{2}:\d{2})? (\d{4})/;
const LOGBOT_LINE = /^(?:<p>)?<span class="irc-date">\[(\d{1,2}:\d{2}(?::\d{2})?)\]<\/span> <span class="irc-(\w+)">(.*)<\/span><br \/>\s*$/;
const LOGBOT_DAY = /^<h2>IRC Log for (\d{4}-\d{2}-\d{2})/;
const HTML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ' };
/** A LogBot line's text as shown: tags dropped (a link keeps its text), entities decoded. */
const htmlText = (html: string) => html.replace(/<[^>]*>/g, '').replace(/&(lt|gt|amp|quot|apos|nbsp|#\d+);/g, (_, e: string) => (e[0] === '#' ? String.fromCharCode(Number(e.slice(1))) : HTML_ENTITIES[e]));
/** Whether a text is a LogBot day page. */
export const looksLikeLogBot = (head: string) => /<span class="irc-date">\[\d{1,2}:\d{2}/.test(head);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A date in a file name: 2024-03-01, 2024.03.01, 20240301 or …/2024/03/01/…; as a local day's first minute. */
export function dateInName(name: string): number | null {
  const m = /(\d{4})[-_./]?(\d{2})[-_./]?(\d{2})(?!\d)/.exec(name);
  return m ? parseWallClock(`${m[1]}-${m[2]}-${m[3]} 00:00`) : null;
}

export function looksLikeIrc(head: string): boolean {
  const lines = head.split('\n').slice(0, 40);
  const hits = lines.filter((l) => IRC_MESSAGE.test(l) || WEECHAT.test(l.replace(/\r$/, ''))).length;
  return hits >= Math.min(3, lines.filter((l) => l.trim()).length) && hits > 0;
}

export function readIrcLog(text: TextSource, ctx: ReadContext): string {
  const { sink } = ctx;
  let day: number | null = dateInName(ctx.file);
  let lastMinute = -Infinity;
  let rows = 0;
  const logBot = looksLikeLogBot(text.head);
  for (const { line: raw, number, done } of linesOf(text)) {
    if (++rows % PROGRESS_EVERY === 0) ctx.progress(done);
    let line = raw.replace(/^\uFEFF/, '');
    if (!line.trim()) continue;
    if (logBot) {
      const pageDay = LOGBOT_DAY.exec(line);
      if (pageDay) day = parseWallClock(`${pageDay[1]} 00:00`);
      const event = LOGBOT_LINE.exec(line);
      if (!event) {
        if (line.includes('class="irc-date"')) sink.skip(ctx.file, number, null, 'not a LogBot line (<span class="irc-date">[H:MM]</span> <span class="irc-…">…</span><br />)', '不是 LogBot 日志行');
        continue; // the rest of the page
      }
      if (event[2] !== 'black' && event[2] !== 'brick') { sink.ignore('system lines'); continue; }
      line = `[${event[1]}] ${htmlText(event[3])}`;
    }
    const dayLine = IRC_DAY.exec(line);
    if (dayLine) {
      const month = MONTHS.indexOf(dayLine[1]) + 1;
      day = month ? parseWallClock(`${dayLine[3]}-${month}-${dayLine[2]} 00:00`) : day;
      continue;
    }
    if (/^---/.test(line) || IRC_SYSTEM.test(line)) { sink.ignore('system lines'); continue; }
    const wee = WEECHAT.exec(line);
    let date: string | undefined, hh: string, mm: string, nick: string, body: string;
    if (wee) {
      if (/^(?:-->|<--|--|=!=|\s*)$/.test(wee[5])) { sink.ignore('system lines'); continue; }
      [date, hh, mm, nick, body] = [wee[1], wee[2], wee[3], wee[5].replace(/^[~&@%+]/, ''), wee[6]];
    } else {
      const m = IRC_MESSAGE.exec(line) ?? IRC_ACTION.exec(line);
      if (!m) {
        sink.skip(ctx.file, number, null, 'not an IRC message line ("[HH:MM] <nick> text")', '不是 IRC 消息行（“[HH:MM] <昵称> 内容”）');
        continue;
      }
      [date, hh, mm, nick, body] = [m[1], m[2], m[3], m[5], m[6]];
    }
    const base = date !== undefined ? parseWallClock(`${date} 00:00`) : day;
    if (base === null) {
      sink.skip(ctx.file, number, 'time', 'the line has a time but no date, and neither the log nor the file name gives one', '该行只有时间没有日期，日志和文件名中也没有日期', 'part');
      continue;
    }
    if (Number(hh) > 23 || Number(mm) > 59) {
      sink.skip(ctx.file, number, 'time', `not a time: "${hh}:${mm}"`, `不是有效时间：“${hh}:${mm}”`, 'part');
      continue;
    }
    let minute = base + Number(hh) * 60 + Number(mm);
    // a log without day lines that runs past midnight: times go backwards by hours
    if (date === undefined && minute < lastMinute - 720) { day = (day ?? base) + 1440; minute += 1440; }
    lastMinute = minute;
    const kind = classify(body);
    if (kind === 'system') continue;
    sink.add({ author: sink.hasher.hash(nick), minute, kind, byName: true });
  }
  ctx.progress(1);
  return 'the logger\u2019s wall clock';
}
