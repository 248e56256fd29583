/**
 * Defects a new user met (issue 19 follow-up): a member list that matches
 * nobody, exports of different groups merged silently, error messages that
 * pointed to the wrong place or hid the bad value, a cut-short file that
 * looked whole, and Chinese typesetting of the model's messages.
 */
import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { importChat, type ImportInput } from '../../src/model/import/import-chat.ts';
import { MEASURE_INFO, measureChat } from '../../src/model/import/measure.ts';

const utf8 = (name: string, text: string): ImportInput => ({ name, bytes: new TextEncoder().encode(text) });
const HEADER = 'localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender';
/** A WeChatMsg group log: `authors` people (wxid_k, nickname 名k), each writing on 2024-03-0d. */
function wechat(authors: number, talker = 1): string {
  const rows = [HEADER];
  for (let k = 0; k < authors; k++) rows.push(`${k + 1},${talker},1,0,0,,2,你好,2024-03-0${1 + (k % 5)} 10:00:00,,名${k},wxid_${k}`);
  return rows.join('\n');
}

describe('a member list that matches few of the authors', () => {
  it('is refused below half the authors matched, naming the file and the count, and the import measures without it', () => {
    const roster = utf8('members.txt', Array.from({ length: 80 }, (_, k) => `陌生人${k}`).join('\n'));
    const r = importChat([utf8('chat.csv', wechat(60))], { roster: [roster] });
    if (!r.ok) throw new Error('refused');
    expect(r.chat.roster).toBeNull();
    const note = r.notices.find((n) => /members\.txt/.test(n.en))!;
    expect(note.en).toMatch(/^none of the 60 people who wrote are in members\.txt \(80 listed\) — is it a list of display names, not WeChat IDs/);
    expect(note.zh).toMatch(/^发过言的 60 人中没有一人在 members\.txt（80 人）中——它是否是群昵称列表而非微信号/);
  });
  it('is refused when only a few match (wxids vs display names)', () => {
    const roster = utf8('members.txt', ['名0', '名1', ...Array.from({ length: 8 }, (_, k) => `wxid_${k}`)].join('\n'));
    const r = importChat([utf8('chat.csv', wechat(20))], { roster: [roster] });
    if (!r.ok) throw new Error('refused');
    // names and ids of the same people: 8 distinct authors of 20
    expect(r.chat.roster).toBeNull();
    expect(r.notices.some((n) => /^only 8 of the 20 people who wrote are in members\.txt/.test(n.en) && /发过言的 20 人中只有 8 人在 members\.txt/.test(n.zh))).toBe(true);
  });
  it('is used with a partial match, with a notice of the count', () => {
    const roster = utf8('members.txt', Array.from({ length: 15 }, (_, k) => `wxid_${k}`).join('\n'));
    const r = importChat([utf8('chat.csv', wechat(20))], { roster: [roster] });
    if (!r.ok) throw new Error('refused');
    expect(r.chat.roster).toHaveLength(15);
    expect(r.notices.map((n) => n.en)).toContain('15 of the 20 people who wrote are in members.txt; the other 5 are counted as having left the group');
    expect(r.notices.map((n) => n.zh)).toContain('发过言的 20 人中有 15 人在 members.txt 中；其余 5 人按已退群计算。');
  });
});

const tg = (name: string, id: number, from = 0) => JSON.stringify({ name, type: 'private_supergroup', id, messages: [{ id: from, type: 'message', date: '2024-03-01T10:00:00', from: 'A', from_id: 'user1', text: 'hi' }] });

