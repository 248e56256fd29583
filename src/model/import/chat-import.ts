/**
 * What an import produces: the messages of a group's chat export as a table
 * (struct of arrays: a million messages fit in a few tens of MB), authors as
 * salted hashes, the roster if one was given, and every row that was skipped
 * with its file, line, column and reason. No name and no message text is kept.
 */
import { MESSAGE_CLASSES, type MessageClass } from './classify.ts';
import type { Bilingual } from '../text.ts';
import type { Encoding } from './decode.ts';
import type { NameHasher } from './hash.ts';

export const FORMATS = ['wechatmsg-csv', 'pywxdump-csv', 'wechatexporter-txt', 'qq-txt', 'telegram-json', 'discord-csv', 'discord-json', 'slack-json', 'irc-txt'] as const;
export type FormatId = (typeof FORMATS)[number];

export const FORMAT_NAMES: Record<FormatId, string> = {
  'wechatmsg-csv': 'WeChatMsg (留痕) CSV',
  'pywxdump-csv': 'PyWxDump CSV',
  'wechatexporter-txt': 'WechatExporter TXT',
  'qq-txt': 'QQ TXT',
  'telegram-json': 'Telegram Desktop result.json',
  'discord-csv': 'DiscordChatExporter CSV',
  'discord-json': 'DiscordChatExporter JSON',
  'slack-json': 'Slack export (day files)',
  'irc-txt': 'IRC log (irssi, WeeChat, ZNC, LogBot)',
};

/** The formats as a Chinese reader names them (full-width punctuation, no stray English). */
export const FORMAT_NAMES_ZH: Record<FormatId, string> = {
  'wechatmsg-csv': '留痕（WeChatMsg）CSV',
  'pywxdump-csv': 'PyWxDump CSV',
  'wechatexporter-txt': 'WechatExporter TXT',
  'qq-txt': 'QQ 消息管理器 TXT',
  'telegram-json': 'Telegram 桌面版 result.json',
  'discord-csv': 'DiscordChatExporter CSV',
  'discord-json': 'DiscordChatExporter JSON',
  'slack-json': 'Slack 导出（按日文件）',
  'irc-txt': 'IRC 日志（irssi、WeeChat、ZNC、LogBot）',
};

/** A row left out, and why: where it is (file, line, column) and what was wrong. */
export interface SkippedRow extends Bilingual {
  readonly file: string;
  readonly line: number;
  /** A CSV column's name, a JSON field's name, a part of a text line (`LINE_PARTS`), or a character position (digits). */
  readonly column: string | null;
  /** What `column` names: a CSV column (the default), a JSON field, or a part of a text line. */
  readonly columnKind?: 'field' | 'part';
}

/** The parts of a text export's line a skipped row may name (`columnKind: 'part'`). */
export const LINE_PARTS: Record<string, Bilingual> = {
  time: { en: 'the time', zh: '时间' },
  date: { en: 'the date', zh: '日期' },
};

/** Why rows are left out on purpose (not errors), in both languages. */
export const IGNORE_REASONS = {
  'system lines': { en: 'system lines', zh: '系统消息' },
  'service messages (joins, pins)': { en: 'service messages (joins, pins)', zh: '服务消息（入群、置顶）' },
  'system messages (joins, pins, calls)': { en: 'system messages (joins, pins, calls)', zh: '系统消息（入群、置顶、通话）' },
  bots: { en: 'bots', zh: '机器人' },
  'not messages': { en: 'entries that are not messages', zh: '非消息条目' },
} as const satisfies Record<string, Bilingual>;
export type IgnoreReason = keyof typeof IGNORE_REASONS;

/** Rows left out on purpose, counted by reason. */
export type SkipCounts = Partial<Record<IgnoreReason, number>>;

export interface FileReport {
  readonly file: string;
  readonly format: FormatId | 'roster';
  readonly encoding: Encoding;
  readonly bom: boolean;
  readonly messages: number;
  /** Where the times came from and which offset applied. */
  readonly timeBasis: Bilingual;
}

