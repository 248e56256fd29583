/**
 * Issue 19: every supported export, read from a small synthetic file written
 * the way the real tool writes it, with broken rows, another encoding and
 * time zones. Times are checked as local minutes (the group's wall clock).
 */
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { importChat, type ImportInput } from '../../src/model/import/import-chat.ts';
import { MESSAGE_CLASSES } from '../../src/model/import/classify.ts';
import { detectFormat } from '../../src/model/import/detect.ts';
import { parseOffset } from '../../src/model/import/time.ts';
import type { ImportedChat } from '../../src/model/import/chat-import.ts';
import { skippedRowText } from '../../src/i18n/import-text.ts';

const utf8 = (name: string, text: string): ImportInput => ({ name, bytes: new TextEncoder().encode(text) });
/** 2024-03-01 20:00 on the wall clock, as a local minute. */
const at = (day: number, hh: number, mm: number) => Date.UTC(2024, 2, day, hh, mm) / 60_000;
const kinds = (chat: ImportedChat) => Array.from(chat.kind, (k) => MESSAGE_CLASSES[k]);

function imported(inputs: ImportInput[], options: Parameters<typeof importChat>[1] = {}): ImportedChat & { notices: string[] } {
  const r = importChat(inputs, options);
  if (!r.ok) throw new Error(r.problems.map((p) => p.en).join('\n'));
  return { ...r.chat, notices: r.notices.map((n) => n.en) };
}

const WECHATMSG = [
  'localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender',
  '1,7,1,0,0,1709294400,2,大家好,2024-03-01 20:00:00,,读书群,张三',
  '2,7,47,0,0,1709294460,2,,2024-03-01 20:01:00,,读书群,李四',
  '3,7,1,0,0,1709294520,2,"这本书哪里买？",2024-03-01 20:02:00,,读书群,王五',
  '4,7,1,0,0', // broken: too few fields
  '5,7,10000,0,0,1709294580,2,"""张三""邀请""赵六""加入了群聊",2024-03-01 20:03:00,,读书群,',
  '6,7,1,0,0,1709294640,2,"京东就有,\n第二行",2024-03-01 20:04:00,,读书群,张三',
  '7,7,1,0,0,not-a-time,2,谢谢,2024-02-30 20:05:00,,读书群,王五',
  '8,7,49,2001,0,1709294760,2,[红包]恭喜发财，大吉大利,2024-03-01 20:06:00,,读书群,张三',
  '9,7,1,0,0,1709294820,2,1,2024-03-01 20:07:00,,读书群,李四',
].join('\n');

describe('WeChatMsg (留痕) CSV', () => {
  it('reads messages, classifies them and names each broken row by line and column', () => {
    const chat = imported([utf8('chat.csv', WECHATMSG)]);
    expect(chat.files[0]).toMatchObject({ format: 'wechatmsg-csv', messages: 6, encoding: 'utf-8' });
    expect(kinds(chat)).toEqual(['text', 'lowValue', 'question', 'text', 'lowValue', 'lowValue']);
    expect(Array.from(chat.minute)).toEqual([at(1, 20, 0), at(1, 20, 1), at(1, 20, 2), at(1, 20, 4), at(1, 20, 6), at(1, 20, 7)]);
    expect(chat.authors).toHaveLength(3);
    expect(chat.skippedTotal).toBe(2);
    expect(chat.skipped[0]).toMatchObject({ line: 5, column: 'CreateTime' });
    expect(chat.skipped[0].en).toMatch(/too few fields/);
    // the quoted field spans lines 7–8, so the bad time is on line 9
    expect(chat.skipped[1]).toMatchObject({ line: 9, column: 'CreateTime', en: 'not a time: "not-a-time"' }); // a placeholder, not a name: shown
    expect(chat.ignored['system lines']).toBe(1);
  });

  it('reads the sender\u2019s wxid as the id and NickName/Remark as names a roster may use; short one-to-one rows by IsSender', () => {
    const csv = ['localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender',
      '1,1,1,0,0,1709294400,2,你好,2024-03-01 20:00:00,老张,张三,wxid_zhang',
      '2,1,1,0,1,1709294460,2,在,2024-03-01 20:01:00,,我,wxid_me',
      '3,1,1,0,0,1709294520,2,早,2024-03-01 20:02:00', // a one-to-one row of an older version: nine columns
      '4,1,1,0,1,1709294580,2,早上好,2024-03-01 20:03:00'].join('\n');
    const chat = imported([utf8('wx.csv', csv)], { roster: [utf8('r.txt', '老张\n我\n')] });
    expect(chat.skippedTotal).toBe(0);
    expect(chat.authors).toHaveLength(4); // wxid_zhang, wxid_me, the other person, self
    expect(Array.from(chat.rosterAuthor!)).toEqual([0, 1]);
  });

  it('keeps no name: authors are salted hashes, stable for the same input, different for another salt', () => {
    const a = imported([utf8('chat.csv', WECHATMSG)]);
    const b = imported([utf8('chat.csv', WECHATMSG)]);
    const c = imported([utf8('chat.csv', WECHATMSG)], { salt: 'other' });
    expect(a.authors).toEqual(b.authors);
    expect(c.authors).not.toEqual(a.authors);
    const json = JSON.stringify({ ...a, minute: [], author: [], kind: [], replyTo: [] });
    for (const name of ['张三', '李四', '王五', '读书群']) expect(json).not.toContain(name);
  });

  it('reads Unix CreateTime at +08:00 by default and at the --tz offset when given', () => {
    const first = (tz?: number) => imported([utf8('chat.csv', WECHATMSG)], { tz }).minute[0];
    expect(first()).toBe(at(1, 20, 0));
    expect(first(0)).toBe(at(1, 12, 0));
    expect(first(-300)).toBe(at(1, 7, 0));
  });

  it('decodes a BOM, UTF-16 and GBK, and says which', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(WECHATMSG)]);
    expect(imported([{ name: 'bom.csv', bytes: bom }]).files[0]).toMatchObject({ bom: true, messages: 6 });
    const utf16 = new Uint8Array(2 + WECHATMSG.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < WECHATMSG.length; i++) { utf16[2 + 2 * i] = WECHATMSG.charCodeAt(i) & 0xff; utf16[3 + 2 * i] = WECHATMSG.charCodeAt(i) >> 8; }
    const u = imported([{ name: 'u16.csv', bytes: utf16 }]);
    expect(u.files[0]).toMatchObject({ encoding: 'utf-16le', messages: 6 });
    expect(u.notices.join()).toMatch(/UTF-16LE/);
    // GBK bytes of a QQ export: "2024-03-01 20:00:00 张三(10001)\n你好\n"
    const gbk = new Uint8Array([...new TextEncoder().encode('2024-03-01 20:00:00 '), 0xd5, 0xc5, 0xc8, 0xfd, ...new TextEncoder().encode('(10001)\n'), 0xc4, 0xe3, 0xba, 0xc3, 0x0a]);
    const g = imported([{ name: 'qq.txt', bytes: gbk }]);
    expect(g.files[0]).toMatchObject({ encoding: 'gb18030', format: 'qq-txt', messages: 1 });
    expect(g.notices.join()).toMatch(/GBK/);
  });

  it('refuses bytes that are no known text encoding, naming the file', () => {
    const r = importChat([{ name: 'bin.csv', bytes: new Uint8Array([0x80, 0x81, 0xff, 0xfe, 0x00, 0x81, 0x30, 0xff]) }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].en).toMatch(/^bin\.csv: .*(UTF-8|GBK)/);
  });
});

