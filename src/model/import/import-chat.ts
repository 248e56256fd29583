/**
 * Import a group's chat export (issue 19): decode each file (BOM, UTF-8,
 * UTF-16, GBK; a zip is read as the files in it), detect its format, read it
 * row by row into one message table,
 * hash every name on the way in, read the optional roster, and report every
 * row skipped and why. Pure: runs in Node (the CLI) and in a Web Worker (the
 * browser's Import view); nothing leaves the caller.
 */
import { bilingual, type Bilingual } from '../text.ts';
import { ChatSink, FORMAT_NAMES, FORMAT_NAMES_ZH, FORMATS, LINE_PARTS, type FileReport, type FormatId, type ImportedChat, type RosterMember, type SkippedRow } from './chat-import.ts';
import { readDiscordCsv, readPyWxDump, readWeChatMsg, WECHAT_DEFAULT_OFFSET } from './csv-formats.ts';
import { decodeBytes, EncodingError, openText, type TextSource } from './decode.ts';
import { detectFormat } from './detect.ts';
import { NameHasher, saltOf } from './hash.ts';
import { readDiscordJson, readSlackDay, readTelegram, SLACK_DEFAULT_OFFSET } from './json-formats.ts';
import type { ReadContext } from './reader.ts';
import { isSlackRosterFile, readRoster, slackBots, slackChannelOf, type RosterFile } from './roster.ts';
import { readIrcLog, readQqTxt, readWechatExporterTxt } from './text-formats.ts';
import { formatOffset } from './time.ts';
import { isZip, unzipExport } from './zip.ts';