describe('exports of different groups', () => {
  it('says when files come in different formats, and when Telegram exports name different chats', () => {
    const r = importChat([utf8('wx.csv', wechat(3)), utf8('a/result.json', tg('读书会', 1)), utf8('b/result.json', tg('跑步群', 2))]);
    if (!r.ok) throw new Error('refused');
    const en = r.notices.map((n) => n.en);
    const zh = r.notices.map((n) => n.zh);
    expect(en.some((n) => /^the files are exports in 2 different formats/.test(n))).toBe(true);
    expect(en.some((n) => /files come from 2 different chats \(a\/result\.json \| b\/result\.json\)/.test(n))).toBe(true);
    expect(zh.some((n) => /^这些文件是 2 种不同格式的导出（留痕（WeChatMsg）CSV：wx\.csv；Telegram 桌面版 result\.json：/.test(n))).toBe(true);
    expect(zh.some((n) => /文件来自 2 个不同的群聊（a\/result\.json；b\/result\.json）/.test(n))).toBe(true);
  });
  it('tells Discord channels apart', () => {
    const dc = (channel: string) => JSON.stringify({ guild: { id: '1', name: 'G' }, channel: { id: channel, type: 'GuildTextChat', name: 'general' }, messages: [{ id: '1', type: 'Default', timestamp: '2024-03-01T10:00:00+00:00', content: 'hi', author: { id: '7', name: 'a' } }] });
    const r = importChat([utf8('a.json', dc('100')), utf8('b.json', dc('200'))]);
    expect(r.ok && r.notices.map((n) => n.en).some((n) => /DiscordChatExporter JSON files come from 2 different chats/.test(n))).toBe(true);
    const same = importChat([utf8('a.json', dc('100')), utf8('b.json', dc('100'))]);
    expect(same.ok && same.notices).toEqual([]);
  });
  it('says nothing for one chat split in several files, and tells WeChatMsg talkers apart', () => {
    const same = importChat([utf8('a/result.json', tg('读书会', 1)), utf8('b/result.json', tg('读书会', 1, 5))]);
    expect(same.ok && same.notices).toEqual([]);
    const two = importChat([utf8('a.csv', wechat(3, 1)), utf8('b.csv', wechat(3, 2))]);
    expect(two.ok && two.notices.map((n) => n.en).some((n) => /2 different chats/.test(n))).toBe(true);
  });
});

describe('error messages that name the right place and show the bad value', () => {
  it('WeChatMsg: the StrTime column read when CreateTime is empty, with its value', () => {
    const r = importChat([utf8('chat.csv', `${wechat(2)}\n9,1,1,0,0,,2,hi,not-a-date,,名9,wxid_9`)]);
    if (!r.ok) throw new Error('refused');
    expect(r.chat.skipped[0]).toMatchObject({ line: 4, column: 'StrTime', en: 'not a time: "not-a-date"', zh: '不是有效时间：“not-a-date”' });
  });
  it('Telegram, pretty-printed: the line of the bad date, and the date shown', () => {
    const messages = [0, 1, 2].map((k) => ({ id: k, type: 'message', date: k === 2 ? 'yesterday' : '2024-03-01T10:00:00', from: 'A', from_id: 'user1', text: 'secret words' }));
    const text = JSON.stringify({ name: 'G', type: 'private_supergroup', id: 1, messages }, null, 1);
    const line = text.split('\n').findIndex((l) => l.includes('yesterday')) + 1;
    expect(line).toBeGreaterThan(20);
    const r = importChat([utf8('result.json', text)]);
    if (!r.ok) throw new Error('refused');
    expect(r.chat.skipped[0]).toMatchObject({ line, column: 'date', en: 'message 3: not a time: "yesterday"', zh: '第 3 条消息：不是有效时间：“yesterday”' });
  });
  it('a JSON export cut short is a notice with the messages read and the last day, not a skipped row', () => {
    const messages = Array.from({ length: 50 }, (_, k) => ({ id: k, type: 'message', date: `2024-03-${String(1 + Math.floor(k / 5)).padStart(2, '0')}T10:00:00`, from: 'A', from_id: `user${k % 4}`, text: `消息 ${k}` }));
    const whole = JSON.stringify({ name: 'G', type: 'private_supergroup', id: 1, messages });
    const cut = whole.slice(0, Math.floor(whole.length * 0.6));
    const r = importChat([utf8('dl/result.json', cut)]);
    if (!r.ok) throw new Error('refused');
    const n = r.chat.minute.length;
    const last = new Date(r.chat.minute[n - 1] * 60_000).toISOString().slice(0, 10);
    expect(r.chat.skippedTotal).toBe(0);
    expect(r.notices[0].en).toMatch(new RegExp(`^result\\.json ends early: only the first ${n} messages \\(to ${last}\\) were read`));
    expect(r.notices[0].zh).toMatch(new RegExp(`^result\\.json 提前结束：只读取了前 ${n} 条消息（截至 ${last}）——`));
    expect(r.notices[0].en).not.toMatch(/Tokenizer|state|token/);
  });
});

