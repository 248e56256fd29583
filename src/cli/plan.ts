/**
 * The planning verbs of the command line, on every core (worker_threads):
 *
 *   npm run sim -- sweep FILE --vary PATH=a:b:step [--vary2 PATH=…] [--runs N] [--json] [--csv F]
 *   npm run sim -- sensitivity FILE [--method morris|sobol] [--levers a,b=lo:hi,…] [--outputs missed|all|KEY,…] [--samples N] [--runs N] [--json] [--csv F] [--design-csv F]
 *   npm run sim -- sensitivity --test-function ishigami --method sobol|morris [--samples N] [--json]
 *   npm run sim -- optimize FILE --levers a,b,… (--budget-hours B | --min-chance P) [--runs N] [--json]
 *   npm run sim -- diagnose FILE [--runs N] [--lang en|zh-CN] [--json]
 *   npm run sim -- frontier FILE --levers a,b,… [--points N] [--outside-playbook] [--runs N] [--json] [--csv F]
 *   npm run sim -- discover FILE --levers a,b,… [--points N] [--runs N] [--threshold P] [--json] [--csv F]
 *   npm run sim -- merge PART… [--json] [--csv F] [--design-csv F]
 *
 * Common: --threads N (default: all cores), --seed S, --days D; sweep and
 * sensitivity also --shard k/n --out PART.json (one deterministic slice of the
 * work; `merge` puts the slices back into exactly the unsplit result).
 */
import { extname } from 'node:path';
import type { Summary } from '../model/metrics.ts';
import { SUMMARY } from '../model/metrics.ts';
import { describeThreshold } from '../model/playbook.ts';
import { formatMetric } from '../model/report.ts';
import { designToCsv, experimentFile, frontierToCsv, sensitivityToCsv, sweepToCsv } from '../model/planning/export.ts';
import { frontier } from '../model/planning/frontier.ts';
import { formatChance, formatPercent, langOf, type Locale } from '../model/format.ts';
import type { Scenario } from '../model/scenario.ts';
import { assemble, assembleFinished, evaluate, parseShard, shardOf, tasksFor, type TaskResult } from '../model/planning/jobs.ts';
import { parseLeverRange, isNumeric } from '../model/planning/levers.ts';
import { sweepResult, sweepPoints, type SweepAxis, type SweepResult } from '../model/planning/sweep.ts';
import { morrisDesign, morrisIndices } from '../model/planning/morris.ts';
import { saltelliDesign, sobolIndices } from '../model/planning/sobol.ts';
import { ISHIGAMI_INDICES, ishigami } from '../model/planning/test-functions.ts';
import { InvalidDesignPoint, sensitivityDesign, sensitivityResult, type SensitivityOptions, type SensitivityResult } from '../model/planning/sensitivity-model.ts';
import { goalSeek } from '../model/planning/goal-seek.ts';
import { diagnose, type Diagnosis } from '../model/planning/diagnose.ts';
import { DIAGNOSIS_TEXT } from '../model/planning/diagnosis-text.ts';
import { describeBreach } from '../model/planning/guardrails.ts';
import { discoverCommand } from './discover.ts';
import { decimal, loadScenario, parseLang, parseLevers, parseOutputs, PLAN_USAGE, wholeNumber, withPool } from './plan-common.ts';
import { checkOutputPath, plain, UserError, writeAtomically } from './io.ts';
import { fieldLabel, ofName, pct, printWrapped, table } from './plan-print.ts';
import { remedyTable } from './diagnosis-print.ts';
import { printSensitivity, printSweep, sobolTable, unreliableHint } from './sensitivity-print.ts';
import { printFrontier, printGoalSeek } from './seek-print.ts';
import { fullWidth, scenarioText } from '../model/text.ts';
import { defaultThreads } from './threads.ts';
import { print, progressPrinter } from './terminal.ts';
import { onlyFlagsOf, parseVerb, type Flags } from './flags.ts';
import { PART_BYTES_PER_RUN, PART_FILE, PART_FORMAT, PART_VERSION, partText, readPart, sliceProblems, taskProblems, type JobSpec } from './parts.ts';

