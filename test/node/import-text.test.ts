/** The Import view's texts: Chinese composed whole and typeset, statuses of one measured value, parameters by their labels. */
import { describe, expect, it } from 'vitest';
import { fittedParametersText, ignoredText, importStatusText, replyMinutesText, skippedRowText, thresholdText, timeBasisText } from '../../src/i18n/import-text.ts';
import { withAside } from '../../src/i18n/fit-verdict.ts';
import { tn } from '../../src/i18n/messages.ts';
import { judgeRows, MEASURE_INFO, MEASURE_KEYS } from '../../src/model/import/measure.ts';

describe('the import view in Chinese', () => {
  it('a skipped row: full-width colon, and no column when it is unknown', () => {
    const row = { file: 'a.csv', line: 21, column: 'CreateTime', en: 'not a time: "x"', zh: '不是有效时间：“x”' };
    expect(skippedRowText('zh-CN', row)).toBe('a.csv，第 21 行，CreateTime 列：不是有效时间：“x”');
    expect(skippedRowText('zh-CN', { ...row, column: null })).toBe('a.csv，第 21 行：不是有效时间：“x”');
    expect(skippedRowText('en', { ...row, column: null })).toBe('a.csv, line 21: not a time: "x"');
  });

  it('rows left out are counted with their measure word; a threshold is bracketed full-width', () => {
    expect(ignoredText('zh-CN', { 'system lines': 1, bots: 3 })).toBe('系统消息 1 条，机器人 3 条');
    expect(ignoredText('en', { 'system lines': 1, bots: 3 })).toBe('system lines 1, bots 3');
    expect(thresholdText('zh-CN', '≥ 80 %', '§1')).toBe('≥ 80%（§1）'); // one % style in Chinese
    expect(thresholdText('en', '≥ 80 %', '§1')).toBe('≥ 80 % (§1)');
  });

  it('a value within 10 % of its threshold is close to it, not "at risk"', () => {
    expect(importStatusText('zh-CN', 'warn')).toBe('接近阈值');
    expect(importStatusText('en', 'warn')).toBe('close to the threshold');
    expect(importStatusText('zh-CN', 'pass')).toBe('达标');
  });

  it('calibrated parameters show their labels and units, not their codes', () => {
    // in an operator's words, rounded to two significant digits: no codes, no h₀, no four-digit rates
    const lines = fittedParametersText('zh-CN', { rateMedianCore: 9.635, profileEveningShare: 0.7841, leaveHazardBase: 0.0067 });
    expect(lines).toEqual(['核心成员发言：约 9.6 条/天', '晚间活跃的成员：约 78%', '新成员退群：每天约 0.67%']);
    expect(fittedParametersText('en', { rateMedianCore: 9.635, rateMedianOrdinary: 0.1234 })).toEqual(['Core members post: about 9.6 messages a day', 'Ordinary members post: about 0.12 messages a day']);
    expect(replyMinutesText('zh-CN', 338.2)).toBe('管理员回复用时：约 340 分钟');
    expect(replyMinutesText('en', 338.2)).toBe('Team\u2019s answer time: about 340 minutes');
  });

  it('a JSON syntax error is placed by its character in the line, not as a column name', () => {
    const s = { file: 'result.json', line: 2, column: '90', en: 'not valid JSON here (Unexpected "}" in state TRUE3); the file cannot be read', zh: '此处不是有效的 JSON；无法读取该文件' };
    expect(skippedRowText('zh-CN', s)).toBe('result.json，第 2 行第 90 个字符：此处不是有效的 JSON；无法读取该文件');
    expect(skippedRowText('en', s)).toMatch(/^result\.json, line 2, character 90: not valid JSON here/);
    expect(skippedRowText('zh-CN', { ...s, column: 'date' })).toMatch(/^result\.json，第 2 行，date 列：/);
  });

  it('an aside after a name in brackets goes inside them, not in a second pair', () => {
    expect(withAside('zh-CN', '首次响应时效（中位数）', '偏差 ×0.49')).toBe('首次响应时效（中位数；偏差 ×0.49）');
    expect(withAside('en', 'First-answer time (median)', 'off by ×0.49')).toBe('First-answer time (median; off by ×0.49)');
    expect(withAside('zh-CN', '日均发言量', '偏差 ×2')).toBe('日均发言量（偏差 ×2）');
  });

  it('daily messages over the whole span are named as a variant of daily messages', () => {
    expect(MEASURE_INFO.dailyMessagesSpan.zh).toBe(`${MEASURE_INFO.dailyMessages.zh}（整个记录期）`);
    expect(MEASURE_INFO.dailyMessagesSpan.en).toMatch(new RegExp(`^${MEASURE_INFO.dailyMessages.en}`));
  });

  it('the same values are judged anew for another positioning', () => {
    const values = Object.fromEntries(MEASURE_KEYS.map((k) => [k, 0.5])) as Parameters<typeof judgeRows>[0];
    const a = judgeRows(values, 'knowledge_sharing').map((r) => r.threshold);
    const b = judgeRows(values, 'customer_service').map((r) => r.threshold);
    expect(a).not.toEqual(b);
  });
});

describe('counts and the time basis in the page', () => {
  it('English says 1 file, 2 files, 0 members; Chinese has one form', () => {
    expect(tn('en', 'importFiles', 1)).toBe('1 file');
    expect(tn('en', 'importFiles', 2)).toBe('2 files');
    expect(tn('en', 'importMembers', 0)).toBe('0 members');
    expect(tn('en', 'importSilent', 1)).toBe('1 listed member never wrote.');
    expect(tn('en', 'importSkipped', 4)).toBe('4 rows skipped: why');
    expect(tn('en', 'importChosen', 1)).toBe('1 file chosen');
    expect(tn('en', 'importMessages', 1)).toBe('1 message');
    expect(tn('zh-CN', 'importFiles', 1)).toBe('1 个文件');
    expect(tn('en', 'importRun', 1)).toBe('Read and measure'); // no singular form: the text as it is
  });

  it('Slack at UTC: the page names its Time zone field, not the command line’s --tz', () => {
    const basis = { en: 'ts (Unix time) at UTC: pass --tz for the team\u2019s local day', zh: 'ts (Unix 时间) 按 UTC：请用时区选项设为团队的本地时间' };
    expect(timeBasisText('en', basis)).toBe('ts (Unix time) at UTC: set the Time zone field for the team\u2019s local day');
    expect(timeBasisText('zh-CN', basis)).toBe('ts（Unix 时间）按 UTC：请在“时区”栏填写团队的时差，按团队的本地日期计');
    expect(timeBasisText('en', { en: 'ts (Unix time) at the offset', zh: '' })).toBe('ts (Unix time) at the offset');
  });
});
