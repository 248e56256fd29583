/**
 * Lessons: the list (with what was predicted and answered so far) and the open
 * lesson as a guided experiment — the section in brief (linked to the
 * playbook), what changes, the question, the learner's prediction, the paired
 * run, then the answer with the numbers, the mechanism in plain words and the
 * chart that shows it; "Try it yourself" opens the changed scenario in the lab.
 *
 * Properties: `locale`, `lessons`, `records`, `fileProblems`, `current`,
 * `predicted`, `stage`, `step`, `progress`, `outcome`.
 * Events (bubble, cross shadow roots): `lesson-open` (detail: id | null);
 * `lesson-predict` (detail: Answer); `lesson-run`; `lesson-retry`;
 * `lesson-try` (detail: Scenario); `lesson-file` (detail: File);
 * `lesson-clear-progress`; `playbook-open` (from section links).
 */
import { LitElement, css, html, nothing } from 'lit';
import { ANSWERS, lessonText, type Answer, type Lesson } from '../../model/lessons.ts';
import { SERIES, SUMMARY } from '../../model/metrics.ts';
import { parseScenario, type Problem } from '../../model/scenario.ts';
import type { Progress } from '../../worker/pool.ts';
import { formatByUnit, formatNumber, formatPoints, formatSignedChange, langOf, pick, type Locale } from '../../i18n/locale.ts';
import { t, type MessageKey } from '../../i18n/messages.ts';
import { PALETTE } from '../../charts/marks.ts';
import { sectionLinkStyles, withSectionLinks } from '../../charts/section-links.ts';
import { PLAYBOOK_SECTIONS } from '../../model/playbook-sections.ts';
import { scenarioText } from '../../model/text.ts';
import { leverLabel, leverValue } from '../compare-report.ts';
import { SHIPPED_LESSONS, lessonBase } from '../lessons-data.ts';
import { getAt } from '../../model/fields.ts';
import type { LessonOutcome, LessonRecord, LessonStage } from '../controllers/lesson-controller.ts';
import '../../charts/series-chart.ts';

const ANSWER_LABELS: Record<Answer, MessageKey> = { higher: 'answerHigher', same: 'answerSame', lower: 'answerLower' };

/** "higher", "about the same", "lower" in the reader's language. */
export function answerLabel(locale: Locale, answer: Answer): string {
  return t(locale, ANSWER_LABELS[answer]);
}

/** The look of a lesson's answer (include where `lessonAnswer` is rendered). */
export const lessonAnswerStyles = css`
  .verdict { font-size: 1.05rem; font-weight: 700; padding: 0.5rem 0.75rem; border-radius: 6px; margin: 0.5rem 0; }
  .verdict.right { background: var(--qc-ok-bg); color: #0f5132; }
  .verdict.wrong { background: #fff1e5; color: #7d3200; }
  .numbers { font-size: 0.9rem; font-variant-numeric: tabular-nums; }
  .hint { font-size: 0.8rem; color: var(--qc-muted); }
  .disagrees { background: var(--qc-error-bg); color: #5a0914; border-radius: 4px; padding: 0.3rem 0.6rem; font-size: 0.85rem; }
  qc-series-chart { display: block; max-width: 46rem; margin-top: 0.5rem; }
`;

export class LessonsView extends LitElement {
  static override properties = {
    locale: { type: String },
    lessons: { attribute: false },
    records: { attribute: false },
    fileProblems: { attribute: false },
    current: { attribute: false },
    predicted: { attribute: false },
    stage: { type: String },
    step: { type: Number },
    progress: { attribute: false },
    outcome: { attribute: false },
  };

  declare locale: Locale;
  declare lessons: readonly Lesson[];
  declare records: Readonly<Record<string, LessonRecord>>;
  declare fileProblems: readonly { file: string; problems: Problem[] }[];
  declare current: Lesson | null;
  declare predicted: Answer | null;
  declare stage: LessonStage;
  declare step: number;
  declare progress: Progress | null;
  declare outcome: LessonOutcome | null;

  constructor() {
    super();
    this.locale = 'en';
    this.lessons = [];
    this.records = {};
    this.fileProblems = [];
    this.current = null;
    this.predicted = null;
    this.stage = 'question';
    this.step = 0;
    this.progress = null;
    this.outcome = null;
  }