export { PLAN_USAGE } from './plan-common.ts';
export const PLAN_COMMANDS = ['sweep', 'sensitivity', 'optimize', 'diagnose', 'frontier', 'discover', 'merge'] as const;

interface Job {
  readonly scenarios: readonly Scenario[];
  finish(summaries: readonly (readonly Summary[])[]): SweepResult | SensitivityResult;
  /** A sweep cut short: the points whose runs all finished (null if none); a sensitivity analysis has no partial result. */
  readonly partial?: (finished: readonly TaskResult[]) => SweepResult | null;
}

function sweepAxes(vary: readonly string[]): SweepAxis[] {
  return vary.map((text, i) => {
    const parsed = parseLeverRange(text);
    if ('error' in parsed) throw new UserError([`command line: --vary${i ? '2' : ''}: ${parsed.error.en}`]);
    return { lever: parsed.lever, positions: parsed.positions };
  });
}

/** A shardable job from its spec: the strategies to run, and how to turn their runs into the result. */
function jobOf(spec: JobSpec, scenario: Scenario, runs: number): Job {
  if (spec.command === 'sweep') {
    const axes = sweepAxes(spec.vary);
    const points = sweepPoints(scenario, axes);
    const scenarios = points.flatMap((p) => (p.parsed.ok ? [p.parsed.scenario] : []));
    return {
      scenarios,
      finish: (summaries) => sweepResult(scenario, axes, runs, summaries, points),
      // as partialSweep, with the points validated once: after Ctrl-C the main thread must answer a wrapper's signals within 30 ms
      partial: (finished) => {
        const byPoint = assembleFinished(scenarios.length, runs, finished);
        return byPoint.some((list) => list !== null) ? sweepResult(scenario, axes, runs, byPoint, points) : null;
      },
    };
  }
  const options: SensitivityOptions = { method: spec.method, levers: parseLevers(spec.levers.join(','), scenario), runs, samples: spec.samples, outputs: parseOutputs(spec.outputs) };
  try {
    const { scenarios } = sensitivityDesign(scenario, options);
    return { scenarios, finish: (summaries) => sensitivityResult(scenario, options, summaries) };
  } catch (error) {
    if (error instanceof InvalidDesignPoint) throw new UserError([`sensitivity: ${error.message}; narrow the levers' ranges (--levers path=lo:hi)`]);
    throw error;
  }
}

/**
 * Run a job on a thread pool. Ctrl-C cancels it (JobCancelled): `onCancel`
 * then reports what finished and returns how the cancel line ends, and the
 * line is printed, all while the handler is still in place: under `npm run sim`
 * a second SIGINT follows (npm passes the signal on to tsx, which passes it to
 * this process), and without a handler of ours it would end the process first.
 */
/** `sweep.csv` → `sweep.partial.csv`: a cancelled job's export says what it is. */
function partialPath(path: string): string {
  const extension = extname(path);
  return `${path.slice(0, path.length - extension.length)}.partial${extension}`;
}

/** A cancelled sweep's CSV: the points that did not finish say "not run" where a finished point says true and an invalid one false. */
function partialSweepCsv(result: SweepResult): string {
  const [header, ...rows] = sweepToCsv(result).trimEnd().split('\n');
  const valid = result.axes.length; // the column after the levers' values (all numbers: no quoted commas)
  const marked = rows.map((row, i) => {
    if (!result.points[i].notRun) return row;
    const cells = row.split(',');
    cells[valid] = 'not run';
    return cells.join(',');
  });
  return `${[header, ...marked].join('\n')}\n`;
}

/** A cancelled sweep: the points whose runs all finished, printed (and exported, named partial); the rest "not run". */
function reportCancelledSweep(partial: SweepResult | null, values: Flags, file: string, scenario: Scenario): string {
  if (!partial) return 'no point had finished; nothing was written';
  if (values.json) print(JSON.stringify(experimentFile({ ...partial, partial: true }, scenario)));
  else printSweep(partial);
  const finished = partial.points.filter((p) => p.stats).length;
  const notRun = partial.points.filter((p) => p.notRun).length;
  const valid = finished + notRun;
  let written = 'nothing was written';
  if (typeof values.csv === 'string') {
    const path = partialPath(values.csv);
    try {
      writeAtomically('--csv', path, partialSweepCsv(partial), [file]);
      written = `the finished points were written to ${plain(path)}`;
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      written = error.lines.join('; ');
    }
  }
  return `${finished} of ${valid} points finished, ${notRun} not run; ${written}`;
}

