/**
 * Import a group's chat export (issue 19): decode each file (BOM, UTF-8,
 * UTF-16, GBK; a zip is read as the files in it), detect its format, read it
 * row by row into one message table,
 * hash every name on the way in, read the optional roster, and report every
 * row skipped and why. Pure: runs in Node (the CLI) and in a Web Worker (the
 * browser's Import view); nothing leaves the caller.
 */
import { bilingual, type Bilingual } from '../text.ts';
import { ChatSink, FORMAT_NAMES, FORMATS, type FileReport, type FormatId, type ImportedChat } from './chat-import.ts';
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
  'CreateTime (Unix seconds) at the offset': 'CreateTime (Unix 秒)，按时差',
  'StrTime (the exporter\u2019s wall clock)': 'StrTime (导出设备的本地时间)',
  'CreateTime (the exporter\u2019s wall clock; Unix seconds at the offset)': 'CreateTime (导出设备的本地时间；Unix 秒按时差)',
  'Date (ISO 8601 with the exporter\u2019s offset)': 'Date (ISO 8601，带导出时的时差)',
  'Date (ISO 8601) at the offset': 'Date (ISO 8601)，按时差',
  'timestamp (ISO 8601) at the offset': 'timestamp (ISO 8601)，按时差',
  'date_unixtime at the offset': 'date_unixtime，按时差',
  'date (the exporting computer\u2019s wall clock)': 'date (导出电脑的本地时间)',
  'timestamp (ISO 8601 with the exporter\u2019s offset)': 'timestamp (ISO 8601，带导出时的时差)',
  'ts (Unix time) at UTC: pass --tz for the team\u2019s local day': 'ts (Unix 时间) 按 UTC：请用时区选项设为团队的本地时间',
  'ts (Unix time) at the offset': 'ts (Unix 时间)，按时差',
  'the exporter\u2019s wall clock': '导出设备的本地时间',
  'the logger\u2019s wall clock': '记录程序的本地时间',
};

const KNOWN = FORMATS.map((f) => FORMAT_NAMES[f]).join(', ');

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
      problems.push(bilingual(`${input.name}: not a chat export this lab reads (known: ${KNOWN})`, `${input.name}：不是可识别的聊天导出格式 (支持：${KNOWN})`));
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
    if (!presentChannels.has(c)) problems.push(bilingual(`no Slack channel "${c}" in the export (its channels: ${channelList})`, `导出中没有 Slack 频道 "${c}"（其频道：${channelList}）`));
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
  let roster: string[][] | null = null;
  if (rosterFiles.length) {
    const read = readRoster(rosterFiles, hasher, slackChannels);
    problems.push(...read.problems.map((p) => bilingual(p.en, p.zh)));
    roster = read.entries.length ? read.entries : null;
    if (!roster) notices.push(bilingual('the roster lists nobody: members who never spoke cannot be counted', '成员名单为空：无法统计从未发言的成员'));
  }
  if (sink.count === 0) {
    problems.push(bilingual('no message could be read from the files', '文件中没有可读取的消息'));
    return { ok: false, problems: [...problems, ...sink.skipped.slice(0, 20).map((s) => bilingual(`${s.file}: line ${s.line}${s.column ? `, column ${s.column}` : ''}: ${s.en}`, `${s.file}：第 ${s.line} 行${s.column ? `，${s.column} 列` : ''}：${s.zh}`))] };
  }
  return { ok: true, chat: sink.finish(files, roster), notices: [...notices, ...problems], slackChannels: [...presentChannels].sort() };
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
