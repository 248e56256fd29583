/**
 * The command line over the same engine the browser runs.
 *
 *   npm run sim -- run <scenario.json> [--runs N] [--seed S] [--days D] [--json] [--csv FILE]
 *   npm run sim -- import <export>... [--roster FILE] [--tz +08:00] [--channel NAME] [--json] [--scenario-out FILE]
 *
 * Bad input (a missing file, bad JSON, an out-of-range field or flag) prints one
 * line per problem, naming the field and what is allowed, and exits 1.
 */
import { pathToFileURL } from 'node:url';
import type { Scenario } from '../model/scenario.ts';
import { runEnsemble, runSummaries } from '../model/ensemble.ts';
import { SUMMARY, SUMMARY_KEYS, type SummaryKey } from '../model/metrics.ts';
import { comparisonToCsv, dailyToCsv, ensembleToJson, formatMetric } from '../model/report.ts';
import { alignForComparison, compareRuns, MAX_COMPARED, MIN_COMPARED } from '../model/compare.ts';
import { describeThreshold } from '../model/playbook.ts';
import { formatChance } from '../model/format.ts';
import { STDIN, UserError, checkOutputPath, plain, writeAtomically } from './io.ts';
import { readScenarioFile, withOverrides } from './scenario-args.ts';
import { parseVerb } from './flags.ts';
import { capped, checkEveryWrite, OutputClosed, print } from './terminal.ts';
import { table } from './plan-print.ts';
import { PLAN_COMMANDS, PLAN_USAGE, planMain } from './plan.ts';
import { IMPORT_USAGE, importCommand } from './import.ts';

export { UserError };

const USAGE = `usage:
  npm run sim -- run <scenario.json> [--runs N] [--seed S] [--days D] [--json] [--csv FILE]
  npm run sim -- compare <a.json> <b.json> [c.json] [d.json] [--runs N] [--seed S] [--json] [--csv FILE]

  <scenario.json> may be - to read the scenario from standard input (at most 1 MB)

  --runs N     runs in the ensemble (1–10000; default: the scenario's runs)
  --seed S     random seed (0–4294967295; default: the scenario's seed)
  --days D     horizon in days (1–365; default: the scenario's horizonDays)
  --json       print one JSON object instead of the table
  --csv FILE   run: also write the daily series quantiles (p10…p90) to FILE;
               compare: also write the KPI comparison to FILE

compare runs every scenario with the first one's seed and run indices (common random
numbers) and reports each KPI's medians and the paired difference against the first
scenario with a 90 % interval over runs (p5–p95).

planning (every core; see README "Planning"):
${PLAN_USAGE}

your own group (docs/import.md): measure a chat export against the playbook, calibrate to it
${IMPORT_USAGE}`;

function runCommand(argv: string[]): void {
  const { values, positionals } = parseVerb('run', argv);
  if (positionals.length !== 1) throw new UserError(['run needs exactly one scenario file', USAGE]);
  const file = positionals[0];
  if (values.csv) checkOutputPath('--csv', values.csv, positionals);
  const scenario = withOverrides(file, readScenarioFile(file), values);
  const started = performance.now();
  const ensemble = runEnsemble(scenario);
  const seconds = (performance.now() - started) / 1000;
  if (values.csv) writeAtomically('--csv', values.csv, dailyToCsv(ensemble), [file]);
  if (values.json) {
    print(JSON.stringify(ensembleToJson(ensemble)));
    return;
  }
  const rows = [['metric', 'median', 'p10–p90', 'mean', 'threshold', 'status', 'goal met']];
  for (const key of SUMMARY_KEYS) {
    const m = ensemble.metrics[key];
    const definition = ensemble.goals.find((g) => g.metric === key)?.definition;
    rows.push([
      definition ? `${SUMMARY[key].en} (${definition.en})` : SUMMARY[key].en,
      formatMetric(key, m.p50),
      m.p10 === null ? 'no data' : `${formatMetric(key, m.p10)} – ${formatMetric(key, m.p90)}`,
      formatMetric(key, m.mean),
      m.threshold ? `${m.threshold} (${m.thresholdSource})` : '',
      m.status ?? '',
      m.goalMetShare === null ? '' : `${Math.round(m.goalMetShare * 100)} %`,
    ]);
  }
  print(`${plain(scenario.name)} — ${scenario.group.positioning}, ${ensemble.runs} runs, seed ${scenario.seed}, ${scenario.horizonDays} days (${seconds.toFixed(2)} s)\n`);
  print(table(rows));
  print(`\nall goals met at once: ${formatChance('en', ensemble.allGoalsMetShare, ensemble.runs)}`);
  if (values.csv) print(`daily series quantiles written to ${values.csv}`);
}

