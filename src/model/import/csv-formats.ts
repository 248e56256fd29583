/**
 * The CSV exports, read with papaparse row by row (`step`: no array of every
 * row is built): WeChatMsg (留痕), PyWxDump and DiscordChatExporter. A broken
 * row (a bad quote, too few fields, an unreadable time) is skipped with a
 * message naming its line and column; the rest is kept.
 *
 * Columns relied on (docs/import.md):
 *   WeChatMsg   Type, SubType, IsSender, CreateTime | StrTime, StrContent, Sender (| NickName, Remark)
 *   PyWxDump    type_name, is_sender, talker, msg | content, CreateTime
 *   Discord     AuthorID, Author, Date, Content, Attachments
 */
import Papa from 'papaparse';
import { classify, type TypeHint } from './classify.ts';
import { minuteAt, PROGRESS_EVERY, shownValue, type ReadContext } from './reader.ts';
import type { TextSource } from './decode.ts';
import type { ChatSink } from './chat-import.ts';
import { parseIsoInstant, parseUnix, parseWallClock } from './time.ts';
import { bilingual } from '../text.ts';

type Row = Record<string, string | undefined>;

/** China Standard Time: the WeChat tools' own clock, for Unix timestamps when no --tz is given. */
export const WECHAT_DEFAULT_OFFSET = 480;

/**
 * Read a CSV with a header row, piece by piece: each piece is cut at its last
 * line break outside quotes (a quoted field may hold line breaks), the rows
 * before it parsed by papaparse (`step`: one row at a time) and the rest
 * carried to the next piece. `onRow` gets each row by column name and the
 * line it starts on. A row with too few or too many fields is skipped with
 * its line and the column where it breaks (unless the format writes short
 * rows on purpose: `minimumFields`).
 */
