import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/messages.ts';
import { bracketed } from '../../src/i18n/locale.ts';
import { FIELD_GROUPS } from '../../src/model/fields.ts';
import { defaultScenario } from '../../src/model/scenario.ts';
import { describePosition, leverAt } from '../../src/model/planning/levers.ts';
import { leverValue } from '../../src/ui/compare-report.ts';
import { fullWidth } from '../../src/model/text.ts';
import { describeBreach } from '../../src/model/planning/guardrails.ts';
import { parseScenario } from '../../src/model/scenario.ts';
import { shownValue } from '../../src/model/import/reader.ts';

const CJK = /[\u3400-\u9fff]/;
/** The Chinese string literals of a source file: `zh: '…'` and the second argument of `tx('…', '…')`. */
function zhLiterals(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const found = [...text.matchAll(/\bzh: '((?:[^'\\\n]|\\.)*)'/g), ...text.matchAll(/\btx\('(?:[^'\\\n]|\\.)*',\s*'((?:[^'\\\n]|\\.)*)'/g),
    ...text.matchAll(/'(?:[^'\\\n]|\\.)*[A-Za-z](?:[^'\\\n]|\\.)*',\s*'([\u3400-\u9fff](?:[^'\\\n]|\\.)*)'/g)];
  return found.map((m) => m[1]).filter((s) => CJK.test(s));
}

describe('Chinese typesetting', () => {
  it('the Chinese texts of the UI, the editor, the goals and the guardrails use full-width brackets and colons', () => {
    const files = ['src/i18n/messages.ts', 'src/i18n/messages-import.ts', 'src/i18n/messages-plan.ts', 'src/model/fields.ts', 'src/model/playbook.ts', 'src/model/metrics.ts', 'src/model/parameters.ts',
      'src/model/planning/guardrails.ts', 'src/model/playbook-sections.ts', 'src/model/scenario.ts', 'src/model/chat-text.ts',
      'src/model/import/measure.ts', 'src/model/import/chat-import.ts', 'src/model/import/decode.ts', 'src/model/import/json-formats.ts'];
    const bad = files.flatMap((path) => zhLiterals(path).filter((s) => /[()]|[\u3400-\u9fff）”] ?:/.test(s)).map((s) => `${path}: ${s}`));
    expect(bad).toEqual([]);
    expect(files.flatMap((path) => zhLiterals(path)).length).toBeGreaterThan(300);
  });

  it('values put into a Chinese message are typeset with it; a source after a threshold is bracketed full-width', () => {
    expect(t('zh-CN', 'defaultValue', { value: '0.7 (70%)' })).toBe('默认 0.7（70%）');
    expect(t('en', 'defaultValue', { value: '0.7 (70%)' })).toBe('default 0.7 (70%)');
    expect(bracketed('zh-CN', '§1')).toBe('（§1）');
    expect(bracketed('en', '§1')).toBe(' (§1)');
  });

  it('no space around a full-width bracket before Chinese or a number, in the sources and once composed', () => {
    const files = ['src/i18n/messages.ts', 'src/model/fields.ts', 'src/model/playbook-sections.ts', 'src/model/import/fit.ts', 'src/model/scenario.ts'];
    const bad = files.flatMap((path) => zhLiterals(path).filter((s) => /[\u3400-\u9fff] +（|）[ ]+[\u3400-\u9fff\d]/.test(s)).map((s) => `${path}: ${s}`));
    expect(bad).toEqual([]);
    expect(readFileSync('scenarios/knowledge-sharing.json', 'utf8')).not.toMatch(/[\u3400-\u9fff] +（|）[ ]+[\u3400-\u9fff\d]/);
    expect(fullWidth('管理员人数（不含群主） 1 人')).toBe('管理员人数（不含群主）1 人');
    expect(fullWidth('小组积分竞赛 （§5 中')).toBe('小组积分竞赛（§5 中');
  });

  it('a composed Chinese sentence carries no half-width brackets, colons or commas', () => {
    expect(fullWidth(`发布时段: ${describeBreach({ path: 'x', source: '§4, §5', reason: { en: 'r', zh: '晚间发布' } }, 'zh')}`)).toBe('发布时段：违背手册（§4、§5：晚间发布）');
    expect(fullWidth(`每位管理员每日私聊 (2)`)).toBe('每位管理员每日私聊（2）');
    expect(shownValue('老张的名字', 'zh')).toBe('（5 个字符的文本）');
    expect(shownValue('2024-13-01', 'zh')).toBe('“2024-13-01”');
    const r = parseScenario({ ...defaultScenario(), runs: 0 });
    const zh = r.ok ? '' : r.problems.map((p) => p.zh).join('\n');
    expect(zh).not.toMatch(/ 之间/);
  });

  it('the UI addresses the reader as 你, never 您 (the import view too)', () => {
    for (const path of ['src/i18n/messages.ts', 'src/model/import/measure.ts', 'src/model/import/chat-import.ts', 'src/model/import/fit.ts']) {
      expect(readFileSync(path, 'utf8'), path).not.toMatch(/您/);
    }
  });

  it('the theme day is the playbook\'s 主题讨论日 (GLOSSARY), never 答疑日', () => {
    const themeDay = FIELD_GROUPS.flatMap((g) => g.fields).find((f) => f.path === 'content.themeDay')!;
    expect(themeDay.label.zh).toBe('每周主题讨论日');
    for (const path of ['src/model/fields.ts', 'src/model/planning/guardrails.ts', 'src/model/playbook-sections.ts', 'src/model/chat-text.ts', 'scenarios/knowledge-sharing.json']) {
      expect(readFileSync(path, 'utf8'), path).not.toMatch(/答疑/);
    }
    expect(readFileSync('src/model/fields.ts', 'utf8')).toMatch(/主题讨论日（如周四行业问答日）/);
  });

  it('a fraction of people or posts is an average, and a whole-number lever is never shown with a fraction', () => {
    const base = defaultScenario();
    expect(describePosition(leverAt('content.postsPerWeek')!, 3.4, base, 'zh')).toBe('平均 3.4 篇');
    expect(describePosition(leverAt('content.postsPerWeek')!, 3.4, base, 'en')).toBe('3.4 posts on average');
    expect(describePosition(leverAt('content.postsPerWeek')!, 3, base, 'zh')).toBe('3 篇');
    expect(describePosition(leverAt('team.admins')!, 3.4, base, 'zh')).toBe('3 人');
    expect(leverValue('zh-CN', 'content.promoPerWeek', '2.5')).toBe('平均 2.5 条');
    expect(leverValue('zh-CN', 'growth.initialInvites', '40')).toBe('40 人');
  });
});
