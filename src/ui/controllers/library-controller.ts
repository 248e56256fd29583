/**
 * The library in this browser (IndexedDB): its entries, each with an id, a
 * name and notes; saving the scenario on screen (Save updates the entry it
 * was opened from or last saved as; Save as always makes a new one; a name
 * already taken is never overwritten: the user is asked for another);
 * rename, notes, duplicate, delete (undoable until the next delete); and
 * keeping the scenario on screen before a file or link replaces it, so
 * nothing is lost. Other tabs hear of every change (BroadcastChannel) and
 * refresh; changing an entry another tab deleted is refused with a message.
 * Storage failures are reported; the work stays on screen.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { parseScenario, type Draft, type Scenario } from '../../model/scenario.ts';
import { migrateScenario } from '../../model/files.ts';
import { deleteScenario, getScenario, listScenarios, newId, putIfUnchanged, putScenario, type LibraryEntry, type SavedPlans, type UnreadableEntry } from '../storage/scenario-store.ts';
import type { NoticesController } from './notices-controller.ts';

export type LibraryAction = 'load' | 'rename' | 'notes' | 'duplicate' | 'remove';

/** Names in the reader's language, for entries the lab makes itself. */
export interface LibraryNames {
  copyOf(name: string): string;
  keptBeforeOpening(name: string): string;
  /** A scenario's name as the reader reads it (a reference scenario's Chinese name in Chinese). */
  shownName(draft: Draft): string;
  askNewName(current: string): string | null;
  /** Save as: the name of the new entry (suggested: a free one). */
  askSaveAsName(suggested: string): string | null;
  /** A name is taken: ask for another (suggested: a free one); null cancels. */
  askFreeName(taken: string, suggested: string): string | null;
  askNotes(current: string): string | null;
  /** The entry was changed in another tab since this one opened it: overwrite those changes? */
  confirmOverwrite(name: string): boolean;
}

export class LibraryController implements ReactiveController {
  entries: LibraryEntry[] = [];
  /** The entry deleted last, until it is restored or another is deleted. */
  deleted: LibraryEntry | null = null;

  constructor(private readonly host: ReactiveControllerHost, private readonly notices: NoticesController, private readonly names: LibraryNames) {
    host.addController(this);
  }

  /** Library changes made in other tabs of this browser. */
  private channel: BroadcastChannel | null = null;

  hostConnected(): void {
    if (typeof BroadcastChannel === 'undefined') return;
    this.channel = new BroadcastChannel('qunce-lab.library');
    this.channel.onmessage = () => void this.refresh();
  }

  hostDisconnected(): void {
    this.channel?.close();
    this.channel = null;
  }

  /** The entry still exists in storage (another tab may have deleted it); if not, say so and show the library as it is. */
  private async stillThere(entry: { id: string; name: string }): Promise<boolean> {
    try {
      if (await getScenario(entry.id)) return true;
    } catch (error) {
      this.notices.storageFailed(error);
      return false;
    }
    this.notices.notify({ key: 'entryGone', params: { name: entry.name } });
    await this.refresh();
    return false;
  }

  /** Damaged records in storage, skipped (left untouched) and listed. */
  unreadable: UnreadableEntry[] = [];
  /** Each entry's version (updatedAt) when this tab opened or last saved it: a save checks nothing changed since. */
  private readonly versions = new Map<string, number>();

  /** The scenario on screen now comes from this entry (as it is in storage). */
  opened(entry: LibraryEntry): void {
    this.versions.set(entry.id, entry.updatedAt);
  }

  async refresh(): Promise<void> {
    try {
      const { entries, unreadable } = await listScenarios();
      // entries kept by an older version of the lab open in today's format (saved so on their next save)
      this.entries = entries.map((entry) => {
        const migrated = migrateScenario(entry.draft);
        return migrated.ok && migrated.value !== entry.draft ? { ...entry, draft: migrated.value } : entry;
      });
      if (unreadable.length && unreadable.map((u) => u.key).join() !== this.unreadable.map((u) => u.key).join()) {
        this.notices.notify({ key: 'libraryUnreadable', params: { count: unreadable.length, list: unreadable.slice(0, 5).map((u) => `${u.key} (${u.reason})`).join(', ') } });
      }
      this.unreadable = unreadable;
      this.host.requestUpdate();
    } catch (error) {
      this.notices.storageFailed(error);
    }
  }

  /**
   * Save the scenario on screen with the planning results run on it (`plans`):
   * into entry `id` when it still exists (Save), else as a new entry (Save
   * as). A new entry never takes a name another entry has: the user is asked.
   * Returns the entry's id and name, or null when the user cancelled.
   */
  async save(draft: Draft, name: string, plans?: SavedPlans, id: string | null = null, asNew = false): Promise<{ id: string; name: string } | null> {
    const kept = plans && Object.keys(plans).length ? { plans: structuredClone(plans) } : {};
    const existing = !asNew && id ? this.entries.find((e) => e.id === id) : undefined;
    if (existing) {
      // the entry keeps its name (renamed in the library, it is not renamed back by the scenario's old one)
      const entry = { ...existing, draft: renamed(structuredClone(draft), existing.name), updatedAt: Date.now(), ...kept };
      return (await this.saveOver(entry, this.versions.get(existing.id) ?? existing.updatedAt)) ? { id: existing.id, name: existing.name } : null;
    }
    const suggested = this.entries.some((e) => e.name === name) ? this.freeName(name) : name;
    const free = this.untaken(asNew ? this.names.askSaveAsName(suggested)?.trim() ?? null : name);
    if (!free) return null;
    const entry = { id: newId(), name: free, draft: renamed(structuredClone(draft), free), updatedAt: Date.now(), ...kept };
    await this.store(entry);
    return { id: entry.id, name: free };
  }

