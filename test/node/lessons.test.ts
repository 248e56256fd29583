/**
 * The shipped lessons: every file validates, one lesson per playbook section
 * at least, and each lesson's answer is what the model gives — a real paired
 * ensemble of its two scenarios, judged by the lesson's own "about the same" band.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SECTIONS, answerOf, lessonScenarios, parseLesson, type Lesson } from '../../src/model/lessons.ts';
import { alignForComparison, compareRuns } from '../../src/model/compare.ts';
import { runSummaries } from '../../src/model/ensemble.ts';
import { scenarioFile, type ScenarioName } from '../scenarios.ts';

const DIR = 'scenarios/lessons';
const lessons: Lesson[] = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort().map((file) => {
  const parsed = parseLesson(JSON.parse(readFileSync(`${DIR}/${file}`, 'utf8')));
  if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.problems)}`);
  return parsed.lesson;
});
const base = (lesson: Lesson): unknown => (typeof lesson.scenario === 'string' ? scenarioFile(lesson.scenario as ScenarioName) : lesson.scenario);

describe('shipped lessons', () => {
  it('cover every playbook section, with unique ids and order', () => {
    expect(lessons.length).toBeGreaterThanOrEqual(7);
    for (const section of SECTIONS) expect(lessons.some((l) => l.section === section), section).toBe(true);
    expect(new Set(lessons.map((l) => l.id)).size).toBe(lessons.length);
    expect(new Set(lessons.map((l) => l.order)).size).toBe(lessons.length);
  });

  it.each(lessons.map((l) => [l.id, l] as const))('%s: the model gives the lesson’s answer', (_id, lesson) => {
    const built = lessonScenarios(lesson, base(lesson));
    if (!built.ok) throw new Error(JSON.stringify(built.problems));
    const [a, b] = alignForComparison([built.a, built.b]);
    const comparison = compareRuns([a, b], [runSummaries(a, 0, lesson.runs), runSummaries(b, 0, lesson.runs)]);
    const difference = comparison.metrics[lesson.metric].differences[1];
    expect(answerOf(difference, lesson.sameWithin), `median paired difference ${difference?.median}`).toBe(lesson.answer);
  });
});

describe('lesson files', () => {
  const valid = () => structuredClone(lessons[0]) as unknown as Record<string, unknown>;

  it('a bad lesson names the field and what is allowed', () => {
    const bad = { ...valid(), id: 'Has Spaces', section: '§9', metric: 'happiness', runs: 5 };
    const parsed = parseLesson(bad);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const paths = parsed.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['id', 'section', 'metric', 'runs']));
    const zh = Object.fromEntries(parsed.problems.map((p) => [p.path, p.zh]));
    const en = Object.fromEntries(parsed.problems.map((p) => [p.path, p.en]));
    expect(en.id).toMatch(/lowercase letters, digits and dashes/);
    expect(zh.id).toMatch(/^只能用小写字母/);
    expect(en.runs).toBe('must be at least 20');
    expect(zh.runs).toBe('不能小于 20');
    expect(en.section).toBe('must be one of §1, §2, §3, §4, §5, §6, §7');
    // the long list of metrics is named, not printed in full
    expect(en.metric).toMatch(/^must be one of speakingRate30d, .*names, see docs\/lessons\.md\)$/);
    // no validator English in Chinese
    for (const p of parsed.problems) expect(p.zh, p.path).not.toMatch(/Invalid|expected|received/);
    const missing = parseLesson({ ...valid(), zh: { title: '标题' } });
    expect(!missing.ok && missing.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['zh.brief', 'zh.question', 'zh.explanation']));
    expect(!missing.ok && missing.problems.find((p) => p.path === 'zh.brief')?.zh).toBe('缺少此项');
    const stray = parseLesson({ ...valid(), hint: 'x', scenario: 42 });
    expect(!stray.ok && stray.problems.find((p) => p.path === 'hint')?.en).toBe('is not a lesson field (see docs/lessons.md)');
    expect(!stray.ok && stray.problems.find((p) => p.path === 'scenario')?.en).toMatch(/reference scenario’s file name/);
  });

  it('a change the scenario schema refuses is reported at the change, with the field’s own problem', () => {
    const lesson = { ...lessons[0], changes: [{ path: 'content.postsPerWeek', value: 1000 }] };
    const built = lessonScenarios(lesson, base(lesson));
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.problems[0].path).toBe('changes[0] (content.postsPerWeek)');
    const unknown = lessonScenarios({ ...lessons[0], changes: [{ path: 'content.postsPerWek', value: 1 }] }, base(lessons[0]));
    expect(!unknown.ok && unknown.problems[0].path).toMatch(/content\.postsPerWek/);
  });

  it('answers: beyond ± sameWithin higher or lower, else about the same', () => {
    expect(answerOf({ median: 0.2 }, 0.05)).toBe('higher');
    expect(answerOf({ median: -0.2 }, 0.05)).toBe('lower');
    expect(answerOf({ median: 0.05 }, 0.05)).toBe('same');
    expect(answerOf(null, 0.05)).toBe('same');
  });
});