export function readCsv(source: TextSource, ctx: ReadContext, required: readonly string[], onRow: (row: Row, line: number) => void, minimumFields = Infinity): boolean {
  let header: string[] | null = null;
  let carry = '';
  let carryLine = 1;
  let rows = 0;
  let ok = true;
  let done = 0;
  const parseBlock = (block: string, firstLine: number) => {
    let newlines = 0;
    let counted = 0;
    let rowStart = 0;
    Papa.parse<string[]>(block, {
      skipEmptyLines: 'greedy',
      step: (result, parser) => {
        if (!ok) { parser.abort(); return; }
        while (rowStart < block.length && (block.charCodeAt(rowStart) === 10 || block.charCodeAt(rowStart) === 13)) rowStart++; // skipped empty lines
        for (let nl = block.indexOf('\n', counted); nl >= 0 && nl < rowStart; nl = block.indexOf('\n', nl + 1)) newlines++;
        counted = Math.max(counted, rowStart);
        const line = firstLine + newlines;
        release(line);
        const start = rowStart;
        rowStart = result.meta.cursor;
        const fields = result.data;
        if (!header) {
          header = fields.map((f) => f.trim());
          const absent = required.filter((c) => !header!.includes(c));
          if (absent.length) {
            ctx.sink.skip(ctx.file, line, absent[0], `the header has no column ${absent.join(', ')}; the file cannot be read`, `表头缺少列 ${absent.join('、')}，无法读取该文件`);
            ok = false;
            parser.abort();
          }
          return;
        }
        if (++rows % PROGRESS_EVERY === 0) ctx.progress(done);
        const error = result.errors[0];
        if (error) {
          // how far the open quote reached: the lines this row swallowed
          const extra = breaksIn(block.slice(start, result.meta.cursor).replace(/\r?\n$/, ''));
          const last = line + extra;
          if (error.code === 'MissingQuotes' || extra > 0) ctx.sink.unreadLines += extra + 1;
          if (error.code === 'MissingQuotes') {
            ctx.sink.skip(ctx.file, line, null, `a quote opened on line ${line} is never closed: the rest of the file (lines ${line}–${last}, ${extra + 1} lines) was read as one field and skipped`, `第 ${line} 行的引号一直没有闭合：文件其余部分（第 ${line}–${last} 行，共 ${extra + 1} 行）被读成一个字段并已跳过`);
          } else if (extra > 0) {
            ctx.sink.skip(ctx.file, line, null, `a quote opened on line ${line} closes only on line ${last}: lines ${line}–${last} (${extra + 1} lines) were read as one row and skipped (${error.message})`, `第 ${line} 行的引号直到第 ${last} 行才闭合：第 ${line}–${last} 行（共 ${extra + 1} 行）被读成一行并已跳过`);
          } else {
            ctx.sink.skip(ctx.file, line, null, `a quote is misplaced in this row (${error.message})`, '该行引号位置不正确');
          }
          return;
        }
        if (fields.length < header.length && fields.length < minimumFields) {
          ctx.sink.skip(ctx.file, line, header[fields.length], `too few fields (expected ${header.length} fields but parsed ${fields.length}): the row is broken from this column on`, '字段过少：该行从此列起已损坏');
          return;
        }
        if (fields.length > header.length) {
          ctx.sink.skip(ctx.file, line, header[header.length - 1], `too many fields (expected ${header.length} fields but parsed ${fields.length}): an unquoted comma after this column`, '字段过多：此列之后有未加引号的逗号');
          return;
        }
        const row: Row = {};
        header.forEach((name, k) => { row[name] = fields[k]; });
        onRow(row, line);
      },
    });
  };
  // a quote that is never closed: when a line inside it reads as a whole row of the file,
  // the quote is taken as broken, its row skipped (blanked, so line numbers hold) and the
  // reading goes on from that line (resynchronised) instead of swallowing the rest of the file
  const looksLikeRow = rowShape(source.head, minimumFields);
  // such a row is found before its block is parsed: its skip is held until the rows before it are read (input order)
  const held: Parameters<ChatSink['skip']>[] = [];
  const release = (before: number) => { while (held.length && held[0][1] < before) ctx.sink.skip(...held.shift()!); };
  const broken = (text: string, rowStart: number, openAt: number, end: number): string => {
    const before = text.slice(0, rowStart);
    const line = carryLine + breaksIn(before);
    const row = text.slice(rowStart, end);
    const lines = breaksIn(row) + 1;
    const column = looksLikeRow?.columnAt(text.slice(rowStart, openAt)) ?? null;
    held.push([ctx.file, line, column,
      `a quote opened here is never closed; the next line reads as a whole row, so only this row${lines > 1 ? ` (lines ${line}–${line + lines - 1})` : ''} was skipped and the reading went on`,
      `此处的引号没有闭合；下一行是完整的一行，因此只跳过了该行${lines > 1 ? `（第 ${line}–${line + lines - 1} 行）` : ''}，其余照常读取`]);
    ctx.sink.unreadLines += lines;
    return before + row.replace(/[^\n]/g, '') + text.slice(end);
  };
  // scan `text` from `from` (state `quoted`, the current row starting at `rowStart`, its open quote at `openAt`);
  // returns the text (broken rows blanked), the last line break outside quotes, and where the scan stopped
  const scan = (input: string, from: number, state: { quoted: boolean; rowStart: number; openAt: number }, final: boolean) => {
    let text = input;
    let { quoted, rowStart, openAt } = state;
    let cut = -1;
    let i = from;
    let nextQuote = text.indexOf('"', i);
    while (i < text.length) {
      const nl = text.indexOf('\n', i);
      if (quoted) {
        if (looksLikeRow && nl >= 0 && (nextQuote < 0 || nl < nextQuote)) {
          // a line break inside quotes: a message's own line, or a quote never closed?
          const lineEnd = text.indexOf('\n', nl + 1);
          if (lineEnd < 0 && !final) break; // the next line is not complete yet
          if (looksLikeRow.test(text.slice(nl + 1, lineEnd < 0 ? undefined : lineEnd).replace(/\r$/, ''))) {
            const length = text.length;
            text = broken(text, rowStart, openAt, nl);
            const at = nl + (text.length - length);
            quoted = false;
            cut = at;
            i = at + 1;
            rowStart = i;
            nextQuote = text.indexOf('"', i);
            continue;
          }
          i = nl + 1;
          continue;
        }
        if (nextQuote < 0) { i = text.length; break; }
        quoted = false;
        i = nextQuote + 1;
        nextQuote = text.indexOf('"', i);
        continue;
      }
      if (nextQuote >= 0 && (nl < 0 || nextQuote < nl)) {
        quoted = true;
        openAt = nextQuote;
        i = nextQuote + 1;
        nextQuote = text.indexOf('"', i);
        continue;
      }
      if (nl < 0) { i = text.length; break; }
      cut = nl;
      i = nl + 1;
      rowStart = i;
    }
    return { text, cut, stop: i, state: { quoted, rowStart, openAt } };
  };
  let scanFrom = 0;
  let state = { quoted: false, rowStart: 0, openAt: -1 };
  for (const chunk of source.chunks()) {
    if (!ok) break;
    done = chunk.done;
    const r = scan(carry + chunk.text, scanFrom, state, false);
    if (r.cut < 0) {
      carry = r.text;
      scanFrom = r.stop;
      state = r.state;
      continue;
    }
    const block = r.text.slice(0, r.cut + 1);
    parseBlock(block, carryLine);
    carryLine += breaksIn(block);
    carry = r.text.slice(r.cut + 1);
    scanFrom = r.stop - (r.cut + 1);
    state = { quoted: r.state.quoted, rowStart: r.state.rowStart - (r.cut + 1), openAt: r.state.openAt - (r.cut + 1) };
  }
  if (ok && carry !== '') carry = scan(carry, scanFrom, state, true).text; // the last lines: a quote left open there
  if (ok && carry.trim() !== '') parseBlock(carry, carryLine);
  release(Infinity);
  ctx.progress(1);
  return ok;
}

