/** Numbers as people read them, in both languages: paired differences with their interval, the unit once. */
import { describe, expect, it } from 'vitest';
import { formatDifferenceInterval, formatSignedChange } from '../../src/model/format.ts';

describe('formats', () => {
  it('a difference of shares is in points, with the unit once after the median', () => {
    const d = { median: -0.12, p5: -0.251, p95: 0.044 };
    expect(formatDifferenceInterval('en', 'speakingRate30d', d)).toBe('−12 pp (−25.1 … +4.4)');
    expect(formatDifferenceInterval('zh-CN', 'speakingRate30d', d)).toBe('−12 个百分点 (−25.1 … +4.4)');
  });

  it('other metrics keep their unit, also once', () => {
    const d = { median: 3.5, p5: -1, p95: 8.25 };
    expect(formatDifferenceInterval('en', 'firstAnswerMinutesMedian', d)).toBe(`${formatSignedChange('en', 'firstAnswerMinutesMedian', 3.5)} (−1 … +8.3)`);
    expect(formatDifferenceInterval('zh-CN', 'coreActiveUsers', { median: 0, p5: -2, p95: 3 })).toBe('±0 (−2 … +3)');
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
