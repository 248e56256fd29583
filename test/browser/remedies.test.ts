/** The diagnosis' remedies as a table: columns a planner scans on a desktop, a card per remedy on a 390-px phone, Apply from the keyboard. */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { Scenario } from '../../src/model/scenario.ts';
import { runTasksHere } from '../../src/model/planning/jobs.ts';
import { diagnose, type Diagnosis } from '../../src/model/planning/diagnose.ts';
import { playbookStrategyMove } from '../../src/model/planning/diagnosis-moves.ts';
import { leversFor } from '../../src/model/planning/levers.ts';
import '../../src/ui/views/plan/diagnosis-panel.ts';
import type { DiagnosisPanel } from '../../src/ui/views/plan/diagnosis-panel.ts';
import { loadScenario } from '../scenarios.ts';

// the tester's strategy: 14 promotions a week in a 14:00–15:00 window (a short horizon and few runs: the table, not the numbers, is tested)
const base: Scenario = loadScenario('knowledge-sharing', (s) => ({ ...s, horizonDays: 30, content: { ...s.content, window: [14, 15], promoPerWeek: 14 } }));
let result: Diagnosis;

beforeAll(async () => {
  result = await diagnose(runTasksHere, base, 10);
}, 120_000);

async function panel(locale: 'en' | 'zh-CN'): Promise<DiagnosisPanel> {
  const el = document.createElement('qc-plan-diagnosis');
  el.locale = locale;
  el.scenario = base;
  el.result = { result, scenario: base };
  document.body.append(el);
  await el.updateComplete;
  return el;
}

afterEach(() => { document.body.replaceChildren(); });

