/**
 * A sweep for the terminal (English; one lever: medians and p10–p90 per goal;
 * two: the share of runs meeting every goal), and sensitivity indices sorted
 * by importance.
 */
import { SUMMARY, type SummaryKey } from '../model/metrics.ts';
import { describeThreshold } from '../model/playbook.ts';
import { formatMetric } from '../model/report.ts';
import type { Scenario } from '../model/scenario.ts';
import { describePosition, leverAt } from '../model/planning/levers.ts';
import type { SweepResult } from '../model/planning/sweep.ts';
import { morrisNoise, outputUnit, type SensitivityResult } from '../model/planning/sensitivity-model.ts';
import { NEGLIGIBLE_WIDTH, type SobolIndex } from '../model/planning/sobol.ts';
import { RELIABLY_MET } from '../model/planning/diagnose.ts';
import { plain } from './io.ts';
import { print } from './terminal.ts';
import { pct, table } from './plan-print.ts';

export function printSweep(result: SweepResult): void {
  const [first, second] = result.axes;
  print(`sweep of ${plain(result.scenario)} — ${result.runs} runs per point, seed ${result.seed}, same run indices at every point\n`);
  if (!second) {
    const keys = [...new Set(result.goals.map((g) => g.metric))];
    const rows = [[first.path, 'all goals', ...keys.map((k) => `${SUMMARY[k].en} (${describeThreshold(result.goals.find((g) => g.metric === k)!)})`)]];
    result.points.forEach((p, i) => rows.push([first.labels.en[i], p.stats ? pct(p.stats.allGoalsMetShare) : p.notRun ? 'not run (cancelled)' : 'invalid',
      ...keys.map((k) => (p.stats ? `${formatMetric(k, p.stats.kpis[k].p50)} [${formatMetric(k, p.stats.kpis[k].p10)}–${formatMetric(k, p.stats.kpis[k].p90)}]` : ''))]));
    print(table(rows));
    print('\neach cell: median [p10–p90] over runs; "all goals": share of runs meeting every goal at once');
    return;
  }
  print(`share of runs meeting every goal — rows: ${first.path}, columns: ${second.path}${result.points.some((p) => p.notRun) ? ' ("not run": cancelled before its runs finished)' : ''}`);
  const rows = [[`${first.path} \\ ${second.path}`, ...second.labels.en]];
  first.labels.en.forEach((label, i) => rows.push([label, ...second.labels.en.map((_, j) => {
    const p = result.points[i * second.positions.length + j];
    return p.stats ? pct(p.stats.allGoalsMetShare) : p.notRun ? 'not run' : 'invalid';
  })]));
  print(table(rows));
}

/** The unit a μ* is printed in, by the output's unit (sensitivity-model.ts outputUnit). */
const UNIT_WORDS = { pp: 'pp', people: 'people', perDay: 'per day', perWeek: 'per week', minutes: 'min', number: '' } as const;

const outputLabel = (output: string) => (output === 'allGoals' ? 'share of runs meeting every goal' : SUMMARY[output as SummaryKey].en);

/** Why these outputs: the goals the current strategy misses, every goal, or the planner's list. */
function outputsLine(result: SensitivityResult): string {
  const b = result.baseline;
  const now = b ? ` (current strategy, same runs: every goal met in ${pct(b.allGoals)})` : '';
  if (result.outputsFrom === 'missedGoals') {
    const missed = b!.goals.filter((g) => result.outputs.includes(g.metric)).map((g) => `${SUMMARY[g.metric].en} ${pct(g.metShare)}`);
    return `outputs: the KPIs of the goals met in < ${pct(RELIABLY_MET)} of runs${now}: ${missed.join(', ')}; --outputs all for every goal`;
  }
  if (result.outputsFrom === 'everyGoal') return `outputs: every goal's KPI${now}`;
  return `outputs: as chosen (--outputs)${now}`;
}

