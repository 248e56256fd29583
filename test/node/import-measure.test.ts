/**
 * Issue 19: the metrics measured on a small log equal a count by hand, and
 * are judged against the playbook's thresholds.
 */
import { describe, expect, it } from 'vitest';
import { importChat } from '../../src/model/import/import-chat.ts';
import { lastDays, MEASURE_INFO, MEASURE_KEYS, measureChat } from '../../src/model/import/measure.ts';

const row = (id: number, time: string, type: string, sub: string, text: string, sender: string) =>
  `${id},1,${type},${sub},0,,2,${text},${time},,group,${sender}`;
/** Two weeks, 2024-03-01 (Fri) to 03-14 (Thu); roster A–E; C, D and E never say anything of value. */
const LOG = [
  'localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender',
  row(1, '2024-03-01 20:00:00', '1', '0', '怎么报名？', 'A'),
  row(2, '2024-03-01 20:10:00', '1', '0', '群公告里有链接', 'B'),
  row(3, '2024-03-01 20:11:00', '1', '0', '1', 'C'),
  row(4, '2024-03-02 09:30:00', '1', '0', '周末愉快', 'A'),
  row(5, '2024-03-05 10:00:00', '1', '0', '分享一篇文章', 'A'),
  row(6, '2024-03-08 21:00:00', '1', '0', '今晚讨论什么', 'A'),
  row(7, '2024-03-08 21:30:00', '49', '2001', '[红包]恭喜发财', 'B'),
  row(8, '2024-03-14 10:00:00', '1', '0', '有人吗？', 'B'),
  row(9, '2024-03-14 12:00:00', '1', '0', '在', 'A'),
  row(10, '2024-03-14 12:01:00', '47', '0', '', 'D'),
].join('\n');

function measured(withRoster: boolean) {
  const r = importChat([{ name: 'log.csv', bytes: new TextEncoder().encode(LOG) }], withRoster ? { roster: [{ name: 'roster.txt', bytes: new TextEncoder().encode('A\nB\nC\nD\nE\n') }] } : {});
  if (!r.ok) throw new Error(r.problems[0].en);
  return measureChat(r.chat);
}

