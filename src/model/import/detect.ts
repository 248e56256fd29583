/**
 * Which export a file is, from its name and first few kilobytes: the CSVs by
 * their header columns, the JSONs by their keys, the text exports by their
 * first lines. Null when nothing fits (the import names the formats it knows).
 */
import type { FormatId } from './chat-import.ts';
import { looksLikeIrc, looksLikeLogBot } from './text-formats.ts';

const HEAD_CHARS = 8192;

export function detectFormat(name: string, text: string): FormatId | null {
  const head = text.slice(0, HEAD_CHARS);
  const trimmed = head.trimStart();
  if (trimmed.startsWith('{')) {
    if (/"guild"\s*:/.test(head) && /"channel"\s*:/.test(head)) return 'discord-json';
    if (/"messages"\s*:/.test(head) && (/"(personal_chat|private_group|private_supergroup|public_supergroup|saved_messages|bot_chat)"/.test(head) || /"from_id"\s*:/.test(head) || /"date_unixtime"\s*:/.test(head))) return 'telegram-json';
    if (/"messages"\s*:/.test(head) && /"type"\s*:\s*"message"/.test(head)) return 'telegram-json';
    return null;
  }
  if (/^\[\s*[{\]"]/.test(trimmed)) { // a JSON list ("[09:00] <nick>" is an IRC line)
    if (/"ts"\s*:/.test(head) && /"type"\s*:\s*"message"/.test(head)) return 'slack-json';
    if (/^\s*\[\s*\]\s*$/.test(text) && /\d{4}-\d{2}-\d{2}\.json$/i.test(name)) return 'slack-json';
    return null;
  }
  const firstLine = head.split('\n', 1)[0].replace(/^\uFEFF/, '');
  const columns = firstLine.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
  const has = (...names: string[]) => names.every((n) => columns.includes(n));
  if (has('StrContent') && (has('localId') || has('StrTime') || has('CreateTime'))) return 'wechatmsg-csv';
  if (has('type_name', 'talker', 'CreateTime')) return 'pywxdump-csv';
  if (has('AuthorID', 'Author', 'Date', 'Content')) return 'discord-csv';
  if (/消息记录（此消息记录为文本格式/.test(head) || /^\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{2}:\d{2} .*(\(\d{4,12}\)|<[^<>]+>)\s*$/m.test(head)) return 'qq-txt';
  if (/微信聊天记录\s*$/.test(firstLine) || /^.+ \(\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{2}(:\d{2})?\):/m.test(head)) return 'wechatexporter-txt';
  if (/^--- Log opened /m.test(head) || looksLikeIrc(head) || looksLikeLogBot(head)) return 'irc-txt';
  return null;
}
