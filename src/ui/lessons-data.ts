/// <reference types="vite/client" />
/**
 * The shipped lessons (scenarios/lessons/*.json, picked up at build time: a
 * trainer adds a file, no code) and their base scenarios (the reference
 * scenarios, by file name). A shipped file that does not validate is listed
 * with its problems instead of breaking the others.
 */
import { parseLesson, type Lesson } from '../model/lessons.ts';
import type { Problem } from '../model/scenario.ts';
import { PRESETS, type PresetName } from './presets.ts';

const files = import.meta.glob<unknown>('../../scenarios/lessons/*.json', { eager: true, import: 'default' });

export const SHIPPED_LESSONS: Lesson[] = [];
export const LESSON_FILE_PROBLEMS: { file: string; problems: Problem[] }[] = [];
for (const [path, value] of Object.entries(files)) {
  const parsed = parseLesson(value);
  if (parsed.ok) SHIPPED_LESSONS.push(parsed.lesson);
  else LESSON_FILE_PROBLEMS.push({ file: path.split('/').pop() ?? path, problems: parsed.problems });
}
SHIPPED_LESSONS.sort((a, b) => a.order - b.order);

/** A lesson's base scenario: a reference scenario by name, or the one written in the lesson; null for an unknown name. */
export function lessonBase(lesson: Lesson): unknown {
  if (typeof lesson.scenario !== 'string') return lesson.scenario;
  return lesson.scenario in PRESETS ? PRESETS[lesson.scenario as PresetName].file : null;
}
