/**
 * What a CLI test prints, captured: console.log and stdout into `out`,
 * console.error into `err`, stderr (progress lines) silenced. The arrays are
 * emptied before each test and the real console is put back after it.
 */
import { afterEach, beforeEach, vi } from 'vitest';

export function captureConsole(): { readonly out: string[]; readonly err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  beforeEach(() => {
    out.length = 0;
    err.length = 0;
    vi.spyOn(console, 'log').mockImplementation((...a) => { out.push(a.join(' ')); });
    vi.spyOn(console, 'error').mockImplementation((...a) => { err.push(a.join(' ')); });
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => { out.push(String(chunk)); return true; });
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => vi.restoreAllMocks());
  return { out, err };
}
