/** House rules the repository enforces on itself: commit subjects of at most 72 characters. */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchDir } from './scratch.ts';

const dir = scratchDir('house');
const hook = (message: string) => {
  const file = join(dir, 'COMMIT_EDITMSG');
  writeFileSync(file, message);
  return spawnSync('bash', ['.githooks/commit-msg', file], { encoding: 'utf8' });
};

describe('the commit-msg hook', () => {
  it('refuses a subject over 72 characters and accepts one of 72, counting characters, not bytes', () => {
    expect(hook(`${'x'.repeat(72)}\n\nbody lines may be longer ${'y'.repeat(100)}\n`).status).toBe(0);
    const refused = hook(`${'x'.repeat(73)}\n`);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/the subject is 73 characters; at most 72/);
    // 40 Chinese characters are 120 bytes but 40 characters
    expect(hook(`${'群'.repeat(40)}\n`).status).toBe(0);
  });

  it('is installed by npm install', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.prepare).toMatch(/git config core\.hooksPath \.githooks/);
  });
});
