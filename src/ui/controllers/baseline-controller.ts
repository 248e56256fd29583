/**
 * A pinned baseline: the strategy as it stood when the planner pinned it, with
 * its results and every run's summary. After each later ensemble, each KPI's
 * paired difference against the pin (same seed, same run indices: the first
 * runs of both) is computed, for the scorecard and the charts' ghost bands.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { compareRuns, type Comparison } from '../../model/compare.ts';
import type { EnsembleSummary } from '../../model/ensemble.ts';
import type { Summary } from '../../model/metrics.ts';
import type { Scenario } from '../../model/scenario.ts';
import type { EnsembleController } from './ensemble-controller.ts';
import { messageOf, type NoticesController } from './notices-controller.ts';

export interface Pinned {
  readonly scenario: Scenario;
  readonly summary: EnsembleSummary;
  readonly runs: readonly Summary[];
}

export interface BaselineDeltas {
  readonly comparison: Comparison;
  /** False when the seed changed since the pin: the runs are then not paired. */
  readonly paired: boolean;
}

export class BaselineController implements ReactiveController {
  pinned: Pinned | null = null;
  deltas: BaselineDeltas | null = null;

  constructor(private readonly host: ReactiveControllerHost & EventTarget, private readonly ensemble: EnsembleController, private readonly notices: NoticesController) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('results', this.onResults);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('results', this.onResults);
  }

  /** Pin the strategy whose results are on screen. */
  async pin(): Promise<void> {
    const { pool, summary, scenario } = this.ensemble;
    if (!pool || !summary || !scenario) return;
    try {
      const runs = await pool.runSummaries();
      this.pinned = { scenario, summary, runs };
      this.deltas = this.pair(scenario, runs);
      this.host.requestUpdate();
    } catch (error) {
      this.notices.notify({ key: 'runFailed', params: { message: messageOf(error) } });
    }
  }

  unpin(): void {
    this.pinned = null;
    this.deltas = null;
    this.host.requestUpdate();
  }

  private readonly onResults = async (): Promise<void> => {
    const { pool, scenario } = this.ensemble;
    if (!this.pinned || !pool || !scenario) return;
    try {
      const runs = await pool.runSummaries();
      this.deltas = this.pair(scenario, runs);
      this.host.requestUpdate();
    } catch {
      // a newer ensemble took over the summary worker; its own results event will pair again
    }
  };

  private pair(current: Scenario, runs: readonly Summary[]): BaselineDeltas {
    const pinned = this.pinned!;
    const n = Math.min(runs.length, pinned.runs.length);
    // both sides over their first n runs: the comparison says n runs
    const comparison = compareRuns([{ ...pinned.scenario, runs: n }, { ...current, seed: pinned.scenario.seed, runs: n }], [pinned.runs.slice(0, n), runs.slice(0, n)]);
    return { comparison, paired: current.seed === pinned.scenario.seed };
  }
}
