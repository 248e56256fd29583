/**
 * The scenario being edited: the draft (plain JSON, possibly invalid), its
 * problems, the last valid scenario (what runs), the preset it came from, and
 * the autosave to this browser (debounced, flushed when the page is hidden),
 * whose state the header shows, and the draft of a tab that closed mid-write,
 * offered to restore or discard.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { SCHEMA_VERSION, parseScenario, type Draft, type Problem, type Scenario } from '../../model/scenario.ts';
import { migrateScenario } from '../../model/files.ts';
import { holdDraft, loadAutosave, orphanedDraft, releaseHeldDraft, saveAutosave, settleOrphanedDraft, type OrphanedDraft } from '../storage/scenario-store.ts';
import { PRESETS, type PresetName } from '../presets.ts';
import type { NoticesController } from './notices-controller.ts';

export type AutosaveState = 'idle' | 'pending' | 'saved' | 'failed';

interface Snapshot {
  readonly draft: Draft;
  readonly preset: PresetName | '';
  readonly entryId: string | null;
}

const AUTOSAVE_MS = 300;
const ENTRY_KEY = 'qunce-lab:entry';

function storedEntryId(): string | null {
  try {
    return sessionStorage.getItem(ENTRY_KEY);
  } catch {
    return null;
  }
}

/** Edits that can be undone. */
export const HISTORY_LIMIT = 100;

export class DraftController implements ReactiveController {
  draft: Draft;
  problems: readonly Problem[] = [];
  scenario: Scenario;
  preset: PresetName | '' = 'knowledge-sharing';
  private entry: string | null = null;
  /** Counts replacements (presets, files, links, library entries, undo/redo): work started before one must not touch the new scenario. */
  replacements = 0;
  autosave: AutosaveState = 'idle';
  /** A draft held by a tab that closed before it was saved, offered until restored or discarded. */
  orphan: OrphanedDraft | null = null;
  /** Autosaves written so far in this visit (tests and tools wait on it). */
  saves = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pendingDraft: Draft | null = null;
  /** Earlier drafts (undo) and undone ones (redo), each with its preset. */
  private past: Snapshot[] = [];
  private future: Snapshot[] = [];

  /** `onValid` hears every new valid scenario (the shell re-runs the quick ensemble). */
  constructor(private readonly host: ReactiveControllerHost, private readonly notices: NoticesController, private readonly onValid: (scenario: Scenario) => void) {
    host.addController(this);
    const start = PRESETS['knowledge-sharing'].file;
    const parsed = parseScenario(start);
    if (!parsed.ok) throw new Error('reference scenario does not validate');
    this.draft = structuredClone(start) as Draft;
    this.scenario = parsed.scenario;
  }