export interface ImportedChat {
  /** Local minutes (minutes since 1970-01-01 on the group's wall clock), in time order. */
  readonly minute: Float64Array;
  /** Author index into `authors` per message. */
  readonly author: Int32Array;
  /** Index into MESSAGE_CLASSES per message. */
  readonly kind: Uint8Array;
  /** The message this one explicitly replies to (index), or -1 (formats that record replies). */
  readonly replyTo: Int32Array;
  /** Each author's salted hash. */
  readonly authors: readonly string[];
  /** Roster members (hashes) when a roster was given, else null; authors not in it are people who left. */
  readonly roster: readonly string[] | null;
  /** Roster hashes matched to authors: roster index → author index or -1. */
  readonly rosterAuthor: Int32Array | null;
  readonly files: readonly FileReport[];
  /** Problems with single rows, in input order, capped (see `skippedTotal`). */
  readonly skipped: readonly SkippedRow[];
  readonly skippedTotal: number;
  /** Rows left out on purpose (system lines, bots, service messages), by reason. */
  readonly ignored: SkipCounts;
  /**
   * Lines of the files not read because of a broken row beyond the broken row
   * itself (an unclosed quote that swallowed the rest, a JSON syntax error
   * before the reading could resume): an estimate of the messages lost, for
   * the summary ("跳过 2 处，约 100 行未读取"). 0 when nothing was lost that way.
   */
  readonly unreadLines: number;
  /** Whether the formats recorded reply links (Telegram, Discord, Slack threads). */
  readonly hasReplyLinks: boolean;
}

/** Skipped rows listed one by one, at most; the rest are counted. */
export const MAX_LISTED_SKIPS = 200;

/** A roster member: the hash of its id (null in a list of names only) and of its names. */
export interface RosterMember {
  readonly id: string | null;
  readonly names: readonly string[];
}

/** One message as a reader hands it over: names already hashed by the reader through `hasher`. */
export interface RawMessage {
  /** Hash of the author's stable id (wxid, user id, QQ number), or of the name when there is none. */
  readonly author: string;
  /** Other hashes the same author may appear under in a roster (display name, nickname). */
  readonly aliases?: readonly string[];
  /** The author is keyed by a name (no id in the export): a roster row with an id may match it by name. */
  readonly byName?: boolean;
  readonly minute: number;
  readonly kind: MessageClass;
  /** The format's own message id, to resolve replies. */
  readonly id?: string;
  readonly replyToId?: string;
}

/** Where readers put what they read; gathers the table and the skips. */
export class ChatSink {
  private readonly minute: number[] = [];
  private readonly author: number[] = [];
  private readonly kind: number[] = [];
  private readonly ids: (string | undefined)[] = [];
  private readonly replyIds: (string | undefined)[] = [];
  private readonly authorIndex = new Map<string, number>();
  readonly aliasOf = new Map<string, number>();
  /** Every author each name hash belongs to (two members may share a display name). */
  readonly authorsNamed = new Map<string, number[]>();
  /** Authors keyed by a name, not an id. */
  readonly byName = new Set<number>();
  readonly authors: string[] = [];
  readonly skipped: SkippedRow[] = [];
  skippedTotal = 0;
  /** See `ImportedChat.unreadLines`. */
  unreadLines = 0;
  readonly ignored: SkipCounts = {};
  sawReplyLinks = false;
  /** What a reader found wrong with a whole file (cut short), for the import's notices. */
  readonly notices: Bilingual[] = [];

  constructor(readonly hasher: NameHasher) {}

  get count(): number {
    return this.minute.length;
  }

  add(m: RawMessage): void {
    let a = this.authorIndex.get(m.author);
    if (a === undefined) {
      a = this.authors.length;
      this.authors.push(m.author);
      this.authorIndex.set(m.author, a);
      this.aliasOf.set(m.author, a);
      if (m.byName) this.byName.add(a);
    }
    for (const alias of m.aliases ?? []) {
      if (!this.aliasOf.has(alias)) this.aliasOf.set(alias, a);
      const named = this.authorsNamed.get(alias);
      if (!named) this.authorsNamed.set(alias, [a]);
      else if (!named.includes(a)) named.push(a);
    }
    this.minute.push(m.minute);
    this.author.push(a);
    this.kind.push(MESSAGE_CLASSES.indexOf(m.kind));
    this.ids.push(m.id);
    this.replyIds.push(m.replyToId);
    if (m.replyToId !== undefined) this.sawReplyLinks = true;
  }