async function shardableCommand(spec: JobSpec, file: string, values: Flags, defaultRuns: number): Promise<void> {
  const scenario = loadScenario(file, values, spec.command);
  const runs = wholeNumber('runs', values.runs, 1, 10_000, defaultRuns);
  const threads = wholeNumber('threads', values.threads, 1, 256, defaultThreads());
  for (const [flag, path] of [['--csv', values.csv], ['--design-csv', values['design-csv']], ['--out', values.out]] as const) if (typeof path === 'string') checkOutputPath(flag, path, [file]);
  const job = jobOf(spec, scenario, runs);
  const tasks = tasksFor(job.scenarios.length, 0, runs);
  if (values.shard !== undefined) {
    const shard = parseShard(values.shard);
    if (!shard) throw new UserError([`command line: --shard: write k/n with 1 ≤ k ≤ n ≤ 10000 (got "${plain(String(values.shard))}")`]);
    if (typeof values.out !== 'string') throw new UserError(['command line: --shard needs --out FILE (the slice to merge later)']);
    const mine = shardOf(tasks, shard.k, shard.n);
    const runsIn = (list: readonly { count: number }[]) => list.reduce((sum, t) => sum + t.count, 0);
    const runsHere = runsIn(mine);
    // refused before the run, not after: merge would refuse a part over the limit
    if (runsHere * PART_BYTES_PER_RUN > PART_FILE.maxBytes) {
      const fewest = Math.ceil((runsIn(tasks) * PART_BYTES_PER_RUN) / PART_FILE.maxBytes);
      throw new UserError([`command line: --shard ${shard.k}/${shard.n}: a slice of ${runsHere} runs would not fit in one part file (${PART_FILE.limit}); cut the job into at least ${fewest} slices`]);
    }
    const results = await withPool(threads, (execute) => execute(job.scenarios, mine, progressTasks(`${spec.command} shard ${shard.k}/${shard.n}`, mine)));
    writeAtomically('--out', values.out, partText({ format: PART_FORMAT, version: PART_VERSION, command: spec.command, spec, scenario, runs, shard, tasks: results }), [file]);
    print(`shard ${shard.k}/${shard.n}: ${mine.length} of ${tasks.length} tasks written to ${values.out}; merge all ${shard.n} with: npm run sim -- merge PART…`);
    return;
  }
  const received: TaskResult[] = [];
  const { partial } = job;
  const summaries = await withPool(
    threads,
    (execute) => evaluate((s, t, onTask) => execute(s, t, (r) => { received.push(r); onTask?.(r); }), job.scenarios, 0, runs, progressPrinter(spec.command)),
    partial ? () => reportCancelledSweep(partial(received), values, file, scenario) : undefined,
  );
  report(job.finish(summaries), values, scenario, [file]);
}

function progressTasks(label: string, tasks: readonly { count: number }[]) {
  const total = tasks.reduce((s, t) => s + t.count, 0);
  const show = progressPrinter(label);
  let done = 0;
  return (r: { count: number }) => show((done += r.count), total);
}

function report(result: SweepResult | SensitivityResult, values: Flags, scenario: Scenario, inputs: readonly string[]): void {
  const designCsv = values['design-csv'];
  if (typeof designCsv === 'string' && result.kind !== 'sensitivity') throw new UserError(['command line: --design-csv applies to a sensitivity analysis (these parts are of a sweep)']);
  if (typeof values.csv === 'string') writeAtomically('--csv', values.csv, result.kind === 'sweep' ? sweepToCsv(result) : sensitivityToCsv(result), inputs);
  if (typeof designCsv === 'string' && result.kind === 'sensitivity') writeAtomically('--design-csv', designCsv, designToCsv(result), inputs);
  if (values.json) {
    print(JSON.stringify(experimentFile(result, scenario)));
    return;
  }
  if (result.kind === 'sweep') printSweep(result);
  else printSensitivity(result, scenario);
  if (typeof values.csv === 'string') print(`\nwritten to ${values.csv}`);
  if (typeof designCsv === 'string') print(`${typeof values.csv === 'string' ? '' : '\n'}design written to ${designCsv}`);
}

