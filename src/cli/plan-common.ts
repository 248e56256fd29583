/**
 * What the planning verbs share: the usage text, flag readers that refuse a
 * bad value in one line naming the flag and the allowed range, the scenario
 * file with --seed and --days, and the thread pool that Ctrl-C cancels.
 */
import type { Scenario } from '../model/scenario.ts';
import { SUMMARY_KEYS } from '../model/metrics.ts';
import type { Executor } from '../model/planning/jobs.ts';
import { ALL_FIELDS } from '../model/fields.ts';
import type { Locale } from '../model/format.ts';
import { appliesToGroup, isNumeric, leverAt, leversFor, needsMissing, type Lever } from '../model/planning/levers.ts';
import type { Output } from '../model/planning/sensitivity-model.ts';
import { plain, UserError } from './io.ts';
import { readScenarioFile, withOverrides } from './scenario-args.ts';
import { endProgressLine } from './terminal.ts';
import { JobCancelled, threadPool } from './threads.ts';

export const PLAN_USAGE = `  npm run sim -- sweep <scenario.json> --vary PATH=from:to:step [--vary2 PATH=…] [--runs N] [--json] [--csv FILE]
  npm run sim -- sensitivity <scenario.json> [--method morris|sobol] [--levers a,b=lo:hi,…] [--outputs missed|all|KEY,…] [--samples N] [--runs N] [--json] [--csv FILE] [--design-csv FILE]
  npm run sim -- sensitivity --test-function ishigami --method sobol|morris [--samples N] [--json]
  npm run sim -- optimize <scenario.json> --levers a,b,… (--budget-hours B | --min-chance P) [--outside-playbook] [--runs N] [--json] [--lang en|zh-CN]
  npm run sim -- diagnose <scenario.json> [--runs N] [--lang en|zh-CN] [--json]
  npm run sim -- frontier <scenario.json> --levers a,b,… [--points N] [--outside-playbook] [--runs N] [--json] [--csv FILE] [--lang en|zh-CN]
  npm run sim -- merge <part.json>… [--json] [--csv FILE] [--design-csv FILE]
  npm run sim -- discover <scenario.json> --levers a,b=lo:hi,… [--points N] [--runs N] [--threshold P] [--goal METRIC] [--min-coverage C] [--max-levers K] [--alpha A] [--json] [--csv FILE]

  --vary PATH=from:to:step   a numeric lever over a range; PATH=v1,v2 for options (e.g. admission.questionnaire=false,true)
  --levers a,b=lo:hi         levers to vary (default: every numeric lever, over its practical range)
  --method morris|sobol      sensitivity: Morris screening (default) or Sobol' indices (S1, ST; at most 12 levers)
  --outputs missed|all|K,…   sensitivity: the KPIs analysed (default missed: those of the goals the current
                             strategy meets in < 80 % of runs; all: every goal's; or summary keys, allGoals)
  --samples N                sensitivity: Morris trajectories (default 10) or Sobol' base samples N (default 64;
                             a power of 2 keeps the Sobol' sequence balanced)
  --design-csv FILE          sensitivity: the design for outside tools (unit coordinates, lever values, outputs per row)
  --threads N                simulation threads (default: all cores); results are identical for any N
  --shard k/n --out FILE     sweep and sensitivity: run slice k of n and write it to FILE; merge the n files
  --outside-playbook         optimize, frontier: let levers leave the playbook's guardrails (default: stay within them)
  --points N                 frontier: points on the hours–chance curve (2–30, default 10)
  --runs N                   runs per strategy (sweep default 100, sensitivity 40, optimize and frontier 80 in the last round, diagnose 60, discover 60)
  --lang en|zh-CN            diagnose, frontier: the whole report (and its progress lines) in English (default) or
                             Chinese; it fits COLUMNS (or the terminal; 100 when not a terminal), a row a block
                             when the columns would be too narrow (diagnose: also when that reads shorter).
                             optimize, sensitivity, discover: the messages about the levers (a lever this kind of
                             group does not set is refused) and, in optimize, the costs (slower answers) and the
                             playbook's floor of hours; their tables stay in English
  --json                     planning results carry the scenario itself and the app version, so they can be re-run
  --threshold P              discover: a strategy is good when every goal (or --goal METRIC) is met in at least this share of its runs (default 0.1; with --goal 0.5)`;

export function wholeNumber(flag: string, raw: string | undefined, min: number, max: number, fallback: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) throw new UserError([`command line: --${flag}: must be a whole number from ${min} to ${max} (got "${plain(raw)}")`]);
  return Number(raw);
}

export function decimal(flag: string, raw: string, min: number, max: number): number {
  if (!/^\d+(\.\d+)?$/.test(raw) || Number(raw) < min || Number(raw) > max) throw new UserError([`command line: --${flag}: must be a number from ${min} to ${max} (got "${plain(raw)}")`]);
  return Number(raw);
}

/** `--lang en|zh-CN` (default en): the language of the messages about the levers. */
export function parseLang(raw: string | undefined): Locale {
  if (raw === undefined || raw === 'en' || raw === 'zh-CN') return raw ?? 'en';
  throw new UserError([`command line: --lang must be en or zh-CN (got "${plain(raw)}")`]);
}