describe('an unclosed quote in a CSV', () => {
  const row = (k: number, text: string) => `${k},1,1,0,0,,2,${text},2024-03-01 10:0${k}:00,,名${k},wxid_${k}`;
  const resumed = 'a quote opened here is never closed; the next line reads as a whole row, so only this row was skipped and the reading went on';
  it('skips only the broken row when the next line reads as a whole row (a later quote does not swallow it)', () => {
    const csv = [HEADER, row(1, '"ok"'), row(2, '"unterminated'), row(3, '"[图片]"'), row(4, '"fine"')].join('\n');
    const r = importChat([utf8('chat.csv', csv)]);
    if (!r.ok) throw new Error('refused');
    expect(r.chat.skipped).toHaveLength(1);
    expect(r.chat.skipped[0]).toMatchObject({ line: 3, en: resumed, zh: '此处的引号没有闭合；下一行是完整的一行，因此只跳过了该行，其余照常读取' });
    expect(r.chat.minute).toHaveLength(3);
    expect(r.chat.unreadLines).toBe(1);
  });
  it('keeps the rows after a quote that never closes', () => {
    const csv = [HEADER, row(1, '"ok"'), row(2, '"unterminated'), row(3, 'plain'), row(4, 'plain'), ''].join('\n');
    const r = importChat([utf8('chat.csv', csv)]);
    if (!r.ok) throw new Error('refused');
    expect(r.chat.skipped.map((s) => [s.line, s.en])).toEqual([[3, resumed]]);
    expect(r.chat.minute).toHaveLength(3);
  });
});

describe('Chinese typesetting of the import\u2019s own messages', () => {
  it('names the known formats in Chinese, with full-width punctuation', () => {
    const r = importChat([utf8('notes.txt', 'just some notes\n')]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0].zh).toMatch(/^notes\.txt：不是可识别的聊天导出格式（支持：留痕（WeChatMsg）CSV、PyWxDump CSV、/);
    expect(r.problems[0].zh).not.toMatch(/[(),]/);
  });
  it('says where times came from with full-width brackets', () => {
    const r = importChat([utf8('chat.csv', wechat(2))]);
    expect(r.ok && r.chat.files[0].timeBasis.zh).toBe('StrTime（导出设备的本地时间）');
  });
  it('says a damaged zip is damaged without the unzipper\u2019s English', () => {
    const zip = zipSync({ 'a.csv': strToU8(wechat(3)) });
    const r = importChat([{ name: 'x.zip', bytes: zip.slice(0, zip.length - 30) }]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0].zh).toBe('x.zip：不是可读取的 zip 压缩包：数据已损坏或不完整（可能在下载或复制时被截断）');
  });
});

describe('members and members who spoke', () => {
  it('count the same people: with a roster, authors who left are in neither', () => {
    // 6 authors; the list names 4 of them and 2 who never wrote
    const roster = utf8('members.txt', ['wxid_0', 'wxid_1', 'wxid_2', 'wxid_3', '静默甲', '静默乙'].join('\n'));
    const r = importChat([utf8('chat.csv', wechat(6))], { roster: [roster] });
    if (!r.ok) throw new Error('refused');
    const m = measureChat(r.chat, 'knowledge_sharing');
    expect(m.values.members).toBe(6);
    expect(m.values.posters).toBe(4);
    expect(m.values.leftShare).toBeCloseTo(2 / 6);
    expect(MEASURE_INFO.posters.definition.en).toMatch(/not counted here but in Authors no longer in the group/);
    expect(MEASURE_INFO.posters.definition.zh).toMatch(/不计入此项/);
  });
});