function testFunction(values: Flags): void {
  if (values['test-function'] !== 'ishigami') throw new UserError(['command line: --test-function: only "ishigami" is available']);
  const method = values.method ?? 'sobol';
  const samples = wholeNumber('samples', values.samples, 2, 1_000_000, method === 'sobol' ? 8192 : 100);
  const seed = wholeNumber('seed', values.seed, 0, 4_294_967_295, 1);
  if (method === 'sobol') {
    const design = saltelliDesign(3, samples, seed);
    const indices = sobolIndices(design, design.points.map(ishigami), seed);
    const result = { function: 'ishigami', method, samples, evaluations: design.points.length, seed, indices, analytic: ISHIGAMI_INDICES };
    if (values.json) { print(JSON.stringify(result)); return; }
    print(`Ishigami (a = 7, b = 0.1), Sobol indices from ${design.points.length} evaluations (N = ${samples}), seed ${seed}`);
    print(sobolTable(indices, [0, 1, 2], ['factor', (i) => `x${i + 1}`], ISHIGAMI_INDICES));
    if (indices.some((s) => s.s1Unreliable || s.stUnreliable)) print(`\n${unreliableHint(false)}`);
    return;
  }
  if (method !== 'morris') throw new UserError(['command line: --method: must be morris or sobol']);
  const design = morrisDesign(3, samples, seed);
  const indices = morrisIndices(design, design.points.map(ishigami));
  if (values.json) { print(JSON.stringify({ function: 'ishigami', method, trajectories: samples, seed, indices })); return; }
  print(table([['factor', 'μ*', 'μ', 'σ'], ...indices.map((m, i) => [`x${i + 1}`, m.muStar.toFixed(3), m.mu.toFixed(3), m.sigma.toFixed(3)])]));
}

async function optimizeCommand(file: string | undefined, values: Flags): Promise<void> {
  const scenario = loadScenario(file, values, 'optimize');
  if (values.levers === undefined) throw new UserError(['command line: optimize needs --levers a,b,… (the levers to search over; at most 8)']);
  const locale = parseLang(values.lang);
  const levers = parseLevers(values.levers, scenario, locale);
  if (levers.length > 8) throw new UserError([`command line: --levers: at most 8 levers for a goal seek (got ${levers.length})`]);
  const budget = values['budget-hours'];
  const minChance = values['min-chance'];
  if ((budget === undefined) === (minChance === undefined)) throw new UserError(['command line: give one of --budget-hours B (maximise the chance within B team hours a week) or --min-chance P (fewest hours with the chance ≥ P)']);
  const objective = budget !== undefined
    ? { kind: 'maxGoals' as const, budget: decimal('budget-hours', budget, 0, 1000) }
    : { kind: 'minCost' as const, minChance: decimal('min-chance', minChance ?? '', 0, 1) };
  const finalRuns = wholeNumber('runs', values.runs, 10, 10_000, 80);
  const threads = wholeNumber('threads', values.threads, 1, 256, defaultThreads());
  const stage = (en: string, zh: string) => progressPrinter(locale === 'zh-CN' ? zh : en, 'runs', locale);
  const printers = {
    frontier: stage('hours–chance frontier', '工时—达标曲线'), screen: stage('search', '初筛'), evolve: stage('evolve', '进化搜索'),
    refine: stage('refine', '局部细化'), race: stage('race the leaders', '领先策略加跑比较'), check: stage('check on fresh runs', '在新模拟上验证'),
  };
  const started = performance.now();
  const withinPlaybook = !values['outside-playbook'];
  const result = await withPool(threads, (execute) => goalSeek(execute, scenario, { levers, objective, finalRuns, withinPlaybook, onProgress: (stage, done, total) => printers[stage](done, total) }));
  const seconds = (performance.now() - started) / 1000;
  if (values.json) { print(JSON.stringify(experimentFile(result, scenario))); return; }
  printGoalSeek(result, scenario, seconds, locale);
}

