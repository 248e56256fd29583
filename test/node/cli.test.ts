import { chmodSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { UserError, writeAtomically } from '../../src/cli/io.ts';
import { SERIES_KEYS, SUMMARY_KEYS } from '../../src/model/metrics.ts';
import { scratchDir } from './scratch.ts';
import { captureConsole } from './console-capture.ts';
import { scenarioFile } from '../scenarios.ts';

const REQUIRED_KEYS = [
  'speakingRate30d', 'weeklyParticipation', 'dailyMessages', 'effectiveRatio', 'retention30d', 'coreActiveUsers',
  'lurkerShare', 'topicResponseInWindow', 'topicResponseOutOfWindow', 'firstAnswerMinutesMedian', 'valuablePostsPerWeek',
  'members', 'teamHoursPerWeek', 'top10MessageShare', 'violations', 'ads',
];

const { out, err } = captureConsole();

const dir = scratchDir('cli');
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('npm run sim -- run', () => {
  it('prints one JSON object with every KPI, its quantiles, threshold and status', () => {
    expect(main(['run', 'scenarios/customer-service.json', '--runs', '12', '--seed', '7', '--days', '20', '--json'])).toBe(0);
    const json = JSON.parse(out.join(''));
    expect(json).toMatchObject({ scenario: expect.any(String), seed: 7, runs: 12, horizonDays: 20 });
    for (const key of REQUIRED_KEYS) {
      expect(Object.keys(json.metrics[key]), key).toEqual(expect.arrayContaining(['p10', 'p25', 'p50', 'p75', 'p90', 'threshold', 'status', 'goalMetShare']));
    }
    expect(json.metrics.firstAnswerMinutesMedian.threshold).toBe('< 15');
    expect(['pass', 'warn', 'fail']).toContain(json.metrics.firstAnswerMinutesMedian.status);
    expect(json.metrics.speakingRate30d.p50).toBeGreaterThan(0);
    expect(json.metrics.retention30d.threshold).toBeNull(); // the article's threshold is missing (§5)
  });

  it('reports every metric\'s mean and n, "no data" as null, and the hourly profile', () => {
    expect(main(['run', 'scenarios/no-operations.json', '--runs', '10', '--days', '20', '--json'])).toBe(0);
    const json = JSON.parse(out.join(''));
    for (const key of SUMMARY_KEYS) {
      expect(json.metrics[key], key).toHaveProperty('mean');
      expect(json.metrics[key].n, key).toBeGreaterThanOrEqual(0);
    }
    // a 20-day horizon leaves no first message 30 days old: no data, not 0
    expect(json.metrics.returnAfterReply).toMatchObject({ p50: null, mean: null, n: 0 });
    expect(json.metrics.silentWithinWeek.mean).toBeGreaterThanOrEqual(0);
    expect(json.hourlyProfile.p50).toHaveLength(24);
  });

  it('prints "no data" where a metric is undefined, the core-active definition, and a note for an old file', () => {
    const old = file('old.json', JSON.stringify({ schemaVersion: 1, horizonDays: 20 }));
    expect(main(['run', old, '--runs', '5'])).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/Posted again after a reply to their first message\s+no data/);
    expect(text).toMatch(/Core active users \(a core active user spoke on ≥ 4 of the last 14 days\)/);
    expect(err.join('\n')).toMatch(/old\.json: note: This scenario used schemaVersion 1; it was updated to 2/);
  });

  it('gives the same numbers for the same seed', () => {
    main(['run', 'scenarios/no-operations.json', '--runs', '8', '--json']);
    const first = out.join('');
    out.length = 0;
    main(['run', 'scenarios/no-operations.json', '--runs', '8', '--json']);
    expect(out.join('')).toBe(first);
  });

  it('prints a readable table and writes the daily quantiles as CSV', () => {
    const csv = join(dir, 'daily.csv');
    expect(main(['run', 'scenarios/knowledge-sharing.json', '--runs', '10', '--days', '14', '--csv', csv])).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/Speaking rate \(30 d\)/);
    expect(text).toMatch(/≥ 80 % \(§1\)/);
    expect(text).toMatch(/all goals met at once/);
    const rows = readFileSync(csv, 'utf8').trim().split('\n');
    expect(rows[0]).toBe('series,day,p10,p25,p50,p75,p90');
    expect(rows.length).toBe(1 + SERIES_KEYS.length * 14);
  });

  it('accepts a scenario file that starts with a UTF-8 byte-order mark', () => {
    const withBom = file('bom.json', `\uFEFF${readFileSync('scenarios/no-operations.json', 'utf8')}`);
    expect(main(['run', withBom, '--runs', '2', '--days', '5', '--json'])).toBe(0);
    expect(err).toEqual([]);
    expect(JSON.parse(out.join(''))).toMatchObject({ runs: 2, horizonDays: 5 });
  });

  it('refuses bad input with one line per problem and exit code 1, no stack trace', () => {
    const bad = file('bad.json', JSON.stringify({ schemaVersion: 1, horizonDays: 9999, population: { mix: { core: 0.5, active: 0.5, ordinary: 0.5 } }, group: { positioning: 'fun' } }).replace('{', '{"__proto__":{"a":1},'));
    expect(main(['run', bad])).toBe(1);
    expect(err.join('\n').split('\n')).toEqual([
      `${bad}: horizonDays: must be a whole number from 1 to 365 days`,
      `${bad}: group.positioning: must be one of knowledge_sharing, resource_matching, customer_service`,
      `${bad}: population.mix: shares must sum to 1 (now 1.5)`,
      `${bad}: __proto__: is not a scenario field (check the spelling; see scenario.schema.json)`,
    ]);
    expect(err.join('')).not.toMatch(/at .*\.ts:\d+/);
  });

  it('refuses broken JSON, a wrong type, a missing file and bad flags', () => {
    expect(main(['run', file('broken.json', '{"schemaVersion": 1,')])).toBe(1);
    expect(err.pop()).toMatch(/\(file\): not valid JSON/);
    expect(main(['run', file('type.json', '{"schemaVersion": 1, "runs": "many"}')])).toBe(1);
    expect(err.pop()).toMatch(/runs: must be a whole number from 1 to 10000 runs/);
    expect(main(['run', join(dir, 'missing.json')])).toBe(1);
    expect(err.pop()).toMatch(/cannot read the file \(no such file\)/);
    expect(main(['run', 'scenarios/knowledge-sharing.json', '--runs', '0', '--days', 'x'])).toBe(1);
    expect(err.join('\n')).toMatch(/--days: must be a whole number in decimal digits \(got "x"\)/);
    expect(err.join('\n')).toMatch(/--runs: must be a whole number from 1 to 10000 runs/);
    expect(main(['run', 'scenarios/knowledge-sharing.json', '--bogus'])).toBe(1);
    expect(main(['frobnicate'])).toBe(1);
  });
});

