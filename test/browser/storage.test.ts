/** Browser storage in Chromium: storage that never opens is reported, not waited for. */
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.restoreAllMocks();
  vi.resetModules();
});

describe('storage', () => {
  it('gives up on storage that never opens, with a message, and works again once it does', async () => {
    // an IndexedDB whose open request never answers (as when another tab blocks an upgrade)
    const open = vi.spyOn(indexedDB, 'open').mockImplementation(() => ({}) as IDBOpenDBRequest);
    const { listScenarios, STORAGE_TIMEOUT_MS } = await import('../../src/ui/storage.ts');
    const started = performance.now();
    await expect(listScenarios()).rejects.toThrow(/did not open within 4 s/);
    expect(performance.now() - started).toBeGreaterThanOrEqual(STORAGE_TIMEOUT_MS - 50);
    open.mockRestore();
    await expect(listScenarios()).resolves.toBeInstanceOf(Array);
  }, 15_000);
});
