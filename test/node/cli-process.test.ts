/**
 * The command line as a separate process, as a shell runs it: standard output
 * to a full device, under a file-size limit, into a pipe closed early; a
 * scenario on standard input; Ctrl-C through `npm run sim`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchDir } from './scratch.ts';

const dir = scratchDir('process');
const SIM = 'node_modules/.bin/tsx src/cli/main.ts';
const RUN = `${SIM} run scenarios/no-operations.json --runs 2 --days 5`;

/** A shell command line (bash, for pipefail and ulimit): its exit status and standard error. */
function shell(command: string): { status: number | null; stderr: string } {
  const result = spawnSync('/bin/bash', ['-c', `set -o pipefail; ${command}`], { encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

describe('every write to standard output is checked', () => {
  it('a full disk ends --json and the table with exit 1 and one line, no stack trace', () => {
    for (const flags of ['--json', '']) {
      expect(shell(`${RUN} ${flags} > /dev/full`), flags).toEqual({ status: 1, stderr: 'standard output: cannot write (ENOSPC); the output is incomplete\n' });
    }
  });

  it('a file-size limit (ulimit -f) ends --json with exit 1, not a silently cut file', () => {
    const cut = join(dir, 'cut.json');
    expect(shell(`ulimit -f 1; ${RUN} --json > ${cut}`)).toEqual({ status: 1, stderr: 'standard output: cannot write (EFBIG); the output is incomplete\n' });
    expect(() => JSON.parse(readFileSync(cut, 'utf8'))).toThrow(); // what was written is cut: the exit status says so
  });

  it('a reader that stops early (| head) ends the command quietly', () => {
    expect(shell(`${RUN} | true`)).toEqual({ status: 0, stderr: '' });
  });
});

describe('- as the scenario path', () => {
  const sim = (args: string[], input: string) => spawnSync('node_modules/.bin/tsx', ['src/cli/main.ts', ...args], { input, encoding: 'utf8' });

  it('reads the scenario from standard input', () => {
    const text = readFileSync('scenarios/no-operations.json', 'utf8');
    const piped = sim(['run', '-', '--runs', '2', '--days', '5', '--json'], text);
    expect(piped.stderr).toBe('');
    expect(piped.status).toBe(0);
    expect(JSON.parse(piped.stdout)).toMatchObject({ scenario: JSON.parse(text).name, runs: 2, horizonDays: 5 });
    const bad = sim(['run', '-'], '{"schemaVersion": 2, "horizonDays": 9999}');
    expect({ status: bad.status, stderr: bad.stderr }).toEqual({ status: 1, stderr: 'stdin: horizonDays: must be a whole number from 1 to 365 days\n' });
    const big = sim(['run', '-'], `{"name": "${'x'.repeat(1_100_000)}"}`);
    expect({ status: big.status, stderr: big.stderr }).toEqual({ status: 1, stderr: 'stdin: too large (over 1000000 bytes; a scenario file is at most 1 MB)\n' });
  });
});

describe('Ctrl-C through npm run sim', () => {
  it('reaches every process of the group and the sweep still prints the points that finished', async () => {
    // ten points, each a second or so of work on one thread: tsx (under npm) kills a child that does not answer SIGINT within 60 ms
    const child = spawn('npm', ['run', 'sim', '--', 'sweep', 'scenarios/knowledge-sharing.json', '--vary', 'content.postsPerWeek=0:9:1', '--runs', '40', '--days', '365', '--threads', '1'], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let interrupted = false;
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      // as a terminal's Ctrl-C does: SIGINT to the whole process group (npm, sh, tsx, node), after the first progress line
      if (!interrupted && /^sweep: \d+ %/m.test(stderr)) {
        interrupted = true;
        process.kill(-child.pid!, 'SIGINT');
      }
    });
    const [code, signal] = await new Promise<[number | null, string | null]>((done) => child.on('close', (c, s) => done([c, s])));
    expect(interrupted).toBe(true);
    expect(stderr).toMatch(/^cancelled \(Ctrl-C\): \d+ of 10 points finished, \d+ not run; nothing was written$/m);
    expect(stdout).toMatch(/^sweep of Knowledge sharing/m);
    expect(stdout).toMatch(/^0 posts\s+\d+ %/m); // the first tenth of the job is the first point
    expect(stdout).toMatch(/^9 posts\s+not run \(cancelled\)/m);
    // npm ends as the signal did (or passes on the CLI's 130)
    expect(signal === 'SIGINT' || code === 130, `code ${code}, signal ${signal}`).toBe(true);
  });
});
