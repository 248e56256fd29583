/** Planning jobs run in the planner worker: the page's main thread only relays tasks, and the numbers are the same as anywhere. */
import { describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { ReactiveControllerHost } from 'lit';
import type { Scenario } from '../../src/model/scenario.ts';
import { runTasksHere } from '../../src/model/planning/jobs.ts';
import { leverAt, leversFor } from '../../src/model/planning/levers.ts';
import { runSensitivity } from '../../src/model/planning/sensitivity-model.ts';
import { goalSeek } from '../../src/model/planning/goal-seek.ts';
import { diagnose } from '../../src/model/planning/diagnose.ts';
import { runSweep } from '../../src/model/planning/sweep.ts';
import { frontier } from '../../src/model/planning/frontier.ts';
import { runDesign } from '../../src/model/planning/discover-model.ts';
import { PlanningController } from '../../src/ui/controllers/planning-controller.ts';
import type { NoticesController } from '../../src/ui/controllers/notices-controller.ts';
import '../../src/ui/views/plan-view.ts';
import { loadScenario } from '../scenarios.ts';

const base: Scenario = loadScenario('knowledge-sharing', (s) => ({ ...s, horizonDays: 7, content: { ...s.content, promoPerWeek: 7 } }));

function controller(onUpdate: () => void = () => {}) {
  const host = { addController() {}, removeController() {}, requestUpdate: () => onUpdate(), updateComplete: Promise.resolve(true) } as unknown as ReactiveControllerHost;
  const notified: unknown[] = [];
  const notices = { notify: (n: unknown) => notified.push(n), refuse: (n: unknown) => notified.push(n) } as unknown as NoticesController;
  return { planning: new PlanningController(host, notices), notified };
}

/** The main thread's tasks longer than 50 ms while `work` runs. */
async function longTasksDuring(work: () => Promise<unknown>): Promise<number[]> {
  const long: number[] = [];
  const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) long.push(e.duration); });
  observer.observe({ type: 'longtask' });
  await work();
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  return long;
}

