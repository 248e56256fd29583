/**
 * Sensitivity of the group's KPIs to the levers: Morris screening over many
 * levers (morris.ts), Sobol' indices over a few (sobol.ts), where one
 * evaluation is an ensemble of a strategy with common random numbers. Each
 * lever's practical range (or the range the user narrowed it to) is its unit
 * axis; an output is a goal's KPI averaged over the runs, or the share of runs
 * meeting every goal.
 *
 * The current strategy is run too, on the same runs: by default the outputs
 * analysed are the KPIs of the goals it does not reliably meet (met in fewer
 * than RELIABLY_MET of its runs), the levers' effect on what is missed; every
 * goal's KPI when none is missed. The design, the lever values and each row's
 * outputs are kept for export (export.ts).
 */
import { SUMMARY, type Summary, type SummaryKey } from '../metrics.ts';
import { goalsOf, meetsAll, meetsGoal } from '../playbook.ts';
import type { Problem, Scenario } from '../scenario.ts';
import { RELIABLY_MET } from './diagnose.ts';
import { evaluate, type Executor } from './jobs.ts';
import { fromUnit, positionOf, withSettings, type Lever, type Setting } from './levers.ts';
import { morrisDesign, morrisIndices, type MorrisIndex } from './morris.ts';
import { saltelliDesign, sobolIndices, type SobolIndex } from './sobol.ts';

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
  /** The outputs to analyse: the goals missed now (default), every goal's KPI, or a list. */
  readonly outputs?: 'missed' | 'all' | readonly Output[];
}

/** The current strategy on the same runs: the share of runs meeting each goal, and every goal at once. */
export interface Baseline {
  readonly goals: readonly { readonly metric: SummaryKey; readonly metShare: number }[];
  readonly allGoals: number;
}

export interface SensitivityResult {
  readonly kind: 'sensitivity';
  readonly method: 'morris' | 'sobol';
  readonly scenario: string;
  readonly seed: number;
  readonly runs: number;
  readonly samples: number;
  /** Strategies of the design (each an ensemble of `runs`), not counting the current strategy. */
  readonly points: number;
  readonly levers: readonly { readonly path: string; readonly min: number; readonly max: number; readonly current: number }[];
  readonly outputs: readonly Output[];
  /** How the outputs were chosen: by the planner, the goals the current strategy misses, or every goal (none missed). */
  readonly outputsFrom: 'chosen' | 'missedGoals' | 'everyGoal';
  readonly baseline: Baseline | null;
  /** Per output, per lever (Morris: effect of moving the lever across its whole range). */
  readonly morris?: Record<string, readonly MorrisIndex[]>;
  readonly sobol?: Record<string, readonly SobolIndex[]>;
  /** Per output, the run-to-run standard deviation of one run's value (pooled over the design's strategies): the noise behind each strategy's mean (morrisNoise). */
  readonly runSd?: Readonly<Record<string, number>>;
  /** The design for outside tools: unit coordinates and lever positions per row, and every goal output's value per row. */
  readonly design: {
    readonly unit: readonly (readonly number[])[];
    readonly positions: readonly (readonly number[])[];
    /** Morris: the lever each row moved (−1 at a trajectory's start). */
    readonly moved?: readonly number[];
    readonly values: Readonly<Record<string, readonly (number | null)[]>>;
    /** The current strategy's values (the baseline row). */
    readonly current: Readonly<Record<string, number | null>>;
  };
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

export function baselineOf(scenario: Scenario, summaries: readonly Summary[]): Baseline {
  const share = (test: (s: Summary) => boolean) => summaries.filter(test).length / summaries.length;
  const goals = goalsOf(scenario);
  return { goals: goals.map((g) => ({ metric: g.metric, metShare: share((s) => meetsGoal(g, s[g.metric])) })), allGoals: share((s) => meetsAll(goals, s)) };
}

/** The outputs analysed when the planner does not choose: the KPIs of the goals not reliably met, then every goal at once. */
export function defaultOutputs(scenario: Scenario, baseline: Baseline | null): { outputs: Output[]; from: 'missedGoals' | 'everyGoal' } {
  const missed = baseline?.goals.filter((g) => g.metShare < RELIABLY_MET).map((g) => g.metric) ?? [];
  if (!missed.length) return { outputs: outputsOf(scenario), from: 'everyGoal' };
  return { outputs: [...new Set<Output>([...missed, 'allGoals'])], from: 'missedGoals' };
}

export class InvalidDesignPoint extends Error {
  constructor(readonly settings: readonly Setting[], readonly problems: readonly Problem[]) {
    super(`a design point is not a valid scenario: ${problems.map((p) => `${p.path}: ${p.en}`).join('; ')}`);
  }
}

/** The design (unit coordinates) and the strategies it asks for, then the current strategy (the baseline). */
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
  return { design, positions, scenarios: [...scenarios, base], samples };
}

export async function runSensitivity(
  executor: Executor, base: Scenario, options: SensitivityOptions,
  onProgress?: (done: number, total: number) => void,
): Promise<SensitivityResult> {
  const design = sensitivityDesign(base, options);
  const summaries = await evaluate(executor, design.scenarios, 0, options.runs, onProgress);
  return sensitivityResult(base, options, summaries, design);
}