/**
 * What a whole row of this CSV looks like, from its header and first data row
 * (in the text's head): as many fields as the header (or at least
 * `minimumFields`), and a number wherever the first row has one (localId,
 * Type, CreateTime…). Null when the first row has no number to go by: then a
 * quote is never taken as broken.
 */
function rowShape(head: string, minimumFields: number): { test: (line: string) => boolean; columnAt: (prefix: string) => string | null } | null {
  const lines = head.replace(/^\uFEFF/, '').split('\n', 3).map((l) => l.replace(/\r$/, ''));
  if (lines.length < 3) return null; // the first data row may not be complete
  const header = Papa.parse<string[]>(lines[0]);
  const delimiter = header.meta.delimiter;
  const columns = header.data[0]?.map((c) => c.trim()) ?? [];
  const first = Papa.parse<string[]>(lines[1], { delimiter });
  if (first.errors.length || !first.data[0]) return null;
  const numeric = first.data[0].flatMap((f, k) => (/^\d+$/.test(f) ? [k] : []));
  if (!numeric.length) return null;
  const fewest = Math.min(columns.length, minimumFields);
  return {
    test: (line) => {
      if (!line.trim()) return false;
      const r = Papa.parse<string[]>(line, { delimiter });
      const fields = r.data[0];
      if (r.errors.length || r.data.length !== 1 || !fields || fields.length < fewest || fields.length > columns.length) return false;
      return numeric.every((k) => k >= fields.length || /^\d+$/.test(fields[k]));
    },
    columnAt: (prefix) => {
      // the field the quote opens: the delimiters before it, outside quotes
      let k = 0;
      let inQuotes = false;
      for (const c of prefix) {
        if (c === '"') inQuotes = !inQuotes;
        else if (c === delimiter && !inQuotes) k++;
      }
      return columns[k] ?? null;
    },
  };
}