export interface ImportInput {
  /** The file's name or path (a Slack day file's folder names its channel). */
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface ImportOptions {
  /** Offset for absolute timestamps, minutes east of UTC; null: each format's default. */
  readonly tz?: number | null;
  /** Salt for the name hashes; default: derived from the inputs (same files → same hashes). */
  readonly salt?: string;
  /** Member lists (roster files). */
  readonly roster?: readonly ImportInput[];
  /** Called as files are read: overall share done (0–1). */
  readonly onProgress?: (fraction: number) => void;
  /** Bytes decoded at a time (default 4 MB); tests set it small to cross every boundary. */
  readonly chunkBytes?: number;
  /** Slack channels to read (folder names); default: every channel given. */
  readonly channels?: readonly string[];
}

export type ImportOutcome =
  | { ok: true; chat: ImportedChat; notices: Bilingual[]; slackChannels: string[] }
  | { ok: false; problems: Bilingual[] };

/** The format's default offset for absolute times, for the report. */
const DEFAULT_OFFSET: Partial<Record<FormatId, number>> = {
  'wechatmsg-csv': WECHAT_DEFAULT_OFFSET, 'pywxdump-csv': WECHAT_DEFAULT_OFFSET, 'slack-json': SLACK_DEFAULT_OFFSET,
};

/** Each reader's time basis in Chinese (the readers say it in English). */
const TIME_BASIS_ZH: Record<string, string> = {
  'CreateTime (Unix seconds) at the offset': 'CreateTime（Unix 秒），按时差',
  'StrTime (the exporter\u2019s wall clock)': 'StrTime（导出设备的本地时间）',
  'CreateTime (the exporter\u2019s wall clock; Unix seconds at the offset)': 'CreateTime（导出设备的本地时间；Unix 秒按时差）',
  'Date (ISO 8601 with the exporter\u2019s offset)': 'Date（ISO 8601，带导出时的时差）',
  'Date (ISO 8601) at the offset': 'Date（ISO 8601），按时差',
  'timestamp (ISO 8601) at the offset': 'timestamp（ISO 8601），按时差',
  'date_unixtime at the offset': 'date_unixtime，按时差',
  'date (the exporting computer\u2019s wall clock)': 'date（导出电脑的本地时间）',
  'timestamp (ISO 8601 with the exporter\u2019s offset)': 'timestamp（ISO 8601，带导出时的时差）',
  'ts (Unix time) at UTC: pass --tz for the team\u2019s local day': 'ts（Unix 时间）按 UTC：请用时区选项设为团队的本地时间',
  'ts (Unix time) at the offset': 'ts（Unix 时间），按时差',
  'the exporter\u2019s wall clock': '导出设备的本地时间',
  'the logger\u2019s wall clock': '记录程序的本地时间',
};

const KNOWN = FORMATS.map((f) => FORMAT_NAMES[f]).join(', ');
const KNOWN_ZH = FORMATS.map((f) => FORMAT_NAMES_ZH[f]).join('、');

export function importChat(inputs: readonly ImportInput[], options: ImportOptions = {}): ImportOutcome {
  const tz = options.tz ?? null;
  const hasher = new NameHasher(options.salt ?? saltOf([...inputs, ...(options.roster ?? [])]));
  const sink = new ChatSink(hasher);
  const problems: Bilingual[] = [];
  const notices: Bilingual[] = [];
  const files: FileReport[] = [];
  const rosterFiles: RosterFile[] = [];
  const encodingNotice = (name: string, encoding: FileReport['encoding']) => {
    if (encoding !== 'utf-8') notices.push(bilingual(`${name}: read as ${encoding.toUpperCase()}${encoding === 'gb18030' ? ' (GBK)' : ''}, not UTF-8`, `${name}：按 ${encoding.toUpperCase()} 解码，而非 UTF-8`));
  };
  const refuse = (name: string, d: { en: string; zh: string }) => problems.push(bilingual(`${name}: ${d.en}`, `${name}：${d.zh}`));

  for (const input of options.roster ?? []) {
    const d = decodeBytes(input.bytes);
    if (!d.ok) refuse(input.name, d);
    else {
      encodingNotice(input.name, d.encoding);
      rosterFiles.push({ name: input.name, text: d.text });
    }
  }
  const wanted = options.channels?.length ? new Set(options.channels) : null;
  const presentChannels = new Set<string>(); // every Slack channel in the inputs, chosen or not
  const unpacked: ImportInput[] = [];
  for (const input of inputs) {
    if (!isZip(input.bytes)) { unpacked.push(input); continue; }
    const unzipped = unzipExport(input.name, input.bytes, wanted);
    if (!unzipped.ok) { refuse(input.name, unzipped); continue; }
    unzipped.slackChannels.forEach((c) => presentChannels.add(c));
    if (!unzipped.files.length && !unzipped.slackChannels.length) refuse(input.name, { en: 'the zip holds no .csv, .txt, .json, .log or .html file', zh: 'zip 压缩包中没有 .csv、.txt、.json、.log 或 .html 文件' });
    unpacked.push(...unzipped.files);
  }
  const chats: { name: string; source: TextSource; bytes: number; format: FormatId; encoding: FileReport['encoding']; bom: boolean }[] = [];
  let bots = new Set<string>();
  for (const input of unpacked) {
    const opened = openText(input.bytes, options.chunkBytes);
    if (!opened.ok) { refuse(input.name, opened); continue; }
    const { source, encoding, bom } = opened;
    encodingNotice(input.name, encoding);
    try {
      if (isSlackRosterFile(input.name, source.head.slice(0, 64))) {
        if (/users\.json$/i.test(input.name)) bots = slackBots(source.whole());
        if (/channels\.json$/i.test(input.name)) rosterFiles.push({ name: input.name, text: source.whole() });
        continue;
      }
    } catch (error) {
      if (error instanceof EncodingError) { refuse(input.name, { en: error.message, zh: `约 ${Math.max(1, Math.round(error.atByte / 1e6))} MB 之后的字节不是有效的 ${error.encoding.toUpperCase()}` }); continue; }
      throw error;
    }
    const format = detectFormat(input.name, source.head);
    if (!format) {
      problems.push(bilingual(`${input.name}: not a chat export this lab reads (known: ${KNOWN})`, `${input.name}：不是可识别的聊天导出格式（支持：${KNOWN_ZH}）`));
      continue;
    }
    const channel = format === 'slack-json' ? slackChannelOf(input.name) : null;
    if (channel !== null) {
      presentChannels.add(channel);
      if (wanted && !wanted.has(channel)) continue; // another channel of the export
    }
    chats.push({ name: input.name, source, bytes: input.bytes.length, format, encoding, bom });
  }
  const channelList = [...presentChannels].sort().join(', ') || 'none';
  for (const c of wanted ?? []) {
    if (!presentChannels.has(c)) problems.push(bilingual(`no Slack channel "${c}" in the export (its channels: ${channelList})`, `导出中没有 Slack 频道“${c}”（其频道：${channelList}）`));
  }
  if (!chats.length) {
    if (!problems.length) problems.push(bilingual('no chat export among the files', '所选文件中没有聊天导出'));
    return { ok: false, problems };
  }

  const totalBytes = chats.reduce((sum, c) => sum + c.bytes, 0) || 1;
  let doneBytes = 0;
  for (const c of chats) {
    const before = sink.count;
    const ctx: ReadContext = { file: c.name, sink, tz, progress: (f) => options.onProgress?.((doneBytes + f * c.bytes) / totalBytes) };
    let basis: string;
    try {
      basis = readFile(c.format, c.source, ctx, bots);
    } catch (error) {
      if (!(error instanceof EncodingError)) throw error;
      // the rows read before the broken bytes are kept
      refuse(c.name, { en: `${error.message}; the rows before them are kept`, zh: `约 ${Math.max(1, Math.round(error.atByte / 1e6))} MB 之后的字节不是有效的 ${error.encoding.toUpperCase()}；之前的行已保留` });
      basis = 'the exporter\u2019s wall clock';
    }
    const offset = tz ?? DEFAULT_OFFSET[c.format];
    const suffix = basis.includes('offset') && offset !== undefined ? ` ${formatOffset(offset)}` : '';
    files.push({ file: c.name, format: c.format, encoding: c.encoding, bom: c.bom, messages: sink.count - before, timeBasis: bilingual(`${basis}${suffix}`, `${TIME_BASIS_ZH[basis] ?? basis}${suffix}`) });
    doneBytes += c.bytes;
    options.onProgress?.(doneBytes / totalBytes);
  }
  const slackChannels = new Set(chats.filter((c) => c.format === 'slack-json').map((c) => slackChannelOf(c.name)).filter((n): n is string => n !== null));
  if (slackChannels.size > 1) {
    const read = [...slackChannels].sort().join(', ');
    notices.push(bilingual(`${slackChannels.size} Slack channels read together as one group (${read}); to measure one, choose it (on the Import page, or --channel NAME on the command line)`, `${slackChannels.size} 个 Slack 频道被合并为一个群读取（${read}）；如只测一个频道，请选择它（在“我的群”页面选择，或在命令行使用 --channel 名称）`));
  }
  notices.push(...mixedExportsNotices(chats));
  let roster: RosterMember[] | null = null;
  if (rosterFiles.length) {
    const read = readRoster(rosterFiles, hasher, slackChannels);
    problems.push(...read.problems.map((p) => bilingual(p.en, p.zh)));
    roster = read.entries.length ? read.entries : null;
    if (!roster) notices.push(bilingual('the roster lists nobody: members who never spoke cannot be counted', '成员名单为空：无法统计从未发言的成员'));
    else if (sink.count > 0) {
      const check = rosterMatch(roster, sink, rosterFiles.map((f) => f.name).join(', '), chats.map((c) => c.format));
      if (check.refuse) roster = null;
      if (check.message) (check.refuse ? problems : notices).push(check.message);
    }
  }
  if (sink.count === 0) {
    problems.push(bilingual('no message could be read from the files', '文件中没有可读取的消息'));
    return { ok: false, problems: [...sink.notices, ...problems, ...sink.skipped.slice(0, 20).map((s) => {
      const w = whereInLine(s);
      return bilingual(`${s.file}: line ${s.line}${w.en}: ${s.en}`, `${s.file}：第 ${s.line} 行${w.zh}：${s.zh}`);
    })] };
  }
  return { ok: true, chat: sink.finish(files, roster), notices: [...sink.notices, ...notices, ...problems], slackChannels: [...presentChannels].sort() };
}

/** Where in its line a skipped row broke: a character, a CSV column, a JSON field or a part of a text line. */
export function whereInLine(s: Pick<SkippedRow, 'column' | 'columnKind'>): Bilingual {
  if (!s.column) return bilingual('', '');
  if (/^\d+$/.test(s.column)) return bilingual(`, character ${s.column}`, `第 ${s.column} 个字符`); // a position in the line (JSON)
  if (s.columnKind === 'field') return bilingual(`, field ${s.column}`, `，${s.column} 字段`);
  if (s.columnKind === 'part') {
    const part = LINE_PARTS[s.column] ?? { en: s.column, zh: s.column };
    return bilingual(`, ${part.en}`, `，${part.zh}`);
  }
  return bilingual(`, column ${s.column}`, `，${s.column} 列`);
}

/**
 * Below this share of the log's authors found in a member list, the list is
 * refused. A real member list misses only the people who left before the
 * export, and in a group worth measuring most of those who wrote are still in
 * it; when fewer than half are, the list is far more likely of another
 * group, or of names where the export has ids (wxid vs display names) or the
 * reverse — and using it would make every member metric wrong (speaking rate
 * near 0 %, lurker share near 100 %).
 */
export const ROSTER_MIN_MATCH = 0.5;

/** Whether a member list fits the log's authors: refused below ROSTER_MIN_MATCH, a notice when some are missing. */
function rosterMatch(roster: readonly RosterMember[], sink: ChatSink, files: string, formats: readonly FormatId[]): { refuse: boolean; message: Bilingual | null } {
  const authors = sink.authors.length;
  const matched = new Set(Array.from(sink.matchRoster(roster)).filter((a) => a >= 0));
  const m = matched.size;
  if (m / authors < ROSTER_MIN_MATCH) {
    const wechat = formats.some((f) => f === 'wechatmsg-csv' || f === 'pywxdump-csv');
    const hint = wechat
      ? { en: 'is it a list of display names, not WeChat IDs (wxid), or of another group?', zh: '它是否是群昵称列表而非微信号（wxid），或是另一个群的名单？' }
      : { en: 'is it a list of display names where the export has user IDs (or the reverse), or of another group?', zh: '它是否是显示名列表而导出中是用户 ID（或相反），或是另一个群的名单？' };
    const who = m === 0 ? { en: `none of the ${authors} people who wrote`, zh: `发过言的 ${authors} 人中没有一人` } : { en: `only ${m} of the ${authors} people who wrote`, zh: `发过言的 ${authors} 人中只有 ${m} 人` };
    return {
      refuse: true,
      message: bilingual(
        `${who.en} ${m === 1 ? 'is' : 'are'} in ${files} (${roster.length} listed) — ${hint.en} The member list is not used: members are the people who wrote`,
        `${who.zh}在 ${files}（${roster.length} 人）中——${hint.zh}未使用该成员名单：成员按发过言的人计算`,
      ),
    };
  }
  if (m < authors) {
    return {
      refuse: false,
      message: bilingual(
        `${m} of the ${authors} people who wrote are in ${files}; the other ${authors - m} are counted as having left the group`,
        `发过言的 ${authors} 人中有 ${m} 人在 ${files} 中；其余 ${authors - m} 人按已退群计算。`,
      ),
    };
  }
  return { refuse: false, message: null };
}

/** The chat an export names (Telegram's "name", Discord's channel id, WeChatMsg's TalkerId), or null. */
export function chatNameOf(format: FormatId, head: string): string | null {
  if (format === 'telegram-json') {
    const before = head.split(/"messages"\s*:/)[0];
    const name = /"name"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(before)?.[1];
    const id = /"id"\s*:\s*(-?\d+)/.exec(before)?.[1];
    return name !== undefined || id !== undefined ? `${name ?? ''}#${id ?? ''}` : null;
  }
  if (format === 'discord-json') {
    const channel = /"channel"\s*:\s*\{[^}]*?"id"\s*:\s*"([^"]*)"/.exec(head)?.[1];
    return channel ?? null;
  }
  if (format === 'wechatmsg-csv') {
    const lines = head.split('\n', 3);
    if (lines.length < 2) return null;
    const header = lines[0].replace(/^\uFEFF/, '').split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
    const k = header.indexOf('TalkerId');
    const value = k >= 0 ? lines[1].split(',')[k]?.trim() : undefined;
    return value ? value : null;
  }
  return null;
}

