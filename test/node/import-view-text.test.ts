/** The Import view's status, unit and sentence texts (nu19 defects 5–11): band sides, short logs, units, counts, sentences, span names. */
import { describe, expect, it } from 'vitest';
import { countedText, goalText, rowStatus, sentenceText, spanText, toleranceUnitText } from '../../src/i18n/import-text.ts';
import { judgeRows, MEASURE_KEYS, type MeasureKey } from '../../src/model/import/measure.ts';
import { FIT_TOLERANCES } from '../../src/model/import/fit.ts';
import { t } from '../../src/i18n/messages.ts';

const values = (over: Partial<Record<MeasureKey, number | null>>) => ({ ...Object.fromEntries(MEASURE_KEYS.map((k) => [k, null])), ...over }) as Record<MeasureKey, number | null>;
const row = (key: MeasureKey, value: number | null, positioning: 'knowledge_sharing' | 'customer_service' = 'knowledge_sharing') => judgeRows(values({ [key]: value }), positioning).find((r) => r.key === key)!;
const long = { days: 60, hasRoster: true };

describe('a band threshold says on which side it is missed', () => {
  it('daily messages 85 against 5–15: above the range; 1: below; 16: just above; 10: pass', () => {
    expect(rowStatus('zh-CN', row('dailyMessages', 85), long)).toEqual({ cls: 'fail', text: '高于区间' });
    expect(rowStatus('en', row('dailyMessages', 85), long).text).toBe('above the range');
    expect(rowStatus('en', row('dailyMessages', 1), long).text).toBe('below the range');
    expect(rowStatus('zh-CN', row('dailyMessages', 1), long).text).toBe('低于区间');
    expect(rowStatus('en', row('dailyMessages', 16), long).text).toBe('just above the range');
    expect(rowStatus('en', row('dailyMessages', 10), long)).toEqual({ cls: 'pass', text: 'pass' });
  });

  it('a one-sided threshold keeps miss / 未达标', () => {
    expect(rowStatus('zh-CN', row('speakingRate30d', 0.3), long).text).toBe('未达标');
  });
});

describe('short logs and member lists in the status', () => {
  it('a log shorter than the window says so, before "needs a member list"; core actives are never blank', () => {
    const short = { days: 2, hasRoster: false };
    expect(rowStatus('zh-CN', row('weeklyParticipation', null), short).text).toBe('记录不足 7 天');
    expect(rowStatus('en', row('weeklyParticipation', null), short).text).toBe('less than 7 days of log');
    expect(rowStatus('zh-CN', row('coreActiveUsers', null), short).text).toBe('记录不足 14 天');
    expect(rowStatus('zh-CN', row('coreActiveUsers', null), { days: 10, hasRoster: true }).text).toBe('记录不足 14 天');
    expect(rowStatus('zh-CN', row('lurkerShare', null), short).text).toBe('需要成员名单');
    // a goal with no value for another reason is still named
    expect(rowStatus('en', row('firstAnswerMinutesMedian', null, 'customer_service'), long).text).toBe('no data');
  });
});

describe('units', () => {
  it('the first-answer threshold carries minutes; shares take one % style per language', () => {
    const goal = row('firstAnswerMinutesMedian', 300, 'customer_service').goal!;
    expect(goalText('zh-CN', goal)).toBe('< 15 分钟');
    expect(goalText('en', goal)).toBe('< 15 min');
    expect(goalText('zh-CN', row('speakingRate30d', 0.5).goal!)).toBe('≥ 80%');
    expect(goalText('zh-CN', row('dailyMessages', 5).goal!)).toBe('5–15');
  });

  it('a tolerance with a count names its unit: minutes for the answer time, people for core actives', () => {
    expect(toleranceUnitText('zh-CN', 'firstAnswerMinutesMedian', FIT_TOLERANCES.firstAnswerMinutesMedian!)).toBe('×1.5 以内或相差不超过 2 分钟');
    expect(toleranceUnitText('en', 'coreActiveUsers', FIT_TOLERANCES.coreActiveUsers!)).toBe('within ×1.3 or ± 2 people');
    expect(toleranceUnitText('zh-CN', 'coreActiveUsers', FIT_TOLERANCES.coreActiveUsers!)).toBe('×1.3 以内或相差不超过 2 人');
    expect(toleranceUnitText('en', 'dailyMessages', FIT_TOLERANCES.dailyMessages!)).toBe('within ×1.25');
  });
});

describe('counts, sentences and spans', () => {
  it('counts are grouped the same way everywhere', () => {
    expect(countedText('zh-CN', 'importMessages', 200_000)).toBe('200,000 条消息');
    expect(countedText('en', 'importMessages', 1)).toBe('1 message');
    expect(countedText('en', 'importSkippedVisible', 2)).toBe('2 rows could not be read and were skipped.');
  });

  it('a note ends as a sentence, once', () => {
    expect(sentenceText('zh-CN', '发过言的 43 人中有 39 人在 roster60.csv 中；其余 4 人按已退群计算')).toBe('发过言的 43 人中有 39 人在 roster60.csv 中；其余 4 人按已退群计算。');
    expect(sentenceText('zh-CN', '已读取。')).toBe('已读取。');
    expect(sentenceText('en', 'read')).toBe('read.');
  });

  it('a span names the scenario; the year is not repeated', () => {
    expect(t('zh-CN', 'importScenarioName', { span: spanText('zh-CN', '2026-09-01', '2026-10-30') })).toBe('导入的群 2026-09-01 至 10-30（已校准）');
    expect(spanText('en', '2025-12-20', '2026-01-10')).toBe('2025-12-20 – 2026-01-10');
  });

  it('the CLI says 场景, as the page does', () => {
    expect(t('zh-CN', 'importScenarioWritten', { file: 'a.json' })).toBe('场景已保存到 a.json');
  });
});
