/**
 * The library in this browser (IndexedDB): its entries, saving the scenario on
 * screen, rename / duplicate / delete, and keeping the scenario on screen
 * before a file or link replaces it, so nothing is lost. Storage failures are
 * reported; the work stays on screen.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { parseScenario, type Draft, type Scenario } from '../../model/scenario.ts';
import { migrateScenario } from '../../model/files.ts';
import { deleteScenario, listScenarios, newId, putScenario, type LibraryEntry, type SavedPlans } from '../storage.ts';
import type { NoticesController } from './notices-controller.ts';

export type LibraryAction = 'load' | 'rename' | 'duplicate' | 'remove';

/** Names in the reader's language, for entries the lab makes itself. */
export interface LibraryNames {
  copyOf(name: string): string;
  keptBeforeOpening(name: string): string;
  askNewName(current: string): string | null;
}

export class LibraryController implements ReactiveController {
  entries: LibraryEntry[] = [];

  constructor(private readonly host: ReactiveControllerHost, private readonly notices: NoticesController, private readonly names: LibraryNames) {
    host.addController(this);
  }

  hostConnected(): void {}

  async refresh(): Promise<void> {
    try {
      // entries kept by an older version of the lab open in today's format (saved so on their next save)
      this.entries = (await listScenarios()).map((entry) => {
        const migrated = migrateScenario(entry.draft);
        return migrated.ok && migrated.value !== entry.draft ? { ...entry, draft: migrated.value } : entry;
      });
      this.host.requestUpdate();
    } catch (error) {
      this.notices.storageFailed(error);
    }
  }

  /**
   * Save the scenario on screen under its name (replacing an entry of the same
   * name), with the planning results that were run on it (`plans`).
   */
  async save(draft: Draft, name: string, plans?: SavedPlans): Promise<void> {
    const existing = this.entries.find((e) => e.name === name);
    const kept = plans && Object.keys(plans).length ? { plans: structuredClone(plans) } : {};
    await this.store({ id: existing?.id ?? newId(), name, draft: structuredClone(draft), updatedAt: Date.now(), ...kept });
  }

  /**
   * Opening a file, a link or a preset, or resetting, replaces the scenario on
   * screen; the one being edited goes to the library first (unless it is
   * already there, is one of `kept` (the presets), or is what replaces it).
   * Returns the name it was kept under.
   */
  async keepBefore(draft: Draft, shownName: string, next: Scenario | Draft, kept: readonly object[] = []): Promise<string | null> {
    const current = normalised(draft);
    if (current === normalised(next) || [...kept, ...this.entries.map((e) => e.draft)].some((d) => normalised(d) === current)) return null;
    const name = this.names.keptBeforeOpening(shownName);
    await this.store({ id: newId(), name, draft: structuredClone(draft), updatedAt: Date.now() });
    return name;
  }

  /** Rename, duplicate or delete an entry ('load' is the shell's: it changes the view). */
  async act(action: Exclude<LibraryAction, 'load'>, entry: LibraryEntry): Promise<void> {
    if (action === 'rename') {
      const name = this.names.askNewName(entry.name)?.trim();
      if (name) await this.store({ ...entry, name, draft: renamed(entry.draft, name), updatedAt: Date.now() });
    } else if (action === 'duplicate') {
      const name = this.names.copyOf(entry.name);
      await this.store({ id: newId(), name, draft: { ...structuredClone(entry.draft), name }, updatedAt: Date.now() });
    } else {
      try {
        await deleteScenario(entry.id);
      } catch (error) {
        this.notices.storageFailed(error);
      }
      await this.refresh();
    }
  }

  private async store(entry: LibraryEntry): Promise<void> {
    try {
      await putScenario(entry);
    } catch (error) {
      this.notices.storageFailed(error);
    }
    await this.refresh();
  }
}

/** A draft under a new name: its Chinese name, no longer the same name, is dropped. */
function renamed(draft: Draft, name: string): Draft {
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
