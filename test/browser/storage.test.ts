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
    const { listScenarios, STORAGE_TIMEOUT_MS } = await import('../../src/ui/storage/scenario-store.ts');
    // fake timers: the timeout is checked by advancing the clock, not by waiting
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let settled: string | null = null;
    const listing = listScenarios().then(() => 'resolved', (error: Error) => error.message);
    void listing.then((v) => { settled = v; });
    await vi.advanceTimersByTimeAsync(STORAGE_TIMEOUT_MS - 1);
    expect(settled).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(await listing).toMatch(/did not open within 4 s/);
    vi.useRealTimers();
    open.mockRestore();
    await expect(listScenarios().then((l) => l.entries)).resolves.toBeInstanceOf(Array);
  });
});

describe('the library', () => {
  const entry = (id: string, updatedAt: number) => ({ id, name: id, draft: { name: id }, updatedAt });

  it('skips and lists a damaged record, and shows the rest', async () => {
    const { listScenarios, putScenario, deleteScenario } = await import('../../src/ui/storage/scenario-store.ts');
    await putScenario(entry('good-1', 1));
    await putScenario(entry('good-2', 2));
    // damaged records, written past the library's own code
    await putScenario({ id: 'broken-draft', name: 'x', draft: 'not a scenario', updatedAt: 3 } as never);
    await putScenario({ id: 'no-date', name: 'y', draft: {} } as never);
    const { entries, unreadable } = await listScenarios();
    expect(entries.map((e) => e.id).filter((id) => id.startsWith('good'))).toEqual(['good-2', 'good-1']);
    expect(unreadable).toEqual(expect.arrayContaining([{ key: 'broken-draft', reason: 'scenario missing' }, { key: 'no-date', reason: 'date missing' }]));
    for (const id of ['good-1', 'good-2', 'broken-draft', 'no-date']) await deleteScenario(id);
  });

  it('saves over an entry only if it is the version this tab opened: never over unseen changes, never onto a deleted entry', async () => {
    const { putIfUnchanged, putScenario, getScenario, deleteScenario } = await import('../../src/ui/storage/scenario-store.ts');
    await putScenario(entry('shared', 10));
    // this tab opened version 10 and saves: fine
    expect(await putIfUnchanged({ ...entry('shared', 11), name: 'mine' }, 10)).toEqual({ kind: 'saved' });
    // another tab saved version 12 meanwhile: this tab's save of its version 11 does not overwrite it
    await putScenario({ ...entry('shared', 12), name: 'theirs' });
    expect(await putIfUnchanged({ ...entry('shared', 13), name: 'mine again' }, 11)).toEqual({ kind: 'changed', updatedAt: 12 });
    expect((await getScenario('shared'))!.name).toBe('theirs');
    // deleted in another tab: nothing is written and nothing is reported saved
    await deleteScenario('shared');
    expect(await putIfUnchanged(entry('shared', 14), 12)).toEqual({ kind: 'gone' });
    expect(await getScenario('shared')).toBeUndefined();
  });
});

describe('held drafts', () => {
  it('a copy held by a tab that closed mid-write is offered, not taken silently; a fresh one is left alone, a damaged one removed', async () => {
    const { loadAutosave, orphanedDraft, settleOrphanedDraft, HELD_ORPHAN_MS } = await import('../../src/ui/storage/scenario-store.ts');
    const orphan = 'qunce-lab:autosave-held:closed-tab';
    const writing = 'qunce-lab:autosave-held:busy-tab';
    const broken = 'qunce-lab:autosave-held:broken-tab';
    localStorage.setItem(orphan, JSON.stringify({ draft: { name: 'kept from a closed tab' }, heldAt: Date.now() - HELD_ORPHAN_MS - 1000 }));
    localStorage.setItem(writing, JSON.stringify({ draft: { name: 'still being written' }, heldAt: Date.now() }));
    localStorage.setItem(broken, '{not json');
    sessionStorage.setItem('qunce-lab:tab', `test-${Math.random()}`);
    expect(await loadAutosave()).not.toEqual({ name: 'kept from a closed tab' });
    const offered = await orphanedDraft();
    expect(offered).toMatchObject({ tab: 'closed-tab', draft: { name: 'kept from a closed tab' } });
    // ignored, it is offered again next time; settled (restored or discarded), it goes
    expect(localStorage.getItem(orphan)).not.toBeNull();
    settleOrphanedDraft(offered!.tab);
    expect(localStorage.getItem(orphan)).toBeNull();
    expect(localStorage.getItem(broken)).toBeNull();
    expect(localStorage.getItem(writing)).not.toBeNull();
    localStorage.removeItem(writing);
  });

  it('a copy whose write did finish (the tab’s autosave holds the same draft) is not offered, and goes', async () => {
    const { orphanedDraft, saveAutosave, HELD_ORPHAN_MS } = await import('../../src/ui/storage/scenario-store.ts');
    sessionStorage.setItem('qunce-lab:tab', 'finished-tab');
    await saveAutosave({ name: 'written in time' });
    sessionStorage.setItem('qunce-lab:tab', `test-${Math.random()}`);
    localStorage.setItem('qunce-lab:autosave-held:finished-tab', JSON.stringify({ draft: { name: 'written in time' }, heldAt: Date.now() - HELD_ORPHAN_MS - 1 }));
    expect(await orphanedDraft()).toBeNull();
    expect(localStorage.getItem('qunce-lab:autosave-held:finished-tab')).toBeNull();
  });
});