  hostConnected(): void {
    window.addEventListener('pagehide', this.onPageHide);
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  hostDisconnected(): void {
    this.flush();
    window.removeEventListener('pagehide', this.onPageHide);
    document.removeEventListener('visibilitychange', this.onVisibility);
  }

  /** The autosaved draft of an earlier visit, if any (a storage failure is reported, not thrown). */
  async restore(): Promise<void> {
    try {
      const saved = await loadAutosave();
      const migrated = saved ? migrateScenario(saved) : null;
      if (migrated?.ok) {
        // a draft kept by an older version of the lab is brought up to date, and saved so
        this.set(migrated.value, '', { autosave: migrated.value !== saved, history: false });
        this.entry = storedEntryId();
        if (migrated.notices.length) this.notices.notify({ key: 'restoredDraft', extra: migrated.notices });
      }
      this.autosave = saved ? 'saved' : 'idle';
      const orphan = await orphanedDraft();
      // the same draft as the one on screen: nothing to offer
      if (orphan && JSON.stringify(orphan.draft) === JSON.stringify(this.draft)) settleOrphanedDraft(orphan.tab);
      else this.orphan = orphan;
      this.host.requestUpdate();
    } catch (error) {
      this.notices.storageFailed(error);
    }
  }

  /** The offered draft, brought up to today's format (what restoring it puts on screen). */
  get orphanDraft(): Draft | null {
    if (!this.orphan) return null;
    const migrated = migrateScenario(this.orphan.draft);
    return migrated.ok ? migrated.value : this.orphan.draft;
  }

  /**
   * Put the offered draft on screen (undoable, like opening a file). This tab's
   * autosave holds it at once, then the closed tab's copy goes.
   */
  restoreOrphan(): void {
    const draft = this.orphanDraft;
    if (!this.orphan || !draft) return;
    const { tab } = this.orphan;
    this.orphan = null;
    this.replace(structuredClone(draft), '');
    this.flush();
    settleOrphanedDraft(tab);
  }

  /** Drop the offered draft: the user chose to. */
  discardOrphan(): void {
    if (!this.orphan) return;
    settleOrphanedDraft(this.orphan.tab);
    this.orphan = null;
    this.host.requestUpdate();
  }

  /**
   * The library entry the draft was opened from or last saved as: "Save"
   * updates it. Kept in sessionStorage, so it survives this tab's reloads
   * (with the autosaved draft) and another tab does not take it.
   */
  get entryId(): string | null {
    return this.entry;
  }

  set entryId(id: string | null) {
    this.entry = id;
    try {
      if (id) sessionStorage.setItem(ENTRY_KEY, id);
      else sessionStorage.removeItem(ENTRY_KEY);
    } catch {
      // not kept across a reload; Save then asks for a name
    }
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** Back to the draft before the last edit (presets, files, applied recommendations included). */
  undo(): boolean {
    const previous = this.past.pop();
    if (!previous) return false;
    this.future.push(this.snapshot());
    this.replacements++;
    this.entryId = previous.entryId;
    this.set(previous.draft, previous.preset, { history: false });
    return true;
  }

  redo(): boolean {
    const next = this.future.pop();
    if (!next) return false;
    this.past.push(this.snapshot());
    this.replacements++;
    this.entryId = next.entryId;
    this.set(next.draft, next.preset, { history: false });
    return true;
  }

  /** The draft on screen becomes undoable; what was undone can no longer be redone. */
  private remember(): void {
    this.past.push(this.snapshot());
    if (this.past.length > HISTORY_LIMIT) this.past.shift();
    this.future = [];
  }

  private snapshot(): Snapshot {
    return { draft: this.draft, preset: this.preset, entryId: this.entryId };
  }

  /** Another scenario replaces the one on screen (a preset, a file, a link, a library entry): undoable like an edit. */
  replace(draft: Draft, preset: PresetName | '', entryId: string | null = null): void {
    this.replacements++;
    this.remember();
    this.entryId = entryId;
    this.set(draft, preset, { history: false });
  }

  /** A new draft: a valid one replaces the scenario that runs; an invalid one keeps the last valid. */
  set(draft: Draft, preset: PresetName | '', options: { autosave?: boolean; history?: boolean } = {}): void {
    if (options.history !== false && draft !== this.draft) this.remember();
    this.draft = draft;
    this.preset = preset;
    if (options.autosave !== false) this.scheduleAutosave(draft);
    const parsed = parseScenario(draft);
    if (parsed.ok) {
      this.problems = [];
      this.scenario = parsed.scenario;
      this.onValid(parsed.scenario);
    } else {
      this.problems = parsed.problems;
    }
    this.host.requestUpdate();
  }

  loadPreset(name: PresetName): void {
    this.replace(structuredClone(PRESETS[name].file) as Draft, name);
  }

  resetToDefaults(): void {
    this.replace({ schemaVersion: SCHEMA_VERSION }, '');
  }

  private scheduleAutosave(draft: Draft): void {
    clearTimeout(this.timer);
    this.pendingDraft = draft;
    this.autosave = 'pending';
    this.timer = setTimeout(this.flush, AUTOSAVE_MS);
  }

  /** Write a pending autosave now (also when the page is hidden or closed). */
  readonly flush = (): void => {
    clearTimeout(this.timer);
    const draft = this.pendingDraft;
    if (!draft) return;
    this.pendingDraft = null;
    holdDraft(draft);
    saveAutosave(draft).then(() => {
      if (this.pendingDraft === null) releaseHeldDraft();
      this.saves++;
      if (this.pendingDraft === null) this.autosave = 'saved';
      this.host.requestUpdate();
    }, (error: unknown) => {
      this.autosave = 'failed';
      this.notices.storageFailed(error);
    });
  };

  /**
   * The page is closing or reloading: a value still being typed (its field
   * focused, no change event yet) is committed by leaving the field, which
   * updates the draft at once; then the draft is saved.
   */
  private readonly onPageHide = (): void => {
    let focused: Element | null = document.activeElement;
    while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
    if (focused instanceof HTMLInputElement) focused.blur();
    this.flush();
  };

  private readonly onVisibility = (): void => {
    if (document.visibilityState === 'hidden') this.flush();
  };
}
