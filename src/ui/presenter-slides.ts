/**
 * Presenter mode's slides, in order: the scenario with its scorecard, each
 * chart, the chat replay (once made), and the open lesson — its question
 * alone first (to poll the room), then its answer once it has been run.
 */
import { html, type TemplateResult } from 'lit';
import type { EnsembleSummary } from '../model/ensemble.ts';
import { ANSWERS, lessonText, type Lesson } from '../model/lessons.ts';
import type { Series } from '../model/metrics.ts';
import type { Draft } from '../model/scenario.ts';
import { scenarioText } from '../model/text.ts';
import { langOf, type Locale } from '../i18n/locale.ts';
import { t } from '../i18n/messages.ts';
import type { BaselineDeltas, Pinned } from './controllers/baseline-controller.ts';
import type { ShownResults } from './controllers/ensemble-controller.ts';
import type { LessonOutcome } from './controllers/lesson-controller.ts';
import { answerLabel, lessonAnswer, lessonBefore, lessonChanges } from './views/lessons-view.ts';
import type { PresenterSlide } from './views/presenter-view.ts';
import { resultCharts, resultsCaption } from './result-charts.ts';
import { shownName } from './presets.ts';
import './scorecard.ts';

export interface SlidesInput {
  readonly locale: Locale;
  readonly draft: Draft;
  readonly summary: EnsembleSummary | null;
  readonly sample: Series | null;
  readonly shown: ShownResults | null;
  readonly pinned: Pinned | null;
  readonly deltas: BaselineDeltas | null;
  /** The replay view, when a replay has been made. */
  readonly replay: TemplateResult | null;
  readonly lesson: Lesson | null;
  readonly outcome: LessonOutcome | null;
  /** The draft keeps a preset's (or its library entry's) name but differs from it (presets.ts `isEdited`). */
  readonly edited?: boolean;
}

export function presenterSlides(input: SlidesInput): PresenterSlide[] {
  const { locale, draft, summary, lesson, outcome } = input;
  const shown = scenarioText(draft, langOf(locale));
  const slides: PresenterSlide[] = [
    { label: t(locale, 'presenterScorecard'), content: html`<h2>${shownName(shown.name, input.edited ?? false, langOf(locale))}</h2><p>${shown.description}</p>
      <qc-scorecard .locale=${locale} .summary=${summary} .deltas=${input.deltas} .shown=${input.shown}></qc-scorecard>` },
    ...resultCharts({ summary, sample: input.sample, locale, pinned: input.pinned, caption: resultsCaption(locale, draft, summary, input.shown, input.edited ?? false) }),
  ];
  if (input.replay) slides.push({ id: 'replay', label: t(locale, 'viewReplay'), content: input.replay });
  if (lesson) {
    const text = lessonText(lesson, langOf(locale));
    slides.push({ id: 'lesson-question', label: `${text.title} · ${t(locale, 'lessonQuestion')}`, content: html`<h2>${text.title}</h2>
      <p>${text.brief}</p>${lessonChanges(locale, lesson, lessonBefore(lesson))}<p class="question">${text.question}</p>
      <ul class="choices">${ANSWERS.map((a) => html`<li>${answerLabel(locale, a)}</li>`)}</ul>` });
    if (outcome?.lessonId === lesson.id) {
      slides.push({ id: 'lesson-answer', label: `${text.title} · ${t(locale, 'lessonAnswer')}`, content: html`<h2>${text.title}</h2><p class="question">${text.question}</p>${lessonAnswer(locale, lesson, outcome)}` });
    }
  }
  return slides;
}