/** The indices from per-point run summaries (in design order, the current strategy last). */
export function sensitivityResult(
  base: Scenario, options: SensitivityOptions, summaries: readonly (readonly Summary[])[],
  built: ReturnType<typeof sensitivityDesign> = sensitivityDesign(base, options),
): SensitivityResult {
  const { design, positions, scenarios, samples } = built;
  const rows = design.points.length;
  const baseline = summaries.length > rows ? baselineOf(base, summaries[rows]) : null;
  const chosen = options.outputs ?? 'missed';
  const fallback = defaultOutputs(base, chosen === 'all' ? null : baseline);
  const outputs = typeof chosen === 'string' ? fallback.outputs : [...chosen];
  const outputsFrom: SensitivityResult['outputsFrom'] = typeof chosen === 'string' ? fallback.from : 'chosen';
  const levers = options.levers.map((l) => ({ path: l.path, min: l.min, max: l.max, current: positionOf(l, base) }));
  const columns = [...new Set([...outputsOf(base), ...outputs])];
  const values = Object.fromEntries(columns.map((o) => [o, summaries.slice(0, rows).map((s, i) => outputValue(o, s, scenarios[i]))]));
  const current = Object.fromEntries(columns.map((o) => [o, summaries.length > rows ? outputValue(o, summaries[rows], base) : null]));
  const runSd = Object.fromEntries(outputs.map((o) => [o, pooledRunSd(o, summaries.slice(0, rows), scenarios)]));
  const common = {
    runSd,
    kind: 'sensitivity' as const, method: options.method, scenario: base.name, seed: base.seed, runs: options.runs, samples, points: rows,
    levers, outputs, outputsFrom, baseline,
  };
  if ('moved' in design) {
    // the change each step really made, after snapping to the lever's steps, as a share of its range
    const span = (i: number, a: readonly number[], b: readonly number[]) => {
      const lever = options.levers[i];
      return (fromUnit(lever, b[i]) - fromUnit(lever, a[i])) / (lever.max - lever.min || 1);
    };
    const morris: Record<string, readonly MorrisIndex[]> = {};
    for (const output of outputs) morris[output] = morrisIndices(design, values[output], span);
    const moved = design.points.map((_, row) => (row % (design.k + 1) ? design.moved[row - 1 - Math.floor(row / (design.k + 1))] : -1));
    return { ...common, morris, design: { unit: design.points, positions, moved, values, current } };
  }
  const sobol: Record<string, readonly SobolIndex[]> = {};
  for (const output of outputs) {
    const list = values[output];
    // an output undefined at some point (e.g. no questions asked) has no variance decomposition
    if (list.some((v) => v === null)) continue;
    sobol[output] = sobolIndices(design, list as number[], base.seed, options.bootstrap ?? 300);
  }
  return { ...common, sobol, design: { unit: design.points, positions, values, current } };
}

/** The run-to-run standard deviation of an output (one run: 0/1 for every goal at once, the KPI's value otherwise), pooled over strategies. */
function pooledRunSd(output: Output, perPoint: readonly (readonly Summary[])[], scenarios: readonly Scenario[]): number {
  let squares = 0;
  let dof = 0;
  perPoint.forEach((runs, i) => {
    const goals = goalsOf(scenarios[i]);
    const values = runs.map((s) => (output === 'allGoals' ? (meetsAll(goals, s) ? 1 : 0) : s[output])).filter((v): v is number => v !== null);
    if (values.length < 2) return;
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    squares += values.reduce((a, v) => a + (v - mean) ** 2, 0);
    dof += values.length - 1;
  });
  return dof ? Math.sqrt(squares / dof) : 0;
}

/**
 * The μ* a lever with no effect at all would still show, from run noise alone,
 * at these runs and paths (trajectories). How: an elementary effect is
 * (ȳ_b − ȳ_a) / Δ, where ȳ is a strategy's mean over `runs` runs and Δ ≈ 2/3 of
 * the range (the 4-level grid's jump). With no effect, ȳ_b − ȳ_a is noise of
 * standard deviation √2·s/√runs (s: the output's run-to-run SD, pooled over
 * the design; 0/1 runs for "every goal at once", i.e. binomial). Common random
 * numbers usually make it smaller, so this is a conservative (high) level. |e|
 * then has mean sd·√(2/π); μ* averages `paths` of them, so we add two standard
 * errors of that mean, sd·√(1 − 2/π)/√paths. A bar below this level cannot be
 * told from a lever that does nothing; null when the result has no run SD (an
 * older saved result).
 */
export function morrisNoise(result: Pick<SensitivityResult, 'runSd' | 'runs' | 'samples'>, output: string): number | null {
  const s = result.runSd?.[output];
  if (s === undefined) return null;
  const delta = 2 / 3;
  const sd = (Math.SQRT2 * s) / Math.sqrt(result.runs) / delta;
  return sd * (Math.sqrt(2 / Math.PI) + (2 * Math.sqrt(1 - 2 / Math.PI)) / Math.sqrt(Math.max(1, result.samples)));
}

/** An output's unit for μ*: percentage points for a share or every goal at once, else the KPI's unit. */
export function outputUnit(output: string): 'pp' | 'people' | 'perDay' | 'perWeek' | 'minutes' | 'number' {
  if (output === 'allGoals') return 'pp';
  const unit = SUMMARY[output as SummaryKey]?.unit;
  return unit === 'share' ? 'pp' : unit === 'count' ? 'people' : unit === 'perDay' ? 'perDay' : unit === 'perWeek' ? 'perWeek' : unit === 'minutes' ? 'minutes' : 'number';
}
