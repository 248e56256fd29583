/**
 * Planning results as CSV files (the CLI's --csv and --design-csv, the
 * browser's exports): a sweep, one row per point; sensitivity indices, one row
 * per output and lever; a sensitivity design, one row per strategy evaluated.
 */
import { csvText } from '../report.ts';
import type { Scenario } from '../scenario.ts';
import { APP_NAME, APP_VERSION } from '../version.ts';
import type { FrontierResult } from './frontier.ts';
import type { SensitivityResult } from './sensitivity-model.ts';
import { saltelliRow } from './sobol.ts';
import type { SweepResult } from './sweep.ts';

export function sweepToCsv(result: SweepResult): string {
  const axes = result.axes.map((a) => a.path);
  const keys = [...new Set(result.goals.map((g) => g.metric))];
  const header = [...axes, 'valid', 'runs', 'all_goals_met_share', ...keys.flatMap((k) => [`${k}_p10`, `${k}_p50`, `${k}_p90`, `${k}_goal_met_share`])];
  const rows = [header.join(',')];
  for (const p of result.points) {
    const cells = p.settings.map(([, v]) => String(v));
    if (!p.stats) { rows.push([...cells, 'false', '', '', ...keys.flatMap(() => ['', '', '', ''])].join(',')); continue; }
    const stats = p.stats;
    rows.push([...cells, 'true', String(stats.runs), String(stats.allGoalsMetShare), ...keys.flatMap((k) => {
      const q = stats.kpis[k];
      const goal = result.goals.findIndex((g) => g.metric === k);
      return [q.p10, q.p50, q.p90].map((v) => (v === null ? '' : String(Number(v.toPrecision(6))))).concat(String(stats.goalMetShare[goal]));
    })].join(','));
  }
  return `${rows.join('\n')}\n`;
}

export function sensitivityToCsv(result: SensitivityResult): string {
  const rows = [result.method === 'morris' ? 'output,lever,mu,mu_star,sigma,effects' : 'output,lever,s1,s1_low,s1_high,st,st_low,st_high,s1_unreliable,st_unreliable'];
  for (const output of result.outputs) {
    result.levers.forEach((lever, i) => {
      const m = result.morris?.[output]?.[i];
      const s = result.sobol?.[output]?.[i];
      if (m) rows.push([output, csvText(lever.path), m.mu, m.muStar, m.sigma, m.n].join(','));
      if (s) rows.push([output, csvText(lever.path), s.s1, ...s.s1Interval, s.st, ...s.stInterval, Boolean(s.s1Unreliable), Boolean(s.stUnreliable)].join(','));
    });
  }
  return `${rows.join('\n')}\n`;
}

/**
 * A planning result as a file that can be re-run: the result, the app and its
 * version, and the scenario itself (every field, defaults filled in), so
 * `npm run sim -- run` or the browser can load the exact strategy again.
 */
export function experimentFile<T extends object>(result: T, scenario: Scenario): T & { readonly app: { readonly name: string; readonly version: string }; readonly scenarioFile: Scenario } {
  return { ...result, app: { name: APP_NAME, version: APP_VERSION }, scenarioFile: scenario };
}

export function frontierToCsv(result: FrontierResult): string {
  const paths = result.levers.map((l) => l.path);
  const rows = [['team_hours_per_week', 'all_goals_met_share', 'share_low_90', 'share_high_90', 'runs', 'current', 'against_playbook', ...paths.map(csvText)].join(',')];
  for (const p of result.points) {
    rows.push([p.hours, p.chance, ...p.interval, p.runs, p.current, csvText(p.breaches.map((b) => b.path).join(' ')), ...p.settings.map(([, v]) => v)].join(','));
  }
  return `${rows.join('\n')}\n`;
}

/**
 * The design and its outputs, for outside tools (SALib, R's sensitivity):
 * per strategy, its block (Sobol: A, B or AB with the lever taken from B;
 * Morris: a trajectory's start or a step with the lever moved), the unit
 * coordinates (u_ columns), the lever positions, and each output's value (a
 * KPI's mean over the runs, the share of runs meeting every goal). The last
 * row is the current strategy.
 */
export function designToCsv(result: SensitivityResult): string {
  const { design, levers } = result;
  const outputs = Object.keys(design.values);
  const paths = levers.map((l) => l.path);
  const cell = (v: number | null) => (v === null ? '' : String(v));
  const k = levers.length;
  const label = (row: number): [block: string, sample: number, lever: number | null] => {
    if (!design.moved) {
      const at = saltelliRow({ k, n: result.samples }, row);
      return [at.block, at.sample, at.factor];
    }
    const moved = design.moved[row];
    return moved < 0 ? ['start', Math.floor(row / (k + 1)), null] : ['step', Math.floor(row / (k + 1)), moved];
  };
  const rows = [['row', 'block', 'sample', 'lever', ...paths.map((p) => `u_${p}`), ...paths, ...outputs].join(',')];
  design.unit.forEach((unit, row) => {
    const [block, sample, lever] = label(row);
    rows.push([row, block, sample, lever === null ? '' : paths[lever], ...unit, ...design.positions[row], ...outputs.map((o) => cell(design.values[o][row]))].join(','));
  });
  rows.push(['', 'current', '', '', ...paths.map(() => ''), ...levers.map((l) => l.current), ...outputs.map((o) => cell(design.current[o]))].join(','));
  return `${rows.join('\n')}\n`;
}