  static override styles = [sectionLinkStyles, lessonAnswerStyles, css`
    :host { display: block; }
    .layout { display: grid; grid-template-columns: minmax(14rem, 20rem) 1fr; gap: 1rem; align-items: start; }
    @media (max-width: 60rem) { .layout { grid-template-columns: 1fr; } }
    .panel { background: var(--qc-surface); border: 1px solid var(--qc-border); border-radius: 8px; padding: 0.75rem 1rem; margin-bottom: 1rem; }
    h2 { font-size: 1rem; margin: 0 0 0.5rem; }
    h3 { font-size: 0.95rem; margin: 0.75rem 0 0.35rem; }
    ol { padding-left: 1.2rem; margin: 0; }
    ol li { margin: 0.25rem 0; font-size: 0.88rem; }
    .pick-lesson { font: inherit; text-align: left; background: none; border: none; padding: 0.1rem 0; color: var(--qc-link); cursor: pointer; text-decoration: underline; text-underline-offset: 2px; }
    .pick-lesson[aria-current='true'] { font-weight: 700; color: var(--qc-brand); text-decoration: none; }
    .badge { display: inline-block; font-size: 0.72rem; border-radius: 3px; padding: 0 0.3rem; margin-left: 0.3rem; background: var(--qc-rule); color: var(--qc-text); }
    .badge.right { background: var(--qc-ok-bg); color: #0f5132; }
    .badge.wrong { background: #fff1e5; color: #7d3200; }
    p { font-size: 0.9rem; line-height: 1.55; margin: 0.35rem 0; max-width: 48rem; }
    .question { font-size: 1.05rem; font-weight: 600; color: var(--qc-brand); }
    .change { font-size: 0.88rem; }
    fieldset { border: 1px solid var(--qc-border); border-radius: 6px; padding: 0.5rem 0.75rem; margin: 0.5rem 0; max-width: 40rem; }
    legend { font-size: 0.85rem; font-weight: 600; }
    fieldset label { display: inline-flex; gap: 0.3rem; align-items: center; margin-right: 1.2rem; font-size: 0.92rem; }
    button.primary, button.secondary { font: inherit; font-size: 0.88rem; padding: 0.35rem 0.9rem; border-radius: 4px; cursor: pointer; border: 1px solid var(--qc-accent); margin: 0.3rem 0.4rem 0.3rem 0; }
    button.primary { background: var(--qc-accent); color: var(--qc-on-dark); }
    button.secondary { background: var(--qc-surface); color: var(--qc-brand); }
    button:disabled { opacity: 0.5; cursor: not-allowed; }
    button:focus-visible, input:focus-visible { outline: 2px solid var(--qc-focus); outline-offset: 2px; }
    .problems { color: var(--qc-danger); font-size: 0.8rem; }
    label.open { font-size: 0.85rem; position: relative; border: 1px solid var(--qc-control-border); border-radius: 4px; padding: 0.2rem 0.6rem; background: var(--qc-subtle); cursor: pointer; display: inline-block; margin-top: 0.5rem; }
    label.open input { position: absolute; inset: 0; opacity: 0; width: 100%; cursor: pointer; }
    label.open:focus-within { outline: 2px solid var(--qc-focus); }
    progress { width: 16rem; accent-color: var(--qc-accent); }
    /* printed: the lesson as a handout — question, prediction, answer, chart; no controls */
    /* printed: a handout. The § links stay (as text); an unanswered lesson keeps its choices to tick */
    @media print {
      .layout { display: block; }
      .list, button:not(.section-link), label.open, .predict-first { display: none; }
      .panel { border-color: var(--qc-print-border); }
    }
  `];

  override render() {
    return html`<div class="layout">
      ${this.renderList()}
      <div>${this.current ? this.renderLesson(this.current) : html`<div class="panel"><h2>${t(this.locale, 'lessonsTitle')}</h2><p>${t(this.locale, 'lessonsIntro')}</p></div>`}</div>
    </div>`;
  }

