import { copyFileSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mainAsync } from '../../src/cli/main.ts';
import { ISHIGAMI_INDICES } from '../../src/model/planning/sensitivity.ts';
import { JobCancelled, threadPool } from '../../src/cli/threads.ts';
import { tasksFor } from '../../src/model/planning/jobs.ts';
import { defaultScenario } from '../../src/model/scenario.ts';

let out: string[];
let err: string[];
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((...a) => { out.push(a.join(' ')); });
  vi.spyOn(console, 'error').mockImplementation((...a) => { err.push(a.join(' ')); });
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => { out.push(String(chunk)); return true; });
});
afterEach(() => vi.restoreAllMocks());

const dir = mkdtempSync(join(tmpdir(), 'qunce-plan-'));
const SCENARIO = 'scenarios/no-operations.json';

async function json(argv: string[]): Promise<unknown> {
  out = [];
  expect(await mainAsync(argv), err.join('\n')).toBe(0);
  return JSON.parse(out.join(''));
}

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

  it('prints the Ishigami indices within 0.04 of the analytic values', async () => {
    const result = await json(['sensitivity', '--test-function', 'ishigami', '--method', 'sobol', '--json']) as { indices: { s1: number; st: number }[] };
    result.indices.forEach((s, i) => {
      expect(Math.abs(s.s1 - ISHIGAMI_INDICES.s1[i])).toBeLessThan(0.04);
      expect(Math.abs(s.st - ISHIGAMI_INDICES.st[i])).toBeLessThan(0.04);
    });
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

describe('threads', () => {
  it('Ctrl-C (cancel) stops a job between tasks, on one thread and on two', async () => {
    for (const threads of [1, 2]) {
      const pool = threadPool(threads);
      const done: number[] = [];
      const job = pool.execute([defaultScenario()], tasksFor(1, 0, 2000, 5), (r) => done.push(r.firstRun));
      setTimeout(() => pool.cancel(), 300);
      await expect(job).rejects.toBeInstanceOf(JobCancelled);
      expect(done.length).toBeGreaterThan(0);
      expect(done.length).toBeLessThan(400);
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
  });

  it('explains a silent group and names the levers that help, in words', async () => {
    out = [];
    expect(await mainAsync(['diagnose', SCENARIO, '--runs', '20', '--threads', '2'])).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/The group fell silent/);
    expect(text).toMatch(/DMs per admin per day: 0 → \d+: .*goal met in/);
  });
});
