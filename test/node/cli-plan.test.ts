import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { mainAsync } from '../../src/cli/main.ts';
import { ISHIGAMI_INDICES } from '../../src/model/planning/test-functions.ts';
import { JobCancelled, threadPool } from '../../src/cli/threads.ts';
import { tasksFor } from '../../src/model/planning/jobs.ts';
import { defaultScenario, parseScenario } from '../../src/model/scenario.ts';
import { scratchDir } from './scratch.ts';
import { printFrontier, printGoalSeek } from '../../src/cli/seek-print.ts';
import type { GoalSeekResult } from '../../src/model/planning/goal-seek.ts';
import type { FrontierResult } from '../../src/model/planning/frontier.ts';
import { loadScenario } from '../scenarios.ts';

let out: string[];
let err: string[];
/** Progress lines on stderr (not a terminal here: a line per tenth of a job). */
let progress: string[];
/** Called with each progress line as it is written: a test can act on it (Ctrl-C after the first). */
let onProgress: (line: string) => void;
beforeEach(() => {
  out = [];
  err = [];
  progress = [];
  onProgress = () => {};
  vi.spyOn(console, 'log').mockImplementation((...a) => { out.push(a.join(' ')); });
  vi.spyOn(console, 'error').mockImplementation((...a) => { err.push(a.join(' ')); });
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => { out.push(String(chunk)); return true; });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => { progress.push(String(chunk)); onProgress(String(chunk)); return true; });
});
afterEach(() => vi.restoreAllMocks());

const dir = scratchDir('plan');
const SCENARIO = 'scenarios/no-operations.json';

async function json(argv: string[]): Promise<unknown> {
  out = [];
  expect(await mainAsync(argv), err.join('\n')).toBe(0);
  return JSON.parse(out.join(''));
}


/** Run with COLUMNS set (or unset: undefined), as a terminal of that width would have it; restored after. */
async function withColumns<T>(columns: string | undefined, work: () => Promise<T>): Promise<T> {
  const before = process.env.COLUMNS;
  if (columns === undefined) delete process.env.COLUMNS;
  else process.env.COLUMNS = columns;
  try {
    return await work();
  } finally {
    if (before === undefined) delete process.env.COLUMNS;
    else process.env.COLUMNS = before;
  }
}

/** Short Chinese words a line must not cut (the tester's "✓ 符合手 / 册", "更常达成的目 / 标", "每周推 / 广"). */
const SHORT_WORDS = ['符合手册', '目标', '次模拟', '个百分点', '百分点', '小时', '分钟', '每周推广', '达标比例', '代价', '备注', '手册', '当前策略', '诊断'];

/**
 * Where printed text cuts a short Chinese word, a number from its unit or a
 * lone character from its word across two lines: in a table's column (the
 * pieces of consecutive lines that start at the same column) or in wrapped
 * prose and blocks (the end of a line and the start of the next).
 */
function cutWords(text: string, displayWidth: (s: string) => number): string[] {
  const pieces = (line: string) => {
    const out: { col: number; text: string }[] = [];
    let col = 0;
    for (const part of line.split(/( {2,})/)) {
      if (part.trim() && !/^ +$/.test(part)) out.push({ col, text: part.trim() });
      col += displayWidth(part);
    }
    return out;
  };
  const lines = text.split('\n');
  const cuts: string[] = [];
  lines.slice(1).forEach((line, i) => {
    const [a, b] = [pieces(lines[i]), pieces(line)];
    const pairs = [...a.flatMap((f) => b.filter((g) => g.col === f.col).map((g) => [f.text, g.text])), ...(a.length && b.length ? [[a.at(-1)!.text, b[0].text]] : [])];
    for (const [f, g] of pairs) {
      const cut = SHORT_WORDS.some((w) => [...w].some((_, k) => k > 0 && f.endsWith(w.slice(0, k)) && g.startsWith(w.slice(k))))
        || (/\d$/.test(f) && /^[条篇人次天个小分名周秒]/.test(g))
        || (/[\u3400-\u9fff]$/.test(f) && /^[\u3400-\u9fff][，。；：）]*$/.test(g));
      if (cut) cuts.push(`${f} / ${g}`);
    }
  });
  return cuts;
}

/** The English words of a Chinese report, but for what the reader types (a verb, a flag) and names (KOL). */
const englishIn = (text: string) => (text.match(/[A-Za-z][A-Za-z-]*/g) ?? []).filter((w) => !['optimize', 'outside-playbook', 'KOL'].includes(w));