/** A positioning's name: "customer service" / "客户服务型". */
function positioningName(scenario: Scenario, locale: Locale): string {
  const option = ALL_FIELDS.find((f) => f.path === 'group.positioning')?.options?.find((o) => o.value === scenario.group.positioning);
  return option ? (locale === 'zh-CN' ? option.label.zh : option.label.en.toLowerCase()) : scenario.group.positioning;
}

/**
 * A lever this group's operator does not set (fields.ts `positionings`: a
 * customer-service group cannot change its founder or its inflow), refused in
 * one line naming the lever, the positioning and the levers that do apply.
 */
export function notForThisGroup(lever: Lever, scenario: Scenario, locale: Locale): string {
  const applying = leversFor(scenario).map((l) => l.path).join(locale === 'zh-CN' ? '、' : ', ');
  const group = positioningName(scenario, locale);
  const needed = lever.needs && needsMissing(lever, scenario) ? leverAt(lever.needs.path) : undefined;
  // a team points competition with the points off: it needs that lever on first, whatever the group
  if (needed) {
    return locale === 'zh-CN'
      ? `命令行：--levers：${lever.path}（${lever.label.zh}）需要先开启${needed.label.zh}（${needed.path}）：当前为关闭。适用的策略项：${applying}`
      : `command line: --levers: ${lever.path} (${lever.label.en}) needs ${needed.label.en} (${needed.path}) switched on first: it is off. Levers that apply: ${applying}`;
  }
  return locale === 'zh-CN'
    ? `命令行：--levers：${lever.path}（${lever.label.zh}）不适用于${group}群：这类群的运营者无法设置它。适用的策略项：${applying}`
    : `command line: --levers: ${lever.path} (${lever.label.en}) does not apply to a ${group} group: its operator does not set it. Levers that apply: ${applying}`;
}

/** Levers from `a,b=lo:hi,…`, narrowed where a range is given (default: every numeric lever of the scenario); a lever this group's operator does not set is refused. */
export function parseLevers(raw: string | undefined, scenario: Scenario, locale: Locale = 'en'): Lever[] {
  if (raw === undefined) return leversFor(scenario, 'numeric');
  const problems: string[] = [];
  const levers: Lever[] = [];
  for (const item of raw.split(',').filter(Boolean)) {
    const [path, range] = item.split('=');
    const lever = leverAt(path);
    if (!lever) { problems.push(`command line: --levers: "${plain(path)}" is not a lever`); continue; }
    if (!appliesToGroup(lever, scenario)) { problems.push(notForThisGroup(lever, scenario, locale)); continue; }
    if (range === undefined) { levers.push(lever); continue; }
    const [lo, hi] = range.split(':').map(Number);
    if (!isNumeric(lever) || !Number.isFinite(lo) || !Number.isFinite(hi) || lo >= hi) {
      problems.push(`command line: --levers: ${path}=${plain(range)}: write lo:hi with lo < hi (numeric levers only)`);
      continue;
    }
    levers.push({ ...lever, min: lo, max: hi });
  }
  if (!levers.length && !problems.length) problems.push('command line: --levers: name at least one lever');
  if (problems.length) throw new UserError(problems);
  return levers;
}

/** `--outputs`: missed (default), all, or a list of summary keys and allGoals. */
export function parseOutputs(raw: string | undefined): 'missed' | 'all' | Output[] {
  if (raw === undefined || raw === 'missed' || raw === 'all') return raw ?? 'missed';
  const keys = raw.split(',').filter(Boolean);
  const unknown = keys.filter((key) => key !== 'allGoals' && !(SUMMARY_KEYS as readonly string[]).includes(key));
  if (unknown.length || !keys.length) throw new UserError([`command line: --outputs: write missed, all or KPI keys (${[...SUMMARY_KEYS, 'allGoals'].join(', ')}); not ${unknown.map((k) => `"${plain(k)}"`).join(', ') || 'empty'}`]);
  return [...new Set(keys)] as Output[];
}

export async function withPool<T>(threads: number, work: (execute: Executor) => Promise<T>, onCancel: () => string = () => 'nothing was written'): Promise<T> {
  const pool = threadPool(threads);
  const interrupt = () => pool.cancel();
  process.on('SIGINT', interrupt);
  try {
    return await work(pool.execute);
  } catch (error) {
    if (!(error instanceof JobCancelled)) throw error;
    endProgressLine();
    console.error(`cancelled (Ctrl-C): ${onCancel()}`);
    throw new UserError([], 130);
  } finally {
    endProgressLine();
    process.off('SIGINT', interrupt);
    await pool.close();
  }
}

export function loadScenario(file: string | undefined, values: { runs?: string; seed?: string; days?: string }, verb: string): Scenario {
  if (!file) throw new UserError([`${verb} needs a scenario file`, PLAN_USAGE]);
  // --runs means runs per strategy here, not the scenario's ensemble size
  return withOverrides(file, readScenarioFile(file), { seed: values.seed, days: values.days });
}