describe('PyWxDump CSV', () => {
  it('reads talker, type_name and wall-clock CreateTime', () => {
    const csv = [
      'id,MsgSvrID,type_name,is_sender,talker,room_name,msg,src,CreateTime',
      '1,900,文本,0,wxid_a,123@chatroom,早上好,,2024-03-01 08:00:00',
      '2,901,动画表情,0,wxid_b,123@chatroom,,,2024-03-01 08:01:00',
      '3,902,系统通知,0,,123@chatroom,wxid_c加入了群聊,,2024-03-01 08:02:00',
      '4,903,图片,1,wxid_a,123@chatroom,,img.jpg,2024-03-01 08:03:00',
      '5,904,文本,0,,123@chatroom,谁在？,,2024-03-01 08:04:00',
    ].join('\r\n');
    const chat = imported([utf8('py.csv', csv)]);
    expect(chat.files[0].format).toBe('pywxdump-csv');
    expect(kinds(chat)).toEqual(['text', 'lowValue', 'media']);
    expect(chat.minute[2]).toBe(at(1, 8, 3));
    expect(chat.skipped[0]).toMatchObject({ line: 6, column: 'talker' });
  });
});

describe('WechatExporter TXT', () => {
  it('reads NAME (TIME):TEXT lines, with continuation lines', () => {
    const txt = ['读书群 - 微信聊天记录', '', '张三 (2024-03-01 21:00:00):今晚分享', '第二段', '李四 (2024-03-01 21:05:00):[Emoji]', '王五 (2024-03-01 25:00:00):坏时间', '李四 (2024-03-01 21:10:00):几点开始？'].join('\n');
    const chat = imported([utf8('wx.txt', txt)]);
    expect(chat.files[0].format).toBe('wechatexporter-txt');
    expect(kinds(chat)).toEqual(['text', 'lowValue', 'question']);
    expect(chat.skipped[0]).toMatchObject({ line: 6, column: 'time' });
    expect(chat.authors).toHaveLength(2);
  });
});

describe('QQ TXT', () => {
  it('reads blocks with the QQ number as the author, skipping the header and system lines', () => {
    const txt = [
      '消息记录（此消息记录为文本格式，不支持重新导入）', '', '================================================================',
      '消息分组:我的QQ群', '================================================================', '消息对象:读书会', '================================================================', '',
      '2024-03-01 9:05:00 张三(10001)', '大家好', '',
      '2024-03-01 9:06:10 李四<lisi@example.com>', '[表情]', '',
      '2024-03-01 9:07:00 系统消息(10000)', '王五加入本群', '',
      '2024-03-01 9:08:00 张三(10001)', '有人吗？', '',
    ].join('\n');
    const chat = imported([utf8('qq.txt', txt)]);
    expect(chat.files[0].format).toBe('qq-txt');
    expect(kinds(chat)).toEqual(['text', 'lowValue', 'question']);
    expect(chat.minute[0]).toBe(at(1, 9, 5));
    expect(chat.authors).toHaveLength(2);
    expect(chat.ignored['system lines']).toBe(1);
  });
});

describe('Telegram Desktop result.json', () => {
  const json = JSON.stringify({
    name: 'Group', type: 'private_supergroup', id: 1,
    messages: [
      { id: 1, type: 'service', date: '2024-03-01T10:00:00', date_unixtime: '1709287200', actor: 'A', actor_id: 'user1', action: 'invite_members' },
      { id: 2, type: 'message', date: '2024-03-01T10:01:00', date_unixtime: '1709287260', from: 'Ann', from_id: 'user1', text: 'Anyone tried the new API?' },
      { id: 3, type: 'message', date: '2024-03-01T10:03:00', date_unixtime: '1709287380', from: 'Bob', from_id: 'user2', text: [{ type: 'bold', text: 'Yes' }, ', it works'], reply_to_message_id: 2 },
      { id: 4, type: 'message', date: '2024-03-01T10:04:00', date_unixtime: '1709287440', from: 'Cid', from_id: 'user3', text: '', media_type: 'sticker', sticker_emoji: '👍' },
      { id: 5, type: 'message', date: 'yesterday', from: 'Cid', from_id: 'user3', text: 'x' },
    ],
  });
  it('reads messages and reply links at the export\u2019s wall clock, service messages left out', () => {
    const chat = imported([utf8('result.json', json)]);
    expect(chat.files[0].format).toBe('telegram-json');
    expect(kinds(chat)).toEqual(['question', 'text', 'lowValue']);
    expect(chat.minute[0]).toBe(at(1, 10, 1));
    expect(Array.from(chat.replyTo)).toEqual([-1, 0, -1]);
    expect(chat.hasReplyLinks).toBe(true);
    expect(chat.skipped[0]).toMatchObject({ line: 1, column: 'date', en: 'message 5: not a time: "yesterday"' }); // the file's line (one line here)
    expect(chat.ignored['service messages (joins, pins)']).toBe(1);
  });
  it('uses date_unixtime at the --tz offset when one is given', () => {
    expect(imported([utf8('result.json', json)], { tz: 60 }).minute[0]).toBe(at(1, 11, 1));
  });
});