  private renderList() {
    const locale = this.locale;
    const done = Object.keys(this.records).filter((id) => this.lessons.some((l) => l.id === id)).length;
    return html`<nav class="panel list" aria-label=${t(locale, 'lessonsTitle')}>
      <h2>${t(locale, 'lessonsTitle')}</h2>
      <p class="hint">${t(locale, 'lessonsDone', { done, total: this.lessons.length })}</p>
      <ol>${this.lessons.map((lesson) => {
        const record = this.records[lesson.id];
        return html`<li><button class="pick-lesson" data-lesson=${lesson.id} aria-current=${this.current?.id === lesson.id ? 'true' : 'false'} @click=${() => this.fire('lesson-open', lesson.id)}>${lesson.section} ${lessonText(lesson, langOf(locale)).title}</button>
          ${SHIPPED_LESSONS.includes(lesson) ? nothing : html`<span class="badge opened">${t(locale, 'openedLesson')}</span>`}
          ${record ? html`<span class="badge ${record.predicted === record.answer ? 'right' : 'wrong'}">${t(locale, record.predicted === record.answer ? 'lessonRight' : 'lessonDone')}</span>` : nothing}</li>`;
      })}</ol>
      ${this.fileProblems.map((f) => html`<p class="problems">${f.file}: ${f.problems.map((p) => `${p.path} ${pick(locale, p)}`).join('; ')}</p>`)}
      <label class="open">${t(locale, 'openLesson')}<input type="file" accept=".json,application/json" @change=${this.onFile} /></label>
      ${done ? html`<p><button class="secondary clear-progress" @click=${() => this.fire('lesson-clear-progress')}>${t(locale, 'clearProgress')}</button></p>` : nothing}
    </nav>`;
  }

  private renderLesson(lesson: Lesson) {
    const locale = this.locale;
    const text = lessonText(lesson, langOf(locale));
    const section = PLAYBOOK_SECTIONS.find((s) => s.id === lesson.section);
    const base = lessonBase(lesson);
    const before = lessonBefore(lesson);
    const outcome = this.outcome?.lessonId === lesson.id ? this.outcome : null;
    return html`<article class="panel lesson" data-lesson=${lesson.id}>
      <h2>${text.title}</h2>
      <p class="hint">${withSectionLinks(lesson.section)} ${section ? pick(locale, section.title) : ''} · ${t(locale, 'lessonBase', { name: scenarioText((base ?? {}) as object, langOf(locale)).name })}</p>
      <p>${withSectionLinks(text.brief)}</p>
      <h3>${t(locale, 'lessonChange')}</h3>
      ${lessonChanges(locale, lesson, before)}
      <h3>${t(locale, 'lessonQuestion')}</h3>
      <p class="question">${text.question}</p>
      <fieldset ?disabled=${this.stage !== 'question'}>
        <legend>${t(locale, 'lessonPredict', { metric: pick(locale, SUMMARY[lesson.metric]) })}</legend>
        ${ANSWERS.map((a) => html`<label><input type="radio" name="prediction" value=${a} .checked=${this.predicted === a}
          @change=${() => this.fire('lesson-predict', a)} />${t(locale, ANSWER_LABELS[a])}</label>`)}
      </fieldset>
      ${this.stage === 'question' ? html`<button class="primary run-lesson" ?disabled=${!this.predicted} @click=${() => this.fire('lesson-run')}>${t(locale, 'lessonRun', { runs: lesson.runs })}</button>
        ${this.predicted ? nothing : html`<span class="hint predict-first">${t(locale, 'lessonPredictFirst')}</span>`}` : nothing}
      ${this.stage === 'running' ? html`<p role="status" class="hint">${t(locale, 'lessonRunning', { k: this.step, n: 2 })} <progress max=${this.progress?.total ?? 1} .value=${this.progress?.done ?? 0}></progress></p>` : nothing}
      ${outcome ? this.renderAnswer(lesson, outcome) : nothing}
    </article>`;
  }

  private renderAnswer(lesson: Lesson, outcome: LessonOutcome) {
    const locale = this.locale;
    const next = this.lessons[this.lessons.indexOf(lesson) + 1];
    return html`<section class="answer" aria-live="polite">
      ${lessonAnswer(locale, lesson, outcome)}
      <p>
        <button class="primary try-lesson" @click=${() => this.fire('lesson-try', outcome.b)}>${t(locale, 'lessonTry')}</button>
        ${next ? html`<button class="secondary next-lesson" @click=${() => this.fire('lesson-open', next.id)}>${t(locale, 'lessonNext')}</button>` : nothing}
        <button class="secondary retry-lesson" @click=${() => this.fire('lesson-retry')}>${t(locale, 'lessonRetry')}</button>
      </p>
    </section>`;
  }

