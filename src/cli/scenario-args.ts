/**
 * A scenario from the command line: the file read and validated, then the
 * --runs/--seed/--days flags applied and validated with the same schema, each
 * problem printed as one line naming the file or flag and what is allowed.
 */
import { makeProblem, parseScenario, type Problem, type Scenario } from '../model/scenario.ts';
import { openScenarioText } from '../model/files.ts';
import { UserError, inputName, plain, readScenarioText } from './io.ts';

/** A scenario file (`-`: standard input) read and validated. */
export function readScenarioFile(file: string): Scenario {
  const opened = openScenarioText(readScenarioText(file));
  if (!opened.ok) throw new UserError(problemLines(file, opened.problems));
  for (const notice of opened.notices) console.error(`${inputName(file)}: note: ${notice.en}`);
  return opened.scenario;
}

export function problemLines(file: string, problems: readonly Problem[]): string[] {
  return problems.map((p) => `${inputName(file)}: ${p.path || '(file)'}: ${p.en}`);
}

/** Apply --runs/--seed/--days and validate the result with the same schema as a file. */
export function withOverrides(file: string, scenario: Scenario, flags: { runs?: string; seed?: string; days?: string }): Scenario {
  const problems: Problem[] = [];
  const patch: Record<string, number> = {};
  const flagValue = (flag: string, field: string, raw: string | undefined) => {
    if (raw === undefined) return;
    // decimal digits only: Number() would also take "0x10", "1e3" or " 12 "
    if (!/^\d+$/.test(raw)) problems.push(makeProblem(`--${flag}`, `must be a whole number in decimal digits (got "${plain(raw)}")`));
    else patch[field] = Number(raw);
  };
  flagValue('runs', 'runs', flags.runs);
  flagValue('seed', 'seed', flags.seed);
  flagValue('days', 'horizonDays', flags.days);
  const parsed = parseScenario({ ...scenario, ...patch });
  const flagOf: Record<string, string> = { runs: '--runs', seed: '--seed', horizonDays: '--days' };
  const lines = problemLines('command line', problems);
  if (!parsed.ok) {
    lines.push(...parsed.problems.map((p) => (flagOf[p.path] && p.path in patch ? `command line: ${flagOf[p.path]}: ${p.en}` : `${inputName(file)}: ${p.path}: ${p.en}`)));
  }
  if (lines.length || !parsed.ok) throw new UserError(lines);
  return parsed.scenario;
}