/** Line breaks in a text. */
function breaksIn(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

const badTime = (ctx: ReadContext, line: number, column: string, value: string | undefined) =>
  ctx.sink.skip(ctx.file, line, column, `not a time: ${shownValue(value ?? '')}`, `不是有效时间：${shownValue(value ?? '', 'zh')}`);

const missing = (ctx: ReadContext, line: number, column: string) =>
  ctx.sink.skip(ctx.file, line, column, 'is empty: who wrote the message is unknown', '为空：无法确定发言人');

/** A time column that may be Unix seconds (absolute) or the exporter's wall clock. */
function timeOf(ctx: ReadContext, value: string | undefined, defaultOffset: number): number | null {
  if (value === undefined) return null;
  const unix = parseUnix(value);
  if (unix !== null) return minuteAt(ctx, unix, defaultOffset);
  return parseWallClock(value);
}

/** Columns WeChatMsg writes for every message (localId … StrTime); the sender's three follow in a group. */
const WECHATMSG_OWN_COLUMNS = 9;

/** WeChatMsg message types (WeChat's own codes): 1 text, 3 picture, 34 voice, 43 video, 47 sticker, 49 app/share, 10000+ system. */
function wechatHint(type: string, subType: string, content: string): TypeHint {
  const t = Number(type);
  if (t >= 10000) return 'system';
  if (t === 47) return 'sticker';
  if (t === 436207665 || (t === 49 && (subType === '2001' || /红包/.test(content)))) return 'redPacket';
  if (t === 1) return 'text';
  if (t === 49 && subType === '57') return 'text'; // a quoted reply: its text is the message
  return 'media';
}

/**
 * WeChatMsg writes, in a group chat, the sender's Remark, NickName and wxid
 * (`Sender`) after the message's own nine columns; older versions write only
 * the nine for a one-to-one chat, so such rows are read as "self" or "the
 * other person" by IsSender.
 */
export function readWeChatMsg(text: TextSource, ctx: ReadContext): string {
  const hasher = ctx.sink.hasher;
  let usedUnix = false;
  let strTimeUsed = 0;
  let nickNameUsed = 0;
  readCsv(text, ctx, ['Type', 'StrContent'], (row, line) => {
    const content = row.StrContent ?? '';
    const hint = wechatHint(row.Type ?? '', row.SubType ?? '', content);
    const kind = classify(content, hint);
    if (kind === 'system') return ctx.sink.ignore('system lines');
    const shortRow = row.Sender === undefined && row.NickName === undefined;
    const name = (row.Sender ?? '').trim() || (row.NickName ?? '').trim() || (row.Remark ?? '').trim()
      || (shortRow ? (row.IsSender === '1' ? 'self' : 'other') : '');
    if (!name) return missing(ctx, line, 'Sender');
    const aliases = [row.NickName, row.Remark].map((n) => (n ?? '').trim()).filter((n) => n && n !== name).map((n) => hasher.hash(n));
    const byName = !(row.Sender ?? '').trim();
    const unix = parseUnix(row.CreateTime ?? '');
    let minute: number | null;
    if (unix !== null) {
      usedUnix = true;
      minute = minuteAt(ctx, unix, WECHAT_DEFAULT_OFFSET);
    } else minute = parseWallClock(row.StrTime ?? '');
    const created = (row.CreateTime ?? '').trim();
    if (minute === null) {
      // name the column that was read: CreateTime when it holds something, else StrTime
      return created !== '' || row.StrTime === undefined ? badTime(ctx, line, 'CreateTime', row.CreateTime) : badTime(ctx, line, 'StrTime', row.StrTime);
    }
    if (unix === null && created !== '') strTimeUsed++;
    if (byName && !shortRow) nickNameUsed++;
    ctx.sink.add({ author: hasher.hash(name), aliases, minute, kind, byName });
  }, WECHATMSG_OWN_COLUMNS);
  // fallbacks that keep a row, said rather than silent
  const file = ctx.file.split(/[\\/]/).pop() ?? ctx.file;
  if (strTimeUsed) {
    ctx.sink.notices.push(bilingual(
      `${file}: ${strTimeUsed} ${strTimeUsed === 1 ? 'row' : 'rows'} used StrTime because CreateTime was unreadable`,
      `${file}：${strTimeUsed} 行的 CreateTime 无法读取，已改用 StrTime`,
    ));
  }
  if (nickNameUsed) {
    ctx.sink.notices.push(bilingual(
      `${file}: ${nickNameUsed} ${nickNameUsed === 1 ? 'row has' : 'rows have'} an empty Sender and ${nickNameUsed === 1 ? 'was' : 'were'} credited to the NickName (or Remark) instead; the same person may count twice if other rows carry their wxid`,
      `${file}：${nickNameUsed} 行的 Sender 为空，已按 NickName（或 Remark）确定发言人；若同一人在其他行带有 wxid，可能被算作两人`,
    ));
  }
  return usedUnix ? 'CreateTime (Unix seconds) at the offset' : 'StrTime (the exporter\u2019s wall clock)';
}

function pywxdumpHint(typeName: string): TypeHint {
  if (/系统|撤回|拍一拍|system/i.test(typeName)) return 'system';
  if (/表情|emoji|sticker/i.test(typeName)) return 'sticker';
  if (/红包/.test(typeName)) return 'redPacket';
  if (/文本|引用|text/i.test(typeName)) return 'text';
  return 'media';
}

export function readPyWxDump(text: TextSource, ctx: ReadContext): string {
  const hasher = ctx.sink.hasher;
  readCsv(text, ctx, ['type_name', 'talker', 'CreateTime'], (row, line) => {
    const content = row.msg ?? row.content ?? '';
    const kind = classify(content, pywxdumpHint(row.type_name ?? ''));
    if (kind === 'system') return ctx.sink.ignore('system lines');
    const name = (row.talker ?? '').trim() || (row.is_sender === '1' ? 'self' : '');
    if (!name) return missing(ctx, line, 'talker');
    const minute = timeOf(ctx, row.CreateTime, WECHAT_DEFAULT_OFFSET);
    if (minute === null) return badTime(ctx, line, 'CreateTime', row.CreateTime);
    ctx.sink.add({ author: hasher.hash(name), minute, kind });
  });
  return 'CreateTime (the exporter\u2019s wall clock; Unix seconds at the offset)';
}

/** DiscordChatExporter lines that are not messages (system events it writes as text). */
const DISCORD_SYSTEM = /^(Joined the server\.|Pinned a message\.|Started a call|Added .+ to the group\.|Changed the channel name)/;

export function readDiscordCsv(text: TextSource, ctx: ReadContext): string {
  const hasher = ctx.sink.hasher;
  readCsv(text, ctx, ['AuthorID', 'Author', 'Date', 'Content'], (row, line) => {
    const content = row.Content ?? '';
    if (DISCORD_SYSTEM.test(content)) return ctx.sink.ignore('system lines');
    const kind = classify(content, content.trim() === '' && (row.Attachments ?? '').trim() !== '' ? 'media' : 'text');
    if (kind === 'system') return;
    const id = (row.AuthorID ?? '').trim();
    if (!id) return missing(ctx, line, 'AuthorID');
    const iso = parseIsoInstant(row.Date ?? '');
    const minute = iso ? minuteAt(ctx, iso.ms, iso.offset) : parseWallClock(row.Date ?? '');
    if (minute === null) return badTime(ctx, line, 'Date', row.Date);
    const author = (row.Author ?? '').trim();
    ctx.sink.add({ author: hasher.hash(id), aliases: author ? [hasher.hash(author), hasher.hash(author.replace(/#\d{1,4}$/, ''))] : [], minute, kind });
  });
  return ctx.tz === null ? 'Date (ISO 8601 with the exporter\u2019s offset)' : 'Date (ISO 8601) at the offset';
}
