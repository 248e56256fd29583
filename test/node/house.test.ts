/** House rules the repository enforces on itself: commit subjects of at most 72 characters; colours from one theme. */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchDir } from './scratch.ts';
import { THEME } from '../../src/theme.ts';

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

describe('the theme', () => {
  const sources = ['src/ui', 'src/charts'].flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts')).map((file) => readFileSync(join(dir, file), 'utf8')));
  const styles = sources.flatMap((text) => text.match(/css`[^`]*`/g) ?? []);

  it('components read their colours from the theme’s custom properties, each of them defined', () => {
    const used = new Set(styles.flatMap((css) => [...css.matchAll(/var\(--qc-([a-z-]+)/g)].map((m) => m[1])));
    expect([...used].filter((name) => !(name in THEME))).toEqual([]);
    // no fallback literal beside a property: the theme is the one place of a colour
    expect(styles.filter((css) => /var\(--qc-[a-z-]+,/.test(css))).toEqual([]);
  });

  it('no colour literal stands three times or more in the components’ styles', () => {
    const counts = new Map<string, number>();
    for (const css of styles) for (const hex of css.match(/#[0-9a-f]{3,6}\b/gi) ?? []) counts.set(hex.toLowerCase(), (counts.get(hex.toLowerCase()) ?? 0) + 1);
    expect([...counts].filter(([, n]) => n >= 3).map(([hex]) => hex)).toEqual([]);
  });
});