describe('DiscordChatExporter', () => {
  it('reads the CSV with the offset each Date carries, and the --tz offset when given', () => {
    const csv = [
      'AuthorID,Author,Date,Content,Attachments,Reactions',
      '111,ann#0001,2024-03-01T20:00:00.000+01:00,"hello, all",,',
      '222,bob,2024-03-01T20:02:00.000+01:00,,https://cdn/x.png,',
      '333,cid,garbage,hi,,',
      '111,ann#0001,01-Mar-24 08:10 PM,how?,,',
    ].join('\n');
    const chat = imported([utf8('dc.csv', csv)]);
    expect(chat.files[0].format).toBe('discord-csv');
    expect(kinds(chat)).toEqual(['text', 'media', 'question']);
    expect(chat.minute[0]).toBe(at(1, 20, 0));
    expect(chat.skipped[0]).toMatchObject({ line: 4, column: 'Date' });
    expect(Array.from(imported([utf8('dc.csv', csv)], { tz: 480 }).minute)).toEqual([at(1, 20, 10), at(2, 3, 0), at(2, 3, 2)]);
  });
  it('reads the JSON, with replies; bots and joins left out', () => {
    const json = JSON.stringify({
      guild: { id: '1', name: 'G' }, channel: { id: '2', name: 'general' },
      messages: [
        { id: '10', type: 'Default', timestamp: '2024-03-01T12:00:00+00:00', content: 'Where is the doc?', author: { id: '111', name: 'ann', isBot: false }, attachments: [], stickers: [] },
        { id: '11', type: 'Reply', timestamp: '2024-03-01T12:09:00+00:00', content: 'here', author: { id: '222', name: 'bob', isBot: false }, reference: { messageId: '10' } },
        { id: '12', type: 'Default', timestamp: '2024-03-01T12:10:00+00:00', content: 'beep', author: { id: '999', name: 'bot', isBot: true } },
        { id: '13', type: 'GuildMemberJoin', timestamp: '2024-03-01T12:11:00+00:00', content: '', author: { id: '333', name: 'cid' } },
        { id: '14', type: 'Default', timestamp: '2024-03-01T12:12:00+00:00', content: 'x', author: { name: 'nobody' } },
      ],
    });
    const chat = imported([utf8('dc.json', json)]);
    expect(chat.files[0].format).toBe('discord-json');
    expect(kinds(chat)).toEqual(['question', 'text']);
    expect(Array.from(chat.replyTo)).toEqual([-1, 0]);
    expect(chat.ignored).toMatchObject({ bots: 1 });
    expect(chat.skipped[0]).toMatchObject({ line: 1, column: 'author.id' }); // the file's line (one line here)
  });
});

describe('Slack export', () => {
  const day = (messages: object[]) => JSON.stringify(messages);
  const files = [
    utf8('general/2024-03-01.json', day([
      { type: 'message', user: 'U1', text: 'Morning! Any news?', ts: '1709280000.000100' },
      { type: 'message', subtype: 'channel_join', user: 'U3', text: '<@U3> has joined the channel', ts: '1709280060.000200' },
      { type: 'message', user: 'U2', text: 'yes', ts: '1709280300.000300', thread_ts: '1709280000.000100' },
      { type: 'message', user: 'UB', text: 'I am a bot', ts: '1709280400.000400' },
      { type: 'message', text: 'no user', ts: '1709280500.000500' },
    ])),
    utf8('channels.json', JSON.stringify([{ id: 'C1', name: 'general', members: ['U1', 'U2', 'U3', 'U4'] }, { id: 'C2', name: 'random', members: ['U9'] }])),
    utf8('users.json', JSON.stringify([{ id: 'U1', name: 'a' }, { id: 'UB', name: 'bot', is_bot: true }])),
  ];
  it('reads day files at UTC by default, threads as replies, bots out, and channels.json as the roster', () => {
    const chat = imported(files);
    expect(chat.files).toHaveLength(1);
    expect(chat.files[0].format).toBe('slack-json');
    expect(chat.files[0].timeBasis.en).toMatch(/UTC/);
    expect(chat.files[0].timeBasis.zh).toMatch(/UTC/);
    expect(kinds(chat)).toEqual(['question', 'text']);
    expect(chat.minute[0]).toBe(at(1, 8, 0));
    expect(Array.from(chat.replyTo)).toEqual([-1, 0]);
    expect(chat.roster).toHaveLength(4); // the general channel's members only
    expect(Array.from(chat.rosterAuthor!)).toEqual([0, 1, -1, -1]);
    expect(chat.skipped[0]).toMatchObject({ line: 1, column: 'user' }); // the file's line (one line here)
  });
  it('shifts to the --tz offset', () => {
    expect(imported(files, { tz: parseOffset('+08:00') }).minute[0]).toBe(at(1, 16, 0));
  });
});