/** Several exports read as one group: said when they are of different formats or name different chats. */
function mixedExportsNotices(chats: readonly { name: string; format: FormatId; source: TextSource }[]): Bilingual[] {
  if (chats.length < 2) return [];
  const out: Bilingual[] = [];
  const formats = [...new Set(chats.map((c) => c.format))];
  if (formats.length > 1) {
    const list = formats.map((f) => `${FORMAT_NAMES[f]}: ${chats.filter((c) => c.format === f).map((c) => c.name).join(', ')}`).join('; ');
    const listZh = formats.map((f) => `${FORMAT_NAMES_ZH[f]}：${chats.filter((c) => c.format === f).map((c) => c.name).join('、')}`).join('；');
    out.push(bilingual(
      `the files are exports in ${formats.length} different formats (${list}), measured together as one group; if they are different groups, import each on its own`,
      `这些文件是 ${formats.length} 种不同格式的导出（${listZh}），已合并为一个群测量；如果它们属于不同的群，请分别导入`,
    ));
  }
  const byChat = new Map<string, string[]>();
  for (const c of chats) {
    const name = chatNameOf(c.format, c.source.head);
    if (name === null) continue;
    const key = `${c.format}:${name}`;
    byChat.set(key, [...(byChat.get(key) ?? []), c.name]);
  }
  for (const f of formats) {
    const groups = [...byChat].filter(([key]) => key.startsWith(`${f}:`)).map(([, files]) => files);
    if (groups.length < 2) continue;
    out.push(bilingual(
      `the ${FORMAT_NAMES[f]} files come from ${groups.length} different chats (${groups.map((g) => g.join(', ')).join(' | ')}), measured together as one group; an export split in several files is fine, different groups are not`,
      `这些 ${FORMAT_NAMES_ZH[f]} 文件来自 ${groups.length} 个不同的群聊（${groups.map((g) => g.join('、')).join('；')}），已合并为一个群测量；同一导出分成多个文件没有问题，不同的群则不应合并`,
    ));
  }
  return out;
}

function readFile(format: FormatId, text: TextSource, ctx: ReadContext, bots: ReadonlySet<string>): string {
  switch (format) {
    case 'wechatmsg-csv': return readWeChatMsg(text, ctx);
    case 'pywxdump-csv': return readPyWxDump(text, ctx);
    case 'wechatexporter-txt': return readWechatExporterTxt(text, ctx);
    case 'qq-txt': return readQqTxt(text, ctx);
    case 'telegram-json': return readTelegram(text, ctx);
    case 'discord-csv': return readDiscordCsv(text, ctx);
    case 'discord-json': return readDiscordJson(text, ctx);
    case 'slack-json': return readSlackDay(text, ctx, bots);
    case 'irc-txt': return readIrcLog(text, ctx);
  }
}