/** The diagnosis' own lines in English and Chinese (its tables' words come from diagnosis-text.ts). */
const DIAGNOSE_LINES = {
  header: (r: { scenario: string; movesTried: number; firstLookRuns?: number; screenRuns: number; runs: number; pairsTried: number }) => ({
    en: `diagnosis of ${plain(r.scenario)} — ${r.movesTried} one-lever moves over each lever's whole range screened on ${r.firstLookRuns ?? r.screenRuns} runs (the most promising on ${r.screenRuns}), the best on all ${r.runs} runs, and ${r.pairsTried} pairs; paired with the current strategy`,
    zh: `${ofName(plain(r.scenario))}诊断：在每个策略项的完整范围内试了 ${r.movesTried} 个单项调整，先各跑 ${r.firstLookRuns ?? r.screenRuns} 次模拟（较有希望的 ${r.screenRuns} 次），最好的跑满 ${r.runs} 次，另试了 ${r.pairsTried} 组两项组合；都与当前策略配对比较`,
  }),
  allGoals: (text: string) => ({ en: `every goal met in ${text}`, zh: `全部目标同时达成：${text}` }),
  noneRaises: { en: 'no move or pair tried raises the chance of meeting every goal: try optimize', zh: '所试的调整和组合都不能提高全部目标同时达成的概率：请试试目标寻优（optimize）' },
  onlyCloser: { en: 'no move or pair tried raises the chance of meeting every goal at once; those below only bring runs closer to the goals (several changes may be needed: try optimize)', zh: '所试的调整和组合都不能提高全部目标同时达成的概率；下列调整只能让结果更接近目标（可能需要同时改几项：请试试目标寻优（optimize））' },
  allMet: { en: `every goal is met in at least ${pct(0.8)} of runs`, zh: `每个目标都在至少 ${formatPercent('zh-CN', 0.8)} 的模拟中达成` },
  nothingNeeded: { en: `every goal is met in at least ${pct(0.8)} of runs: nothing needs changing, and no move tried is confirmed to do better on fresh runs`, zh: `每个目标都在至少 ${formatPercent('zh-CN', 0.8)} 的模拟中达成：无需调整，所试的调整也没有在新模拟上被证实更好` },
  needsSeveral: { en: 'no move tried raises it by 5 points or more: it needs several changes (try optimize)', zh: '没有哪项调整能把它提高 5 个百分点以上：需要同时改几项（请试试目标寻优（optimize））' },
  goal: (name: string, threshold: string, source: string, met: string, median: string) => ({
    en: `${name} ${threshold} (${source}): met in ${met} of runs, median ${median}`,
    zh: `${name} ${threshold}（${source}）：${met} 的模拟达成，中位数 ${median}`,
  }),
};

async function diagnoseCommand(file: string | undefined, values: Flags): Promise<void> {
  const scenario = loadScenario(file, values, 'diagnose');
  const runs = wholeNumber('runs', values.runs, 10, 10_000, 60);
  const threads = wholeNumber('threads', values.threads, 1, 256, defaultThreads());
  const locale = parseLang(values.lang);
  const lang = langOf(locale);
  const result = await withPool(threads, (execute) => diagnose(execute, scenario, runs, progressPrinter(lang === 'zh' ? '诊断' : 'diagnose', 'runs', locale)));
  if (values.json) { print(JSON.stringify(experimentFile(result, scenario))); return; }
  printDiagnosis(result, scenario, locale);
}