describe('IRC logs', () => {
  it('reads irssi logs with day-change lines, actions, and leaves joins out', () => {
    const log = ['--- Log opened Fri Mar 01 20:00:00 2024', '20:01 <@alice> anyone around?', '20:02 -!- bob [~b@host] has joined #lab', '20:03 <+bob> yes', ' 20:04 * bob waves',
      '--- Day changed Sat Mar 02 2024', '00:10 <alice> lol', '00:11 <alice', ''].join('\n');
    const chat = imported([utf8('#lab.log', log)]);
    expect(chat.files[0].format).toBe('irc-txt');
    expect(kinds(chat)).toEqual(['question', 'text', 'lowValue']);
    expect(Array.from(chat.minute)).toEqual([at(1, 20, 1), at(1, 20, 3), at(2, 0, 10)]);
    expect(chat.ignored['system lines']).toBe(1);
    expect(chat.skipped.map((x) => x.line)).toEqual([5, 8]); // an indented action line and a cut line
  });
  it('reads WeeChat logs and dated lines, and takes the date from the file name otherwise', () => {
    const wee = ['2024-03-01 09:00:00\t-->\tcarol (~c@h) has joined #lab', '2024-03-01 09:01:00\t@carol\thello', '2024-03-01 09:02:00\tdave\thow?'].join('\n');
    const w = imported([utf8('irc.lab.weechatlog', wee)]);
    expect(w.files[0].format).toBe('irc-txt');
    expect(Array.from(w.minute)).toEqual([at(1, 9, 1), at(1, 9, 2)]);
    const ubuntu = ['[09:00] <erin> morning', '=== gus [~g@h] has joined #ubuntu', '[09:05] <frank> morning erin', '[23:59] <erin> night', '[00:01] <frank> still here'].join('\n');
    const u = imported([utf8('2024/03/01/#ubuntu.txt', ubuntu)]);
    expect(Array.from(u.minute)).toEqual([at(1, 9, 0), at(1, 9, 5), at(1, 23, 59), at(2, 0, 1)]);
    expect(u.ignored['system lines']).toBe(1);
    const undated = importChat([utf8('channel.log', ubuntu)]);
    expect(undated.ok).toBe(false);
    if (!undated.ok) expect(undated.problems.map((p) => p.en).join()).toMatch(/line 1, the time: the line has a time but no date/);
  });
});

describe('IRC LogBot day pages (jibble.org Java IRC LogBot, HTML)', () => {
  const span = (time: string, colour: string, html: string) => `<span class="irc-date">[${time}]</span> <span class="irc-${colour}">${html}</span><br />`;
  const page = [
    '<html>', '<head>', '<title>IRC Log for #lab on irc.example.net, collected by LabBot</title>', '</head>', '<body>',
    '<h2>IRC Log for 2024-03-01', '</h2>', '<p>', ' Timestamps are in GMT/BST.', '</p>', '',
    `<p>${span('9:05', 'green', '* ann (n=ann@host) has joined #lab')}`,
    span('9:06', 'black', '&lt;ann&gt; is the &quot;docs&quot; page &amp; its &lt;link&gt; up?'),
    span('9:07', 'black', '&lt;bob&gt; <a href="http://example.org/docs">http://example.org/docs</a>'),
    span('9:08', 'brick', '* bob waves'),
    span('9:09', 'navy', '* cid (n=cid@host) Quit (Read error)'),
    span('9:10', 'brown', '-server- [Global Notice] maintenance'),
    span('9:11', 'black', '&lt;cid&gt; +1'),
    '<span class="irc-date">[9:12]</span> broken',
    '</p>', '<p>', ' These logs were automatically created by <b>LabBot</b>', '</p>', '</body>', '</html>',
  ].join('\n');
  it('reads messages (black) and actions (brick), leaves joins, quits and notices out, and takes the date from the page', () => {
    const chat = imported([utf8('index-page.html', page)]);
    expect(chat.files[0].format).toBe('irc-txt');
    expect(kinds(chat)).toEqual(['question', 'text', 'text', 'lowValue']); // the entities decoded before classifying
    expect(Array.from(chat.minute)).toEqual([at(1, 9, 6), at(1, 9, 7), at(1, 9, 8), at(1, 9, 11)]);
    expect(chat.authors).toHaveLength(3);
    expect(chat.ignored['system lines']).toBe(3);
    expect(chat.skipped).toEqual([expect.objectContaining({ line: 19, column: null })]);
  });
});

describe('reading in pieces', () => {
  it('gives the same result whatever the piece size: quoted line breaks, multi-byte characters and CRLF cut anywhere', () => {
    const crlf = WECHATMSG.replace(/\n/g, '\r\n');
    const irc = ['--- Log opened Fri Mar 01 20:00:00 2024', '20:01 <@alice> 你好吗？', '20:03 <+bob> 很好', '--- Day changed Sat Mar 02 2024', '00:10 <alice> 哈哈'].join('\n');
    const qq = ['2024-03-01 9:05:00 张三(10001)', '大家好', '第二行', '', '2024-03-01 9:06:10 李四<lisi@example.com>', '[表情]', ''].join('\r\n');
    const strip = (c: ImportedChat) => ({ ...c, files: c.files.map((f) => ({ ...f })), minute: Array.from(c.minute), author: Array.from(c.author), kind: Array.from(c.kind) });
    for (const [name, text] of [['chat.csv', WECHATMSG], ['crlf.csv', crlf], ['#lab.log', irc], ['qq.txt', qq]]) {
      const whole = strip(imported([utf8(name, text)], { salt: 's' }));
      for (const chunkBytes of [1, 2, 3, 5, 7, 64]) {
        expect(strip(imported([utf8(name, text)], { salt: 's', chunkBytes })), `${name} in pieces of ${chunkBytes}`).toEqual(whole);
      }
    }
  });
  it('keeps the rows before bytes that break the encoding further on, and says where', () => {
    // past the first megabyte, which decides the encoding
    const rows = Array.from({ length: 14_000 }, (_, i) => `${i},7,1,0,0,1709294400,2,大家好大家好,2024-03-01 20:00:00,,读书群,张三`);
    const good = new TextEncoder().encode(`${WECHATMSG.split('\n')[0]}\n${rows.join('\n')}\n`);
    expect(good.length).toBeGreaterThan(1 << 20);
    const bytes = new Uint8Array(good.length + 3);
    bytes.set(good);
    bytes.set([0xff, 0xfe, 0x41], good.length);
    const r = importChat([{ name: 'late.csv', bytes }], { chunkBytes: 1 << 16 });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.chat.minute.length).toBeGreaterThan(11_000);
      expect(r.notices.map((n) => n.en).join()).toMatch(/late\.csv: bytes after about \d+ MB are not valid UTF-8; the rows before them are kept/);
    }
  });
});