describe('measured metrics equal a hand count', () => {
  it('with a roster', () => {
    const m = measured(true);
    expect(m.days).toBe(14);
    expect(m.messages).toBe(10);
    expect(m.values).toEqual({
      speakingRate30d: 2 / 5, // A and B
      weeklyParticipation: 2 / 5, // the last 7 days (03-08 to 03-14): A and B (B's red packet is not speaking, B's question is)
      coreActiveUsers: 1, // A spoke on 5 of the 14 days, B on 2
      dailyMessages: 5 / 7, // the last 7 days, as the lab reads it: messages 6 to 10
      dailyMessagesSpan: 10 / 14,
      effectiveRatio: 7 / 10, // "1", the red packet and the sticker are low value
      lurkerShare: 3 / 5,
      top10ShareOfPosters: 5 / 7,
      top10MessageShare: 5 / 7,
      top30MessageShare: 1, // the top 2 of 5: A and B
      firstAnswerMinutesMedian: 65, // 10 and 120 minutes
      firstAnswerMinutesP90: 109,
      answeredWithin15Share: 0.5,
      lowValueShare: 3 / 10,
      questionShare: 2 / 7,
      eveningShare: 3 / 7,
      officeShare: 3 / 7, // 03-02 09:30 is a Saturday
      members: 5,
      posters: 2,
      messagesPerPoster: 3.5,
      leftShare: 0, // every author is on the roster
    });
    expect(m.hourlyProfile[20]).toBeCloseTo(2 / 7, 12);
    expect(m.hourlyProfile.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('without a roster: members are the authors seen, lurker share is no data', () => {
    const m = measured(false);
    expect(m.values.members).toBe(4); // D only sent a sticker, but is seen
    expect(m.values.speakingRate30d).toBe(2 / 4);
    expect(m.values.lurkerShare).toBeNull();
    expect(m.values.top10MessageShare).toBeNull();
    expect(m.values.leftShare).toBeNull();
    expect(m.values.top30MessageShare).toBeNull();
  });

  it('judges each metric against the playbook threshold of the positioning', () => {
    const rows = Object.fromEntries(measured(true).rows.map((r) => [r.key, r]));
    expect(rows.speakingRate30d).toMatchObject({ threshold: '≥ 80 %', source: '§1', status: 'fail' });
    expect(rows.effectiveRatio).toMatchObject({ threshold: '> 70 %', status: 'warn' }); // 70 % is not above 70 %
    expect(rows.dailyMessages).toMatchObject({ threshold: '5–15', status: 'fail' });
    expect(rows.lurkerShare).toMatchObject({ threshold: '≤ 35 %', status: 'fail' });
    expect(rows.firstAnswerMinutesMedian.threshold).toBeNull(); // a knowledge-sharing group has no response-time goal
    const service = Object.fromEntries(measureChat(importOk(), 'customer_service').rows.map((r) => [r.key, r]));
    expect(service.firstAnswerMinutesMedian).toMatchObject({ threshold: '< 15', status: 'fail' });
  });

  it('a window of the last days is measured as if the export began there', () => {
    const window = measureChat(lastDays(importOk(), 7));
    expect([window.days, window.messages]).toEqual([7, 5]); // 03-08 to 03-14
    expect(window.values).toMatchObject({ members: 3, posters: 2, dailyMessages: 5 / 7, firstAnswerMinutesMedian: 120 }); // A, B and D wrote; B's question answered by A
    expect(measureChat(lastDays(importOk(), 30))).toEqual(measureChat(importOk()));
  });

  it('is deterministic: the same input gives identical output', () => {
    expect(JSON.stringify(measured(true))).toBe(JSON.stringify(measured(true)));
  });
});

describe('an IRC log, counted by hand', () => {
  const log = ['--- Log opened Mon Mar 04 10:00:00 2024', '10:00 <ann> how do I mount a drive?', '10:03 <bob> use mount -t auto', '10:04 <ann> thanks',
    '10:30 -!- cid [~c@host] has joined #help', '--- Day changed Tue Mar 05 2024', '21:00 <cid> is the wiki down?', '21:45 <ann> works for me',
    '--- Day changed Wed Mar 06 2024', '09:00 <bob> :)'].join('\n');
  it('measures what a hand count gives', () => {
    const r = importChat([{ name: '#help.log', bytes: new TextEncoder().encode(log) }]);
    if (!r.ok) throw new Error(r.problems[0].en);
    const m = measureChat(r.chat);
    expect([m.days, m.messages]).toEqual([3, 6]);
    expect(m.values).toMatchObject({
      dailyMessages: 2, dailyMessagesSpan: 2, effectiveRatio: 4 / 6, // "thanks" and ":)" are low value; a span under a week is read whole
      posters: 3, messagesPerPoster: 4 / 3, top10ShareOfPosters: 2 / 4, speakingRate30d: 1,
      weeklyParticipation: null, coreActiveUsers: null, // shorter than a week, fewer than 14 days
      firstAnswerMinutesMedian: 24, answeredWithin15Share: 0.5, // 3 and 45 minutes
      questionShare: 2 / 4, eveningShare: 2 / 4, officeShare: 2 / 4, // 21:00 and 21:45; Monday 10:00 and 10:03
    });
    expect(m.values.firstAnswerMinutesP90).toBeCloseTo(40.8, 10);
  });
});

function importOk() {
  const r = importChat([{ name: 'log.csv', bytes: new TextEncoder().encode(LOG) }]);
  if (!r.ok) throw new Error('import failed');
  return r.chat;
}

describe('the metrics\u2019 definitions', () => {
  it('are given in both languages (the import table\u2019s hover text)', () => {
    for (const key of MEASURE_KEYS) {
      expect(MEASURE_INFO[key].definition.en, key).toBeTruthy();
      expect(MEASURE_INFO[key].definition.zh, key).toMatch(/[\u3400-\u9fff]/);
      expect(MEASURE_INFO[key].definition.zh, key).not.toMatch(/[()]|[\u3400-\u9fff] ?:/);
    }
  });
});
