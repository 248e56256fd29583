import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mainAsync } from '../../src/cli/main.ts';
import { captureConsole } from './console-capture.ts';
import { scratchDir } from './scratch.ts';

const { out, err } = captureConsole();

const dir = scratchDir('discover');
const SCENARIO = 'scenarios/knowledge-sharing.json';
/** Small on purpose: 16 strategies × 6 runs of 14 days. */
const SMALL = ['discover', SCENARIO, '--levers', 'content.promoPerWeek,admission.questionnaire', '--points', '16', '--runs', '6', '--days', '14'];

interface DiscoverJson {
  kind: string;
  target: string;
  rule: { en: string; zh: string };
  discovery: { points: number; good: number; threshold: number; trajectory: { coverage: number; density: number }[]; outcome: string };
  design: { requested: number; points: { settings: [string, number][]; runs: number; allGoalsMetShare: number }[] };
}

async function json(argv: string[]): Promise<DiscoverJson> {
  out.length = 0;
  expect(await mainAsync(argv), err.join('\n')).toBe(0);
  return JSON.parse(out.join('')) as DiscoverJson;
}

describe('npm run sim -- discover', () => {
  it('gives the same design and rule on one thread and on two', async () => {
    const one = await json([...SMALL, '--outside-playbook', '--threads', '1', '--json']);
    const two = await json([...SMALL, '--outside-playbook', '--threads', '2', '--json']);
    expect(two).toEqual(one);
    expect(one.kind).toBe('discovery');
    expect(one.target).toBe('allGoals');
    expect(one.design.requested).toBe(16);
    expect(one.design.points.length).toBeGreaterThan(8);
    for (const p of one.design.points) {
      expect(p.runs).toBe(6);
      expect(p.settings.map(([path]) => path)).toEqual(['content.promoPerWeek', 'admission.questionnaire']);
    }
    // the default threshold: the design's top quarter, never below 25 %; the counts agree with the design
    const shares = one.design.points.map((p) => p.allGoalsMetShare).sort((a, b) => a - b);
    expect(one.discovery.threshold).toBe(Math.max(0.25, Math.ceil(shares[Math.floor(0.75 * (shares.length - 1))] * 100 - 1e-9) / 100));
    expect(one.discovery.points).toBe(one.design.points.length);
    expect(one.discovery.good).toBe(one.design.points.filter((p) => p.allGoalsMetShare >= one.discovery.threshold).length);
    expect(one.discovery.trajectory[0].coverage).toBe(one.discovery.good ? 1 : 0);
    expect(one.rule.en).not.toBe('');
    expect(one.rule.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('samples within the playbook by default: promotions stay at most 1 a week', async () => {
    const within = await json([...SMALL, '--threads', '2', '--json']);
    expect(within.design.points.every((p) => p.settings[0][1] <= 1)).toBe(true);
    expect(within.rule.en).not.toMatch(/Promotions per week (≥ ?[2-9]|[2-9]–)/);
  });

  it('prints the rule, the trajectory and what coverage and density mean; --goal judges one goal', async () => {
    out.length = 0;
    expect(await mainAsync([...SMALL, '--threads', '1', '--goal', 'weeklyParticipation', '--threshold', '0.5'])).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/^scenario discovery on Knowledge sharing — the playbook followed — \d+ strategies \(a Latin hypercube of 16 over 2 levers, seed 20261126/);
    expect(text).toMatch(/a strategy is good when Weekly participation > 60 % is met in ≥ 50 % of its runs: \d+ of \d+ are/);
    expect(text).toMatch(/peeling trajectory \(α = 0\.05/);
    expect(text).toMatch(/^box\s+levers\s+coverage\s+density\s+points\s+mean share\s+ranges$/m);
    // each box of the trajectory with its ranges, not only how many levers it restricts
    expect(text).toMatch(/^[ *]0\s+0\s+100 %.*every strategy \(no restriction\)$/m);
    expect(text).toMatch(/coverage: the share of the good strategies inside the box; density: the share of the strategies inside the box that are good/);
  });

  it('writes one CSV row per strategy, with good and in-box', async () => {
    const csv = join(dir, 'design.csv');
    const result = await json([...SMALL, '--threads', '1', '--json', '--csv', csv]);
    const [header, ...rows] = readFileSync(csv, 'utf8').trim().split('\n');
    expect(header).toBe('content.promoPerWeek,admission.questionnaire,runs,all_goals_met_share,good,in_box');
    expect(rows).toHaveLength(result.design.points.length);
    rows.forEach((row, i) => {
      const cells = row.split(',');
      expect(Number(cells[3])).toBe(result.design.points[i].allGoalsMetShare);
      expect(cells[4]).toBe(String(result.design.points[i].allGoalsMetShare >= 0.1));
      expect(['true', 'false']).toContain(cells[5]);
    });
  });

  it('refuses bad flags with one line naming the flag and what is allowed, before any work', async () => {
    for (const [args, line] of [
      [['--threshold', '1.5'], 'command line: --threshold: must be a number from 0.01 to 1 (got "1.5")'],
      [['--threshold', 'high'], 'command line: --threshold: must be a number from 0.01 to 1 (got "high")'],
      [['--points', '5'], 'command line: --points: must be a whole number from 10 to 2000 (got "5")'],
      [['--alpha', '0.9'], 'command line: --alpha: must be a number from 0.01 to 0.5 (got "0.9")'],
      [['--min-coverage', '2'], 'command line: --min-coverage: must be a number from 0 to 1 (got "2")'],
      [['--max-levers', '0'], 'command line: --max-levers: must be a whole number from 1 to 12 (got "0")'],
      [['--goal', 'members'], 'command line: --goal: "members" is not a goal of this scenario (its goals: speakingRate30d, coreActiveUsers, weeklyParticipation, effectiveRatio, dailyMessages, valuablePostsPerWeek, topicResponseInWindow, lurkerShare; leave --goal out for every goal at once)'],
      [['--vary', 'content.window=8:22:1'], expect.stringMatching(/^command line: --vary does not apply to discover \(discover takes --runs, --seed, --days, --threads, --json, --csv, --levers, --points, --threshold, --goal, --min-coverage, --max-levers, --alpha, --outside-playbook, --lang\)$/)],
    ] as const) {
      err.length = 0;
      out.length = 0;
      expect(await mainAsync([...SMALL, ...args]), args.join(' ')).toBe(1);
      expect(err, args.join(' ')).toEqual([line]);
      expect(out).toEqual([]);
    }
    for (const [args, line] of [
      [['discover', SCENARIO], 'command line: discover needs --levers a,b,… (the levers to sample; at most 12)'],
      [['discover', SCENARIO, '--levers', 'content.nope'], 'command line: --levers: "content.nope" is not a lever'],
    ] as const) {
      err.length = 0;
      expect(await mainAsync([...args]), args.join(' ')).toBe(1);
      expect(err).toEqual([line]);
    }
  });
});