describe('roster and detection', () => {
  it('matches a roster of names (text, one per line) to authors; silent members count', () => {
    const chat = imported([utf8('chat.csv', WECHATMSG)], { roster: [utf8('members.txt', '张三\n李四\n王五\n赵六\n孙七\n')] });
    expect(chat.roster).toHaveLength(5);
    expect(Array.from(chat.rosterAuthor!).filter((a) => a < 0)).toHaveLength(2);
  });
  it('reads a CSV roster by its id column', () => {
    const chat = imported([utf8('qq.txt', '2024-03-01 9:05:00 张三(10001)\n你好\n\n')], { roster: [utf8('m.csv', 'QQ,昵称\n10001,张三\n10002,李四\n')] });
    expect(Array.from(chat.rosterAuthor!)).toEqual([0, -1]);
  });
  it('reads a one-column CSV roster without a delimiter warning', () => {
    const r = importChat([utf8('chat.csv', WECHATMSG)], { roster: [utf8('members.csv', '昵称\n张三\n李四\n王五\n')] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.chat.roster).toHaveLength(3);
    expect(r.notices.map((n) => `${n.en} ${n.zh}`).join('\n')).not.toMatch(/delimit|分隔符/);
  });
  it('refuses a file it does not know, naming the formats it reads', () => {
    const r = importChat([utf8('notes.txt', 'just some notes\n')]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].en).toMatch(/notes\.txt: not a chat export .*WeChatMsg.*Slack/);
    expect(detectFormat('x.json', '{"a":1}')).toBeNull();
  });
  it('parses offsets', () => {
    expect([parseOffset('+08:00'), parseOffset('-05:30'), parseOffset('UTC'), parseOffset('+8'), parseOffset('8 hours')]).toEqual([480, -330, 0, 480, null]);
  });
});

describe('JSON exports read in pieces (streamed)', () => {
  /** A Telegram export of `n` messages: replies, entity lists, stickers, service lines, multi-byte text, and a few broken items. */
  function telegramOf(n: number): string {
    const messages = Array.from({ length: n }, (_, i) => {
      const unix = 1709287200 + i * 97;
      const date = new Date(unix * 1000).toISOString().slice(0, 19);
      const user = `user${(i * 31) % 17}`;
      if (i % 41 === 0) return { id: i, type: 'service', date, date_unixtime: String(unix), actor_id: user, action: 'pin_message' };
      if (i % 97 === 5) return { id: i, type: 'message', date, from: 'X' }; // no from_id
      if (i % 89 === 7) return { id: i, type: 'message', date: 'soon', from_id: user, text: 'x' }; // a bad date
      return {
        id: i, type: 'message', date, date_unixtime: String(unix), from: `名字 ${user} 🙂`, from_id: user,
        ...(i % 5 === 0 ? { reply_to_message_id: i - 1 } : {}),
        ...(i % 13 === 0 ? { media_type: 'sticker', text: '' } : { text: i % 3 ? `消息 ${i}，有 “引号” 和 \\ 反斜杠？` : [{ type: 'bold', text: '粗体' }, ' text'] }),
      };
    });
    return JSON.stringify({ name: '群', type: 'private_supergroup', id: 1, messages }, null, 1);
  }
  const strip = (c: ImportedChat) => ({ ...c, minute: Array.from(c.minute), author: Array.from(c.author), kind: Array.from(c.kind), replyTo: Array.from(c.replyTo) });

  it('gives exactly the same result in small pieces as whole: Telegram, Discord and Slack', () => {
    const discord = JSON.stringify({
      guild: { id: '1', name: 'G' }, channel: { id: '2', name: 'general' },
      messages: Array.from({ length: 300 }, (_, i) => ({ id: String(i), type: i % 10 ? 'Default' : 'Reply', timestamp: new Date(Date.UTC(2024, 2, 1, 8) + i * 60_000).toISOString(), content: i % 7 ? `讨论 ${i}?` : '', author: { id: String(i % 9), name: `n${i % 9}`, isBot: i % 50 === 3 }, attachments: i % 7 ? [] : [{ url: 'x' }], reference: i % 10 ? undefined : { messageId: String(i - 1) } })),
    });
    const slack = JSON.stringify(Array.from({ length: 300 }, (_, i) => ({ type: 'message', user: `U${i % 11}`, text: `第 ${i} 条 ✅`, ts: `${1709280000 + i * 30}.000${i}`, ...(i % 4 ? { thread_ts: '1709280000.0000' } : {}) })));
    const big = telegramOf(2000);
    expect(big.length).toBeGreaterThan(250_000);
    const cases: [string, string, number[]][] = [['result.json', big, [7, 64, 1000, 65_536]], ['dc.json', discord, [1, 3, 64]], ['general/2024-03-01.json', slack, [1, 5, 64]]];
    for (const [name, text, sizes] of cases) {
      const whole = strip(imported([utf8(name, text)], { salt: 's' }));
      expect(whole.minute.length, name).toBeGreaterThan(200);
      for (const chunkBytes of sizes) {
        expect(strip(imported([utf8(name, text)], { salt: 's', chunkBytes })), `${name} in pieces of ${chunkBytes}`).toEqual(whole);
      }
    }
  });

  it('reports each broken message with its number, field and reason, as for CSV rows', () => {
    const chat = imported([utf8('result.json', telegramOf(2000))], { chunkBytes: 4096 });
    const noAuthor = chat.skipped.filter((s) => s.column === 'from_id');
    const badDate = chat.skipped.filter((s) => s.column === 'date');
    expect(noAuthor.length).toBe(Array.from({ length: 2000 }, (_, i) => i).filter((i) => i % 97 === 5 && i % 41 !== 0).length);
    // the line in the file: of the message's start (no from_id), of the bad date's value
    const lines = telegramOf(2000).split('\n');
    const sixth = lines.findIndex((l) => l.includes('"id": 5,')); // "{" is the line before "id"
    expect(noAuthor[0]).toMatchObject({ line: sixth, en: 'message 6: has no from_id: who wrote it is unknown' });
    expect(badDate[0]).toMatchObject({ line: lines.findIndex((l) => l.includes('"soon"')) + 1, en: 'message 8: not a time: "soon"', zh: '第 8 条消息：不是有效时间：“soon”' });
    expect(chat.skippedTotal).toBe(noAuthor.length + badDate.length);
  });

  it('names malformed JSON by its line and column and resumes at the next message, whatever the pieces', () => {
    const whole = imported([utf8('result.json', telegramOf(50))]).minute.length;
    const lines = telegramOf(50).split('\n');
    const at = lines.findIndex((l) => l.includes('"id": 30,'));
    lines[at] = lines[at].replace('"id": 30,', '"id": 30'); // a comma missing: the next key is unexpected
    const next = lines.findIndex((l) => l.includes('"id": 31,')) - 1; // the next message's "{" (0-based)
    const broken = lines.join('\n');
    for (const chunkBytes of [undefined, 1, 13, 256]) {
      const r = importChat([utf8('result.json', broken)], { chunkBytes });
      expect(r.ok, `pieces of ${chunkBytes}`).toBe(true);
      if (!r.ok) continue;
      expect(r.chat.minute.length, `pieces of ${chunkBytes}`).toBe(whole - 1); // only message 30 is lost
      const row = r.chat.skipped.find((s) => /JSON/.test(s.en))!;
      expect(row, `pieces of ${chunkBytes}`).toMatchObject({ line: at + 2, column: '4' });
      expect(row.en).toBe(`not valid JSON here (Unexpected STRING ("type") in state COMMA); the reading resumed at the next message, line ${next + 1} (lines ${at}–${next} not read)`);
      expect(row.zh).toBe(`此处不是有效的 JSON；已从下一条消息（第 ${next + 1} 行）起继续读取（第 ${at}–${next} 行未读取）`);
      expect(r.chat.unreadLines).toBe(next + 1 - at);
    }
    // a comma missing between two messages: nothing lost
    const between = telegramOf(50).replace(/\},\n {2}\{\n {3}"id": 20,/, '}\n  {\n   "id": 20,');
    expect(between).not.toBe(telegramOf(50));
    const b = imported([utf8('result.json', between)], { chunkBytes: 17 });
    expect(b.minute.length).toBe(whole);
    expect(b.unreadLines).toBe(0);
    // a one-line (minified) file cannot resume: the lines after the error are counted
    const oneLine = JSON.stringify(JSON.parse(telegramOf(50))).replace('"id":30,', '"id":30') + '\n\n';
    const o = imported([utf8('result.json', oneLine)]);
    expect(o.minute.length).toBeLessThan(30);
    expect(o.unreadLines).toBe(2);
    // a bad character, and a file cut short: the position is the character, or the end of the text
    const bad = importChat([utf8('result.json', '{"messages": [\n  {"id": 1, "type": "message", "from_id": "u", "date": "2024-03-01T10:00:00", "text": tru}\n]}')], { chunkBytes: 5 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.map((p) => p.zh).join('\n')).toMatch(/第 2 行第 90 个字符：此处不是有效的 JSON；无法读取该文件/);
    if (!bad.ok) expect(bad.problems.map((p) => p.en).join('\n')).toMatch(/line 2, character 90: not valid JSON here \(Unexpected "}" in state TRUE3\); the file cannot be read/);
    const cut = importChat([utf8('result.json', telegramOf(10).slice(0, -40))]);
    expect(cut.ok).toBe(true);
    if (cut.ok) expect(cut.notices[0].en).toMatch(/^result\.json ends early: only the first \d+ messages \(to 2024-03-01\) were read/); // not a skipped row
  });

  it('says when a JSON export has no messages list', () => {
    const r = importChat([utf8('result.json', '{"name": "x", "type": "private_group", "id": 1, "messages": {}}')]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.en).join()).toMatch(/has no "messages" list \(export a single chat as JSON\)/);
  });
});

