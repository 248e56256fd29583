/** Chances as shares of runs, with their 90 % interval and runs: the scorecard and the phone's result bar, in both languages. */
import { afterEach, describe, expect, it } from 'vitest';
import '../../src/ui/scorecard.ts';
import '../../src/ui/result-bar.ts';
import type { EnsembleSummary, MetricSummary } from '../../src/model/ensemble.ts';
import { SUMMARY_KEYS, type SummaryKey } from '../../src/model/metrics.ts';
import { goalsOf } from '../../src/model/playbook.ts';
import type { ShownResults } from '../../src/ui/controllers/ensemble-controller.ts';
import { loadScenario } from '../scenarios.ts';

afterEach(() => document.body.replaceChildren());

/**
 * A summary of `runs` runs of the knowledge-sharing scenario as the scorecard
 * reads it: every goal met in `met` of the runs unless `shares` says otherwise.
 */
function summaryOf(runs: number, allGoals: number, shares: Partial<Record<SummaryKey, number>> = {}, met = 0.95): EnsembleSummary {
  const scenario = loadScenario('knowledge-sharing');
  const goals = goalsOf(scenario);
  const metrics = Object.fromEntries(SUMMARY_KEYS.map((key): [SummaryKey, MetricSummary] => {
    const goal = goals.find((g) => g.metric === key);
    return [key, { p10: 0.4, p25: 0.5, p50: 0.6, p75: 0.7, p90: 0.8, mean: 0.6, n: runs, threshold: null, thresholdSource: null,
      status: goal ? 'pass' : null, goalMetShare: goal ? shares[key] ?? met : null }];
  })) as Record<SummaryKey, MetricSummary>;
  return { scenario: scenario.name, seed: 1, runs, horizonDays: 30, metrics, goals, allGoalsMetShare: allGoals } as unknown as EnsembleSummary;
}

async function mount<K extends 'qc-scorecard' | 'qc-result-bar'>(tag: K, props: Partial<HTMLElementTagNameMap[K]>): Promise<HTMLElementTagNameMap[K]> {
  const element = Object.assign(document.createElement(tag), props);
  document.body.append(element);
  await element.updateComplete;
  return element;
}

/** The text as laid out (a block on its own line counts as a space). */
const text = (element: Element, selector: string) => element.shadowRoot!.querySelector<HTMLElement>(selector)!.innerText.replace(/\s+/g, ' ').trim();

describe('the scorecard', () => {
  it('gives the all-goals chance its 90 % interval and runs, and says a preview is one', async () => {
    const shown: ShownResults = { kind: 'quick', runs: 60 };
    const card = await mount('qc-scorecard', { locale: 'en', summary: summaryOf(60, 19 / 60), shown });
    expect(text(card, '.all')).toBe('All goals met at once: 32% (90% interval 23–42%, 60 runs)');
    expect(text(card, '.run-kind')).toMatch(/^Preview A quick preview of 60 runs/);
    card.locale = 'zh-CN';
    await card.updateComplete;
    expect(text(card, '.all')).toBe('同时达成全部目标：32%（90% 区间 23–42%，60 次模拟）');
    expect(text(card, '.run-kind')).toMatch(/^预览 这是 60 次模拟的快速预览/);
  });

  it('gives each goal’s share of runs its interval, the runs in the heading; a full run is not called a preview', async () => {
    const card = await mount('qc-scorecard', { locale: 'en', summary: summaryOf(1000, 0.16, { weeklyParticipation: 0.5 }), shown: { kind: 'full', runs: 1000 } });
    expect(text(card, 'tr[data-metric="weeklyParticipation"] td.met')).toBe('50% 47–53%');
    expect(text(card, 'thead th:last-child')).toBe('Runs meeting it 90% interval · 1,000 runs');
    expect(text(card, '.all')).toBe('All goals met at once: 16% (90% interval 14–18%, 1,000 runs)');
    expect(card.shadowRoot!.querySelector('.run-kind')).toBeNull();
  });
});

describe('the result bar', () => {
  it('shows the chance with its interval, the preview, and the goals often missed by name', async () => {
    const summary = summaryOf(60, 19 / 60, { weeklyParticipation: 0.5, coreActiveUsers: 0.3 });
    const bar = await mount('qc-result-bar', { locale: 'en', summary, shown: { kind: 'quick', runs: 60 } });
    expect(text(bar, '.headline')).toBe('Preview All goals: 32% (90% interval 23–42%, 60 runs)');
    expect(text(bar, '.missed')).toMatch(/^Met in < 80% of runs: Core active users 30% · Weekly participation 50%/);
    const what = bar.shadowRoot!.querySelector<HTMLButtonElement>('button.what')!;
    expect(what.getAttribute('aria-label')).toMatch(/^What to change/);
    const fired: string[] = [];
    bar.addEventListener('diagnose', (e) => fired.push(e.type));
    what.click();
    expect(fired).toEqual(['diagnose']);

    bar.locale = 'zh-CN';
    await bar.updateComplete;
    expect(text(bar, '.headline')).toBe('预览 全部目标：32%（90% 区间 23–42%，60 次模拟）');
    expect(text(bar, '.missed')).toMatch(/^达标比例不足 80%：核心活跃用户 30%、周参与率 50%/);
    expect(text(bar, 'button.what')).toBe('怎么改 →');
    expect(bar.shadowRoot!.querySelector('[role="region"]')!.getAttribute('aria-label')).toBe('当前策略的模拟结果');
  });

  it('offers no diagnosis when every goal is reliably met, and names more goals than fit as a count', async () => {
    const bar = await mount('qc-result-bar', { locale: 'en', summary: summaryOf(200, 0.9), shown: { kind: 'full', runs: 200 } });
    expect(text(bar, '.missed')).toMatch(/^Every goal met in ≥ 80% of runs\./);
    expect(bar.shadowRoot!.querySelector('button.what')).toBeNull();
    expect(text(bar, '.tag')).toBe('Full ensemble');
    bar.summary = summaryOf(200, 0, {}, 0.1);
    await bar.updateComplete;
    expect(text(bar, '.missed')).toMatch(/\+\d+ more/);
    expect(bar.shadowRoot!.querySelectorAll('.missed .name')).toHaveLength(3);
    bar.locale = 'zh-CN';
    await bar.updateComplete;
    expect(text(bar, '.missed')).toMatch(/\d+%，另有 \d+ 个/);
  });

  it('names the goals worst first, so the one left out is never the worst', async () => {
    // the knowledge-sharing goals in their order, the last one by far the worst (topic response in the window at 5 %)
    const shares = { speakingRate30d: 0.6, coreActiveUsers: 0.3, weeklyParticipation: 0.52, effectiveRatio: 0.77, topicResponseInWindow: 0.05 };
    const bar = await mount('qc-result-bar', { locale: 'en', summary: summaryOf(200, 0, shares, 0.95), shown: { kind: 'full', runs: 200 } });
    expect(text(bar, '.missed')).toMatch(/^Met in < 80% of runs: Topic response \(in window\) 5% · Core active users 30% · Weekly participation 52% \+2 more/);
  });
});
