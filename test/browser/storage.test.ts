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

describe('held drafts', () => {
  it('a copy held by a tab that closed mid-write becomes that tab’s autosave and leaves localStorage; a fresh one is left alone', async () => {
    const { loadAutosave, HELD_ORPHAN_MS } = await import('../../src/ui/storage.ts');
    const orphan = 'qunce-lab:autosave-held:closed-tab';
    const writing = 'qunce-lab:autosave-held:busy-tab';
    const broken = 'qunce-lab:autosave-held:broken-tab';
    localStorage.setItem(orphan, JSON.stringify({ draft: { name: 'kept from a closed tab' }, heldAt: Date.now() - HELD_ORPHAN_MS - 1000 }));
    localStorage.setItem(writing, JSON.stringify({ draft: { name: 'still being written' }, heldAt: Date.now() }));
    localStorage.setItem(broken, '{not json');
    // this tab has no draft of its own: it starts from the most recent of any tab, here the adopted one
    sessionStorage.setItem('qunce-lab:tab', `test-${Math.random()}`);
    const draft = await loadAutosave();
    expect(draft).toEqual({ name: 'kept from a closed tab' });
    expect(localStorage.getItem(orphan)).toBeNull();
    expect(localStorage.getItem(broken)).toBeNull();
    expect(localStorage.getItem(writing)).not.toBeNull();
    localStorage.removeItem(writing);
  });
});
