/**
 * A guided lesson: which lesson is open, the learner's prediction, the paired
 * run of the lesson's two scenarios (through the lab's pool, as a comparison
 * is), the answer, and progress across lessons — remembered in this browser.
 * A lesson file a trainer opens is validated like a scenario file.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Comparison } from '../../model/compare.ts';
import type { EnsembleSummary } from '../../model/ensemble.ts';
import { answerOf, lessonScenarios, parseLesson, type Answer, type Lesson } from '../../model/lessons.ts';
import { jsonSyntaxProblem, makeProblem, type Problem, type Scenario } from '../../model/scenario.ts';
import { EnsembleCancelled, type Progress } from '../../worker/pool.ts';
import { LESSON_FILE_PROBLEMS, SHIPPED_LESSONS, lessonBase } from '../lessons-data.ts';
import { PRESETS } from '../presets.ts';
import type { EnsembleController } from './ensemble-controller.ts';
import { messageOf, type NoticesController } from './notices-controller.ts';

export type LessonStage = 'question' | 'running' | 'revealed';

/** What a finished lesson run shows: the paired comparison, both ensembles and the answer. */
export interface LessonOutcome {
  readonly lessonId: string;
  readonly comparison: Comparison;
  readonly ensembles: readonly EnsembleSummary[];
  readonly answer: Answer;
  readonly predicted: Answer;
  readonly b: Scenario;
}

/** A lesson done: what the learner predicted and what the model answered. */
export interface LessonRecord {
  readonly predicted: Answer;
  readonly answer: Answer;
  readonly at: number;
}

const PROGRESS_KEY = 'qunce-lab:lessons';
/** Lesson files a trainer opened here, kept so they survive a reload. */
const OPENED_KEY = 'qunce-lab:opened-lessons';

function loadOpened(): Lesson[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(OPENED_KEY) ?? '[]');
    if (!Array.isArray(value)) return [];
    return value.flatMap((v) => {
      const parsed = parseLesson(v);
      return parsed.ok && !SHIPPED_LESSONS.some((l) => l.id === parsed.lesson.id) ? [parsed.lesson] : [];
    });
  } catch {
    return [];
  }
}

function loadProgress(): Record<string, LessonRecord> {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(PROGRESS_KEY) ?? '{}');
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, LessonRecord>) : {};
  } catch {
    return {};
  }
}

export class LessonController implements ReactiveController {
  /** Lessons opened from files in this browser (kept across reloads). */
  private opened: Lesson[] = loadOpened();
  lessons: Lesson[] = [...SHIPPED_LESSONS, ...this.opened].sort((a, b) => a.order - b.order);
  readonly fileProblems = LESSON_FILE_PROBLEMS;
  current: Lesson | null = null;
  predicted: Answer | null = null;
  stage: LessonStage = 'question';
  step = 0;
  progress: Progress | null = null;
  outcome: LessonOutcome | null = null;
  records: Record<string, LessonRecord> = loadProgress();
  /** Answers of this session, by lesson: going back to an answered lesson shows its answer again. */
  private outcomes = new Map<string, { outcome: LessonOutcome; predicted: Answer }>();

  constructor(private readonly host: ReactiveControllerHost, private readonly ensemble: EnsembleController, private readonly notices: NoticesController) {
    host.addController(this);
  }

  hostConnected(): void {}

  open(id: string | null): void {
    if (this.stage === 'running') this.ensemble.pool?.cancel();
    this.current = this.lessons.find((l) => l.id === id) ?? null;
    const answered = id === null ? undefined : this.outcomes.get(id);
    this.predicted = answered?.predicted ?? null;
    this.stage = answered ? 'revealed' : 'question';
    this.outcome = answered?.outcome ?? null;
    this.host.requestUpdate();
  }

  /** The lesson after the current one (in order), or null at the end. */
  next(): Lesson | null {
    const k = this.current ? this.lessons.indexOf(this.current) : -1;
    return this.lessons[k + 1] ?? null;
  }

  predict(answer: Answer): void {
    if (this.stage !== 'question') return;
    this.predicted = answer;
    this.host.requestUpdate();
  }

