/**
 * Part files: one slice of a sweep or a sensitivity job (`--shard k/n --out`),
 * read back by `merge`. A part carries a SHA-256 checksum of its content. Merge
 * trusts nothing in a part: the file must be regular and at most 256 MB (checked
 * before reading), the checksum must match, the content must fit the schema
 * (zod: whole indices, finite numbers, one summary per run), every part must be
 * a slice of the same job, and every task of the job must be there exactly once.
 * Each problem is one line naming the file, and the field or the task.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { SUMMARY_KEYS, type SummaryKey } from '../model/metrics.ts';
import { formatPath, parseScenario, type Scenario } from '../model/scenario.ts';
import { TASK_RUNS, type Task, type TaskResult } from '../model/planning/jobs.ts';
import { readRegularFile, UserError, type FileKind } from './io.ts';

export const PART_FORMAT = 'qunce-lab-part';
/** 2: with a checksum (1 had none). */
export const PART_VERSION = 2;
export const PART_FILE: FileKind = { is: 'a part is the .json file written by --shard k/n --out', limit: 'a part file is at most 256 MB', maxBytes: 256 * 2 ** 20 };
/** An upper bound on a run's share of a part file (a run's summary is about 0.9 kB of JSON). */
export const PART_BYTES_PER_RUN = 2_000;

export type JobSpec =
  | { readonly command: 'sweep'; readonly vary: readonly string[] }
  | { readonly command: 'sensitivity'; readonly method: 'morris' | 'sobol'; readonly levers: readonly string[]; readonly samples?: number; readonly outputs?: string };

export interface PartFile {
  readonly format: typeof PART_FORMAT;
  readonly version: typeof PART_VERSION;
  readonly command: JobSpec['command'];
  readonly spec: JobSpec;
  readonly scenario: Scenario;
  readonly runs: number;
  readonly shard: { readonly k: number; readonly n: number };
  readonly tasks: readonly TaskResult[];
}

const whole = (min: number, max: number) => {
  const allowed = `must be a whole number from ${min} to ${max}`;
  return z.number({ error: allowed }).int({ error: allowed }).min(min, { error: allowed }).max(max, { error: allowed });
};
const text = z.string({ error: 'must be text' }).max(1_000, { error: 'must be at most 1000 characters' });
const finiteOrNull = z.number({ error: 'must be a finite number or null' }).nullable();

const SpecSchema = z.discriminatedUnion('command', [
  z.strictObject({ command: z.literal('sweep'), vary: z.array(text).min(1).max(2) }),
  z.strictObject({ command: z.literal('sensitivity'), method: z.enum(['morris', 'sobol']), levers: z.array(text).min(1).max(1_000), samples: whole(2, 100_000).optional(), outputs: text.optional() }),
], { error: 'must be a sweep or a sensitivity job' });

const SummarySchema = z.strictObject(Object.fromEntries(SUMMARY_KEYS.map((key) => [key, finiteOrNull])) as Record<SummaryKey, typeof finiteOrNull>);

const TaskSchema = z.strictObject({
  point: whole(0, 1_000_000),
  firstRun: whole(0, 4_294_967_295),
  count: whole(1, TASK_RUNS),
  summaries: z.array(SummarySchema),
}).refine((task) => task.summaries.length === task.count, { error: 'must hold one summary per run (count)', path: ['summaries'] });

const PartSchema = z.strictObject({
  format: z.literal(PART_FORMAT),
  version: z.literal(PART_VERSION),
  command: z.enum(['sweep', 'sensitivity']),
  spec: SpecSchema,
  scenario: z.unknown(),
  runs: whole(1, 10_000),
  shard: z.strictObject({ k: whole(1, 10_000), n: whole(1, 10_000) }).refine((s) => s.k <= s.n, { error: 'k must be at most n' }),
  tasks: z.array(TaskSchema),
}).refine((part) => part.command === part.spec.command, { error: 'must be the command of the spec', path: ['command'] });

const checksumOf = (content: unknown) => `sha256:${createHash('sha256').update(JSON.stringify(content)).digest('hex')}`;