/** A diagnosis in --lang (en or zh-CN), its prose and tables fitted to the terminal's COLUMNS. */
export function printDiagnosis(result: Diagnosis, scenario: Scenario, locale: Locale): void {
  const lang = langOf(locale);
  const heading = (text: string) => (lang === 'zh' ? `${text}：` : `${text.toLowerCase()}:`);
  // prose wrapped to the terminal as the tables are (at spaces; Chinese between words), a blank line kept
  const say = (text: string) => printWrapped(text);
  // the scenario's name in the reader's language (its zh.name in Chinese)
  say(DIAGNOSE_LINES.header({ ...result, scenario: scenarioText(scenario, lang).name })[lang]);
  say(DIAGNOSE_LINES.allGoals(formatChance(locale, result.allGoals, result.baselineRuns ?? result.runs))[lang]);
  // each breach named by its field's label, as the browser names it (not its path in the file)
  for (const b of result.breaches) say(lang === 'zh' ? `  ⚠ ${fieldLabel(b.path, lang)}：当前策略${describeBreach(b, 'zh')}` : `  ⚠ ${fieldLabel(b.path, lang)}: the strategy is ${describeBreach(b, 'en')}`);
  for (const line of result.outcome) say(`\n${lang === 'zh' ? fullWidth(line.zh) : line.en}`);
  say(`\n${heading(DIAGNOSIS_TEXT.remedies[lang])}`);
  const unconfirmed = result.unconfirmed ?? [];
  const nothingNeeded = !result.remedies.length && !result.goals.length;
  if (nothingNeeded) say(`  ${DIAGNOSE_LINES.nothingNeeded[lang]}`);
  else if (!result.remedies.length) say(`  ${unconfirmed.length || result.remediesRaise ? DIAGNOSIS_TEXT.nothingReliable[lang] : DIAGNOSE_LINES.noneRaises[lang]}`);
  if (result.remedies.length && !result.remediesRaise) say(`  ${DIAGNOSE_LINES.onlyCloser[lang]}`);
  const tableOf = (list: typeof result.remedies, focus?: (typeof result.goals)[number]['threshold']) => remedyTable(list, scenario, result.remedies, focus, undefined, locale);
  if (result.remedies.length) print(tableOf(result.remedies));
  if (unconfirmed.length) { say(`\n${heading(DIAGNOSIS_TEXT.unconfirmed[lang])}`); print(tableOf(unconfirmed)); }
  if (!result.goals.length && !nothingNeeded) say(`\n${DIAGNOSE_LINES.allMet[lang]}`);
  for (const g of result.goals) {
    say(`\n${DIAGNOSE_LINES.goal(SUMMARY[g.threshold.metric][lang], describeThreshold(g.threshold, locale), g.threshold.source, lang === 'zh' ? formatPercent(locale, g.metShare) : pct(g.metShare), formatMetric(g.threshold.metric, g.median, locale))[lang]}`);
    const doubtful = g.unconfirmed ?? [];
    if (!g.moves.length) say(`  ${doubtful.length ? DIAGNOSIS_TEXT.nothingReliableGoal[lang] : DIAGNOSE_LINES.needsSeveral[lang]}`);
    if (g.moves.length) print(tableOf(g.moves, g.threshold));
    if (doubtful.length) { say(heading(DIAGNOSIS_TEXT.unconfirmedGoal[lang])); print(tableOf(doubtful, g.threshold)); }
  }
}

async function frontierCommand(file: string | undefined, values: Flags): Promise<void> {
  const scenario = loadScenario(file, values, 'frontier');
  if (values.levers === undefined) throw new UserError(['command line: frontier needs --levers a,b,… (the levers to vary; at most 8)']);
  const locale = parseLang(values.lang);
  const levers = parseLevers(values.levers, scenario, locale);
  if (levers.length > 8) throw new UserError([`command line: --levers: at most 8 levers for a frontier (got ${levers.length})`]);
  const points = wholeNumber('points', values.points, 2, 30, 10);
  const finalRuns = wholeNumber('runs', values.runs, 10, 10_000, 80);
  const threads = wholeNumber('threads', values.threads, 1, 256, defaultThreads());
  if (typeof values.csv === 'string') checkOutputPath('--csv', values.csv, [file!]);
  const zh = locale === 'zh-CN';
  const stage = (en: string, zhText: string) => progressPrinter(zh ? zhText : en, 'runs', locale);
  const printers = { screen: stage('search', '初筛'), evolve: stage('evolve', '进化搜索'), final: stage('points on every run', '曲线上的点跑满全部模拟'), check: stage('check on fresh runs', '在新模拟上验证') };
  const started = performance.now();
  const withinPlaybook = !values['outside-playbook'];
  const result = await withPool(threads, (execute) => frontier(execute, scenario, { levers, points, finalRuns, withinPlaybook, onProgress: (stage, done, total) => printers[stage](done, total) }));
  const seconds = (performance.now() - started) / 1000;
  if (typeof values.csv === 'string') writeAtomically('--csv', values.csv, frontierToCsv(result), [file!]);
  if (values.json) { print(JSON.stringify(experimentFile(result, scenario))); return; }
  printFrontier(result, scenario, seconds, locale);
  if (typeof values.csv === 'string') print(zh ? `\n已写入 ${values.csv}` : `\nwritten to ${values.csv}`);
}