  /** The latest local minute among the messages added from index `from` on, or null. */
  latestSince(from: number): number | null {
    let latest: number | null = null;
    for (let i = from; i < this.minute.length; i++) if (latest === null || this.minute[i] > latest) latest = this.minute[i];
    return latest;
  }

  skip(file: string, line: number, column: string | null, en: string, zh: string, columnKind?: SkippedRow['columnKind']): void {
    this.skippedTotal++;
    if (this.skipped.length < MAX_LISTED_SKIPS) this.skipped.push(columnKind ? { file, line, column, columnKind, en, zh } : { file, line, column, en, zh });
  }

  /**
   * Which author each roster member is (-1: never wrote). A member with an id
   * is that id's author only; its names match only an author keyed by a name
   * (no id in the export). A member without an id matches an author by any of
   * its hashes. Each author is one member at most: two members who share a
   * name match two authors of that name, when there are two.
   */
  matchRoster(roster: readonly RosterMember[]): Int32Array {
    const out = new Int32Array(roster.length).fill(-1);
    const taken = new Set<number>();
    // ids first: an id is certain, a name is not
    roster.forEach((m, k) => {
      if (m.id === null) return;
      const a = this.authorIndex.get(m.id);
      if (a !== undefined && !taken.has(a)) { out[k] = a; taken.add(a); }
    });
    const free = (a: number | undefined) => a !== undefined && !taken.has(a);
    roster.forEach((m, k) => {
      if (out[k] >= 0) return;
      let found: number | undefined;
      if (m.id !== null) {
        for (const h of m.names) {
          const primary = this.authorIndex.get(h);
          found = [primary, ...(this.authorsNamed.get(h) ?? [])].find((a) => free(a) && this.byName.has(a!));
          if (found !== undefined) break;
        }
      } else {
        for (const h of m.names) {
          found = [this.authorIndex.get(h), ...(this.authorsNamed.get(h) ?? [])].find(free);
          if (found !== undefined) break;
        }
      }
      if (found !== undefined) { out[k] = found; taken.add(found); }
    });
    return out;
  }

  ignore(reason: IgnoreReason): void {
    this.ignored[reason] = (this.ignored[reason] ?? 0) + 1;
  }

  /** The table in time order (stable: equal times keep input order), replies resolved. */
  finish(files: readonly FileReport[], roster: readonly RosterMember[] | null): ImportedChat {
    const n = this.minute.length;
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => this.minute[a] - this.minute[b] || a - b);
    const position = new Int32Array(n);
    order.forEach((from, to) => { position[from] = to; });
    const byId = new Map<string, number>();
    order.forEach((from) => {
      const id = this.ids[from];
      if (id !== undefined) byId.set(id, position[from]);
    });
    const minute = new Float64Array(n);
    const author = new Int32Array(n);
    const kind = new Uint8Array(n);
    const replyTo = new Int32Array(n).fill(-1);
    order.forEach((from, to) => {
      minute[to] = this.minute[from];
      author[to] = this.author[from];
      kind[to] = this.kind[from];
      const target = this.replyIds[from];
      if (target !== undefined) replyTo[to] = byId.get(target) ?? -1;
    });
    const rosterAuthor = roster ? this.matchRoster(roster) : null;
    return {
      minute, author, kind, replyTo, authors: this.authors, roster: roster ? roster.map((m) => m.id ?? m.names[0]) : null, rosterAuthor, files,
      skipped: this.skipped, skippedTotal: this.skippedTotal, ignored: this.ignored, unreadLines: this.unreadLines, hasReplyLinks: this.sawReplyLinks,
    };
  }
}
