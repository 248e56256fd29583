/**
 * `npm run sim -- discover FILE --levers a,b=lo:hi,…`: scenario discovery on
 * every core — a Latin hypercube over the levers, each strategy run as an
 * ensemble (common random numbers), then PRIM's rule for where every goal (or
 * one goal) is met often enough (src/model/planning/discover.ts).
 */
import { goalsOf } from '../model/playbook.ts';
import { discover, DISCOVERY_DEFAULTS } from '../model/planning/discover.ts';
import { withinPlaybook } from '../model/planning/guardrails.ts';
import {
  defaultThreshold, DESIGN_LIMITS, discoveryInput, discoveryToCsv, goalOf, ruleText, runDesign, THRESHOLD_FLOOR, type DiscoveryTarget,
} from '../model/planning/discover-model.ts';
import { checkOutputPath, plain, UserError, writeAtomically } from './io.ts';
import { printDiscovery } from './discover-print.ts';
import { decimal, loadScenario, parseLang, parseLevers, wholeNumber, withPool } from './plan-common.ts';
import { defaultThreads } from './threads.ts';
import { print, progressPrinter } from './terminal.ts';
import type { Flags } from './flags.ts';

/**
 * A strategy is good when its goals are met in at least a share of its runs:
 * --threshold, or by default relative to what the design reaches (its top
 * quarter, never below THRESHOLD_FLOOR: discover-model.ts defaultThreshold).
 * Levers are sampled within the playbook's guardrails unless --outside-playbook.
 */
export { THRESHOLD_FLOOR };

export async function discoverCommand(file: string | undefined, values: Flags): Promise<void> {
  const scenario = loadScenario(file, values, 'discover');
  if (values.levers === undefined) throw new UserError([`command line: discover needs --levers a,b,… (the levers to sample; at most ${DESIGN_LIMITS.maxLevers})`]);
  const within = !values['outside-playbook'];
  const levers = parseLevers(values.levers, scenario, parseLang(values.lang)).map((l) => (within ? withinPlaybook(l, scenario) : l));
  if (levers.length > DESIGN_LIMITS.maxLevers) throw new UserError([`command line: --levers: at most ${DESIGN_LIMITS.maxLevers} levers for discovery (got ${levers.length})`]);
  const points = wholeNumber('points', values.points, DESIGN_LIMITS.minPoints, DESIGN_LIMITS.maxPoints, 60);
  const runs = wholeNumber('runs', values.runs, 1, 10_000, 60);
  const alpha = values.alpha === undefined ? DISCOVERY_DEFAULTS.alpha : decimal('alpha', values.alpha, 0.01, 0.5);
  const minCoverage = values['min-coverage'] === undefined ? DISCOVERY_DEFAULTS.minCoverage : decimal('min-coverage', values['min-coverage'], 0, 1);
  const maxLevers = wholeNumber('max-levers', values['max-levers'], 1, DESIGN_LIMITS.maxLevers, DISCOVERY_DEFAULTS.maxLevers);
  const goals = goalsOf(scenario);
  const metrics = [...new Set(goals.map((g) => g.metric))];
  const target = (values.goal ?? 'allGoals') as DiscoveryTarget;
  if (target !== 'allGoals' && !goals.some((g) => g.metric === target)) {
    throw new UserError([`command line: --goal: "${plain(target)}" is not a goal of this scenario (its goals: ${metrics.join(', ')}; leave --goal out for every goal at once)`]);
  }
  const chosen = values.threshold === undefined ? undefined : decimal('threshold', values.threshold, 0.01, 1);
  const threads = wholeNumber('threads', values.threads, 1, 256, defaultThreads());
  if (typeof values.csv === 'string') checkOutputPath('--csv', values.csv, [file!]);
  const design = await withPool(threads, (execute) => runDesign(execute, scenario, levers, points, runs, progressPrinter('discover')));
  const input = discoveryInput(design, target);
  if (!input.points.length) throw new UserError([`discover: none of the ${design.invalid.length} sampled strategies is a valid scenario; narrow the levers' ranges (--levers path=lo:hi)`]);
  const threshold = chosen ?? defaultThreshold(input.points, target);
  const discovery = discover(input.axes, input.points, { threshold, alpha, minCoverage, maxLevers });
  const goal = goalOf(goals, target);
  if (typeof values.csv === 'string') writeAtomically('--csv', values.csv, discoveryToCsv(design, discovery, target), [file!]);
  if (values.json) {
    print(JSON.stringify({ kind: 'discovery', scenario: design.scenario, seed: design.seed, runs: design.runs, target, withinPlaybook: within, thresholdFrom: chosen === undefined ? 'default' : 'chosen', rule: ruleText(discovery, scenario, goal), discovery, design }));
    return;
  }
  printDiscovery(design, discovery, scenario, target, { within, thresholdFrom: chosen === undefined ? 'default' : 'chosen' });
  if (typeof values.csv === 'string') print(`\nwritten to ${values.csv}`);
}
