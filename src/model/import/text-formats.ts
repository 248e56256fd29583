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

export function readWechatExporterTxt(text: string, ctx: ReadContext): string {
  const { sink } = ctx;
  let pending: { author: string; minute: number; text: string } | null = null;
  const flush = () => {
    if (!pending) return;
    const kind = classify(pending.text, wechatExporterHint(pending.text));
    if (kind === 'system') sink.ignore('system lines');
    else sink.add({ author: pending.author, minute: pending.minute, kind });
    pending = null;
  };
  let rows = 0;
  for (const { line, number, end } of linesOf(text)) {
    if (++rows % PROGRESS_EVERY === 0) ctx.progress(end / text.length);
    if (number === 1 && /微信聊天记录\s*$/.test(line)) continue;
    const m = WECHATEXPORTER_LINE.exec(line);
    if (!m) {
      if (pending) pending.text += `\n${line}`;
      else if (line.trim()) sink.skip(ctx.file, number, null, 'not a message line ("NAME (YYYY-MM-DD HH:MM:SS):TEXT") and no message before it', '不是消息行 ("名字 (YYYY-MM-DD HH:MM:SS):内容")，前面也没有消息');
      continue;
    }
    flush();
    const minute = parseWallClock(m[2]);
    if (minute === null) {
      sink.skip(ctx.file, number, 'time', `not a time: "${m[2]}"`, `不是有效时间："${m[2]}"`);
      continue;
    }
    pending = { author: sink.hasher.hash(m[1]), minute, text: m[3] };
  }
  flush();
  ctx.progress(1);
  return 'the exporter\u2019s wall clock';
}

const QQ_HEAD = /^(\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{2}:\d{2}) (.*?)(?:\((\d{4,12})\)|<([^<>]+)>)\s*$/;
const QQ_TIME_ONLY = /^(\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{2}:\d{2}) /;
function qqHint(text: string): TypeHint {
  const t = text.trim();
  if (/^\[(?:表情|图片表情|动画表情)\]$/.test(t)) return 'sticker';
  if (/^\[(?:QQ红包|红包)\]/.test(t)) return 'redPacket';
  if (/^\[(?:图片|语音|视频|文件)\]$/.test(t)) return 'media';
  if (/^(?:系统消息|.*(?:撤回了一条消息|加入本群|退出了本群|被管理员移出))/.test(t)) return 'system';
  return 'text';
}

export function readQqTxt(text: string, ctx: ReadContext): string {
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
  for (const { line, number, end } of linesOf(text)) {
    if (++rows % PROGRESS_EVERY === 0) ctx.progress(end / text.length);
    const m = QQ_HEAD.exec(line);
    if (!m) {
      if (inHeader) continue; // the header: title, ===== lines, 消息分组, 消息对象
      const time = QQ_TIME_ONLY.exec(line);
      if (time && parseWallClock(time[1]) === null) {
        flush();
        sink.skip(ctx.file, number, 'time', `not a time: "${time[1]}"`, `不是有效时间："${time[1]}"`);
        continue;
      }
      if (pending) pending.text += pending.text ? `\n${line}` : line;
      continue;
    }
    inHeader = false;
    flush();
    const minute = parseWallClock(m[1]);
    if (minute === null) {
      sink.skip(ctx.file, number, 'time', `not a time: "${m[1]}"`, `不是有效时间："${m[1]}"`);
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
