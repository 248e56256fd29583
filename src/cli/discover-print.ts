/**
 * Scenario discovery for the terminal (English): the design, the rule (the
 * same sentence the browser shows, from discover-model.ts), the restricted
 * levers with their quasi-p-values, and the peeling trajectory.
 */
import { SUMMARY } from '../model/metrics.ts';
import { describeThreshold } from '../model/playbook.ts';
import type { Scenario } from '../model/scenario.ts';
import type { Discovery, Limit } from '../model/planning/discover.ts';
import {
  describeBound, describeBox, describeGood, describeLimitBreach, describeRule, goalOf, limitBreaches, THRESHOLD_FLOOR, type DesignResult, type DiscoveryTarget,
} from '../model/planning/discover-model.ts';
import { plain } from './io.ts';
import { pct, table } from './plan-print.ts';
import { print } from './terminal.ts';

function bounds(path: string, limit: Limit, scenario: Scenario): string {
  const at = (p: number) => describeBound(path, p, scenario, 'en');
  if ('allowed' in limit) return limit.allowed.map(at).join(', ');
  return limit.lo === limit.hi ? at(limit.lo) : `${at(limit.lo)} … ${at(limit.hi)}`;
}

const quasiP = (q: number) => (q < 0.001 ? q.toExponential(0) : q.toFixed(3));

export function printDiscovery(
  design: DesignResult, d: Discovery, scenario: Scenario, target: DiscoveryTarget,
  how: { readonly within: boolean; readonly thresholdFrom: 'default' | 'chosen' } = { within: true, thresholdFrom: 'chosen' },
): void {
  const goal = goalOf(design.goals, target);
  const repeated = design.requested - design.points.length - design.invalid.length;
  print(`scenario discovery on ${plain(design.scenario)} — ${design.points.length} strategies (a Latin hypercube of ${design.requested} over ${design.levers.length} levers, seed ${design.seed}${repeated ? `; ${repeated} repeated after snapping to the levers' steps` : ''}${design.invalid.length ? `; ${design.invalid.length} invalid, left out` : ''}) × ${design.runs} runs, same run indices`);
  const judged = goal ? `${SUMMARY[goal.metric].en} ${describeThreshold(goal)} is met` : 'every goal is met at once';
  print(how.within
    ? 'levers sampled within the playbook (each inside its guardrail; --outside-playbook for the whole practical range)'
    : 'levers sampled over their practical ranges (--outside-playbook): restrictions outside the playbook are marked');
  const floor = THRESHOLD_FLOOR[target === 'allGoals' ? 'allGoals' : 'goal'];
  const from = how.thresholdFrom === 'default' ? ` (default: the top quarter of the strategies sampled, at least ${pct(floor)}; --threshold to change)` : '';
  print(`a strategy is good when ${judged} in ≥ ${pct(d.threshold)} of its runs${from}: ${d.good} of ${d.points} are (the best: ${pct(d.bestShare)})`);
  const good = describeGood(d.threshold, 'en', goal);
  print(good.means);
  if (good.warning) print(`warning: ${good.warning}`);
  print('');
  print(d.outcome === 'rule' ? 'rule' : 'no rule');
  print(`  ${describeRule(d, scenario, 'en', goal)}`);
  for (const b of d.box ? limitBreaches(d, d.box.limits, d.box.restricted, scenario) : []) print(`  ${describeLimitBreach(d, b, 'en')}`);
  const box = d.box;
  if (box) {
    print('');
    print(table([['restricted lever', 'in the box', 'tried', 'quasi-p'], ...box.restricted.map((a, i) => {
      const path = d.axes[a].path;
      return [path, bounds(path, box.limits[a], scenario), bounds(path, d.design[a], scenario), quasiP(box.quasiP[i])];
    })]));
  }
  if (box?.dropped.length) print(`dropped (the restriction did not matter, quasi-p > 0.05): ${box.dropped.map((a) => d.axes[a].path).join(', ')}`);
  const chosen = d.picked === null ? '' : box ? `; * box ${d.picked}: the densest with coverage ≥ ${pct(d.minCoverage)} restricting at most ${d.maxLevers} levers, then pruned and pasted`
    : '; no box is in use: none holds up once the restrictions that do not matter are dropped, for reference only';
  print(`\npeeling trajectory (α = ${d.alpha}${chosen})`);
  print(table([['box', 'levers', 'coverage', 'density', 'points', 'mean share', 'ranges'], ...d.trajectory.map((b, i) => [
    `${box && i === d.picked ? '*' : ' '}${i}`, String(b.restricted.length), pct(b.coverage), pct(b.density), String(b.points), pct(b.meanShare), [describeBox(d, b, scenario, 'en'), ...limitBreaches(d, b.limits, b.restricted, scenario).map((x) => `[${describeLimitBreach(d, x, 'en', true)}]`)].join(' '),
  ])]));
  print('\ncoverage: the share of the good strategies inside the box; density: the share of the strategies inside the box that are good;');
  print('quasi-p: the chance of a box this dense if the restriction did nothing (one-sided binomial; small means it matters)');
}
