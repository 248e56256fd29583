/**
 * Sensitivity of the group's KPIs to the levers: Morris screening over many
 * levers, Sobol indices over a few (sensitivity.ts), where one evaluation is
 * an ensemble of a strategy with common random numbers. Each lever's practical
 * range (or the range the user narrowed it to) is its unit axis; the output is
 * each goal's KPI averaged over the runs, and the share of runs meeting every goal.
 */
import type { Summary, SummaryKey } from '../metrics.ts';
import { goalsOf, meetsAll } from '../playbook.ts';
import type { Problem, Scenario } from '../scenario.ts';
import { evaluate, type Executor } from './jobs.ts';
import { fromUnit, positionOf, withSettings, type Lever, type Setting } from './levers.ts';
import { morrisDesign, morrisIndices, saltelliDesign, sobolIndices, type MorrisIndex, type SobolIndex } from './sensitivity.ts';

export type Output = SummaryKey | 'allGoals';

export interface SensitivityOptions {
  readonly method: 'morris' | 'sobol';
  readonly levers: readonly Lever[];
  /** Runs per evaluated strategy. */
  readonly runs: number;
  /** Morris: trajectories (default 10). Sobol: base samples N (default 64). */
  readonly samples?: number;
  /** Sobol: bootstrap resamples (default 300). */
  readonly bootstrap?: number;
}

export interface SensitivityResult {
  readonly kind: 'sensitivity';
  readonly method: 'morris' | 'sobol';
  readonly scenario: string;
  readonly seed: number;
  readonly runs: number;
  readonly samples: number;
  /** Strategies evaluated (each an ensemble of `runs`). */
  readonly points: number;
  readonly levers: readonly { readonly path: string; readonly min: number; readonly max: number; readonly current: number }[];
  readonly outputs: readonly Output[];
  /** Per output, per lever (Morris: effect of moving the lever across its whole range). */
  readonly morris?: Record<string, readonly MorrisIndex[]>;
  readonly sobol?: Record<string, readonly SobolIndex[]>;
}

/** The goals' KPIs and "all goals at once". */
export function outputsOf(scenario: Scenario): Output[] {
  return [...new Set<Output>([...goalsOf(scenario).map((g) => g.metric), 'allGoals'])];
}

export function outputValue(output: Output, summaries: readonly Summary[], scenario: Scenario): number | null {
  if (output === 'allGoals') {
    const goals = goalsOf(scenario);
    return summaries.filter((s) => meetsAll(goals, s)).length / summaries.length;
  }
  const values = summaries.map((s) => s[output]).filter((v): v is number => v !== null);
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

export class InvalidDesignPoint extends Error {
  constructor(readonly settings: readonly Setting[], readonly problems: readonly Problem[]) {
    super(`a design point is not a valid scenario: ${problems.map((p) => `${p.path}: ${p.en}`).join('; ')}`);
  }
}

/** The design (unit coordinates) and the strategies it asks for. */
export function sensitivityDesign(base: Scenario, options: SensitivityOptions, seed = base.seed) {
  const k = options.levers.length;
  const samples = options.samples ?? (options.method === 'morris' ? 10 : 64);
  const design = options.method === 'morris' ? morrisDesign(k, samples, seed) : saltelliDesign(k, samples, seed);
  const positions = design.points.map((x) => options.levers.map((lever, i) => fromUnit(lever, x[i])));
  const scenarios = positions.map((p) => {
    const settings = options.levers.map((lever, i): Setting => [lever.path, p[i]]);
    const parsed = withSettings(base, settings);
    if (!parsed.ok) throw new InvalidDesignPoint(settings, parsed.problems);
    return parsed.scenario;
  });
  return { design, positions, scenarios, samples };
}

export async function runSensitivity(
  executor: Executor, base: Scenario, options: SensitivityOptions,
  onProgress?: (done: number, total: number) => void,
): Promise<SensitivityResult> {
  const design = sensitivityDesign(base, options);
  const summaries = await evaluate(executor, design.scenarios, 0, options.runs, onProgress);
  return sensitivityResult(base, options, summaries, design);
}

/** The indices from per-point run summaries (in design order). */
export function sensitivityResult(
  base: Scenario, options: SensitivityOptions, summaries: readonly (readonly Summary[])[],
  built: ReturnType<typeof sensitivityDesign> = sensitivityDesign(base, options),
): SensitivityResult {
  const { design, scenarios, samples } = built;
  const outputs = outputsOf(base);
  const levers = options.levers.map((l) => ({ path: l.path, min: l.min, max: l.max, current: positionOf(l, base) }));
  const values = (output: Output) => summaries.map((s, i) => outputValue(output, s, scenarios[i]));
  const common = { kind: 'sensitivity' as const, method: options.method, scenario: base.name, seed: base.seed, runs: options.runs, samples, points: scenarios.length, levers, outputs };
  if ('moved' in design) {
    // the change each step really made, after snapping to the lever's steps, as a share of its range
    const span = (i: number, a: readonly number[], b: readonly number[]) => {
      const lever = options.levers[i];
      return (fromUnit(lever, b[i]) - fromUnit(lever, a[i])) / (lever.max - lever.min || 1);
    };
    const morris: Record<string, readonly MorrisIndex[]> = {};
    for (const output of outputs) morris[output] = morrisIndices(design, values(output), span);
    return { ...common, morris };
  }
  const sobol: Record<string, readonly SobolIndex[]> = {};
  for (const output of outputs) {
    const list = values(output);
    // an output undefined at some point (e.g. no questions asked) has no variance decomposition
    if (list.some((v) => v === null)) continue;
    sobol[output] = sobolIndices(design, list as number[], base.seed, options.bootstrap ?? 300);
  }
  return { ...common, sobol };
}
