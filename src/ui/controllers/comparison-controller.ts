/**
 * Paired comparison of 2–4 scenarios (the current one and saved ones): which
 * are picked, running them through the pool with the first one's seed and run
 * indices, progress by scenario, and the result (statistics computed in the
 * summary worker).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Comparison } from '../../model/compare.ts';
import type { EnsembleSummary } from '../../model/ensemble.ts';
import { parseScenario, type Scenario } from '../../model/scenario.ts';
import type { LibraryEntry } from '../storage/scenario-store.ts';
import { EnsembleCancelled, type Progress } from '../../worker/pool.ts';
import type { EnsembleController } from './ensemble-controller.ts';
import { messageOf, type NoticesController } from './notices-controller.ts';

/** The current scenario's id among the choices. */
export const CURRENT = 'current';

export class ComparisonController implements ReactiveController {
  selected: string[] = [CURRENT];
  comparison: Comparison | null = null;
  ensembles: EnsembleSummary[] = [];
  busy = false;
  /** Which scenario is running (1-based) and the progress of its ensemble. */
  step = 0;
  progress: Progress | null = null;

  constructor(private readonly host: ReactiveControllerHost, private readonly ensemble: EnsembleController, private readonly notices: NoticesController) {
    host.addController(this);
  }

  hostConnected(): void {}

  select(ids: string[]): void {
    this.selected = ids;
    this.host.requestUpdate();
  }

  forget(id: string): void {
    this.select(this.selected.filter((s) => s !== id));
  }

  /**
   * Compare the selected scenarios: the one on screen (`current`, named as
   * the reader reads it) and library entries, each validated — a saved one
   * that no longer validates is refused with its problems, and nothing runs.
   */
  async runSelected(current: Scenario, entries: readonly LibraryEntry[], named: (s: Scenario) => string): Promise<void> {
    const picked: Scenario[] = [];
    for (const id of this.selected) {
      if (id === CURRENT) { picked.push(current); continue; }
      const entry = entries.find((e) => e.id === id);
      const parsed = entry ? parseScenario(entry.draft) : null;
      if (!parsed?.ok) {
        this.notices.refuse({ key: 'fileRefused', params: { name: entry?.name ?? id } }, parsed && !parsed.ok ? parsed.problems : []);
        return;
      }
      picked.push({ ...parsed.scenario, name: named(parsed.scenario) });
    }
    await this.run(picked);
  }

  async run(scenarios: readonly Scenario[]): Promise<void> {
    const pool = this.ensemble.pool;
    if (!pool) return;
    this.ensemble.release(); // the lab's own runs no longer own the pool
    this.busy = true;
    this.host.requestUpdate();
    try {
      const { comparison, ensembles } = await pool.compare(scenarios, {
        onStep: (step) => { this.step = step; this.host.requestUpdate(); },
        // a report that arrives after the comparison ended is dropped (as the planning controller's)
        onProgress: (progress) => { if (this.busy) { this.progress = progress; this.host.requestUpdate(); } },
      });
      this.comparison = comparison;
      this.ensembles = ensembles;
    } catch (error) {
      if (!(error instanceof EnsembleCancelled)) this.notices.notify({ key: 'runFailed', params: { message: messageOf(error) } });
    } finally {
      this.busy = false;
      this.progress = null;
      this.host.requestUpdate();
    }
  }
}