function compareCommand(argv: string[]): void {
  const { values, positionals } = parseVerb('compare', argv);
  if (positionals.length < MIN_COMPARED || positionals.length > MAX_COMPARED) {
    throw new UserError([`compare needs ${MIN_COMPARED} to ${MAX_COMPARED} scenario files (got ${positionals.length})`, USAGE]);
  }
  if (positionals.filter((f) => f === STDIN).length > 1) throw new UserError(['command line: - (standard input) can be read only once; give the other scenarios as files']);
  if (values.csv) checkOutputPath('--csv', values.csv, positionals);
  const problems: string[] = [];
  const loaded: Scenario[] = [];
  for (const file of positionals) {
    try {
      loaded.push(file === positionals[0] ? withOverrides(file, readScenarioFile(file), values) : readScenarioFile(file));
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      problems.push(...error.lines);
    }
  }
  if (problems.length) throw new UserError(problems);
  const scenarios = alignForComparison(loaded);
  const started = performance.now();
  const runs = scenarios.map((s) => runSummaries(s, 0, s.runs));
  const comparison = compareRuns(scenarios, runs);
  const seconds = (performance.now() - started) / 1000;
  if (values.csv) writeAtomically('--csv', values.csv, comparisonToCsv(comparison), positionals);
  if (values.json) {
    print(JSON.stringify(comparison));
    return;
  }
  const names = positionals.map((f, k) => `${String.fromCharCode(65 + k)}: ${plain(scenarios[k].name)} (${plain(f)})`);
  print(`paired comparison — ${comparison.runs} runs each, seed ${comparison.seed}, same run indices (${seconds.toFixed(2)} s)`);
  for (const n of names) print(`  ${n}`);
  print('\nlevers that differ');
  if (!comparison.levers.length) print('  (none: the scenarios set the same levers)');
  else print(table([['lever', ...positionals.map((_, k) => String.fromCharCode(65 + k))], ...comparison.levers.map((d) => [d.path, ...d.values.map(plain)])]));
  const letters = scenarios.map((_, k) => String.fromCharCode(65 + k));
  const header = ['metric', ...letters.map((l) => `${l} median`), ...letters.slice(1).map((l) => `${l} − A (90 % interval)`)];
  const rows = [header];
  for (const key of SUMMARY_KEYS) {
    const m = comparison.metrics[key];
    rows.push([
      SUMMARY[key].en,
      ...m.medians.map((v) => formatMetric(key, v)),
      ...m.differences.slice(1).map((d) => (d ? `${signed(key, d.median)} (${signed(key, d.p5)} … ${signed(key, d.p95)})` : '—')),
    ]);
  }
  print(`\n${table(rows)}`);
  print('\ngoals of the first scenario\'s positioning: share of runs meeting each');
  print(table([['goal', ...letters], ...comparison.goals.map((g) => [`${SUMMARY[g.threshold.metric].en} ${describeThreshold(g.threshold)} (${g.threshold.source}${g.threshold.definition ? `; ${g.threshold.definition.en}` : ''})`, ...g.metShare.map((v) => `${Math.round(v * 100)} %`)]),
    ['all goals at once', ...comparison.allGoalsMetShare.map((v) => `${Math.round(v * 100)} %`)]]));
  if (values.csv) print(`comparison written to ${values.csv}`);
}

function signed(key: SummaryKey, value: number): string {
  const text = formatMetric(key, Math.abs(value));
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

/** Planning verbs are asynchronous (they run on worker threads); run and compare are not. */
export async function mainAsync(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const planning = PLAN_COMMANDS.find((verb) => verb === command);
  if (!planning) return main(argv);
  try {
    await planMain(planning, rest);
    return 0;
  } catch (error) {
    return failure(error);
  }
}

function failure(error: unknown): number {
  if (error instanceof OutputClosed) return 0; // the reader stopped early (| head): nothing to say
  if (error instanceof UserError) {
    if (error.lines.length) console.error(capped(error.lines).join('\n'));
    return error.exitCode;
  }
  if (error instanceof TypeError && 'code' in error && String((error as { code: unknown }).code).startsWith('ERR_PARSE_ARGS')) {
    console.error(`${error.message}\n${USAGE}`);
    return 1;
  }
  throw error;
}

export function main(argv: string[]): number {
  const [command, ...rest] = argv;
  try {
    if (command === 'run') runCommand(rest);
    else if (command === 'compare') compareCommand(rest);
    else if (command === 'import') importCommand(rest);
    else if (command === undefined || command === 'help' || command === '--help') print(USAGE);
    else throw new UserError([`unknown command "${command}"`, USAGE]);
    return 0;
  } catch (error) {
    return failure(error);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  checkEveryWrite();
  process.exitCode = await mainAsync(process.argv.slice(2));
}