  /** A name no other entry than `own` has: while `name` is taken, the user is asked for another (null: cancelled). */
  private untaken(name: string | null, own?: string): string | null {
    let next = name;
    while (next && this.entries.some((e) => e.name === next && e.id !== own)) next = this.names.askFreeName(next, this.freeName(next))?.trim() ?? null;
    return next || null;
  }

  /** "name (2)", "name (3)", … the first not taken. */
  private freeName(name: string): string {
    for (let k = 2; ; k++) if (!this.entries.some((e) => e.name === `${name} (${k})`)) return `${name} (${k})`;
  }

  /** Put the entry deleted last back; returns it. */
  async restoreDeleted(): Promise<LibraryEntry | null> {
    const entry = this.deleted;
    if (!entry) return null;
    this.deleted = null;
    // its name was taken meanwhile (saved again, or by another tab): it comes back as "name (2)"
    const name = this.entries.some((e) => e.name === entry.name && e.id !== entry.id) ? this.freeName(entry.name) : entry.name;
    const restored = name === entry.name ? entry : { ...entry, name, draft: renamed(entry.draft, name) };
    await this.store(restored);
    return restored;
  }

  /**
   * Opening a file, a link or a preset, or resetting, replaces the scenario on
   * screen; the one being edited goes to the library first (unless it is
   * already there, is one of `kept` (the presets), or is what replaces it).
   * Returns the name it was kept under.
   */
  async keepBefore(draft: Draft, next: Scenario | Draft, kept: readonly object[] = []): Promise<string | null> {
    const current = normalised(draft);
    if (current === normalised(next) || [...kept, ...this.entries.map((e) => e.draft)].some((d) => normalised(d) === current)) return null;
    const name = this.names.keptBeforeOpening(this.names.shownName(draft));
    await this.store({ id: newId(), name, draft: structuredClone(draft), updatedAt: Date.now() });
    return name;
  }

  /** Rename, duplicate or delete an entry ('load' is the shell's: it changes the view). */
  async act(action: Exclude<LibraryAction, 'load'>, entry: LibraryEntry): Promise<void> {
    if ((action === 'rename' || action === 'notes') && !(await this.stillThere(entry))) return;
    if (action === 'rename') {
      const name = this.untaken(this.names.askNewName(entry.name)?.trim() ?? null, entry.id);
      if (name) await this.store({ ...entry, name, draft: renamed(entry.draft, name), updatedAt: Date.now() });
    } else if (action === 'notes') {
      const notes = this.names.askNotes(entry.notes ?? '');
      if (notes !== null) await this.store({ ...entry, notes: notes.trim(), updatedAt: Date.now() });
    } else if (action === 'duplicate') {
      let name = this.names.copyOf(entry.name);
      if (this.entries.some((e) => e.name === name)) name = this.freeName(name);
      await this.store({ ...structuredClone(entry), id: newId(), name, draft: renamed(structuredClone(entry.draft), name), updatedAt: Date.now() });
    } else {
      try {
        await deleteScenario(entry.id);
        this.deleted = entry;
        this.channel?.postMessage('changed');
      } catch (error) {
        this.notices.storageFailed(error);
      }
      await this.refresh();
    }
  }

  /** Save into an existing entry if it is still the version this tab knows; changed elsewhere: ask first; deleted: say so. */
  private async saveOver(entry: LibraryEntry, expected: number): Promise<boolean> {
    try {
      let outcome = await putIfUnchanged(entry, expected);
      if (outcome.kind === 'changed' && this.names.confirmOverwrite(entry.name)) outcome = await putIfUnchanged(entry, outcome.updatedAt);
      if (outcome.kind === 'saved') {
        this.versions.set(entry.id, entry.updatedAt);
        this.channel?.postMessage('changed');
      } else {
        this.notices.notify({ key: outcome.kind === 'gone' ? 'entryGone' : 'entryChangedElsewhere', params: { name: entry.name } });
      }
      await this.refresh();
      return outcome.kind === 'saved';
    } catch (error) {
      this.notices.storageFailed(error);
      return false;
    }
  }

  private async store(entry: LibraryEntry): Promise<void> {
    try {
      await putScenario(entry);
      this.versions.set(entry.id, entry.updatedAt);
      this.channel?.postMessage('changed');
    } catch (error) {
      this.notices.storageFailed(error);
    }
    await this.refresh();
  }
}

/** A draft under a new name: its Chinese name, no longer the same name, is dropped (unchanged when the name is). */
export function renamed(draft: Draft, name: string): Draft {
  if (draft.name === name) return draft;
  const { zh, ...rest } = draft as Draft & { zh?: Record<string, unknown> };
  if (!zh || typeof zh !== 'object') return { ...rest, name };
  const keep = { ...zh };
  delete keep.name;
  return Object.keys(keep).length ? { ...rest, name, zh: keep } : { ...rest, name };
}

/** A draft as its validated scenario (defaults filled in) when it is valid, for comparing drafts. */
function normalised(draft: object): string {
  const parsed = parseScenario(draft);
  return JSON.stringify(parsed.ok ? parsed.scenario : draft);
}