export function printSensitivity(result: SensitivityResult, scenario: Scenario): void {
  print(`${result.method === 'morris' ? 'Morris screening' : 'Sobol indices'} of ${plain(result.scenario)} — ${result.points} strategies × ${result.runs} runs, seed ${result.seed}`);
  print(outputsLine(result));
  let unreliable = false;
  for (const output of result.outputs) {
    print(`\n${outputLabel(output)}`);
    const order = result.levers.map((_, i) => i);
    if (result.morris) {
      const m = result.morris[output];
      order.sort((a, b) => m[b].muStar - m[a].muStar);
      const unit = UNIT_WORDS[outputUnit(output)];
      const fmt = (v: number) => (outputUnit(output) === 'pp' ? `${(v * 100).toFixed(1)} pp` : `${v.toFixed(2)}${unit ? ` ${unit}` : ''}`);
      const noise = morrisNoise(result, output);
      print(`  μ* in ${outputUnit(output) === 'pp' ? (output === 'allGoals' ? 'percentage points of runs' : 'percentage points') : unit || 'the output\'s own units'}${noise === null ? '' : `; noise level at ${result.samples} paths × ${result.runs} runs: ${fmt(noise)}`}`);
      print(table([['lever (range)', 'μ*', 'μ', 'σ', ''], ...order.map((i) => {
        const l = leverAt(result.levers[i].path)!;
        return [`${l.path} (${describePosition({ ...l, ...result.levers[i] }, result.levers[i].min, scenario, 'en')} … ${describePosition({ ...l, ...result.levers[i] }, result.levers[i].max, scenario, 'en')})`, fmt(m[i].muStar), fmt(m[i].mu), fmt(m[i].sigma),
          noise !== null && m[i].muStar < noise ? `within noise at ${result.samples} paths; raise --samples or --runs` : ''];
      })]));
    } else if (result.sobol?.[output]) {
      const s = result.sobol[output];
      order.sort((a, b) => s[b].st - s[a].st);
      unreliable ||= s.some((x) => x.s1Unreliable || x.stUnreliable);
      print(sobolTable(s, order, ['lever', (i) => result.levers[i].path]));
    } else print('  (undefined at some strategies: no variance decomposition)');
  }
  if (result.morris) {
    print('\nμ*: mean absolute change of the output (in its unit above) when the lever moves across its whole range; σ: how much that depends on the other levers');
    print('noise level: the μ* a lever with no effect would show from run noise alone (run-to-run SD of the output, √2/√runs per step, ÷ the 2/3 jump, mean |effect| plus two standard errors over the paths; conservative)');
  }
  else {
    if (unreliable) print(`\n${unreliableHint(true)}`);
    if (!Number.isInteger(Math.log2(result.samples))) print(`N = ${result.samples} is not a power of 2: the Sobol' points are balanced at 2^m (e.g. --samples ${2 ** Math.round(Math.log2(result.samples))})`);
  }
}

export const unreliableHint = (onModel: boolean) => `?: the 95 % interval is wider than the index (and than ${NEGLIGIBLE_WIDTH}): not resolved; give more base samples N (--samples)${onModel ? ', and more runs per strategy (--runs) to cut the noise' : ''}`;

/** S1 and ST with their intervals, in the given order; "?" marks an index its interval does not resolve. */
export function sobolTable(indices: readonly SobolIndex[], order: readonly number[], name: [string, (i: number) => string], analytic?: { s1: readonly number[]; st: readonly number[] }): string {
  const f = (v: number) => v.toFixed(3);
  const mark = (flag: boolean | undefined) => (flag ? ' ?' : '  ');
  const head = [name[0], 'S1', '95 % interval', ...(analytic ? ['analytic'] : []), 'ST', '95 % interval', ...(analytic ? ['analytic'] : [])];
  return table([head, ...order.map((i) => {
    const s = indices[i];
    return [name[1](i), `${f(s.s1)}${mark(s.s1Unreliable)}`, `${f(s.s1Interval[0])} … ${f(s.s1Interval[1])}`, ...(analytic ? [f(analytic.s1[i])] : []),
      `${f(s.st)}${mark(s.stUnreliable)}`, `${f(s.stInterval[0])} … ${f(s.stInterval[1])}`, ...(analytic ? [f(analytic.st[i])] : [])];
  })]);
}