  /** Runs the lesson's paired comparison once a prediction is committed; reveals the answer. */
  async run(): Promise<void> {
    const lesson = this.current;
    const predicted = this.predicted;
    const pool = this.ensemble.pool;
    if (!lesson || !predicted || !pool || this.stage === 'running') return;
    const built = lessonScenarios(lesson, lessonBase(lesson));
    if (!built.ok) {
      this.notices.refuse({ key: 'lessonRefused', params: { name: lesson.id } }, built.problems);
      return;
    }
    this.ensemble.release(); // the lab's own runs no longer own the pool
    this.stage = 'running';
    this.host.requestUpdate();
    try {
      const { comparison, ensembles } = await pool.compare([built.a, built.b], {
        onStep: (step) => { this.step = step; this.host.requestUpdate(); },
        // a report that arrives after the lesson's runs ended is dropped (as the planning controller's)
        onProgress: (progress) => { if (this.stage === 'running') { this.progress = progress; this.host.requestUpdate(); } },
      });
      if (this.current !== lesson) return; // another lesson was opened meanwhile
      const answer = answerOf(comparison.metrics[lesson.metric].differences[1], lesson.sameWithin);
      this.outcome = { lessonId: lesson.id, comparison, ensembles, answer, predicted, b: built.b };
      this.outcomes.set(lesson.id, { outcome: this.outcome, predicted });
      this.stage = 'revealed';
      this.records = { ...this.records, [lesson.id]: { predicted, answer, at: Date.now() } };
      try {
        localStorage.setItem(PROGRESS_KEY, JSON.stringify(this.records));
      } catch {
        // progress is not remembered where storage is off; the lesson still works
      }
    } catch (error) {
      if (this.current === lesson) this.stage = 'question';
      if (!(error instanceof EnsembleCancelled)) this.notices.notify({ key: 'runFailed', params: { message: messageOf(error) } });
    } finally {
      this.progress = null;
      this.host.requestUpdate();
    }
  }

  /** Start the open lesson again from its question. */
  retry(): void {
    if (this.current) this.outcomes.delete(this.current.id);
    this.open(this.current?.id ?? null);
  }

  /** Forget every lesson's progress in this browser. */
  clearProgress(): void {
    this.records = {};
    try {
      localStorage.removeItem(PROGRESS_KEY);
    } catch {
      // nothing kept
    }
    this.host.requestUpdate();
  }

  /** A lesson file a trainer wrote: validated (its base scenario too), then listed and opened. */
  openFile(text: string, name: string): boolean {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      this.notices.refuse({ key: 'lessonRefused', params: { name } }, [jsonSyntaxProblem(text, error)]);
      return false;
    }
    const parsed = parseLesson(value);
    const problems: Problem[] = parsed.ok ? [] : parsed.problems;
    if (parsed.ok && SHIPPED_LESSONS.some((l) => l.id === parsed.lesson.id)) {
      problems.push(makeProblem('id', `“${parsed.lesson.id}” is a shipped lesson’s id; give your lesson its own`, `“${parsed.lesson.id}”是内置课程的 id，请为你的课程另取一个`));
    }
    if (parsed.ok) {
      const base = lessonBase(parsed.lesson);
      if (base === null) problems.push(makeProblem('scenario', `names no reference scenario (use one of ${Object.keys(PRESETS).join(', ')} or write the scenario inline)`, `没有这个参考场景（请用 ${Object.keys(PRESETS).join('、')} 之一，或直接写入场景）`));
      else {
        const built = lessonScenarios(parsed.lesson, base);
        if (!built.ok) problems.push(...built.problems);
      }
    }
    if (!parsed.ok || problems.length) {
      this.notices.refuse({ key: 'lessonRefused', params: { name } }, problems);
      return false;
    }
    const lesson = parsed.lesson;
    this.opened = [...this.opened.filter((l) => l.id !== lesson.id), lesson];
    try {
      localStorage.setItem(OPENED_KEY, JSON.stringify(this.opened));
    } catch {
      // not kept across reloads where storage is off; the lesson still opens
    }
    this.outcomes.delete(lesson.id);
    this.lessons = [...this.lessons.filter((l) => l.id !== lesson.id), lesson].sort((a, b) => a.order - b.order);
    this.notices.clearRefusal();
    this.open(lesson.id);
    return true;
  }
}