describe('npm run sim -- compare', () => {
  it('prints the differing levers and each KPI with its paired difference', () => {
    expect(main(['compare', 'scenarios/knowledge-sharing.json', 'scenarios/no-operations.json', '--runs', '30'])).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/paired comparison — 30 runs each, seed 20261126, same run indices/);
    expect(text).toMatch(/content\.postsPerWeek\s+3\s+0/);
    expect(text).not.toMatch(/^seed\s/m); // the seed is aligned, not a difference
    expect(text).not.toMatch(/^(zh\.)?(name|description)\s/m); // names and descriptions (either language) are not levers
    expect(text).toMatch(/Speaking rate \(30 d\)\s+[\d.]+ %\s+[\d.]+ %\s+−[\d.]+ % \(−[\d.]+ % … [−+]?[\d.]+ %\)/);
    expect(text).toMatch(/all goals at once/);
  });

  it('is exactly paired: a scenario compared with itself differs by zero in every run', () => {
    expect(main(['compare', 'scenarios/customer-service.json', 'scenarios/customer-service.json', '--runs', '20', '--json'])).toBe(0);
    const json = JSON.parse(out.join(''));
    expect(json.levers).toEqual([]);
    for (const [key, m] of Object.entries(json.metrics) as [string, { differences: ({ median: number; p5: number; p95: number } | null)[] }][]) {
      const d = m.differences[1];
      if (d) expect([d.median, d.p5, d.p95], key).toEqual([0, 0, 0]);
    }
  });

  it('writes the comparison as CSV and refuses bad input', () => {
    const csv = join(dir, 'compare.csv');
    expect(main(['compare', 'scenarios/knowledge-sharing.json', 'scenarios/over-marketing.json', 'scenarios/no-operations.json', '--runs', '10', '--csv', csv])).toBe(0);
    const rows = readFileSync(csv, 'utf8').trim().split('\n');
    expect(rows[0]).toBe('metric,scenario,name,median,difference_median,difference_p5,difference_p95,runs_paired');
    expect(rows.length).toBe(1 + 3 * SUMMARY_KEYS.length);
    expect(main(['compare', 'scenarios/knowledge-sharing.json'])).toBe(1);
    expect(err.join('\n')).toMatch(/compare needs 2 to 4 scenario files \(got 1\)/);
    const bad = file('bad-compare.json', '{"schemaVersion": 1, "runs": 0}');
    expect(main(['compare', 'scenarios/knowledge-sharing.json', bad])).toBe(1);
    expect(err.join('\n')).toMatch(/bad-compare\.json: runs: must be a whole number from 1 to 10000 runs/);
  });

  it('neutralises scenario names a spreadsheet would run as formulas (CSV injection)', () => {
    const base = scenarioFile('knowledge-sharing');
    const names = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(A1)', 'plain "quoted" name'];
    const files = names.map((name, k) => file(`evil-${k}.json`, JSON.stringify({ ...base, name })));
    const csv = join(dir, 'evil.csv');
    const nameCells = () => readFileSync(csv, 'utf8').split('\n').filter((r) => r.startsWith('speakingRate30d,'))
      .map((r) => /^[^,]+,[A-D],("(?:[^"]|"")*")/.exec(r)?.[1]);
    expect(main(['compare', files[0], files[1], files[2], files[3], '--runs', '2', '--csv', csv])).toBe(0);
    expect(nameCells()).toEqual([`"'=HYPERLINK(""http://x"",""y"")"`, `"'+cmd|' /C calc'!A0"`, `"'-2+3"`, `"'@SUM(A1)"`]);
    expect(main(['compare', files[4], files[0], '--runs', '2', '--csv', csv])).toBe(0);
    expect(nameCells()[0]).toBe('"plain ""quoted"" name"'); // an ordinary name is only quoted
  });
});

