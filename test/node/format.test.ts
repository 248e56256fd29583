/** Numbers as people read them, in both languages: paired differences with their interval, the unit once. */
import { describe, expect, it } from 'vitest';
import { formatChance, formatDifferenceInterval, formatSignedChange } from '../../src/model/format.ts';
import { wilson } from '../../src/model/stats.ts';

describe('formats', () => {
  it('a difference of shares is in points, with the unit once after the median', () => {
    const d = { median: -0.12, p5: -0.251, p95: 0.044 };
    expect(formatDifferenceInterval('en', 'speakingRate30d', d)).toBe('−12 pp (−25.1 … +4.4)');
    expect(formatDifferenceInterval('zh-CN', 'speakingRate30d', d)).toBe('−12 个百分点（−25.1 … +4.4）');
  });

  it('a change in people is whole: +5 core members, not +4.5; messages a day keep their decimal', () => {
    expect(formatSignedChange('en', 'coreActiveUsers', 4.5)).toBe('+5');
    expect(formatSignedChange('zh-CN', 'coreActiveUsers', -2.4)).toBe('−2');
    expect(formatSignedChange('en', 'dailyMessages', 0.8)).toBe('+0.8');
  });

  it('other metrics keep their unit, also once', () => {
    const d = { median: 3.5, p5: -1, p95: 8.25 };
    expect(formatDifferenceInterval('en', 'firstAnswerMinutesMedian', d)).toBe(`${formatSignedChange('en', 'firstAnswerMinutesMedian', 3.5)} (−1 … +8.3)`);
    expect(formatDifferenceInterval('zh-CN', 'coreActiveUsers', { median: 0, p5: -2, p95: 3 })).toBe('±0（−2 … +3）');
  });
});

describe('a chance as a share of runs', () => {
  it('carries its 90 % Wilson interval and the runs, in both languages', () => {
    // the tester's case: 19 of 60 runs meet every goal
    expect(wilson(19, 60).map((v) => Math.round(v * 100))).toEqual([23, 42]);
    expect(formatChance('en', 19 / 60, 60)).toBe('32% (90% interval 23–42%, 60 runs)');
    expect(formatChance('zh-CN', 19 / 60, 60)).toBe('32%（90% 区间 23–42%，60 次模拟）');
    expect(formatChance('en', 0.16, 200)).toBe('16% (90% interval 12–21%, 200 runs)');
  });

  it('narrows with more runs: the same share is surer at 1,000 runs than at 60', () => {
    expect(formatChance('en', 0.5, 60)).toBe('50% (90% interval 40–60%, 60 runs)');
    expect(formatChance('en', 0.5, 1000)).toBe('50% (90% interval 47–53%, 1,000 runs)');
  });

  it('has a short form where the runs are said once, and the interval alone for a table cell', () => {
    expect(formatChance('en', 0.07, 60, 'short')).toBe('7% (90% interval 3–14%)');
    expect(formatChance('zh-CN', 0.07, 60, 'short')).toBe('7%（90% 区间 3–14%）');
    expect(formatChance('zh-CN', 0.07, 60, 'interval')).toBe('3–14%');
  });

  it('never claims certainty from a few runs, and says nothing without runs', () => {
    expect(formatChance('en', 0, 60)).toBe('0% (90% interval 0–4%, 60 runs)');
    expect(formatChance('en', 1, 60)).toBe('100% (90% interval 96–100%, 60 runs)');
    expect(formatChance('en', 0, 0)).toBe('—');
  });
});

describe('Chinese typesetting', () => {
  it('full-width brackets and colons in Chinese text; times, code and English untouched', async () => {
    const { fullWidth } = await import('../../src/model/text.ts');
    expect(fullWidth('知识分享型 (按手册运营)')).toBe('知识分享型（按手册运营）');
    expect(fullWidth('每周内容数: 3 → 0')).toBe('每周内容数：3 → 0');
    expect(fullWidth('19:00–21:00 发布 (例如 [19, 21])')).toBe('19:00–21:00 发布（例如 [19, 21]）');
    expect(fullWidth('Speaking rate (30 d): 80 %')).toBe('Speaking rate (30 d): 80 %');
  });
});

describe('a time left', () => {
  it('is whole seconds, and whole minutes above 90 s', async () => {
    const { formatRemaining } = await import('../../src/model/format.ts');
    expect(formatRemaining('zh-CN', 123_600)).toBe('2 分钟');
    expect(formatRemaining('zh-CN', 45_400)).toBe('45 秒');
    expect(formatRemaining('en', 90_000)).toBe('90 s');
    expect(formatRemaining('en', 600_000)).toBe('10 min');
  });
});

describe('a range of differences in points', () => {
  it('gives the unit once', async () => {
    const { formatSignedPointsRange } = await import('../../src/model/format.ts');
    expect(formatSignedPointsRange('zh-CN', 0.114, 0.286)).toBe('+11.4 至 +28.6 个百分点');
    expect(formatSignedPointsRange('en', -0.05, 0.1)).toBe('−5 to +10 pp');
  });
});
