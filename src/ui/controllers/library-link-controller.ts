/**
 * Which library entry the scenario on screen belongs to: Save puts it into
 * that entry (Save as, or no entry: a new one, and the scenario takes its
 * name); opening an entry loads it with the planning results kept with it;
 * renaming the entry renames the scenario; deleting it unlinks the scenario,
 * and undoing the delete links it again.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { scenarioText } from '../../model/text.ts';
import { langOf, type Locale } from '../../i18n/locale.ts';
import type { LibraryEntry } from '../storage/scenario-store.ts';
import type { ComparisonController } from './comparison-controller.ts';
import type { DraftController } from './draft-controller.ts';
import { renamed, type LibraryAction, type LibraryController } from './library-controller.ts';
import type { Notice, NoticesController } from './notices-controller.ts';
import type { Draft } from '../../model/scenario.ts';
import { isEdited, originsOf, PRESET_FILES, shownName as markEdited } from '../presets.ts';
import type { PlanningController } from './planning-controller.ts';

export interface LibraryLinkParts {
  readonly edit: DraftController;
  readonly library: LibraryController;
  readonly planning: PlanningController;
  readonly comparison: ComparisonController;
  readonly notices: NoticesController;
  readonly locale: () => Locale;
  /** Show the lab (an entry was opened). */
  readonly showLab: () => void;
}

export class LibraryLinkController implements ReactiveController {
  /** The entry the scenario on screen belonged to until it was deleted (Undo links it again). */
  private unlinkedByDelete: string | null = null;

  constructor(host: ReactiveControllerHost, private readonly parts: LibraryLinkParts) {
    host.addController(this);
  }

  hostConnected(): void {}

  /**
   * Save: into the entry the scenario came from or was last saved as; Save as
   * (or no such entry): a new entry, under a name no other entry has. The
   * scenario on screen then belongs to that entry (and takes its name).
   */
  async save(asNew: boolean): Promise<void> {
    const { edit, library, planning, notices } = this.parts;
    const replacements = edit.replacements;
    // a new entry takes the name the user reads (a reference scenario's Chinese name in Chinese), marked
    // when the scenario is an edited preset or entry: "the playbook followed (edited)" is saved under a new name
    const lang = langOf(this.parts.locale());
    const shownName = markEdited(scenarioText(edit.scenario, lang).name, isEdited(edit.draft, originsOf(library.entries, edit.entryId)), lang);
    const saved = await library.save(edit.draft, shownName, planning.resultsFor(edit.scenario), edit.entryId, asNew);
    if (!saved) return;
    notices.notify({ key: 'savedInLibrary', params: { name: saved.name } });
    // another scenario was opened while this one was being saved: it does not belong to the entry
    if (edit.replacements !== replacements) return;
    edit.entryId = saved.id;
    if (edit.draft.name !== saved.name) edit.set(renamed(edit.draft, saved.name), '');
  }

  async act(action: LibraryAction, entry: LibraryEntry): Promise<void> {
    const { edit, library, planning, comparison, notices } = this.parts;
    if (action === 'load') {
      library.opened(entry);
      edit.replace(structuredClone(entry.draft), '', entry.id);
      planning.restore(entry.plans);
      notices.notify(null); // a notice about the scenario that was on screen no longer holds
      this.parts.showLab();
      return;
    }
    await library.act(action, entry);
    const savedNoticeOf = (name: string) => notices.notice?.key === 'savedInLibrary' && notices.notice.params?.name === name;
    if (action === 'rename') {
      const now = library.entries.find((e) => e.id === entry.id);
      // the scenario on screen belongs to the renamed entry: it takes the new name too
      if (now && now.name !== entry.name && edit.entryId === entry.id) edit.set(renamed(edit.draft, now.name), '');
      if (now && savedNoticeOf(entry.name)) notices.notify(null);
    }
    if (action === 'remove') {
      comparison.forget(entry.id);
      // the scenario on screen no longer belongs to the deleted entry, and "saved as …" no longer holds
      if (edit.entryId === entry.id) {
        edit.entryId = null;
        this.unlinkedByDelete = entry.id;
      }
      if (savedNoticeOf(entry.name)) notices.notify(null);
    }
  }

  /**
   * A preset, the defaults or a lesson's scenario replace the one on screen:
   * an edited one is kept in the library first (as when a file is opened), and
   * the notice says where (else `otherwise`).
   */
  async replace(next: Draft, load: () => void, otherwise: Notice | null = null): Promise<void> {
    const { edit, library, notices } = this.parts;
    // an unedited preset is among PRESET_FILES, so it is not kept
    const kept = await library.keepBefore(edit.draft, next, PRESET_FILES);
    load();
    notices.notify(kept ? { key: 'keptInLibrary', params: { name: kept } } : otherwise);
  }

  async undoDelete(): Promise<void> {
    const { edit, library } = this.parts;
    const restored = await library.restoreDeleted();
    if (restored && restored.id === this.unlinkedByDelete && edit.entryId === null) edit.entryId = restored.id;
    this.unlinkedByDelete = null;
  }
}
