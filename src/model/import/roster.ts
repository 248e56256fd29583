/**
 * A roster: who is in the group, so that members who never speak count
 * (speaking rate, lurker share). Accepted: a text file with one member (id or
 * name) per line; a CSV with a header naming an id or name column (wxid,
 * UserName, id, QQ, 微信号 / NickName, name, 昵称, 群昵称, Remark, 备注); a JSON
 * list of names; Slack's channels.json (members of the imported channels) with
 * users.json (which ids are bots). Each entry is hashed like the authors.
 */
import Papa from 'papaparse';
import type { NameHasher } from './hash.ts';
import type { RosterMember } from './chat-import.ts';
import type { Bilingual } from '../text.ts';
import { slackChannelOf } from './json-formats.ts';

const ID_COLUMNS = ['wxid', 'UserName', 'username', 'id', 'user_id', 'userId', 'ID', 'QQ', 'qq', '微信号', '账号', 'AuthorID'];
const NAME_COLUMNS = ['NickName', 'nickname', 'name', 'Name', 'display_name', 'real_name', '昵称', '群昵称', '成员', 'Remark', 'remark', '备注', 'Author'];

export interface RosterEntries {
  /** Each member: its id's hash when the list has an id column (the member is that id), and its names' hashes. */
  readonly entries: RosterMember[];
  readonly problems: { en: string; zh: string }[];
}

export type RosterFile = { readonly name: string; readonly text: string };

const isSlackChannels = (v: unknown): v is { name?: unknown; members?: unknown }[] =>
  Array.isArray(v) && v.length > 0 && typeof v[0] === 'object' && v[0] !== null && 'members' in v[0];
const isSlackUsers = (v: unknown): v is { id?: unknown; is_bot?: unknown }[] =>
  Array.isArray(v) && v.length > 0 && v.every((u) => typeof u === 'object' && u !== null && 'id' in u && !('members' in u));

/** Slack users.json: the ids of bots (their messages are left out). */
export function slackBots(text: string): Set<string> {
  try {
    const users: unknown = JSON.parse(text);
    if (!isSlackUsers(users)) return new Set();
    return new Set(users.filter((u) => u.is_bot === true || u.id === 'USLACKBOT').map((u) => String(u.id)));
  } catch {
    return new Set();
  }
}

/** Whether a JSON file is a Slack roster file (channels.json / users.json) rather than messages. */
export function isSlackRosterFile(name: string, head: string): boolean {
  return /(^|[\\/])(channels|users|groups|mpims|dms|integration_logs)\.json$/i.test(name) && /^\s*\[/.test(head);
}

export function readRoster(files: readonly RosterFile[], hasher: NameHasher, slackChannels: ReadonlySet<string>): RosterEntries {
  const entries: RosterMember[] = [];
  const problems: { en: string; zh: string }[] = [];
  const seenIds = new Set<string>();
  // names listed more than once in a list without ids: kept (two members), but said
  const nameCount = new Map<string, number>();
  const push = (values: string[]) => {
    const names = values.map((v) => v.trim()).filter(Boolean);
    if (!names.length) return;
    for (const n of names) nameCount.set(n, (nameCount.get(n) ?? 0) + 1);
    entries.push({ id: null, names: names.map((v) => hasher.hash(v)) });
  };
  // a row with an id is that id's member: two rows with different ids are two members, whatever their names
  const pushWithId = (id: string, names: string[]) => {
    const trimmed = id.trim();
    if (!trimmed) return push(names);
    const hash = hasher.hash(trimmed);
    if (seenIds.has(hash)) return;
    seenIds.add(hash);
    entries.push({ id: hash, names: names.map((v) => v.trim()).filter(Boolean).map((v) => hasher.hash(v)) });
  };
  for (const { name, text } of files) {
    const trimmed = text.trimStart();
    if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        problems.push({ en: `${name}: roster is not valid JSON (${error instanceof Error ? error.message : String(error)})`, zh: `${name}：成员名单不是有效的 JSON` });
        continue;
      }
      if (isSlackChannels(value)) {
        const wanted = value.filter((c) => slackChannels.size === 0 || slackChannels.has(String(c.name)));
        for (const c of wanted) if (Array.isArray(c.members)) for (const id of c.members) pushWithId(String(id), []);
      } else if (isSlackUsers(value)) {
        continue; // users.json names bots; the roster is channels.json
      } else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
        for (const v of value as string[]) push([v]);
      } else {
        problems.push({ en: `${name}: a JSON roster is a list of names, or Slack's channels.json`, zh: `${name}：JSON 成员名单应为名字列表或 Slack 的 channels.json` });
      }
      continue;
    }
    const firstLine = trimmed.slice(0, trimmed.indexOf('\n') < 0 ? undefined : trimmed.indexOf('\n'));
    const header = firstLine.split(/[,\t]/).map((c) => c.trim().replace(/^"|"$/g, ''));
    const idColumn = ID_COLUMNS.find((c) => header.includes(c));
    const nameColumns = NAME_COLUMNS.filter((c) => header.includes(c));
    if (idColumn || nameColumns.length) {
      const parsed = Papa.parse<Record<string, string>>(trimmed, { header: true, skipEmptyLines: 'greedy' });
      for (const row of parsed.data) {
        if (idColumn) pushWithId(row[idColumn] ?? '', nameColumns.map((c) => row[c] ?? ''));
        else push(nameColumns.map((c) => row[c] ?? ''));
      }
      // a one-column list has no delimiter to detect: Papa's "defaulted to ','" is right and no problem
      const errors = parsed.errors.filter((e) => !(e.code === 'UndetectableDelimiter' && header.length === 1));
      for (const e of errors.slice(0, 5)) problems.push(parserProblem(name, e));
    } else {
      for (const line of trimmed.split('\n')) push([line.replace(/\r$/, '')]);
    }
  }
  const twice = [...nameCount].filter(([, n]) => n > 1).map(([name]) => name);
  if (twice.length) {
    const shown = twice.slice(0, 10);
    const more = twice.length - shown.length;
    problems.push({
      en: `${twice.length} ${twice.length === 1 ? 'name appears' : 'names appear'} more than once in the member list: ${shown.join(', ')}${more ? ` and ${more} more` : ''}; they cannot be told apart (a list with an id column, e.g. wxid, can)`,
      zh: `名单中有 ${twice.length} 个重名：${shown.join('、')}${more ? ` 等（另有 ${more} 个）` : ''}，无法区分（带 ID 列如 wxid 的名单可以区分）`,
    });
  }
  return { entries, problems };
}

/** A CSV parser's complaint about a roster, in both languages (Papa's own message is English only). */
function parserProblem(name: string, e: Papa.ParseError): Bilingual {
  const zh: Record<string, string> = {
    MissingQuotes: '引号不配对', UndetectableDelimiter: '无法识别分隔符，已按逗号读取', TooFewFields: '字段过少', TooManyFields: '字段过多', InvalidQuotes: '引号位置不正确',
  };
  const where = e.row === undefined ? null : e.row + 2;
  return where === null
    ? { en: `${name}: ${e.message}`, zh: `${name}：${zh[e.code] ?? '无法解析'}` }
    : { en: `${name}: line ${where}: ${e.message}`, zh: `${name}：第 ${where} 行：${zh[e.code] ?? '无法解析'}` };
}

export { slackChannelOf };
