/**
 * A draft left by a tab that closed mid-write is offered on the next open:
 * "restore draft" puts it on screen (undoable), "discard" drops it; the offer
 * is shown in both languages.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DraftController } from '../../src/ui/controllers/draft-controller.ts';
import { NoticesController } from '../../src/ui/controllers/notices-controller.ts';
import { HELD_ORPHAN_MS } from '../../src/ui/storage/scenario-store.ts';
import '../../src/ui/notices-view.ts';

/** A host for the controllers, as the app shell is one. */
function host(): ReactiveControllerHost {
  const controllers: ReactiveController[] = [];
  return {
    addController: (c) => controllers.push(c),
    removeController: () => {},
    requestUpdate: () => {},
    updateComplete: Promise.resolve(true),
  };
}

/** A tab that closed while it held this draft (its IndexedDB write never finished). */
function leaveOrphan(tab: string, name: string): string {
  const key = `qunce-lab:autosave-held:${tab}`;
  localStorage.setItem(key, JSON.stringify({ draft: { schemaVersion: 2, name, runs: 77 }, heldAt: Date.now() - HELD_ORPHAN_MS - 1000 }));
  return key;
}

/** The next open of the lab, in a new tab. */
async function openTab(): Promise<DraftController> {
  sessionStorage.setItem('qunce-lab:tab', `tab-${Math.random()}`);
  const h = host();
  const edit = new DraftController(h, new NoticesController(h), () => {});
  await edit.restore();
  return edit;
}

afterEach(() => document.body.replaceChildren());

describe('a draft left by a tab closed mid-write', () => {
  it('is offered on the next open; restoring puts it on screen (undoable) and it is offered no more', async () => {
    const key = leaveOrphan('closed-mid-write', 'left mid-write');
    const edit = await openTab();
    expect(edit.orphan?.draft.name).toBe('left mid-write');
    expect(edit.draft.name).not.toBe('left mid-write');
    edit.restoreOrphan();
    expect(edit.draft).toMatchObject({ name: 'left mid-write', runs: 77 });
    expect(edit.scenario.runs).toBe(77);
    expect(edit.orphan).toBeNull();
    expect(edit.canUndo).toBe(true);
    expect(localStorage.getItem(key)).toBeNull();
    // this tab keeps it now: the next open offers nothing
    expect((await openTab()).orphan).toBeNull();
  });

  it('discarding drops it and leaves the scenario on screen', async () => {
    const key = leaveOrphan('closed-too', 'not wanted');
    const edit = await openTab();
    const before = edit.draft;
    expect(edit.orphan?.draft.name).toBe('not wanted');
    edit.discardOrphan();
    expect(edit.draft).toBe(before);
    expect(localStorage.getItem(key)).toBeNull();
    expect((await openTab()).orphan).toBeNull();
  });

  it('the offer reads in both languages and answers with the choice', async () => {
    const view = document.createElement('qc-notices');
    view.draftOffer = { name: 'My group', heldAt: Date.UTC(2026, 11, 6, 22, 0) };
    document.body.append(view);
    await view.updateComplete;
    const offer = () => view.shadowRoot!.querySelector('.offer')!;
    expect(offer().textContent).toMatch(/A tab closed before it had saved its draft “My group”/);
    expect([...offer().querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Restore draft', 'Discard']);
    view.locale = 'zh-CN';
    await view.updateComplete;
    expect(offer().textContent).toMatch(/有一个标签页在保存草稿“My group”之前关闭了/);
    expect([...offer().querySelectorAll('button')].map((b) => b.textContent)).toEqual(['恢复草稿', '丢弃']);
    const choices: string[] = [];
    view.addEventListener('draft-offer', (e) => choices.push((e as CustomEvent<string>).detail));
    // a fast double click answers once: the draft is not restored twice
    offer().querySelector<HTMLButtonElement>('button.restore')!.click();
    offer().querySelector<HTMLButtonElement>('button.restore')!.click();
    offer().querySelector<HTMLButtonElement>('button.discard')!.click();
    expect(choices).toEqual(['restore']);
    await view.updateComplete;
    expect(offer().querySelector<HTMLButtonElement>('button.restore')!.disabled).toBe(true);
    // another offer is answered afresh
    view.draftOffer = { name: 'Another', heldAt: 0 };
    await view.updateComplete;
    offer().querySelector<HTMLButtonElement>('button.discard')!.click();
    expect(choices).toEqual(['restore', 'discard']);
  });
});