describe('npm run sim -- sweep / sensitivity / merge', () => {
  const sweep = ['sweep', SCENARIO, '--vary', 'content.postsPerWeek=0:4:2', '--vary2', 'admission.questionnaire', '--runs', '12', '--days', '14'];

  it('gives the same numbers on one thread and on two', async () => {
    const one = await json([...sweep, '--threads', '1', '--json']);
    const two = await json([...sweep, '--threads', '2', '--json']);
    expect(two).toEqual(one);
    expect((one as { points: unknown[] }).points).toHaveLength(6);
  });

  it('merges shards into exactly the unsplit result', async () => {
    const whole = await json([...sweep, '--threads', '1', '--json']);
    const parts = [1, 2, 3].map((k) => join(dir, `part-${k}.json`));
    for (const [k, part] of parts.entries()) {
      expect(await mainAsync([...sweep, '--threads', '1', '--shard', `${k + 1}/3`, '--out', part])).toBe(0);
    }
    expect(JSON.stringify(await json(['merge', ...parts.reverse(), '--json']))).toBe(JSON.stringify(whole));
    // a missing slice and a slice given twice are refused by name
    expect(await mainAsync(['merge', parts[0], parts[1]])).toBe(1);
    expect(err.join('\n')).toMatch(/missing slices: \d\/3/);
    err = [];
    expect(await mainAsync(['merge', parts[0], parts[0], parts[1]])).toBe(1);
    expect(err.join('\n')).toMatch(/given twice/);
  });

  it('never writes a part or a merged CSV over an input reached through a link', async () => {
    const scenario = join(dir, 'scenario.json');
    copyFileSync(SCENARIO, scenario);
    const before = readFileSync(scenario, 'utf8');
    const folderLink = join(dir, 'plan-folder-link');
    symlinkSync(dir, folderLink);
    const small = ['sweep', scenario, '--vary', 'content.postsPerWeek=0:2:2', '--runs', '2', '--days', '5', '--threads', '1'];
    expect(await mainAsync([...small, '--shard', '1/1', '--out', join(folderLink, 'scenario.json')])).toBe(1);
    expect(err).toEqual([`--out ${join(folderLink, 'scenario.json')}: is the input file ${scenario}; write to another file`]);
    expect(readFileSync(scenario, 'utf8')).toBe(before);
    const part = join(dir, 'only-part.json');
    expect(await mainAsync([...small, '--shard', '1/1', '--out', part])).toBe(0);
    const partText = readFileSync(part, 'utf8');
    err = [];
    expect(await mainAsync(['merge', part, '--csv', join(folderLink, 'only-part.json')])).toBe(1);
    expect(err).toEqual([`--csv ${join(folderLink, 'only-part.json')}: is the input file ${part}; write to another file`]);
    expect(readFileSync(part, 'utf8')).toBe(partText);
  });

  it('merges sensitivity shards too', async () => {
    const args = ['sensitivity', SCENARIO, '--method', 'morris', '--levers', 'content.postsPerWeek,team.admins=1:4', '--samples', '3', '--runs', '6', '--days', '10', '--threads', '1'];
    const whole = await json([...args, '--json']);
    const parts = [1, 2].map((k) => join(dir, `sens-${k}.json`));
    for (const [k, part] of parts.entries()) expect(await mainAsync([...args, '--shard', `${k + 1}/2`, '--out', part])).toBe(0);
    expect(await json(['merge', ...parts, '--json'])).toEqual(whole);
    expect(whole).toMatchObject({ method: 'morris', points: 9, levers: [{ path: 'content.postsPerWeek', min: 0, max: 14 }, { path: 'team.admins', min: 1, max: 4 }] });
  });

  it('writes the Sobol design and its outputs (--design-csv), also from merged shards, and the indices (--csv)', async () => {
    const args = ['sensitivity', SCENARIO, '--method', 'sobol', '--levers', 'content.postsPerWeek,team.admins=1:4', '--samples', '4', '--runs', '4', '--days', '10', '--threads', '1'];
    const [design, indices, merged] = ['design.csv', 'indices.csv', 'merged-design.csv'].map((f) => join(dir, f));
    expect(await mainAsync([...args, '--csv', indices, '--design-csv', design]), err.join('\n')).toBe(0);
    const text = out.join('\n');
    // the default outputs: the goals the current strategy misses, named with their shares
    expect(text).toMatch(/^outputs: (the KPIs of the goals met in < 80 % of runs \(current strategy, same runs: every goal met in \d+ %\): .+; --outputs all for every goal|every goal's KPI .*)$/m);
    expect(text).toMatch(new RegExp(`design written to ${design.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    const rows = readFileSync(design, 'utf8').trim().split('\n');
    expect(rows[0]).toMatch(/^row,block,sample,lever,u_content\.postsPerWeek,u_team\.admins,content\.postsPerWeek,team\.admins,/);
    expect(rows).toHaveLength(1 + 4 * 4 + 1);
    expect(rows.at(-1)).toMatch(/^,current,/);
    expect(readFileSync(indices, 'utf8').split('\n')[0]).toBe('output,lever,s1,s1_low,s1_high,st,st_low,st_high,s1_unreliable,st_unreliable');
    const parts = [1, 2].map((k) => join(dir, `sobol-${k}.json`));
    for (const [k, part] of parts.entries()) expect(await mainAsync([...args, '--shard', `${k + 1}/2`, '--out', part])).toBe(0);
    expect(await mainAsync(['merge', ...parts, '--design-csv', merged])).toBe(0);
    expect(readFileSync(merged, 'utf8')).toBe(readFileSync(design, 'utf8'));
  });

  it('analyses every goal with --outputs all, a list with --outputs a,b, and refuses an unknown output', async () => {
    const args = ['sensitivity', SCENARIO, '--levers', 'content.postsPerWeek', '--samples', '2', '--runs', '4', '--days', '10', '--threads', '1', '--json'];
    const all = await json([...args, '--outputs', 'all']) as { method: string; outputs: string[]; outputsFrom: string };
    expect(all).toMatchObject({ method: 'morris', outputsFrom: 'everyGoal' });
    expect(all.outputs.at(-1)).toBe('allGoals');
    expect(await json([...args, '--outputs', 'weeklyParticipation,allGoals'])).toMatchObject({ outputs: ['weeklyParticipation', 'allGoals'], outputsFrom: 'chosen' });
    err = [];
    expect(await mainAsync([...args, '--outputs', 'weeklyParticipation,nope'])).toBe(1);
    expect(err.join('\n')).toMatch(/^command line: --outputs: write missed, all or KPI keys \(.*weeklyParticipation.*\); not "nope"$/);
  });

  it('prints the Ishigami indices within 0.02 of the analytic values (N = 8192), and marks an unresolved index', async () => {
    const result = await json(['sensitivity', '--test-function', 'ishigami', '--method', 'sobol', '--json']) as { indices: { s1: number; st: number }[] };
    result.indices.forEach((s, i) => {
      expect(Math.abs(s.s1 - ISHIGAMI_INDICES.s1[i])).toBeLessThan(0.02);
      expect(Math.abs(s.st - ISHIGAMI_INDICES.st[i])).toBeLessThan(0.02);
    });
    out = [];
    expect(await mainAsync(['sensitivity', '--test-function', 'ishigami', '--samples', '64'])).toBe(0);
    expect(out.join('\n')).toMatch(/^x3 +-?0\.\d{3} \? /m);
    expect(out.join('\n')).toMatch(/\?: the 95 % interval is wider than the index \(and than 0\.05\): not resolved; give more base samples N \(--samples\)$/m);
  });

  it('writes the sweep CSV atomically and refuses bad flags with one line naming them', async () => {
    const csv = join(dir, 'sweep.csv');
    expect(await mainAsync([...sweep, '--threads', '1', '--csv', csv])).toBe(0);
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines[0]).toMatch(/^content\.postsPerWeek,admission\.questionnaire,valid,runs,all_goals_met_share,speakingRate30d_p10/);
    expect(lines).toHaveLength(7);
    for (const [args, pattern] of [
      [['sweep', SCENARIO, '--vary', 'content.promoPerWeek=0:99:1'], /--vary: content\.promoPerWeek: write from:to:step with 0 ≤ from ≤ to ≤ 70/],
      [['sweep', SCENARIO, '--vary', 'content.nope=1:2:1'], /"content\.nope" is not a lever/],
      [['sweep', SCENARIO, '--vary', 'content.postsPerWeek=0:2:1', '--shard', '3/2', '--out', join(dir, 'x.json')], /--shard: write k\/n/],
      [['sweep', SCENARIO, '--vary', 'content.postsPerWeek=0:2:1', '--threads', '0x2'], /--threads: must be a whole number/],
      [['optimize', SCENARIO, '--levers', 'content.postsPerWeek'], /give one of --budget-hours B/],
      [['sensitivity', SCENARIO, '--method', 'sobol'], /at most 12 levers/],
    ] as const) {
      err = [];
      expect(await mainAsync([...args]), args.join(' ')).toBe(1);
      expect(err.join('\n')).toMatch(pattern);
    }
  });
});

describe('flags that do not apply to a verb', () => {
  it('are refused in one line naming the flag, the verb and the flags it takes, before any work', async () => {
    const vary = ['--vary', 'content.postsPerWeek=0:2:1'];
    for (const [args, line] of [
      [['diagnose', SCENARIO, '--csv', join(dir, 'd.csv')], 'command line: --csv does not apply to diagnose (diagnose takes --runs, --seed, --days, --threads, --json, --lang)'],
      [['optimize', SCENARIO, '--levers', 'team.admins', '--budget-hours', '5', '--json', '--csv', join(dir, 'o.csv')], 'command line: --csv does not apply to optimize (optimize takes --runs, --seed, --days, --threads, --json, --levers, --budget-hours, --min-chance, --outside-playbook, --lang)'],
      [['frontier', SCENARIO, '--levers', 'team.admins', '--vary', 'team.admins=1:2:1'], 'command line: --vary does not apply to frontier (frontier takes --runs, --seed, --days, --threads, --json, --csv, --levers, --points, --outside-playbook, --lang)'],
      [['diagnose', SCENARIO, '--outside-playbook'], 'command line: --outside-playbook does not apply to diagnose (diagnose takes --runs, --seed, --days, --threads, --json, --lang)'],
      [['merge', join(dir, 'p.json'), '--threads', '2'], 'command line: --threads does not apply to merge (merge takes --json, --csv, --design-csv)'],
      [['sweep', SCENARIO, ...vary, '--method', 'sobol'], expect.stringMatching(/^command line: --method does not apply to sweep \(sweep takes --runs, .*, --vary, --vary2\)$/)],
      [['sweep', SCENARIO, ...vary, '--shard', '1/2', '--out', join(dir, 's.json'), '--csv', join(dir, 's.csv')], 'command line: --csv does not apply to sweep --shard (sweep --shard takes --runs, --seed, --days, --threads, --shard, --out, --vary, --vary2)'],
      [['sweep', SCENARIO, ...vary, '--out', join(dir, 's.json')], 'command line: --out applies to sweep only with --shard k/n (the slice\'s part file); the whole result goes to --json or --csv'],
      [['sensitivity', '--test-function', 'ishigami', '--runs', '5'], 'command line: --runs does not apply to sensitivity --test-function (sensitivity --test-function takes --test-function, --method, --samples, --seed, --json)'],
      [['diagnose', SCENARIO, '--frobnicate'], 'command line: --frobnicate is not a flag of diagnose (diagnose takes --runs, --seed, --days, --threads, --json, --lang)'],
    ] as const) {
      err = [];
      out = [];
      expect(await mainAsync([...args]), args.join(' ')).toBe(1);
      expect(err, args.join(' ')).toEqual([line]);
      expect(out).toEqual([]);
    }
  });
});

describe('levers a group\'s operator does not set', () => {
  it('are refused by optimize, frontier, sensitivity and discover, naming the lever, the positioning and the levers that apply, in --lang', async () => {
    const service = 'scenarios/customer-service.json';
    for (const [args, lever, group] of [
      [['optimize', service, '--levers', 'founder,team.replyMinutes', '--budget-hours', '5'], 'founder (Founder)', 'customer service'],
      [['frontier', service, '--levers', 'growth.channel'], 'growth.channel (How members join)', 'customer service'],
      [['frontier', 'scenarios/resource-matching.json', '--levers', 'growth.invitesPerDay'], 'growth.invitesPerDay (Later invitations per day)', 'resource matching'],
      [['sensitivity', service, '--levers', 'growth.inviteDays'], 'growth.inviteDays (Days with invitations)', 'customer service'],
      [['discover', service, '--levers', 'incentives.chainRewards'], 'incentives.chainRewards (Chain (接龙) rewards)', 'customer service'],
    ] as const) {
      err = [];
      out = [];
      expect(await mainAsync([...args]), args.join(' ')).toBe(1);
      expect(err, args.join(' ')).toHaveLength(1);
      expect(err[0]).toContain(`command line: --levers: ${lever} does not apply to a ${group} group: its operator does not set it. Levers that apply: `);
      expect(err[0]).toMatch(/Levers that apply: .*team\.replyMinutes/);
      expect(err[0]).not.toMatch(/Levers that apply: .*(founder|growth\.channel|growth\.invitesPerDay)/);
      expect(out).toEqual([]);
    }
    err = [];
    expect(await mainAsync(['optimize', service, '--levers', 'founder', '--budget-hours', '5', '--lang', 'zh-CN'])).toBe(1);
    expect(err).toEqual([expect.stringMatching(/^命令行：--levers：founder（创建者）不适用于客户服务型群：这类群的运营者无法设置它。适用的策略项：growth\.initialInvites、.*team\.replyMinutes/)]);
    err = [];
    expect(await mainAsync(['frontier', service, '--levers', 'team.admins', '--lang', 'fr'])).toBe(1);
    expect(err).toEqual(['command line: --lang must be en or zh-CN (got "fr")']);
  });
});

describe('npm run sim -- merge trusts nothing in a part', () => {
  const small = ['sweep', SCENARIO, '--vary', 'content.postsPerWeek=0:2:2', '--runs', '40', '--days', '5', '--threads', '1'];
  const parts = [1, 2].map((k) => join(dir, `small-${k}.json`));
  type Part = { tasks: { point: number; firstRun: number; count: number; summaries: Record<string, number | null>[] }[]; [key: string]: unknown };
  const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Part & { checksum: string };
  /** A part edited and given a matching checksum, as a careful forger (or a buggy tool) would write it. */
  const forge = (name: string, edit: (part: Part) => void, raw: (text: string) => string = (t) => t) => {
    const { checksum: _old, ...content } = read(parts[0]);
    void _old;
    edit(content);
    const text = raw(JSON.stringify(content));
    const checksum = `sha256:${createHash('sha256').update(JSON.stringify(JSON.parse(text))).digest('hex')}`;
    return file(name, `${text.slice(0, -1)},"checksum":"${checksum}"}`);
  };
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const merge = async (...files: string[]) => {
    err = [];
    out = [];
    expect(await mainAsync(['merge', ...files, '--json']), files.join(' ')).toBe(1);
    expect(out).toEqual([]);
    expect(err.join('\n')).not.toMatch(/\n\s+at /); // no stack trace
    return err.join('\n').split('\n');
  };

  beforeAll(async () => {
    const quiet = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    for (const [k, part] of parts.entries()) expect(await mainAsync([...small, '--shard', `${k + 1}/2`, '--out', part])).toBe(0);
    quiet.mockRestore();
  });

  it('merges the untouched parts', async () => {
    expect(await json(['merge', ...parts, '--json'])).toEqual(await json([...small, '--json']));
  });

  it('refuses a part changed after it was written (checksum), naming it', async () => {
    const changed = file('changed.json', readFileSync(parts[0], 'utf8').replace(/"members":(\d+)/, (_, n) => `"members":${Number(n) + 1}`));
    expect(await merge(changed, parts[1])).toEqual([`${changed}: checksum mismatch: the part was changed or damaged after it was written; run its slice again`]);
    const old = forge('old-format.json', (p) => { p.version = 1; });
    expect(await merge(old, parts[1])).toEqual([`${old}: a part of format 1; this version merges format 2 (with a checksum): run its slice again`]);
  });

  it('validates every field with the schema: finite numbers, whole indices, one summary per run, the scenario', async () => {
    const infinite = forge('infinite.json', (p) => { p.tasks[0].summaries[0].members = 7777777.5; }, (t) => t.replace('7777777.5', '1e999'));
    expect(await merge(infinite, parts[1])).toEqual([`${infinite}: tasks[0].summaries[0].members: must be a finite number or null`]);
    const types = forge('types.json', (p) => {
      p.shard = { k: 'one', n: 2 };
      p.tasks[1].firstRun = 2.5;
      (p.tasks[0].summaries[0] as Record<string, unknown>).extra = 1;
    });
    expect(await merge(types, parts[1])).toEqual([
      `${types}: shard.k: must be a whole number from 1 to 10000`,
      `${types}: tasks[0].summaries[0]: Unrecognized key: "extra"`,
      `${types}: tasks[1].firstRun: must be a whole number from 0 to 4294967295`,
    ]);
    const short = forge('short.json', (p) => { p.tasks[1].summaries.pop(); });
    expect(await merge(short, parts[1])).toEqual([`${short}: tasks[1].summaries: must hold one summary per run (count)`]);
    const scenario = forge('bad-scenario.json', (p) => { (p.scenario as Record<string, unknown>).horizonDays = 9999; });
    expect(await merge(scenario, parts[1])).toEqual([`${scenario}: scenario.horizonDays: must be a whole number from 1 to 365 days`]);
  });

  it('names each task missing, repeated or foreign to the job', async () => {
    const [first, second] = [read(parts[0]), read(parts[1])];
    expect(first.tasks.map((t) => [t.point, t.firstRun])).toEqual([[0, 0], [1, 0]]);
    expect(second.tasks.map((t) => [t.point, t.firstRun])).toEqual([[0, 20], [1, 20]]);
    const lacking = forge('lacking.json', (p) => { p.tasks.splice(1, 1); });
    expect(await merge(lacking, parts[1])).toEqual(['task 3 of 4 (strategy 2, runs 0–19) is missing (slice 1/2)']);
    const doubled = forge('doubled.json', (p) => { p.tasks.push(second.tasks[0]); });
    expect(await merge(doubled, parts[1])).toEqual([`task 2 of 4 (strategy 1, runs 20–39) is there 2 times (${doubled}, ${parts[1]})`]);
    const foreign = forge('foreign.json', (p) => { p.tasks[0] = { ...p.tasks[0], point: 5 }; });
    expect(await merge(foreign, parts[1])).toEqual([
      `${foreign}: a task that is not part of this job (strategy 6, runs 0–19)`,
      'task 1 of 4 (strategy 1, runs 0–19) is missing (slice 1/2)',
    ]);
  });

  it('refuses a device, a FIFO, a folder or an oversized file before reading it', async () => {
    const fifo = join(dir, 'part.fifo');
    execFileSync('mkfifo', [fifo]);
    const huge = join(dir, 'huge.json');
    writeFileSync(huge, '');
    truncateSync(huge, 300 * 2 ** 20); // sparse: no disk used, nothing read
    expect(await merge('/dev/zero', fifo, dir, huge)).toEqual([
      '/dev/zero: not a regular file (a part is the .json file written by --shard k/n --out)',
      `${fifo}: not a regular file (a part is the .json file written by --shard k/n --out)`,
      `${dir}: not a regular file (a part is the .json file written by --shard k/n --out)`,
      `${huge}: file is too large (${300 * 2 ** 20} bytes; a part file is at most 256 MB)`,
    ]);
    expect(await merge(file('not-json.json', '{"format": "qunce-lab-part", '), parts[1])).toEqual([expect.stringMatching(/not-json\.json: not a part file \(not JSON: .+\)$/)]);
  });
});

describe('Ctrl-C during a sweep', () => {
  /** Ctrl-C (SIGINT) as soon as the first progress line is written: after the first tenth of the job, whatever the machine's speed. */
  const interruptAtFirstProgress = () => {
    let sent = false;
    onProgress = () => {
      if (!sent) process.emit('SIGINT', 'SIGINT');
      sent = true;
    };
  };

  it('prints the finished points as JSON marked partial and writes them to F.partial.csv, the rest "not run"', async () => {
    const csv = join(dir, 'cancelled.csv');
    interruptAtFirstProgress();
    // ten points of one task each, on one thread: the first tenth is exactly the first point
    expect(await mainAsync(['sweep', SCENARIO, '--vary', 'content.postsPerWeek=0:9:1', '--runs', '20', '--days', '5', '--threads', '1', '--json', '--csv', csv])).toBe(130);
    expect(progress[0]).toMatch(/^sweep: 10 % \(20\/200 runs, [\d.]+ s\)\n$/);
    const partial = JSON.parse(out.join('')) as { partial: boolean; points: { stats: unknown; notRun?: boolean }[] };
    expect(partial.partial).toBe(true);
    expect(partial.points.map((p) => (p.stats ? 'finished' : p.notRun ? 'not run' : 'invalid'))).toEqual(['finished', ...Array(9).fill('not run')]);
    expect(existsSync(csv)).toBe(false); // the full result's name is kept for a full result
    const rows = readFileSync(join(dir, 'cancelled.partial.csv'), 'utf8').trim().split('\n');
    expect(rows.map((r) => r.split(',').slice(0, 3).join(','))).toEqual([
      'content.postsPerWeek,valid,runs', '0,true,20', ...Array.from({ length: 9 }, (_, i) => `${i + 1},not run,`),
    ]);
    expect(err).toEqual([`cancelled (Ctrl-C): 1 of 10 points finished, 9 not run; the finished points were written to ${join(dir, 'cancelled.partial.csv')}`]);
  });

  it('prints a two-lever sweep with its unfinished cells "not run", not "invalid"', async () => {
    interruptAtFirstProgress();
    expect(await mainAsync(['sweep', SCENARIO, '--vary', 'content.postsPerWeek=0:4:1', '--vary2', 'admission.questionnaire', '--runs', '20', '--days', '5', '--threads', '1'])).toBe(130);
    const text = out.join('');
    expect(text).toMatch(/"not run": cancelled before its runs finished/);
    expect(text).toMatch(/^0 posts\s+\d+ %\s+not run$/m);
    expect(text).toMatch(/^4 posts\s+not run\s+not run$/m);
    expect(text).not.toMatch(/invalid/);
    expect(err).toEqual(['cancelled (Ctrl-C): 1 of 10 points finished, 9 not run; nothing was written']);
  });
});

describe('threads', () => {
  it('Ctrl-C (cancel) stops a job between tasks, on one thread and on two', async () => {
    for (const threads of [1, 2]) {
      const pool = threadPool(threads);
      const done: number[] = [];
      // cancelled when the first task reports (an event, not a clock): no later result is taken
      const job = pool.execute([defaultScenario()], tasksFor(1, 0, 2000, 5), (r) => {
        done.push(r.firstRun);
        pool.cancel();
      });
      await expect(job).rejects.toBeInstanceOf(JobCancelled);
      expect(done).toHaveLength(1);
      await pool.close();
    }
  });
});

describe('npm run sim -- optimize / diagnose', () => {
  it('recommends a strategy within the budget and checks it on fresh runs', async () => {
    const result = await json(['optimize', SCENARIO, '--levers', 'content.postsPerWeek,activation.dmPerAdminPerDay', '--budget-hours', '10', '--runs', '10', '--days', '14', '--threads', '1', '--json']) as {
      best: { assessment: { medianCost: number } } | null; check: { runs: number; withinBudget: boolean } | null;
    };
    expect(result.best).not.toBeNull();
    expect(result.best!.assessment.medianCost).toBeLessThanOrEqual(10);
    expect(result.check!.runs).toBe(200);
    // printed, each runner-up says on how many runs its share stands (a share on fewer runs than the best's can be higher by chance)
    out = [];
    expect(await mainAsync(['optimize', SCENARIO, '--levers', 'content.postsPerWeek,activation.dmPerAdminPerDay', '--budget-hours', '10', '--runs', '10', '--days', '14', '--threads', '1'])).toBe(0);
    const lines = out.join('').split('\n');
    const from = lines.findIndex((l) => l.startsWith('runners-up'));
    expect(from).toBeGreaterThan(0);
    expect(lines[from]).toMatch(/fewer runs than the best/);
    expect(lines[from + 1]).toMatch(/^ {2}\d+ % on \d+ runs, \d+\.\d h: /);
  });

  it('stays within the playbook by default: a 3-hour budget is not met by gutting the group', async () => {
    // the tester's case: knowledge sharing on 3 team hours a week (MODEL §6 costs)
    const result = await json(['optimize', 'scenarios/knowledge-sharing.json', '--levers', 'content.postsPerWeek,activation.dmPerAdminPerDay,admission.probationDays,team.admins',
      '--budget-hours', '3', '--runs', '10', '--days', '14', '--threads', '1', '--json']) as {
      best: unknown; withinPlaybook: boolean; cheapest: { assessment: { medianCost: number }; settings: [string, number][]; breaches: unknown[] } | null;
      app: { name: string; version: string }; scenarioFile: unknown;
    };
    expect(result.withinPlaybook).toBe(true);
    expect(result.best).toBeNull();
    // the cheapest playbook strategy still posts 3 times a week, DMs silent members and keeps the 3-day probation (§1, §6, §3)
    expect(result.cheapest!.assessment.medianCost).toBeGreaterThan(3);
    expect(result.cheapest!.breaches).toEqual([]);
    const settings = Object.fromEntries(result.cheapest!.settings);
    expect(settings['content.postsPerWeek']).toBeGreaterThanOrEqual(3);
    expect(settings['activation.dmPerAdminPerDay']).toBeGreaterThanOrEqual(1);
    expect(settings['admission.probationDays']).toBe(3);
    // the owner and 3 admins (§3): hours are not saved by thinning the team
    expect(settings['team.admins']).toBe(3);
    // the file can be re-run: the app version and the scenario itself
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };
    expect(result.app).toEqual({ name: pkg.name, version: pkg.version });
    expect(parseScenario(result.scenarioFile).ok).toBe(true);
    out = [];
    expect(await mainAsync(['optimize', 'scenarios/knowledge-sharing.json', '--levers', 'content.postsPerWeek,activation.dmPerAdminPerDay', '--budget-hours', '3', '--runs', '10', '--days', '14', '--threads', '1'])).toBe(0);
    expect(out.join('\n')).toMatch(/the cheapest strategy tried that keeps to the playbook needs \d+\.\d team hours a week/);
    // a hint that is true: more levers cannot go below what the playbook holds (new-user test: "loosen the budget or tick more levers")
    const text = out.join('\n');
    expect(text).toMatch(/within the playbook no strategy tried fits 3 team hours a week: the hours go to what the playbook holds \(the owner and 3 admins \(§3\).*DMs per admin per day at least 1 \(§6\)\)\. Raise the budget to at least \d+\.\d h, or see with --outside-playbook what leaving the playbook would cost/);
    expect(text).not.toMatch(/tick more levers/);
    expect(text).toMatch(/ {2}checked on 200 fresh runs: every goal met in \d+ % \(yours\) → \d+ %; paired difference/);
    // the cheapest strategy's moves and costs, as a recommendation's
    expect(text).toMatch(/needs \d+\.\d team hours a week and meets every goal in \d+ % of runs:\n+ {2}DMs per admin per day: 2 → 1/);
    out = [];
    expect(await mainAsync(['optimize', 'scenarios/knowledge-sharing.json', '--levers', 'content.postsPerWeek,activation.dmPerAdminPerDay', '--budget-hours', '3', '--runs', '10', '--days', '14', '--threads', '1', '--lang', 'zh-CN'])).toBe(0);
    expect(out.join('\n')).toMatch(/符合手册的最省策略每周需要运营工时 [\d.]+ 小时，全部达标比例 \d+%：\n+ {2}每位管理员每日私聊：2 → 1/);
    expect(out.join('\n')).toMatch(/工时花在手册规定的事项上（群主 \+ 3 名管理员（§3）.*）。请把预算提高到至少 [\d.]+ 小时/);
  });

  it('puts the verdict first: a gain the fresh runs do not confirm is a lead, not a recommendation, with its costs, in --lang', async () => {
    const args = ['optimize', 'scenarios/knowledge-sharing.json', '--levers', 'team.replyMinutes=90:120', '--budget-hours', '100', '--runs', '10', '--days', '14', '--threads', '2'];
    const result = await json([...args, '--json']) as GoalSeekResult;
    const c = result.confirm!;
    const lead: GoalSeekResult = { ...result, confirm: { ...c, verdict: 'unclear', goals: c.goals.map((g, i) => ({ ...g, metShare: i === 1 ? [0.68, 0.6] as const : [g.metShare[0], g.metShare[0]] as const })) } };
    const scenario = loadScenario('knowledge-sharing');
    out = [];
    printGoalSeek(lead, { ...scenario, horizonDays: 14 }, 1);
    const lines = out.join('').split('\n');
    expect(lines).not.toContain('recommended changes');
    const at = lines.indexOf('Keep your strategy: no change was confirmed to do better');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(lines[at + 1]).toBe('The best lead found, not confirmed:');
    expect(lines[at + 2]).toMatch(/^ {2}Team answer time on duty: 20 minutes → (90|120) minutes \(let members answer each other first; the team steps in after\)$/);
    expect(lines[at + 3]).toMatch(/^ {2}⚠ Cost on fresh runs: Core active users met in 68% → 60% of runs/);
    out = [];
    printGoalSeek(lead, { ...scenario, horizonDays: 14 }, 1, 'zh-CN');
    const zh = out.join('').split('\n');
    const zat = zh.indexOf('保持当前策略：没有哪项调整被证实效果更好');
    expect(zh[zat + 1]).toBe('找到的最佳线索（未经证实）：');
    expect(zh[zat + 2]).toMatch(/^ {2}值班回复用时：20 分钟 → (90|120) 分钟（先让群友互相解答，团队随后补位）$/);
    expect(zh[zat + 3]).toMatch(/^ {2}⚠ 新模拟上的代价：核心活跃用户达标比例 68% → 60%/);
    expect(zh.join('\n')).toMatch(/结论：新模拟未能证实这一改进/);
  });

  it('reads a moved window as one window, says a weak best is weak, and names a held lever that leaves the playbook', async () => {
    const args = ['optimize', 'scenarios/knowledge-sharing.json', '--levers', 'team.replyMinutes=90:120', '--budget-hours', '100', '--runs', '10', '--days', '14', '--threads', '2'];
    const result = await json([...args, '--json']) as GoalSeekResult;
    const c = result.confirm!;
    // the tester's strategy: a 14:00–15:00 window and 7 promotions a week held as they are; the search moved the window's start and length
    const scenario = loadScenario('knowledge-sharing', (s) => ({ ...s, horizonDays: 14, content: { ...s.content, window: [14, 15], promoPerWeek: 7 } }));
    const moved: GoalSeekResult = {
      ...result,
      levers: [{ path: 'content.window', min: 0, max: 23, current: 14 }, { path: 'content.windowHours', min: 1, max: 4, current: 1 }],
      best: { ...result.best!, settings: [['content.window', 19], ['content.windowHours', 2]], breaches: [] },
      confirm: { ...c, verdict: 'improves', best: { ...c.best, chance: 0.23 } },
    };
    out = [];
    printGoalSeek(moved, scenario, 1);
    const en = out.join('');
    expect(en).toMatch(/\n {2}Posting window: 14:00–15:00 → 19:00–21:00\n/);
    expect(en).not.toMatch(/Posting window length/);
    expect(en).toMatch(/⚠ Even so, every goal is met at once in only 23 % of fresh runs/);
    expect(en).toMatch(/Held as you have it \(not in --levers\), and against the playbook[^]*\n {4}Promotions per week: 7 posts — against the playbook \(§4/);
    out = [];
    printGoalSeek(moved, scenario, 1, 'zh-CN');
    const zh = out.join('');
    expect(zh).toMatch(/\n {2}发布时段：14:00–15:00 → 19:00–21:00\n/);
    expect(zh).toMatch(/⚠ 即便如此，新模拟中全部目标同时达成的比例也只有 23%/);
    expect(zh).toMatch(/\n {4}每周推广：7 条——违背手册（§4/);
  });

  it('states what slower answers cost the members where the recommendation is shown, in --lang', async () => {
    // answer time 20 → 90–120 minutes: the search can only slow answers
    const args = ['optimize', 'scenarios/knowledge-sharing.json', '--levers', 'team.replyMinutes=90:120', '--budget-hours', '100', '--runs', '10', '--days', '14', '--threads', '2'];
    const result = await json([...args, '--json']) as { best: { settings: [string, number][] }; confirm: { answerMinutes: [number, number] } };
    expect(result.best.settings[0][1]).toBeGreaterThanOrEqual(90);
    // the cost shown is the confirmation's: the fresh runs that picked nothing
    const [from, to] = result.confirm.answerMinutes;
    expect(to).toBeGreaterThan(from);
    const minutes = (v: number) => `${v.toFixed(1).replace(/\.0$/, '')} min`;
    out = [];
    expect(await mainAsync(args)).toBe(0);
    const lines = out.join('').split('\n');
    // recommended when the fresh runs confirm it, else the best lead (verdict first)
    const recommended = lines.findIndex((l) => l === 'recommended changes' || l === 'The best lead found, not confirmed:');
    expect(recommended).toBeGreaterThan(0);
    // the operator's steps: 90 or 120 minutes, not 113
    expect(lines[recommended + 1]).toMatch(/^ {2}Team answer time on duty: 20 minutes → (90|120) minutes \(let members answer each other first; the team steps in after\)$/);
    expect(lines[recommended + 2]).toMatch(/^ {2}⚠ Cost on fresh runs: (.+; )?Questions wait longer: median first answer /);
    expect(lines[recommended + 2]).toContain(`Questions wait longer: median first answer ${minutes(from)} → ${minutes(to)}`);
    out = [];
    expect(await mainAsync([...args, '--lang', 'zh-CN'])).toBe(0);
    expect(out.join('')).toMatch(/⚠ 新模拟上的代价：提问等待更久：首次响应时效中位数 [\d.]+ 分钟 → [\d.]+ 分钟/);
  });

  it('draws the hours–chance frontier: fewer hours, lower chance, each point a strategy; JSON and CSV', async () => {
    const csv = join(dir, 'frontier.csv');
    const result = await json(['frontier', 'scenarios/knowledge-sharing.json', '--levers', 'team.admins,activation.dmPerAdminPerDay', '--points', '4', '--runs', '20', '--days', '14', '--threads', '2', '--json', '--csv', csv]) as {
      kind: string; points: { hours: number; chance: number; interval: [number, number]; runs: number; settings: [string, number][] }[]; current: { hours: number; chance: number };
      scenarioFile: unknown; app: { version: string };
    };
    expect(result.kind).toBe('frontier');
    expect(result.points.length).toBeGreaterThan(0);
    expect(result.points.length).toBeLessThanOrEqual(4);
    result.points.forEach((p, i) => {
      // the figures shown come from 200 fresh runs, as the goal seek's check (not the 20 runs that picked the points)
      expect(p.runs).toBe(200);
      expect(p.interval[0]).toBeLessThanOrEqual(p.chance);
      expect(p.interval[1]).toBeGreaterThanOrEqual(p.chance);
      // within the playbook: the owner and 3 admins (§3), at least 1 DM a day (§6)
      const s = Object.fromEntries(p.settings);
      expect(s['team.admins']).toBe(3);
      expect(s['activation.dmPerAdminPerDay']).toBeGreaterThanOrEqual(1);
      if (i) {
        expect(p.hours).toBeGreaterThanOrEqual(result.points[i - 1].hours);
        expect(p.chance).toBeGreaterThan(result.points[i - 1].chance);
      }
    });
    // no point of the front is beaten by the current strategy on both
    for (const p of result.points) expect(result.current.hours <= p.hours && result.current.chance > p.chance).toBe(false);
    expect(parseScenario(result.scenarioFile).ok).toBe(true);
    const rows = readFileSync(csv, 'utf8').trim().split('\n');
    expect(rows[0]).toBe('team_hours_per_week,all_goals_met_share,share_low_90,share_high_90,runs,current,against_playbook,"team.admins","activation.dmPerAdminPerDay"');
    expect(rows).toHaveLength(result.points.length + 1);
    // within the playbook, the curve's first point is the fewest hours that keep to it: said, in --lang
    const parsed = parseScenario(result.scenarioFile);
    if (!parsed.ok) throw new Error('the scenario file');
    for (const [locale, line] of [
      ['en', `within the playbook the curve starts at ${result.points[0].hours.toFixed(1)} team hours a week: no strategy tried that keeps to it needs fewer`],
      ['zh-CN', `在手册范围内，曲线的起点是每周运营工时 ${result.points[0].hours.toFixed(1)} 小时：尝试过的符合手册的策略都不少于此数`],
    ] as const) {
      out = [];
      await withColumns('100', async () => printFrontier(result as unknown as FrontierResult, parsed.scenario, 1, locale));
      // (wrapped to the terminal: compare without the line breaks)
      expect(out.join('').replace(/\s+/g, '')).toContain(line.replace(/\s+/g, ''));
    }
  });

  it('explains a silent group and names the levers that help, in words', async () => {
    out = [];
    expect(await withColumns(undefined, () => mainAsync(['diagnose', SCENARIO, '--runs', '20', '--threads', '2']))).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/The group fell silent/);
    // a lever move with its chance of meeting the goal (model v3: DMs no longer revive a silent group on their own)
    expect(text).toMatch(/what to change, best first/);
    // the remedies as the browser's table, fitted to 100 columns (not a terminal): at that width a row of eight columns
    // reads shorter as a block — the remedy's number and move, then each column's name and its cells
    expect(text).toMatch(/^#1 {2}\S.* → /m);
    expect(text).toMatch(/^ {4}Every goal at once: \d+% → \d+% \(\d+–\d+%, 20 runs\)$/m);
    expect(text).toMatch(/^ {4}Playbook: ✓ within the playbook$/m);
    expect(text).toMatch(/^ {4}Fresh runs: [✓⚠]/m);
    // under a missed goal, the move's effect on it
    expect(text).toMatch(/^ {4}This goal: /m);
    expect(text.replace(/\s+/g, ' ')).toMatch(/goal met in/);
  });
});

describe('the CLI tables fit the terminal', () => {
  it('wraps Chinese by characters (two columns each), English at spaces, never past the width', async () => {
    const { wrap, displayWidth, multiLineTable } = await import('../../src/cli/plan-print.ts');
    // between Chinese words, never inside a short one, nor between a number and its unit, nor after an opening bracket
    expect(wrap('话题响应率（时段内）2% → 75%，另有 1 个目标更常达成', 12)).toEqual(['话题响应率', '（时段内）2%', '→ 75%，另有', '1 个目标', '更常达成']);
    expect(wrap('✓ 符合手册', 8)).toEqual(['✓', '符合手册']);
    expect(wrap('更常达成的目标', 12)).toEqual(['更常达成的', '目标']);
    expect(wrap('每周推广：21 条 → 0 条', 14)).toEqual(['每周推广：', '21 条 → 0 条']);
    expect(wrap('请用 --outside-playbook 查看', 20)).toEqual(['请用', '--outside-playbook', '查看']);
    for (const line of wrap('话题响应率（时段内）2% → 75%，另有 1 个目标更常达成', 12)) expect(displayWidth(line)).toBeLessThanOrEqual(12);
    expect(wrap('goal met in 55 % → 70 % of runs', 12)).toEqual(['goal met in', '55 % → 70 %', 'of runs']);
    expect(wrap('supercalifragilistic', 8)).toEqual(['supercal', 'ifragili', 'stic']);
    expect(wrap('Effective-content ratio', 12)).toEqual(['Effective-', 'content', 'ratio']);
    const table = multiLineTable(['#', 'Move', 'Notes'], [[['1'], ['Posting window 14:00–15:00 → 19:00–21:00'], ['a long note '.repeat(12).trim()]]], 60);
    for (const line of table.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(60);
  });

  it('never cuts an English word at 100 or 80 columns; Chinese may wrap between characters; a table too narrow becomes blocks', async () => {
    const { displayWidth, multiLineTable } = await import('../../src/cli/plan-print.ts');
    // a missed goal's table as the diagnosis printed it for knowledge sharing at 100 columns ("participati" / "on" before)
    const header = ['Move (from → to)', 'This goal', 'Every goal at once', 'Goals met more often', 'Costs', 'Notes', 'Playbook', 'Fresh runs'];
    const rows = [
      [['DMs per admin per day: 2 → 3'], ['Core active users +2 (goal met in 65% → 82% of runs)'], ['28% → 42%', '(32–52%, 60 runs)'], ['Topic response (in window) 75% → 83%'], ['—'], ['—'], ['✓ within the playbook'],
        ['⚠ not confirmed (every goal at once): +13.3 pp (90% interval −1.5 to +28.2 pp includes 0), may be noise']],
      [['Weekly theme day: Thursday → Wednesday'], ['Core active users +1 (goal met in 65% → 78% of runs)'], ['28% → 37%', '(27–47%, 60 runs)'], ['—'], ['Weekly participation 90% → 85%'], ['—'], ['✓ within the playbook'],
        ['⚠ not confirmed (every goal at once): +8.3 pp (90% interval −5.9 to +22.6 pp includes 0), may be noise']],
    ];
    const words = (text: string) => text.split(/[\s─·]+/).filter((w) => w && !/^#\d+$/.test(w)).map((w) => w.replace(/:$/, '')).sort();
    // (the cells' words: a block leaves out the cells that are only "—" and gives the first column's cells as its title)
    const given = words(rows.flat(2).join(' ')).filter((w) => w !== '—');
    for (const width of [100, 80, 60]) {
      const text = multiLineTable(header, rows, width, [0, 0, 17]);
      for (const line of text.split('\n')) expect(displayWidth(line), `${width}: ${line}`).toBeLessThanOrEqual(width);
      // every word of the cells is there whole (a block names each column once per row: count the words of the rows and names)
      const shown = words(text);
      for (const word of new Set(given)) expect(shown, `${width}: "${word}"`).toContain(word);
      expect(shown.some((w) => /^(participati|on)$/.test(w))).toBe(false);
    }
    // at 160 columns the table itself fits with every word whole
    expect(multiLineTable(header, rows, 160, [0, 0, 17])).toMatch(/^Move \(from → to\)\s+This goal/);
    // at 100 columns eight columns would be a tall strip of fragments: the rows read as blocks
    expect(multiLineTable(header, rows, 100, [0, 0, 17])).toMatch(/^Weekly theme day: Thursday → Wednesday\n {4}This goal: Core active users \+1/m);
    // Chinese wraps between characters, never past the width, nothing lost
    const zhHeader = ['调整（原 → 新）', '本目标', '全部目标同时达成', '代价', '新模拟验证'];
    const zhRows = [[['每周主题讨论日：周四 → 周三'], ['核心活跃用户 +1（达标比例 65% → 78%）'], ['28% → 37%', '（27–47%，60 次模拟）'], ['周参与率 90% → 85%'], ['⚠ 未能确认（全部目标同时达成）：+8.3 个百分点（90% 区间 −5.9 至 +22.6 个百分点，含 0），可能只是噪声']]];
    const chars = (text: string) => [...text.replace(/[\s─·：]/g, '')].sort().join('');
    for (const width of [100, 80]) {
      const text = multiLineTable(zhHeader, zhRows, width);
      for (const line of text.split('\n')) expect(displayWidth(line), `${width}: ${line}`).toBeLessThanOrEqual(width);
      // (as blocks, a row's move is its title: the first column's name is not repeated)
      expect(chars(text)).toBe(chars([...(text.startsWith('─') ? zhHeader.slice(1) : zhHeader), ...zhRows.flat(2)].join('')));
    }
  });

  it('prints the diagnosis in Chinese (--lang zh-CN) within 80 columns (COLUMNS)', async () => {
    out = [];
    const { displayWidth } = await import('../../src/cli/plan-print.ts');
    expect(await withColumns('80', () => mainAsync(['diagnose', 'scenarios/knowledge-sharing.json', '--runs', '10', '--days', '30', '--threads', '2', '--lang', 'zh-CN']))).toBe(0);
    const text = out.join('');
    // the scenario's Chinese name (its zh.name), not the English one
    expect(text).toMatch(/^知识分享型——按手册运营的诊断：/);
    expect(text).toMatch(/全部目标同时达成/);
    for (const line of text.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
    expect(englishIn(text)).toEqual([]);
    expect(cutWords(text, displayWidth)).toEqual([]);
    // the progress on stderr is Chinese too
    const lines = progress.join('').trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^诊断：\d+%（\d+\/\d+ 次模拟，[\d.]+ 秒(，约剩 \d+ 秒)?）$/);
  }, 120_000);

  it('prints a diagnosis in both languages within 100 and 80 columns: breaches by their labels, Chinese words whole', async () => {
    const { displayWidth } = await import('../../src/cli/plan-print.ts');
    const { printDiagnosis } = await import('../../src/cli/plan.ts');
    const { formatMetric } = await import('../../src/model/report.ts');
    // over-marketing: the current strategy leaves the playbook on many fields, and many remedies
    const result = await json(['diagnose', 'scenarios/over-marketing.json', '--runs', '10', '--days', '30', '--threads', '2', '--json']) as Parameters<typeof printDiagnosis>[0] & { scenarioFile: unknown };
    const parsed = parseScenario(result.scenarioFile);
    if (!parsed.ok) throw new Error('the scenario file');
    expect(result.breaches.length).toBeGreaterThan(3);
    for (const locale of ['en', 'zh-CN'] as const) {
      for (const width of ['100', '80']) {
        out = [];
        await withColumns(width, async () => printDiagnosis(result, parsed.scenario, locale));
        const text = out.join('');
        for (const line of text.split('\n')) expect(displayWidth(line), `${locale} ${width}: ${line}`).toBeLessThanOrEqual(Number(width));
        // a breach names its field as the browser does, not its path in the file ("— content.window")
        expect(text).not.toMatch(/\b(admission|content|activation|incentives|penalties|team|growth|group)\.[a-zA-Z]+/);
        if (locale === 'en') {
          expect(text).toMatch(/^diagnosis of Over-marketing/);
          expect(text).toMatch(/^ {2}⚠ Qualification questionnaire: the strategy is against the playbook \(§3/m);
          continue;
        }
        expect(text).toMatch(/^过度营销——推广挤掉了内容的诊断：/);
        expect(text).toMatch(/^ {2}⚠ 入群问卷：当前策略违背手册（§3/m);
        expect(englishIn(text), `${width}`).toEqual([]);
        expect(cutWords(text, displayWidth), `${width}`).toEqual([]);
      }
    }
    expect(formatMetric('members', null, 'zh-CN')).toBe('无数据');
  }, 120_000);

  it('prints the hours–chance frontier in --lang within 100 and 80 columns (COLUMNS)', async () => {
    const { displayWidth } = await import('../../src/cli/plan-print.ts');
    const result = await json(['frontier', 'scenarios/knowledge-sharing.json', '--levers', 'content.postsPerWeek,activation.dmPerAdminPerDay,team.replyMinutes', '--points', '4', '--runs', '10', '--days', '14', '--threads', '2', '--json']) as FrontierResult & { scenarioFile: unknown };
    const parsed = parseScenario(result.scenarioFile);
    if (!parsed.ok) throw new Error('the scenario file');
    // four points, as a longer search would find them: one against the playbook, some slowing answers, the last the current strategy
    const [first] = result.points;
    const points = [0, 1, 2, 3].map((k) => ({
      ...first, hours: first.hours + k * 1.3, chance: Math.min(1, first.chance + k * 0.05), interval: [first.interval[0], Math.min(1, first.interval[1] + k * 0.05)] as const, current: k === 3,
      settings: first.settings.map(([path, v], i) => [path, k === 3 ? result.levers[i].current : k === 1 && i === 0 ? 1 : path === 'team.replyMinutes' ? 117 : v] as const),
      answerMinutes: k === 3 ? result.current.answerMinutes : 16.3,
      breaches: k === 1 ? [{ path: 'content.postsPerWeek', source: '§1', reason: { en: 'at least 3 posts a week', zh: '每周至少 3 篇' } }] : [],
    }));
    const shown = { ...result, points, pointsWanted: 10, current: { ...result.current, answerMinutes: 9 } } as unknown as FrontierResult;
    for (const locale of ['en', 'zh-CN'] as const) {
      for (const width of ['100', '80']) {
        out = [];
        await withColumns(width, async () => printFrontier(shown, parsed.scenario, 1, locale));
        const text = out.join('');
        for (const line of text.split('\n')) expect(displayWidth(line), `${locale} ${width}: ${line}`).toBeLessThanOrEqual(Number(width));
        if (locale === 'en') {
          expect(text).toMatch(/^hours–chance frontier of Knowledge sharing/);
          expect(text.replace(/\s+/g, ' ')).toMatch(/⚠ against the playbook \(§1\)/);
          continue;
        }
        expect(text).toMatch(/^知识分享型——按手册运营的工时与达标概率取舍曲线/);
        expect(text.replace(/\s+/g, '')).toMatch(/⚠提问等待更久：首次响应时效中位数9分钟→16.3分钟/);
        expect(text.replace(/\s+/g, '')).toMatch(/⚠违背手册（§1）/);
        expect(englishIn(text), `${width}`).toEqual([]);
        expect(cutWords(text, displayWidth), `${width}`).toEqual([]);
      }
    }
  }, 120_000);

  it('fits the diagnosis\' tables to 100 columns when stdout is not a terminal', async () => {
    out = [];
    const { displayWidth } = await import('../../src/cli/plan-print.ts');
    // (COLUMNS unset, as a pipe's reader would have it)
    expect(await withColumns(undefined, () => mainAsync(['diagnose', 'scenarios/knowledge-sharing.json', '--runs', '10', '--days', '30', '--threads', '2']))).toBe(0);
    const lines = out.join('\n').split('\n');
    const tableLines = lines.filter((l) => /^[─·]+/.test(l));
    expect(tableLines.length).toBeGreaterThan(0);
    // every line, the prose too (wrapped at spaces as the tables are)
    for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(100);
  }, 120_000);
});