describe('the remedies table', () => {
  it('has a column for each thing a planner weighs, and a row per remedy', async () => {
    await page.viewport(1280, 900);
    const el = await panel('en');
    const table = el.shadowRoot!.querySelector('table.remedies')!;
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent!.trim())).toEqual(
      ['#', 'Move (from → to)', 'Every goal at once (90% interval)', 'Goals met more often', 'Costs', 'Notes', 'Playbook', 'Fresh runs (every goal at once)', 'Apply']);
    const rows = table.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(result.remedies.length);
    expect(rows[0].querySelector('th[scope="row"]')!.textContent).toMatch(/→/);
    expect(rows[0].querySelector('td.col-chance')!.textContent).toMatch(/\d+% → \d+%\s*\d+–\d+%, 10 runs/);
    // each goal's chance after the move with its 90 % interval (every chance shown with its uncertainty)
    expect(rows[0].querySelector('td.col-effects')!.textContent).toMatch(/\d+%\s→\s\d+% \(\d+–\d+%\)/);
    expect(rows[0].querySelector('td.col-playbook')!.textContent).toMatch(/within the playbook|against the playbook \(§/);
    expect(rows[0].querySelector('td.col-check')!.textContent).toMatch(/confirmed|noise|lower/);
    // on a desktop a row is a table row, not a card
    expect(getComputedStyle(rows[0]).display).toBe('table-row');
  });

  it('in Chinese on a 1280-px screen, breaks no short token one character a line (headers, Apply, "✓ 符合手册", "65% → 100%")', async () => {
    await page.viewport(1280, 800);
    const el = await panel('zh-CN');
    const table = el.shadowRoot!.querySelector('table.remedies')!;
    // the lines a text takes: the distinct tops of its boxes
    const lines = (node: Node) => {
      const range = document.createRange();
      range.selectNodeContents(node);
      return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
    };
    for (const c of ['costs', 'notes', 'playbook', 'check']) expect(lines(table.querySelector(`thead th.col-${c}`)!), c).toBe(1);
    expect(lines(table.querySelector('thead th.col-chance .nowrap')!)).toBe(1);
    for (const button of table.querySelectorAll('button.apply-move')) expect(lines(button)).toBe(1);
    for (const cell of table.querySelectorAll('td.col-playbook .v')) expect(lines(cell)).toBe(1);
    // each goal's "65% → 100%" stays on one line
    for (const item of table.querySelectorAll('td.col-effects .item')) {
      const [, figures] = /(\d+% → \d+%)/.exec(item.textContent!.replace(/\u00a0/g, ' ')) ?? [];
      if (!figures) continue;
      const text = [...item.childNodes].find((n) => n.nodeType === Node.TEXT_NODE)!;
      const at = text.textContent!.replace(/\u00a0/g, ' ').indexOf(figures);
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + figures.length);
      expect(new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size, item.textContent!).toBe(1);
    }
  });

  it('says its chances come from its own runs (seed, runs), not the Lab\'s ensemble', async () => {
    const el = await panel('en');
    // with 10 runs a chance is known to about ±26 points (1.645 × √(¼ ÷ 10)): the note says so, not "a few points"
    expect(el.shadowRoot!.querySelector('.own-runs')!.textContent).toMatch(new RegExp(`Your strategy’s figures here are over 20 runs \\(seed ${base.seed}\\): the 10 the search used, which are the Lab’s first 10, and 10 fresh ones.*known only to about ±26 points`));
  });

  it('names a Chinese goal section with "——", and keeps a card\'s rank "1." whole on a phone', async () => {
    await page.viewport(390, 844);
    const el = await panel('zh-CN');
    for (const h of el.shadowRoot!.querySelectorAll('h3[data-goal]')) expect(h.textContent!.replace(/\s+/g, ' ')).toMatch(/）——达标比例|\S——达标比例/);
    const rank = el.shadowRoot!.querySelector<HTMLElement>('table.remedies .rank-inline')!;
    const range = document.createRange();
    range.selectNodeContents(rank);
    expect(new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size).toBe(1);
    await page.viewport(1280, 900);
  });

  it('names a remedy of the table above by its number under a missed goal, one line each, not its card again', async () => {
    await page.viewport(390, 844);
    const el = await panel('zh-CN');
    const root = el.shadowRoot!;
    expect(result.goals.some((g) => g.moves.length)).toBe(true);
    const lines = [...root.querySelectorAll('ul.goal-above li')];
    expect(lines.length).toBeGreaterThan(0);
    for (const li of lines) expect(li.textContent).toMatch(/^第 \d+ 条建议：\S/);
    // no card under a goal repeats a remedy of the table above
    expect(root.querySelectorAll('table.goal-moves td.col-above')).toHaveLength(0);
    await page.viewport(1280, 900);
  });

  it('reads as one card per remedy on a 390-px phone, each cell under its column\'s name, nothing wider than the screen', async () => {
    await page.viewport(390, 844);
    const el = await panel('zh-CN');
    const row = el.shadowRoot!.querySelector('table.remedies tbody tr')!;
    expect(getComputedStyle(row).display).toBe('block');
    const chance = row.querySelector('td.col-chance')!;
    expect(getComputedStyle(chance, '::before').content).toBe('"全部目标同时达成（90% 区间）"');
    expect(chance.textContent).toMatch(/\d+–\d+%，10 次模拟/);
    expect(el.shadowRoot!.querySelector('table.remedies')!.getBoundingClientRect().width).toBeLessThanOrEqual(390);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(390);
    await page.viewport(1280, 900);
  });

  it('folds the playbook strategy\'s long list of moves under its title, opened by keyboard', async () => {
    await page.viewport(390, 844);
    const neglected = loadScenario('no-operations', (s) => ({ ...s, horizonDays: 30 }));
    const moves = playbookStrategyMove(leversFor(neglected), neglected)[0];
    expect(moves.length).toBeGreaterThanOrEqual(4);
    const el = document.createElement('qc-plan-diagnosis');
    el.locale = 'zh-CN';
    el.scenario = neglected;
    el.result = { result: { ...result, remedies: [{ ...result.remedies[0], moves }] }, scenario: neglected };
    document.body.append(el);
    await el.updateComplete;
    const details = el.shadowRoot!.querySelector<HTMLDetailsElement>('table.remedies th.col-move details.move-list')!;
    expect(details.querySelector('summary')!.textContent).toMatch(/^按手册做（\d+ 项调整）$/);
    expect(details.open).toBe(false);
    expect(details.querySelectorAll('.item').length).toBeGreaterThanOrEqual(3);
    details.querySelector('summary')!.focus();
    await userEvent.keyboard('{Enter}');
    expect(details.open).toBe(true);
    await page.viewport(1280, 900);
  });

  it('shows the applied strategy\'s chance after Apply, with the diagnosis to run again', async () => {
    await page.viewport(390, 844);
    const el = await panel('en');
    el.shadowRoot!.querySelector<HTMLButtonElement>('table.remedies button.apply-move')!.click();
    el.scenario = { ...base, seed: base.seed + 1 }; // the edited strategy comes back changed
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.applied-chance')!.textContent).toMatch(/The strategy with the change: every goal at once \d+% → \d+%/);
    expect(el.shadowRoot!.querySelector('.applied-chance button.run-again')).not.toBeNull();
    await page.viewport(1280, 900);
  });

  it('under a missed goal, lists moves fresh runs do not confirm for that goal apart, without Apply', async () => {
    await page.viewport(1280, 900);
    // a move of the diagnosis, as one fresh runs confirm for every goal at once but not for the first missed goal
    const move = [...result.remedies, ...result.goals.flatMap((g) => g.moves)][0];
    const [first, ...others] = result.goals;
    const doubtful = { ...move, check: { ...move.check!, goals: move.check!.goals!.map((g) => ({ ...g, interval: [-0.05, 0.1] as const, confirmed: false })) } };
    const el = document.createElement('qc-plan-diagnosis');
    el.locale = 'en';
    el.scenario = base;
    el.result = { result: { ...result, remedies: [], goals: [{ ...first, moves: [], unconfirmed: [doubtful] }, ...others] }, scenario: base };
    document.body.append(el);
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect(root.querySelector('h4.goal-unconfirmed-title')!.textContent).toMatch(/^Not confirmed for this goal on fresh runs — may be noise/);
    const table = root.querySelector('table.goal-unconfirmed')!;
    expect(table.querySelectorAll('tbody tr')).toHaveLength(1);
    expect(table.querySelectorAll('button.apply-move')).toHaveLength(0);
    expect(table.querySelector('thead th.col-check')!.textContent).toBe('Fresh runs (this goal)');
    expect(table.querySelector('td.col-check')!.textContent).toMatch(/^⚠ not confirmed \(this goal\)/);
    // and the goal's own list says nothing reliable was found for it
    expect(root.querySelector(`h3[data-goal="${first.threshold.metric}"] + p.help`)!.textContent).toMatch(/No move tried is confirmed for this goal on fresh runs/);
  });

  it('applies a remedy from the keyboard', async () => {
    await page.viewport(1280, 900);
    const el = await panel('en');
    const applied: unknown[] = [];
    el.addEventListener('plan-apply', (e) => applied.push((e as CustomEvent).detail));
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('table.remedies tbody tr button.apply-move')!;
    expect(button.getAttribute('aria-label')).toMatch(/→/);
    button.focus();
    await userEvent.keyboard('{Enter}');
    expect(applied).toEqual([result.remedies[0].moves.map((m) => [m.path, m.to])]);
  });
});
