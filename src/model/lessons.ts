/**
 * Lessons: guided experiments, one per playbook section, written as data
 * (scenarios/lessons/*.json; the format is in docs/lessons.md). A lesson takes
 * a base scenario (a reference scenario by name, or one written inline),
 * changes one or a few of its levers, asks what happens to one metric, and
 * once the learner has predicted, the paired comparison of base (A) and
 * changed (B) gives the answer: higher, about the same, or lower.
 */
import { z } from 'zod';
import { SERIES_KEYS, SUMMARY_KEYS, type SeriesKey, type SummaryKey } from './metrics.ts';
import { formatPath, makeProblem, parseScenario, type Problem, type Scenario } from './scenario.ts';
import { bilingual as tx, fullWidth, type Bilingual } from './text.ts';
import { setAt } from './fields.ts';
import type { PairedDifference } from './compare.ts';
import { SECTIONS } from './playbook-sections.ts';

export { SECTIONS, type Section } from './playbook-sections.ts';

export const ANSWERS = ['higher', 'same', 'lower'] as const;
export type Answer = (typeof ANSWERS)[number];


const Text = (max: number) => z.string().trim().min(1).max(max);

const LessonTextSchema = z.strictObject({
  title: Text(80),
  /** The section in brief: what the playbook says here, in a few sentences. */
  brief: Text(800),
  /** The question the learner predicts the answer to. */
  question: Text(240),
  /** Why the answer is what it is: the mechanism in plain words. */
  explanation: Text(1500),
});

export const LessonSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/),
  /** Lessons are listed by this number. */
  order: z.number().int().min(1).max(999),
  section: z.enum(SECTIONS),
  /** A reference scenario's file name without `.json` (e.g. `knowledge-sharing`), or a whole scenario. */
  scenario: z.union([z.string().regex(/^[a-z0-9-]+$/), z.record(z.string(), z.unknown())]),
  /** What B changes from A: field paths as in scenario files, and their values. */
  changes: z.array(z.strictObject({ path: z.string().regex(/^[A-Za-z]+(\.[A-Za-z]+)*$/), value: z.unknown() })).min(1).max(10),
  /** The metric the question is about. */
  metric: z.enum(SUMMARY_KEYS as [SummaryKey, ...SummaryKey[]]),
  /** The daily series drawn with the answer (default: none). */
  chart: z.enum(SERIES_KEYS as [SeriesKey, ...SeriesKey[]]).optional(),
  /** Runs of each scenario (paired: the same run indices). */
  runs: z.number().int().min(20).max(1000).default(200),
  /** A median paired difference within ± this (in the metric's unit: shares as 0–1) counts as "about the same". */
  sameWithin: z.number().min(0).max(1e6),
  /** The answer the lesson teaches; the tests check the model gives it. */
  answer: z.enum(ANSWERS),
  en: LessonTextSchema,
  zh: LessonTextSchema,
});

export type Lesson = z.output<typeof LessonSchema>;
export type LessonText = z.output<typeof LessonTextSchema>;

/** A lesson's texts in the reader's language (Chinese typeset with full-width brackets and colons). */
export function lessonText(lesson: Lesson, lang: 'en' | 'zh'): LessonText {
  const text = lesson[lang];
  if (lang === 'en') return text;
  return { title: fullWidth(text.title), brief: fullWidth(text.brief), question: fullWidth(text.question), explanation: fullWidth(text.explanation) };
}

export type LessonParse = { ok: true; lesson: Lesson } | { ok: false; problems: Problem[] };

/** Validate a lesson file's parsed JSON; every problem names its field. */
export function parseLesson(value: unknown): LessonParse {
  const result = LessonSchema.safeParse(value);
  if (result.success) return { ok: true, lesson: result.data };
  return { ok: false, problems: result.error.issues.flatMap(issueToProblems) };
}

const TYPES: Record<string, Bilingual> = {
  string: tx('text', '文本'), number: tx('a number', '数字'), object: tx('an object { … }', '对象 { … }'), array: tx('a list [ … ]', '列表 [ … ]'), boolean: tx('true or false', 'true 或 false'),
};
/** Field-specific wording where a pattern says little. */
const FORMATS: Record<string, Bilingual> = {
  id: tx('must be lowercase letters, digits and dashes, at most 40 (e.g. posting-window)', '只能用小写字母、数字和连字符，最多 40 个（例如 posting-window）'),
  scenario: tx('must be a reference scenario’s file name without .json (e.g. knowledge-sharing) or a whole scenario', '必须是参考场景的文件名（不含 .json，例如 knowledge-sharing）或完整的场景'),
  path: tx('must be a field path as in scenario files (e.g. content.postsPerWeek)', '必须是场景文件中的字段路径（例如 content.postsPerWeek）'),
};