describe('a zipped Slack export', () => {
  const day = (user: string, hh: number, text = 'hi') => ({ type: 'message', user, text, ts: String(Date.UTC(2024, 2, 1, hh) / 1000) + '.000100' });
  const slackZip = () => zipSync({
    'channels.json': strToU8(JSON.stringify([{ id: 'C1', name: 'general', members: ['U1', 'U2', 'U3'] }, { id: 'C2', name: 'random', members: ['U1', 'U4', 'U5', 'U6'] }])),
    'users.json': strToU8(JSON.stringify([{ id: 'U1', name: 'a' }, { id: 'UB', name: 'bot', is_bot: true }])),
    'integration_logs.json': strToU8('[]'),
    'canvases.json': strToU8('[{"id": "F1"}]'), // not a day file nor a roster file: not read
    general: {
      '2024-03-01.json': strToU8(JSON.stringify([day('U1', 8, 'Any news?'), day('UB', 9), day('U2', 10, '有的')])),
      '2024-03-02.json': strToU8(JSON.stringify([day('U2', 11)])),
    },
    random: { '2024-03-01.json': strToU8(JSON.stringify([day('U4', 12), day('U5', 13), day('U6', 14)])) },
    'README.png': new Uint8Array([1, 2, 3]),
  });

  it('reads one chosen channel, with channels.json as its roster and users.json for bots', () => {
    const chat = imported([{ name: 'export.zip', bytes: slackZip() }], { channels: ['general'] });
    expect(chat.files.map((f) => f.file)).toEqual(['export.zip/general/2024-03-01.json', 'export.zip/general/2024-03-02.json']);
    expect(chat.files.every((f) => f.format === 'slack-json')).toBe(true);
    expect(chat.minute.length).toBe(3); // the bot left out
    expect(chat.ignored.bots).toBe(1);
    expect(chat.roster).toHaveLength(3); // general's members only
    expect(chat.notices).toEqual([]);
  });

  it('reads every channel together when none is chosen, and says so; an unknown channel is named with the ones there are', () => {
    const all = imported([{ name: 'export.zip', bytes: slackZip() }]);
    expect(all.minute.length).toBe(6);
    expect(all.roster).toHaveLength(6);
    expect(all.notices.join()).toMatch(/2 Slack channels read together as one group \(general, random\); to measure one, choose it \(on the Import page, or --channel NAME on the command line\)/);
    const outcome = importChat([{ name: 'export.zip', bytes: slackZip() }], { channels: ['random'] });
    expect(outcome.ok && outcome.slackChannels).toEqual(['general', 'random']); // every channel there is, to choose from
    const wrong = importChat([{ name: 'export.zip', bytes: slackZip() }], { channels: ['genral'] });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.problems.map((p) => p.en).join()).toMatch(/no Slack channel "genral" in the export \(its channels: general, random\)/);
  });

  it('reads any other zipped export as the files in it', () => {
    const chat = imported([{ name: 'wechat.zip', bytes: zipSync({ 'export/群聊.csv': strToU8(WECHATMSG), 'export/photo.jpg': new Uint8Array([255, 216]) }) }]);
    expect(chat.files.map((f) => [f.file, f.format])).toEqual([['wechat.zip/export/群聊.csv', 'wechatmsg-csv']]);
    expect(chat.minute.length).toBe(6);
  });

  it('gives the same result as the unzipped folder, and refuses a broken zip naming the file', () => {
    const folder = [
      utf8('slack/channels.json', JSON.stringify([{ id: 'C1', name: 'general', members: ['U1', 'U2', 'U3'] }, { id: 'C2', name: 'random', members: ['U1', 'U4', 'U5', 'U6'] }])),
      utf8('slack/users.json', JSON.stringify([{ id: 'U1', name: 'a' }, { id: 'UB', name: 'bot', is_bot: true }])),
      utf8('slack/general/2024-03-01.json', JSON.stringify([day('U1', 8, 'Any news?'), day('UB', 9), day('U2', 10, '有的')])),
      utf8('slack/general/2024-03-02.json', JSON.stringify([day('U2', 11)])),
    ];
    const fromFolder = imported(folder, { salt: 's' });
    const fromZip = imported([{ name: 'export.zip', bytes: slackZip() }], { salt: 's', channels: ['general'] });
    expect(Array.from(fromZip.minute)).toEqual(Array.from(fromFolder.minute));
    expect(fromZip.authors).toEqual(fromFolder.authors);
    expect(Array.from(fromZip.rosterAuthor!)).toEqual(Array.from(fromFolder.rosterAuthor!));
    const broken = slackZip().slice(0, 200);
    const r = importChat([{ name: 'cut.zip', bytes: broken }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].en).toMatch(/^cut\.zip: not a readable zip archive/);
  });
});

