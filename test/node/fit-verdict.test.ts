/**
 * The calibration's verdict in words (issue 19): a metric off by a factor says
 * the factor; one the group does not have at all (none in the export, some in
 * the model) says so, in both languages, rather than "×∞".
 */
import { describe, expect, it } from 'vitest';
import { verdictOf, type FitRow } from '../../src/model/import/fit.ts';
import { verdictText } from '../../src/i18n/fit-verdict.ts';

const row = (measured: number, fitted: number): FitRow => {
  const tolerance = { ratio: 1.3, count: 2 };
  return { key: 'coreActiveUsers', measured, fitted, atDefaults: null, from: 'lab', tolerance, verdict: verdictOf('coreActiveUsers', measured, fitted, tolerance, null) } as FitRow;
};

describe('the fit verdict in words', () => {
  it('names the factor when both sides have some', () => {
    expect(verdictText('en', row(10, 25))).toBe('off by ×2.5');
    expect(verdictText('en', row(10, 11))).toBe('within tolerance');
  });

  it('says "none in your group" instead of an infinite factor', () => {
    expect(verdictText('en', row(0, 12))).toBe('off: none in your group, 12 in the model');
    expect(verdictText('zh-CN', row(0, 12))).toBe('偏差：你的群为 0，模型为 12');
    expect(verdictText('en', row(0, 1))).toBe('within tolerance'); // within the count tolerance (±2)
  });
});