/** A part file's text: the content, then the checksum of its JSON. */
export function partText(part: PartFile): string {
  return JSON.stringify({ ...part, checksum: checksumOf(part) });
}

/** A part file read and checked: its checksum, then its schema (every problem a line naming the file and field). */
export function readPart(file: string): PartFile {
  const source = readRegularFile(file, PART_FILE);
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    throw new UserError([`${file}: not a part file (not JSON: ${error instanceof Error ? error.message : String(error)})`]);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value) || (value as { format?: unknown }).format !== PART_FORMAT) {
    throw new UserError([`${file}: not a part file written by --shard k/n --out`]);
  }
  const { checksum, ...content } = value as Record<string, unknown>;
  if (content.version !== PART_VERSION) throw new UserError([`${file}: a part of format ${JSON.stringify(content.version)}; this version merges format ${PART_VERSION} (with a checksum): run its slice again`]);
  if (checksum !== checksumOf(content)) throw new UserError([`${file}: checksum mismatch: the part was changed or damaged after it was written; run its slice again`]);
  const parsed = PartSchema.safeParse(content);
  if (!parsed.success) throw new UserError(parsed.error.issues.map((issue) => `${file}: ${formatPath(issue.path) || '(file)'}: ${issue.message}`));
  const scenario = parseScenario(parsed.data.scenario);
  if (!scenario.ok) throw new UserError(scenario.problems.map((p) => `${file}: scenario.${p.path}: ${p.en}`));
  return { ...parsed.data, spec: parsed.data.spec as JobSpec, version: PART_VERSION, scenario: scenario.scenario };
}

/** Parts of one job, each slice once and none missing. */
export function sliceProblems(files: readonly string[], parts: readonly PartFile[]): string[] {
  const identity = (p: PartFile) => JSON.stringify([p.command, p.spec, p.scenario, p.runs, p.shard.n]);
  const [first] = parts;
  const problems: string[] = [];
  parts.forEach((p, i) => { if (identity(p) !== identity(first)) problems.push(`${files[i]}: a slice of another job (scenario, levers, runs or n differ from ${files[0]})`); });
  const seen = new Map<number, string>();
  parts.forEach((p, i) => {
    if (seen.has(p.shard.k)) problems.push(`${files[i]}: slice ${p.shard.k}/${p.shard.n} given twice (also ${seen.get(p.shard.k)})`);
    seen.set(p.shard.k, files[i]);
  });
  const missing = Array.from({ length: first.shard.n }, (_, i) => i + 1).filter((k) => !seen.has(k));
  if (missing.length) problems.push(`missing slices: ${missing.map((k) => `${k}/${first.shard.n}`).join(', ')}`);
  return problems;
}

/** Every task of the job in exactly one part, and nothing else: each one missing, repeated or foreign named. */
export function taskProblems(files: readonly string[], parts: readonly PartFile[], expected: readonly Task[]): string[] {
  const runsOf = (t: Task) => `runs ${t.firstRun}–${t.firstRun + t.count - 1}`;
  const indexOf = new Map(expected.map((t, i) => [`${t.point}/${t.firstRun}/${t.count}`, i]));
  const foundIn: string[][] = expected.map(() => []);
  const problems: string[] = [];
  parts.forEach((part, f) => {
    for (const t of part.tasks) {
      const i = indexOf.get(`${t.point}/${t.firstRun}/${t.count}`);
      if (i === undefined) problems.push(`${files[f]}: a task that is not part of this job (strategy ${t.point + 1}, ${runsOf(t)})`);
      else foundIn[i].push(files[f]);
    }
  });
  const n = parts[0].shard.n;
  foundIn.forEach((where, i) => {
    const task = `task ${i + 1} of ${expected.length} (strategy ${expected[i].point + 1}, ${runsOf(expected[i])})`;
    if (!where.length) problems.push(`${task} is missing (slice ${(i % n) + 1}/${n})`);
    else if (where.length > 1) problems.push(`${task} is there ${where.length} times (${where.join(', ')})`);
  });
  return problems;
}