function mergeCommand(files: readonly string[], values: Flags): void {
  if (!files.length) throw new UserError(['merge needs the part files written with --shard k/n --out FILE']);
  for (const [flag, path] of [['--csv', values.csv], ['--design-csv', values['design-csv']]] as const) if (typeof path === 'string') checkOutputPath(flag, path, files);
  const problems: string[] = [];
  const parts = files.flatMap((file) => {
    try {
      return [readPart(file)];
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      problems.push(...error.lines);
      return [];
    }
  });
  if (problems.length) throw new UserError(problems);
  const slices = sliceProblems(files, parts);
  if (slices.length) throw new UserError(slices);
  const [first] = parts;
  let job: Job;
  try {
    job = jobOf(first.spec, first.scenario, first.runs);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    throw new UserError(error.lines.map((line) => `${files[0]}: spec: ${line.replace(/^command line: /, '')}`));
  }
  const tasks = taskProblems(files, parts, tasksFor(job.scenarios.length, 0, first.runs));
  if (tasks.length) throw new UserError(tasks);
  report(job.finish(assemble(job.scenarios.length, parts.flatMap((p) => p.tasks))), values, first.scenario, files);
}

export async function planMain(command: (typeof PLAN_COMMANDS)[number], argv: string[]): Promise<void> {
  const { values, positionals } = parseVerb(command, argv);
  const [file, ...extra] = positionals;
  if (command !== 'merge' && extra.length) throw new UserError([`${command} takes one scenario file (got ${positionals.length})`]);
  if (command === 'sweep' || command === 'sensitivity') {
    if (values.shard !== undefined) onlyFlagsOf(`${command} --shard`, values);
    else if (values.out !== undefined) throw new UserError([`command line: --out applies to ${command} only with --shard k/n (the slice's part file); the whole result goes to --json or --csv`]);
  }
  if (command === 'sweep') {
    if (values.vary === undefined) throw new UserError(['command line: sweep needs --vary PATH=from:to:step', PLAN_USAGE]);
    await shardableCommand({ command: 'sweep', vary: [values.vary, ...(values.vary2 === undefined ? [] : [values.vary2])] }, file, values, 100);
  } else if (command === 'sensitivity') {
    if (values['test-function'] !== undefined) {
      onlyFlagsOf('sensitivity --test-function', values);
      return testFunction(values);
    }
    const method = values.method ?? 'morris';
    if (method !== 'morris' && method !== 'sobol') throw new UserError(['command line: --method: must be morris or sobol']);
    const scenario = loadScenario(file, values, 'sensitivity');
    const levers = parseLevers(values.levers, scenario, parseLang(values.lang));
    if (method === 'sobol' && levers.length > 12) throw new UserError([`command line: --levers: Sobol indices for at most 12 levers (got ${levers.length}); screen with --method morris first`]);
    const samples = values.samples === undefined ? undefined : wholeNumber('samples', values.samples, 2, 100_000, 0);
    parseOutputs(values.outputs);
    const outputs = values.outputs === undefined ? {} : { outputs: values.outputs };
    await shardableCommand({ command: 'sensitivity', method, levers: levers.map((l) => (isNumeric(l) ? `${l.path}=${l.min}:${l.max}` : l.path)), samples, ...outputs }, file, values, 40);
  } else if (command === 'optimize') await optimizeCommand(file, values);
  else if (command === 'diagnose') await diagnoseCommand(file, values);
  else if (command === 'frontier') await frontierCommand(file, values);
  else if (command === 'discover') await discoverCommand(file, values);
  else mergeCommand(positionals, values);
}