  private onFile = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) this.fire('lesson-file', file);
  };

  private fire(name: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}

/** What a lesson changes, lever by lever, as the editor names them: "Posting window: 19:00–21:00 → 14:00–15:00". */
export function lessonChanges(locale: Locale, lesson: Lesson, before: unknown) {
  const colon = locale === 'zh-CN' ? '：' : ': ';
  return html`<ul class="change">${lesson.changes.map((c) => html`<li>${leverLabel(locale, c.path) || c.path}${colon}${leverValue(locale, c.path, JSON.stringify(getAt(before, c.path)) ?? '—')} → <strong>${leverValue(locale, c.path, JSON.stringify(c.value))}</strong></li>`)}</ul>`;
}

/** The base scenario of a lesson as it runs (defaults filled in), so an unset lever shows its default rather than "—". */
export function lessonBefore(lesson: Lesson): unknown {
  const base = lessonBase(lesson);
  const parsed = parseScenario(base);
  return parsed.ok ? parsed.scenario : base;
}

/** A lesson's answer: the verdict on the prediction, the numbers, the mechanism and the chart (the lessons view and presenter mode). */
export function lessonAnswer(locale: Locale, lesson: Lesson, outcome: LessonOutcome) {
  const text = lessonText(lesson, langOf(locale));
  const metric = outcome.comparison.metrics[lesson.metric];
  const unit = SUMMARY[lesson.metric].unit;
  const difference = metric.differences[1];
  const right = outcome.predicted === outcome.answer;
  const chart = lesson.chart;
  const signed = (v: number | undefined) => (v === undefined ? '—' : formatSignedChange(locale, lesson.metric, v));
  return html`<h3>${t(locale, 'lessonAnswer')}</h3>
    <p class="verdict ${right ? 'right' : 'wrong'}">${t(locale, right ? 'lessonVerdictRight' : 'lessonVerdictWrong', { predicted: t(locale, ANSWER_LABELS[outcome.predicted]), answer: t(locale, ANSWER_LABELS[outcome.answer]) })}</p>
    <p class="numbers">${t(locale, 'lessonNumbers', {
      metric: pick(locale, SUMMARY[lesson.metric]),
      a: formatByUnit(locale, unit, metric.medians[0]),
      b: formatByUnit(locale, unit, metric.medians[1]),
      median: signed(difference?.median), p5: signed(difference?.p5), p95: signed(difference?.p95),
      runs: outcome.comparison.runs,
    })}</p>
    ${difference && difference.p5 < 0 && difference.p95 > 0 ? html`<p class="hint crosses">${t(locale, 'lessonCrossesZero')}</p>` : nothing}
    <p class="hint">${t(locale, 'lessonSameBand', { band: unit === 'share' ? formatPoints(locale, lesson.sameWithin) : formatNumber(locale, lesson.sameWithin, 2) })}</p>
    ${outcome.answer !== lesson.answer ? html`<p class="disagrees" role="alert">${t(locale, 'lessonFileDisagrees', { expected: t(locale, ANSWER_LABELS[lesson.answer]), answer: t(locale, ANSWER_LABELS[outcome.answer]) })}</p>` : nothing}
    <h3>${t(locale, 'lessonWhy')}</h3>
    <p class="explanation">${withSectionLinks(text.explanation)}</p>
    ${chart ? html`<qc-series-chart .locale=${locale} .label=${pick(locale, SERIES[chart])} .unit=${SERIES[chart].unit}
      .caption=${t(locale, 'compareScenarios', { runs: outcome.comparison.runs, seed: outcome.comparison.seed })}
      .series=${outcome.ensembles.map((e, k) => ({ name: t(locale, k === 0 ? 'lessonSeriesA' : 'lessonSeriesB'), color: PALETTE.series[k], ...e.daily[chart] }))}></qc-series-chart>` : nothing}`;
}

customElements.define('qc-lessons-view', LessonsView);

declare global {
  interface HTMLElementTagNameMap {
    'qc-lessons-view': LessonsView;
  }
}