/** A validation issue in plain words, in both languages (not the validator's own English). */
function issueToProblems(issue: z.core.$ZodIssue): Problem[] {
  const path = formatPath(issue.path);
  const say = (text: Bilingual) => [makeProblem(path, text.en, text.zh)];
  const last = String(issue.path.at(-1) ?? '');
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => makeProblem(formatPath([...issue.path, key]), 'is not a lesson field (see docs/lessons.md)', '不是课程文件的字段（参见 docs/lessons.md）'));
    case 'invalid_type': {
      if (/received undefined/.test(issue.message)) return say(tx('is missing', '缺少此项'));
      const type = TYPES[issue.expected] ?? tx(issue.expected, issue.expected);
      return say(tx(`must be ${type.en}`, `必须是${type.zh}`));
    }
    case 'too_small':
      return say(issue.origin === 'string' ? tx('must not be empty', '不能为空')
        : issue.origin === 'array' ? tx(`needs at least ${issue.minimum}`, `至少需要 ${issue.minimum} 项`)
          : tx(`must be at least ${issue.minimum}`, `不能小于 ${issue.minimum}`));
    case 'too_big':
      return say(issue.origin === 'string' ? tx(`must be at most ${issue.maximum} characters`, `最多 ${issue.maximum} 个字符`)
        : issue.origin === 'array' ? tx(`takes at most ${issue.maximum}`, `最多 ${issue.maximum} 项`)
          : tx(`must be at most ${issue.maximum}`, `不能大于 ${issue.maximum}`));
    case 'invalid_value': {
      const values = issue.values.map(String);
      // a long list (the metrics) is named by where to find it, not printed in full
      const list = values.length <= 8 ? values.join(', ') : `${values.slice(0, 4).join(', ')}, … (${values.length} names, see docs/lessons.md)`;
      const listZh = values.length <= 8 ? values.join('、') : `${values.slice(0, 4).join('、')} 等 ${values.length} 个（参见 docs/lessons.md）`;
      return say(tx(`must be one of ${list}`, `必须是以下之一：${listZh}`));
    }
    case 'invalid_format':
    case 'invalid_union':
      return say(FORMATS[last] ?? tx(issue.message, `格式不对：${issue.message}`));
    default:
      return say(tx(issue.message, `格式不对：${issue.message}`));
  }
}

export type LessonScenarios = { ok: true; a: Scenario; b: Scenario } | { ok: false; problems: Problem[] };

/**
 * The lesson's two scenarios: A is the base, B the base with the lesson's
 * changes; both run `lesson.runs` runs. `base` is the base scenario's JSON (the
 * caller resolves a reference scenario's name). A change the schema refuses is
 * reported at `changes[i]`, with the field's own problem.
 */
export function lessonScenarios(lesson: Lesson, base: unknown): LessonScenarios {
  const withRuns = (value: unknown) => (value && typeof value === 'object' ? { ...value, runs: lesson.runs } : value);
  const a = parseScenario(withRuns(base));
  if (!a.ok) return { ok: false, problems: a.problems.map((p) => ({ ...p, path: `scenario.${p.path}`.replace(/\.$/, '') })) };
  let changed: unknown = structuredClone(base);
  for (const change of lesson.changes) changed = setAt(changed, change.path, change.value);
  const b = parseScenario(withRuns(changed));
  if (!b.ok) {
    return {
      ok: false,
      problems: b.problems.map((p) => {
        const k = lesson.changes.findIndex((c) => p.path === c.path || p.path.startsWith(`${c.path}.`) || p.path.startsWith(`${c.path}[`));
        return k < 0 ? p : { ...p, path: `changes[${k}] (${p.path})` };
      }),
    };
  }
  return { ok: true, a: a.scenario, b: b.scenario };
}

/** The answer a paired difference gives: beyond ± `sameWithin` it is higher or lower. */
export function answerOf(difference: Pick<PairedDifference, 'median'> | null, sameWithin: number): Answer {
  if (!difference || Math.abs(difference.median) <= sameWithin) return 'same';
  return difference.median > 0 ? 'higher' : 'lower';
}