describe('the planner worker', () => {
  it('screens 20 levers (210 strategies) without a main-thread task over 50 ms, with the numbers of the page itself', async () => {
    const { planning, notified } = controller();
    const levers = leversFor(base, 'numeric').slice(0, 20);
    // warm up (workers started, modules loaded) on a small job
    await planning.sensitivity(base, levers.slice(0, 2), 1, 'morris', 2, 'all');
    // on the page itself this job is one task of a second or more (210 strategies built, validated and reduced);
    // in the planner the page only relays tasks. A machine shared with other work can stretch a task now and
    // then (the test runner's own tasks included), so the best of three tries is judged.
    const tries: number[][] = [];
    for (let k = 0; k < 3 && !tries.some((t) => t.length === 0); k++) tries.push(await longTasksDuring(() => planning.sensitivity(base, levers, 1, 'morris', 10, 'all')));
    expect(notified).toEqual([]);
    expect(tries.some((t) => t.length === 0), `tasks over 50 ms in each try: ${JSON.stringify(tries)}`).toBe(true);
    const here = await runSensitivity(runTasksHere, base, { method: 'morris', levers, runs: 1, samples: 10, outputs: 'all' });
    expect(planning.results.sensitivity!.result).toEqual(here);
    planning.hostDisconnected();
  });

  it('gives the goal seek of the page itself, and cancels', async () => {
    const { planning } = controller();
    const levers = ['content.promoPerWeek', 'content.window', 'content.windowHours'].map((p) => leverAt(p)!);
    await planning.goalSeek(base, levers, { kind: 'maxGoals', budget: 20 });
    const here = await goalSeek(runTasksHere, base, { levers, objective: { kind: 'maxGoals', budget: 20 }, withinPlaybook: true });
    expect(planning.results.goalSeek!.result).toEqual(here);
    planning.hostDisconnected();
    // cancel on the job's first progress report, not after a time: the job may be fast or slow
    const job: { planning?: PlanningController } = {};
    const second = controller(() => { if (job.planning?.progress && job.planning.progress.done > 0) job.planning.cancel(); });
    const cancelling = (job.planning = second.planning);
    await cancelling.goalSeek(base, levers, { kind: 'maxGoals', budget: 20 }, false);
    expect(second.notified).toContainEqual({ key: 'planCancelled' });
    expect(cancelling.results.goalSeek).toBeFalsy();
    cancelling.hostDisconnected();
    // two whole goal seeks (the worker's and the page's own): about 9 s on an idle machine, past 60 s on one shared by other jobs
  }, 180_000);

  it('gives the diagnosis, sweep, frontier and discovery design of the page itself', async () => {
    const { planning, notified } = controller();
    const promos = leverAt('content.promoPerWeek')!;
    const dms = leverAt('activation.dmPerAdminPerDay')!;
    await planning.diagnose(base, 4);
    expect(planning.results.diagnosis!.result).toEqual(await diagnose(runTasksHere, base, 4));
    const axes = [{ lever: promos, positions: [0, 7] }, { lever: dms, positions: [0, 4] }];
    await planning.sweep(base, axes, 3);
    expect(planning.results.sweep!.result).toEqual(await runSweep(runTasksHere, base, axes, 3));
    await planning.frontier(base, [promos, dms], 3);
    expect(planning.results.frontier!.result).toEqual(await frontier(runTasksHere, base, { levers: [promos, dms], points: 3, withinPlaybook: true }));
    await planning.discover(base, [promos, dms], 8, 3);
    expect(planning.results.discovery!.result).toEqual(await runDesign(runTasksHere, base, [promos, dms], 8, 3));
    expect(notified).toEqual([]);
    planning.hostDisconnected();
  });

  it('says "estimating…" before a job knows its runs or its speed, not "0 / 0 runs · about — left"', async () => {
    const view = document.createElement('qc-plan-view');
    document.body.append(view);
    view.scenario = base;
    const status = async (progress: typeof view.progress) => { view.progress = progress; await view.updateComplete; return view.shadowRoot!.querySelector('.status')!.textContent!.replace(/\s+/g, ' '); };
    expect(await status({ kind: 'diagnosis', stage: 'run', done: 0, total: 0, elapsedMs: 0, remainingMs: null })).toMatch(/estimating…/);
    expect(await status({ kind: 'diagnosis', stage: 'run', done: 0, total: 0, elapsedMs: 0, remainingMs: null })).not.toMatch(/0 \/ 0|—/);
    expect(await status({ kind: 'diagnosis', stage: 'run', done: 40, total: 3000, elapsedMs: 2500, remainingMs: null })).toMatch(/40 \/ 3000 runs · 2\.5 s elapsed · estimating the time left…/);
    expect(await status({ kind: 'diagnosis', stage: 'run', done: 900, total: 3000, elapsedMs: 6000, remainingMs: 4000 })).toMatch(/about 4 s left/);
    view.progress = null;
    view.remove();
  });

  it('after an undo, puts a focus lost (Apply gone, Undo disabled) on Undo, else Redo, else the diagnosis panel', async () => {
    const view = document.createElement('qc-plan-view');
    document.body.append(view);
    view.scenario = base;
    view.canUndo = true;
    await view.updateComplete;
    (document.activeElement as HTMLElement | null)?.blur();
    await view.keepFocus();
    expect(view.shadowRoot!.activeElement!.textContent).toMatch(/Undo/);
    view.canUndo = false;
    view.canRedo = false;
    await view.keepFocus();
    expect(view.shadowRoot!.activeElement!.className).toBe('diagnosis');
    view.remove();
  });

  it('names each lever checkbox of goal seek and the frontier by its visible label, not its internal key', async () => {
    const view = document.createElement('qc-plan-view');
    document.body.append(view);
    view.scenario = base;
    await view.updateComplete;
    for (const tag of ['qc-plan-seek', 'qc-plan-frontier'] as const) {
      const panel = view.shadowRoot!.querySelector(tag) as HTMLElement & { updateComplete: Promise<unknown> };
      await panel.updateComplete;
      const boxes = [...panel.shadowRoot!.querySelectorAll<HTMLInputElement>('.checklist input[type="checkbox"]')];
      expect(boxes.length).toBeGreaterThan(5);
      for (const box of boxes) {
        // the box's own label (wrapping it) gives its name: its visible text, never the key in `value`
        expect(box.labels).toHaveLength(1);
        const name = box.labels![0].textContent!.replace(/\s+/g, ' ').trim();
        expect(name).not.toContain(box.value);
        expect(name).toMatch(/^[A-Z]/);
        expect(box.getAttribute('aria-label')).toBeNull();
      }
      await expect.element(page.elementLocator(panel).getByRole('checkbox', { name: /^Posting window \(/ })).toBeInTheDocument();
    }
    view.remove();
  });

  it('keeps the diagnosis panel\'s controls in the Tab order: Tab from Redo reaches the runs field, then Diagnose', async () => {
    const view = document.createElement('qc-plan-view');
    document.body.append(view);
    view.scenario = base;
    view.canUndo = true;
    view.canRedo = true;
    await view.updateComplete;
    await (view.shadowRoot!.querySelector('qc-plan-diagnosis') as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    // no shadow host in the plan view carries a negative tabindex (that would skip its whole shadow tree)
    for (const el of view.shadowRoot!.querySelectorAll('*')) {
      if (el.shadowRoot) expect(el.getAttribute('tabindex'), el.tagName).toBeNull();
    }
    const redo = [...view.shadowRoot!.querySelectorAll<HTMLButtonElement>('.head button')].find((b) => /Redo/.test(b.textContent!))!;
    redo.focus();
    const deepActive = () => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el;
    };
    await userEvent.tab();
    expect(deepActive()?.tagName).toBe('INPUT');
    await userEvent.tab();
    const diagnose = deepActive() as HTMLElement;
    expect(diagnose.tagName).toBe('BUTTON');
    expect(diagnose.textContent).toMatch(/Diagnose/);
    expect(diagnose.getRootNode()).toBe(view.shadowRoot!.querySelector('qc-plan-diagnosis')!.shadowRoot);
    // and "What to change" still lands on the panel with the focus
    view.showDiagnosis();
    expect(view.shadowRoot!.activeElement!.className).toBe('diagnosis');
    view.remove();
  });

  it('a progress tick repaints the plan view\'s head, not its six panels', async () => {
    const view = document.createElement('qc-plan-view');
    document.body.append(view);
    view.scenario = base;
    await view.updateComplete;
    const panels = [...view.shadowRoot!.querySelectorAll('qc-plan-diagnosis, qc-plan-seek, qc-plan-frontier, qc-plan-sweep, qc-plan-screen, qc-plan-rules')];
    expect(panels).toHaveLength(6);
    // the other panels hear of a job's start or end one per task, after the job's own
    const settle = async () => {
      for (let k = 0; k < 8; k++) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        await view.updateComplete;
        for (const p of panels) await (p as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      }
    };
    const tick = async (done: number) => {
      view.progress = { kind: 'sweep', stage: 'run', done, total: 100, elapsedMs: done * 10, remainingMs: 1000 };
      await view.updateComplete;
      for (const p of panels) await (p as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    };
    await tick(1); // a job starts: its own panel blocks its run button at once, the others a task or more later
    const blocked = (i: number, button: string) => (panels[i] as HTMLElement).shadowRoot!.querySelector(`button.${button}`)!.getAttribute('aria-disabled');
    expect(blocked(3, 'run-sweep')).toBe('true');
    expect(blocked(1, 'run-seek')).toBe('false');
    await settle();
    expect(blocked(1, 'run-seek')).toBe('true');
    const renders = panels.map((p) => vi.spyOn(p as unknown as { render: () => unknown }, 'render'));
    for (let done = 2; done < 12; done++) await tick(done);
    expect(view.shadowRoot!.querySelector('.status')!.textContent).toMatch(/11 \/ 100/);
    expect(renders.map((r) => r.mock.calls.length)).toEqual([0, 0, 0, 0, 0, 0]);
    view.progress = null;
    await view.updateComplete;
    // the job's own panel first; no other panel in the same task
    expect(renders.map((r) => r.mock.calls.length)).toEqual([0, 0, 0, 1, 0, 0]);
    await settle();
    expect(renders.every((r) => r.mock.calls.length === 1)).toBe(true);
    expect(blocked(1, 'run-seek')).toBe('false');
    view.remove();
  });
});