describe('new user report nu19: broken rows, rosters with ids, silent fallbacks', () => {
  const HEADER = 'localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender';
  /** `n` messages a minute apart from 2024-03-01 20:00 (+08:00), by `authors` wxids with NickNames. */
  const rows = (n: number, author: (i: number) => [wxid: string, nick: string]) => Array.from({ length: n }, (_, i) => {
    const [wxid, nick] = author(i);
    return `${i + 1},7,1,0,0,${1709294400 + i * 60},2,消息 ${i + 1},2024-03-01 20:00:00,,${nick},${wxid}`;
  });
  const zh = (r: ReturnType<typeof importChat>) => (r.ok ? r.notices.map((n) => n.zh) : r.problems.map((p) => p.zh)).join('\n');
  const en = (r: ReturnType<typeof importChat>) => (r.ok ? r.notices.map((n) => n.en) : r.problems.map((p) => p.en)).join('\n');

  it('defect 2: a roster with an id column keeps members who share a name apart (60 members, 3 left)', () => {
    // 43 authors: w0…w42; w40–w42 left (not in the list); w1 and w2 share the NickName 江勇, w3 and w4 熊阿杰
    const nick = (k: number) => (k === 1 || k === 2 ? '江勇' : k === 3 || k === 4 ? '熊阿杰' : `成员${k}`);
    const csv = [HEADER, ...rows(430, (i) => [`wxid_${i % 43}`, nick(i % 43)])].join('\n');
    const listed = [...Array.from({ length: 40 }, (_, k) => k), ...Array.from({ length: 20 }, (_, k) => 100 + k)];
    const roster = ['wxid,NickName', ...listed.map((k) => `wxid_${k},${nick(k)}`)].join('\n');
    const r = importChat([utf8('group.csv', csv)], { roster: [utf8('roster.csv', roster)] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const matched = Array.from(r.chat.rosterAuthor!);
    expect(matched).toHaveLength(60);
    expect(matched.filter((a) => a < 0)).toHaveLength(20); // never wrote
    expect(new Set(matched.filter((a) => a >= 0)).size).toBe(40);
    expect(en(r)).toMatch(/40 of the 43 people who wrote are in roster\.csv; the other 3 are counted as having left/);
    expect(zh(r)).not.toMatch(/重名/); // ids tell them apart
  });

  it('defect 2: a roster row with an id matches an author without one by name only, never an author with another id', () => {
    const csv = [HEADER,
      '1,7,1,0,0,1709294400,2,a,2024-03-01 20:00:00,,张三,wxid_a',
      '2,7,1,0,0,1709294460,2,b,2024-03-01 20:01:00,,李四,', // no Sender: known by name only
    ].join('\n');
    const chat = imported([utf8('g.csv', csv)], { roster: [utf8('r.csv', 'wxid,NickName\nwxid_b,张三\nwxid_c,李四\n')] });
    expect(Array.from(chat.rosterAuthor!)).toEqual([-1, 1]); // 张三 is wxid_a, not wxid_b; 李四 has no id and matches by name
  });

  it('defect 2: a name-only list with repeated names keeps both and names the repeats', () => {
    const csv = [HEADER, ...rows(40, (i) => [`wxid_${i % 4}`, ['江勇', '江勇', '熊阿杰', '熊阿杰'][i % 4]])].join('\n');
    const r = importChat([utf8('g.csv', csv)], { roster: [utf8('names.txt', '江勇\n江勇\n熊阿杰\n熊阿杰\n小王\n')] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Array.from(r.chat.rosterAuthor!).filter((a) => a >= 0)).toHaveLength(4); // each 江勇 is an author: nobody counted as having left
    expect(r.chat.roster).toHaveLength(5);
    expect(zh(r)).toMatch(/名单中有 2 个重名：江勇、熊阿杰，无法区分/);
    expect(en(r)).toMatch(/2 names appear more than once in the member list: 江勇, 熊阿杰; they cannot be told apart/);
  });

  it('defect 3a: an unclosed quote on row k skips that row only, whatever the pieces; quoted line breaks still read', () => {
    const body = rows(300, (i) => [`wxid_${i % 9}`, `n${i % 9}`]);
    body[199] = '200,7,1,0,0,1709306340,2,"未闭合的引号,2024-03-01 23:19:00,,n1,wxid_1'; // file line 201
    body[249] = '250,7,1,0,0,1709309340,2,"两行的\n消息",2024-03-02 00:09:00,,n2,wxid_2'; // a real multi-line message
    const csv = `${[HEADER, ...body].join('\n')}\n`;
    for (const chunkBytes of [undefined, 7, 100, 4096]) {
      const r = importChat([utf8('broken.csv', csv)], { chunkBytes });
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      expect(r.chat.minute.length, `pieces of ${chunkBytes}`).toBe(299);
      expect(r.chat.skippedTotal).toBe(1);
      expect(r.chat.skipped[0]).toMatchObject({ line: 201, column: 'StrContent' });
      expect(r.chat.skipped[0].zh).toMatch(/^此处的引号没有闭合；下一行是完整的一行，因此只跳过了该行/);
      expect(r.chat.unreadLines).toBe(1);
    }
  });

  it('defect 3c: an unclosed quote that cannot be resynchronised counts the lines it swallowed', () => {
    const csv = [HEADER, ...rows(5, (i) => [`wxid_${i}`, `n${i}`]), '6,7,1,0,0,1709294760,2,"开头', '后面都是文字', '还是文字'].join('\n');
    const chat = imported([utf8('c.csv', csv)]);
    expect(chat.minute.length).toBe(5);
    expect(chat.unreadLines).toBe(3);
  });

  it('defect 4: a QQ header with an unreadable date is a broken header with its line, not the previous message\u2019s text', () => {
    const txt = ['消息记录（此消息记录为文本格式，不支持重新导入）', '',
      '2024-03-01 9:05:00 张三(10001)', '大家好', '',
      '2024-03-0x 9:00:00 李四(10002)', '[表情]', '', // line 6
      '2024-03-01 9:07:x0 王五<wang@example.com>', '嗯', '', // line 9
      '2024-03-01 9:08:00 张三(10001)', '有人吗？', ''].join('\n');
    const chat = imported([utf8('qq.txt', txt)]);
    expect(chat.minute.length).toBe(2);
    expect(chat.skipped).toHaveLength(2);
    expect(chat.skipped[0]).toMatchObject({ line: 6, column: 'date', columnKind: 'part', zh: '消息头（“日期 时间 名字(QQ号)”）中的日期无法读取：“2024-03-0x”；该消息已跳过' });
    expect(chat.skipped[1]).toMatchObject({ line: 9, column: 'time', columnKind: 'part' });
  });

  it('defect 5: TXT lines name the part of the line, JSON the field, with Chinese quotes', () => {
    const qq = importChat([utf8('qq.txt', '2024-03-01 9:05:00 张三(10001)\n你好\n\n2024-03-01 25:61:00 李四(10002)\n嗯\n\n')]);
    expect(qq.ok).toBe(true);
    if (!qq.ok) return;
    expect(qq.chat.skipped[0]).toMatchObject({ line: 4, zh: '不是有效时间：“2024-03-01 25:61:00”' });
    expect(skippedRowText('zh-CN', qq.chat.skipped[0])).toBe('qq.txt，第 4 行，时间：不是有效时间：“2024-03-01 25:61:00”');
    expect(skippedRowText('en', qq.chat.skipped[0])).toBe('qq.txt, line 4, the time: not a time: "2024-03-01 25:61:00"');
    const tg = imported([utf8('result.json', JSON.stringify({ messages: [{ id: 1, type: 'message', date: '昨天', from_id: 'u1', text: 'x' }, { id: 2, type: 'message', date: '2024-03-01T10:00:00', from_id: 'u1', text: 'y' }] }, null, 1))]);
    expect(skippedRowText('zh-CN', tg.skipped[0])).toMatch(/^result\.json，第 \d+ 行，date 字段：第 1 条消息：不是有效时间：“昨天”$/);
    expect(skippedRowText('en', tg.skipped[0])).toMatch(/^result\.json, line \d+, field date: /);
    const none = importChat([utf8('result.json', '{"name": "x", "type": "private_group", "id": 1, "messages": {}}')]);
    if (!none.ok) expect(none.problems.map((p) => p.zh).join()).toMatch(/没有“messages”列表/);
  });

  it('defect 11: StrTime used for an unreadable CreateTime, and a NickName for an empty Sender, are noted with counts', () => {
    const csv = [HEADER,
      '1,7,1,0,0,1709294400,2,a,2024-03-01 20:00:00,,张三,wxid_a',
      '2,7,1,0,0,昨天晚上,2,b,2024-03-01 20:01:00,,张三,wxid_a',
      '3,7,1,0,0,昨天晚上,2,c,2024-03-01 20:02:00,,张三,wxid_a',
      '4,7,1,0,0,1709294580,2,d,2024-03-01 20:03:00,,李四,',
    ].join('\n');
    const r = importChat([utf8('g.csv', csv)]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.chat.minute.length).toBe(4);
    expect(en(r)).toMatch(/g\.csv: 2 rows used StrTime because CreateTime was unreadable/);
    expect(zh(r)).toMatch(/g\.csv：2 行的 CreateTime 无法读取，已改用 StrTime/);
    expect(en(r)).toMatch(/g\.csv: 1 row has an empty Sender and was credited to the NickName/);
  });
});