describe('the command line refuses what would lose or corrupt files', () => {
  const ks = 'scenarios/knowledge-sharing.json';

  it('checks the output path before running, and never overwrites an input', () => {
    const input = file('input.json', readFileSync(ks, 'utf8'));
    const before = readFileSync(input, 'utf8');
    expect(main(['run', input, '--runs', '2', '--csv', input])).toBe(1);
    expect(err).toEqual([`--csv ${input}: is an input file; write to another file`]);
    expect(readFileSync(input, 'utf8')).toBe(before);
    err.length = 0;
    expect(main(['run', ks, '--runs', '2', '--csv', join(dir, 'no-such-folder', 'out.csv')])).toBe(1);
    expect(err).toEqual([expect.stringMatching(/^--csv .*out\.csv: the folder .*no-such-folder does not exist$/)]);
    expect(out).toEqual([]); // refused before the run: nothing printed
    err.length = 0;
    expect(main(['compare', ks, input, '--runs', '2', '--csv', dir])).toBe(1);
    expect(err).toEqual([`--csv ${dir}: is a folder; name a file`]);
  });

  it('knows an input by its device and inode, not its spelling (a folder link, a file link, a hard link)', () => {
    const input = file('linked-input.json', readFileSync(ks, 'utf8'));
    const before = readFileSync(input, 'utf8');
    const folderLink = join(dir, 'folder-link');
    symlinkSync(dir, folderLink);
    const fileLink = join(dir, 'file-link.csv');
    symlinkSync(input, fileLink);
    const hardLink = join(dir, 'hard-link.csv');
    linkSync(input, hardLink);
    for (const output of [join(folderLink, 'linked-input.json'), fileLink, hardLink]) {
      err.length = 0;
      expect(main(['run', input, '--runs', '2', '--csv', output]), output).toBe(1);
      expect(err).toEqual([`--csv ${output}: is the input file ${input}; write to another file`]);
    }
    expect(main(['compare', ks, input, '--runs', '2', '--csv', join(folderLink, 'linked-input.json')])).toBe(1);
    expect(readFileSync(input, 'utf8')).toBe(before);
    expect(out).toEqual([]);
  });

  it('writes through a link to another file, keeping the link and the file\'s permissions', () => {
    const real = file('real.csv', 'old\n');
    chmodSync(real, 0o600);
    const link = join(dir, 'link-to-real.csv');
    symlinkSync(real, link);
    expect(main(['run', ks, '--runs', '2', '--days', '5', '--csv', link])).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toMatch(/^series,day,p10/);
    expect(statSync(real).mode & 0o777).toBe(0o600);
  });

  it('refuses a read-only output file or folder before the run, even as root', () => {
    const locked = file('locked.csv', 'keep me\n');
    chmodSync(locked, 0o444);
    expect(main(['run', ks, '--runs', '2', '--csv', locked])).toBe(1);
    expect(err).toEqual([`--csv ${locked}: is read-only; make it writable or write to another file`]);
    expect(readFileSync(locked, 'utf8')).toBe('keep me\n');
    const lockedFolder = join(dir, 'locked-folder');
    mkdirSync(lockedFolder, { mode: 0o555 });
    err.length = 0;
    expect(main(['run', ks, '--runs', '2', '--csv', join(lockedFolder, 'out.csv')])).toBe(1);
    expect(err).toEqual([`--csv ${join(lockedFolder, 'out.csv')}: the folder ${lockedFolder} is not writable`]);
    expect(readdirSync(lockedFolder)).toEqual([]);
    expect(out).toEqual([]); // refused before the run
  });

  it('writes the whole file or nothing, and says why in one line', () => {
    const good = file('good.csv', 'the old, good file\n');
    writeAtomically('--csv', good, 'new text\n', []);
    expect(readFileSync(good, 'utf8')).toBe('new text\n');
    const gone = join(dir, 'removed-meanwhile', 'out.csv');
    expect(() => writeAtomically('--csv', gone, 'x', [])).toThrow(UserError);
    // checked again at the moment of writing: the folder went away after the run started
    expect(() => writeAtomically('--csv', gone, 'x', [])).toThrow(/^--csv .*out\.csv: the folder .*removed-meanwhile does not exist$/);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a scenario that is not a regular file, or too large, before reading it', () => {
    expect(main(['run', dir])).toBe(1);
    expect(err).toEqual([`${dir}: not a regular file (a scenario is a .json file)`]);
    const big = file('big.json', `{"schemaVersion": 2, "name": "${'x'.repeat(1_100_000)}"}`);
    err.length = 0;
    expect(main(['run', big])).toBe(1);
    expect(err[0]).toMatch(/big\.json: file is too large \(\d+ bytes; a scenario file is at most 1 MB\)/);
  });

  it('prints the first 20 problems of a file with thousands, then how many more', () => {
    const keys = Object.fromEntries(Array.from({ length: 30_000 }, (_, i) => [`field${i}`, i]));
    const many = file('many-problems.json', JSON.stringify({ schemaVersion: 2, ...keys }));
    expect(main(['run', many])).toBe(1);
    const lines = err.join('\n').split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[0]).toBe(`${many}: field0: is not a scenario field (check the spelling; see scenario.schema.json)`);
    expect(lines[19]).toMatch(/: field19: /);
    expect(lines[20]).toBe('… and 29,980 more');
  });

  it('refuses a flag of another verb, naming the flag and the verb', () => {
    expect(main(['run', ks, '--vary', 'team.admins=1:2:1'])).toBe(1);
    expect(err).toEqual(['command line: --vary does not apply to run (run takes --runs, --seed, --days, --json, --csv)']);
    err.length = 0;
    expect(main(['compare', ks, ks, '--days', '20'])).toBe(1);
    expect(err).toEqual(['command line: --days does not apply to compare (compare takes --runs, --seed, --json, --csv)']);
    err.length = 0;
    expect(main(['compare', '-', '-'])).toBe(1); // standard input is read once
    expect(err).toEqual(['command line: - (standard input) can be read only once; give the other scenarios as files']);
    expect(out).toEqual([]);
  });

  it('takes numeric flags in decimal digits only', () => {
    for (const bad of ['0x10', '1e3', ' 12', '1.5', '']) {
      err.length = 0;
      expect(main(['run', ks, '--runs', bad]), bad).toBe(1);
      expect(err.join('\n')).toMatch(/command line: --runs: must be a whole number in decimal digits/);
    }
  });

  it('prints scenario names without escape sequences, control characters or bidi controls', () => {
    const base = JSON.parse(readFileSync(ks, 'utf8'));
    // clear the screen, a bell, a right-to-left override, an isolate, a hyperlink (OSC 8), a colour, a charset switch
    const name = 'Plan\u001b[2J\u0007 \u202eB\u2066\u2069\u200f \u001b]8;;http://x.example\u0007link\u001b]8;;\u001b\\ \u001b[1;31mred\u001b[0m\u001b(B\u009b2J';
    const evil = file('evil-name.json', JSON.stringify({ ...base, name }));
    expect(main(['run', evil, '--runs', '2'])).toBe(0);
    const printed = out.join('\n');
    expect(printed).toMatch(/^Plan B link red — knowledge_sharing/m);
    // eslint-disable-next-line no-control-regex
    expect(printed).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
  });
});
