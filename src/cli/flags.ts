/**
 * The flags of every verb, in one table. A command line is parsed against all
 * of them (so each flag is read with its type), then a flag the verb does not
 * take is refused in one line naming the flag, the verb and the flags it takes,
 * rather than silently ignored.
 */
import { parseArgs } from 'node:util';
import { plain, UserError } from './io.ts';

const OPTIONS = {
  runs: { type: 'string' }, seed: { type: 'string' }, days: { type: 'string' }, threads: { type: 'string' },
  json: { type: 'boolean' }, csv: { type: 'string' }, shard: { type: 'string' }, out: { type: 'string' },
  vary: { type: 'string' }, vary2: { type: 'string' }, method: { type: 'string' }, levers: { type: 'string' },
  samples: { type: 'string' }, 'test-function': { type: 'string' }, 'budget-hours': { type: 'string' }, 'min-chance': { type: 'string' },
  'outside-playbook': { type: 'boolean' }, points: { type: 'string' },
  outputs: { type: 'string' }, 'design-csv': { type: 'string' },
  threshold: { type: 'string' }, alpha: { type: 'string' }, 'min-coverage': { type: 'string' }, 'max-levers': { type: 'string' }, goal: { type: 'string' },
  roster: { type: 'string' }, tz: { type: 'string' }, 'scenario-out': { type: 'string' }, positioning: { type: 'string' }, steps: { type: 'string' }, lang: { type: 'string' },
  channel: { type: 'string' },
} as const;

export type Flag = keyof typeof OPTIONS;
export type Flags = { -readonly [F in Flag]?: (typeof OPTIONS)[F]['type'] extends 'boolean' ? boolean : string };

const SHARDED: readonly Flag[] = ['runs', 'seed', 'days', 'threads', 'json', 'csv', 'shard', 'out'];

/** Each verb (and the forms of a verb that take fewer) with the flags it takes. */
export const VERB_FLAGS = {
  run: ['runs', 'seed', 'days', 'json', 'csv'],
  compare: ['runs', 'seed', 'json', 'csv'],
  sweep: [...SHARDED, 'vary', 'vary2'],
  'sweep --shard': ['runs', 'seed', 'days', 'threads', 'shard', 'out', 'vary', 'vary2'],
  sensitivity: [...SHARDED, 'method', 'levers', 'outputs', 'samples', 'design-csv', 'test-function', 'lang'],
  'sensitivity --shard': ['runs', 'seed', 'days', 'threads', 'shard', 'out', 'method', 'levers', 'outputs', 'samples', 'lang'],
  'sensitivity --test-function': ['test-function', 'method', 'samples', 'seed', 'json'],
  optimize: ['runs', 'seed', 'days', 'threads', 'json', 'levers', 'budget-hours', 'min-chance', 'outside-playbook', 'lang'],
  frontier: ['runs', 'seed', 'days', 'threads', 'json', 'csv', 'levers', 'points', 'outside-playbook', 'lang'],
  diagnose: ['runs', 'seed', 'days', 'threads', 'json', 'lang'],
  discover: ['runs', 'seed', 'days', 'threads', 'json', 'csv', 'levers', 'points', 'threshold', 'goal', 'min-coverage', 'max-levers', 'alpha', 'outside-playbook', 'lang'],
  merge: ['json', 'csv', 'design-csv'],
  import: ['roster', 'tz', 'channel', 'json', 'positioning', 'scenario-out', 'runs', 'steps', 'seed', 'lang'],
} as const satisfies Record<string, readonly Flag[]>;

export type Verb = keyof typeof VERB_FLAGS;

const takes = (verb: Verb) => `${verb} takes ${VERB_FLAGS[verb].map((f) => `--${f}`).join(', ')}`;

/** Refuse every flag given that `verb` does not take, each in one line. */
export function onlyFlagsOf(verb: Verb, values: Flags): void {
  const allowed: readonly Flag[] = VERB_FLAGS[verb];
  const extra = (Object.keys(values) as Flag[]).filter((flag) => values[flag] !== undefined && !allowed.includes(flag));
  if (extra.length) throw new UserError(extra.map((flag) => `command line: --${flag} does not apply to ${verb} (${takes(verb)})`));
}

/** A verb's command line: its flags (each checked to apply to it) and its positional arguments (`-` is stdin). */
export function parseVerb(verb: Verb, argv: readonly string[]): { values: Flags; positionals: string[] } {
  let parsed: { values: Flags; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true }) as { values: Flags; positionals: string[] };
  } catch (error) {
    const unknown = /^Unknown option '([^']+)'/.exec(error instanceof Error ? error.message : '');
    if (unknown) throw new UserError([`command line: ${plain(unknown[1])} is not a flag of ${verb} (${takes(verb)})`]);
    throw error;
  }
  onlyFlagsOf(verb, parsed.values);
  return parsed;
}
