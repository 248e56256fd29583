/**
 * The browser library (IndexedDB): saved scenarios, and the autosaved draft of
 * the scenario being edited, so a reload or a crash loses nothing. Each tab
 * autosaves its own draft (a tab id kept in sessionStorage survives its
 * reloads); a new tab starts from the most recent draft of any tab. A draft
 * that a tab held while it closed mid-write is offered on the next open
 * (`orphanedDraft`). Storage that does not open within STORAGE_TIMEOUT_MS is
 * reported, not waited for.
 */
export interface LibraryEntry {
  readonly id: string;
  readonly name: string;
  /** The scenario as edited (plain JSON, may be a draft with problems). */
  readonly draft: Record<string, unknown>;
  readonly updatedAt: number;
  /** The planner's notes on this entry (free text). */
  readonly notes?: string;
  /** Planning results of this scenario kept with it (diagnosis, sweep, screening, goal seek), when saved with some. */
  readonly plans?: SavedPlans;
}

/** Planning results as kept in the library: each with the scenario it was run on. */
export type SavedPlans = Partial<Record<'diagnosis' | 'sweep' | 'sensitivity' | 'goalSeek' | 'frontier' | 'discovery', { readonly result: unknown; readonly scenario: unknown; readonly partial?: boolean }>>;

const DB_NAME = 'qunce-lab';
const DB_VERSION = 1;
const SCENARIOS = 'scenarios';
const STATE = 'state';
/** The autosave of a tab, and (before version 0.2) the one shared by all tabs. */
const AUTOSAVE_PREFIX = 'autosave:';
const LEGACY_AUTOSAVE_KEY = 'autosave';
/** Autosaves of other tabs older than this are dropped. */
const AUTOSAVE_KEEP_MS = 30 * 24 * 3600 * 1000;
export const STORAGE_TIMEOUT_MS = 4000;

/** This tab's id: kept in sessionStorage, so a reload of the tab keeps it and another tab gets its own. */
function tabId(): string {
  try {
    let id = sessionStorage.getItem('qunce-lab:tab');
    if (!id) sessionStorage.setItem('qunce-lab:tab', (id = newId()));
    return id;
  } catch {
    return 'shared';
  }
}

const autosaveKey = (tab = tabId()) => `${AUTOSAVE_PREFIX}${tab}`;

let opening: Promise<IDBDatabase> | null = null;

function database(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      opening = null;
      reject(new Error(`the browser's storage did not open within ${STORAGE_TIMEOUT_MS / 1000} s`));
    }, STORAGE_TIMEOUT_MS);
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(SCENARIOS)) db.createObjectStore(SCENARIOS, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(STATE)) db.createObjectStore(STATE);
    };
    request.onsuccess = () => { clearTimeout(timer); resolve(request.result); };
    request.onerror = () => {
      clearTimeout(timer);
      opening = null;
      reject(request.error ?? new Error('IndexedDB is not available'));
    };
  });
  return opening;
}

function run<T>(store: string, mode: IDBTransactionMode, action: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return database().then((db) => new Promise<T>((resolve, reject) => {
    const transaction = db.transaction(store, mode);
    const request = action(transaction.objectStore(store));
    transaction.oncomplete = () => resolve(request.result);
    transaction.onerror = () => reject(transaction.error ?? request.error);
    transaction.onabort = () => reject(transaction.error ?? new Error('storage transaction aborted'));
  }));
}

export function newId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** A stored record the library cannot show (damaged, or written by something else), with why. */
export interface UnreadableEntry {
  readonly key: string;
  readonly reason: string;
}

/** Why a stored record is not a library entry, or null when it is one. */
export function entryProblem(value: unknown): string | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'not an object';
  const e = value as Partial<Record<keyof LibraryEntry, unknown>>;
  if (typeof e.id !== 'string' || !e.id) return 'id missing';
  if (typeof e.name !== 'string') return 'name missing';
  if (!e.draft || typeof e.draft !== 'object' || Array.isArray(e.draft)) return 'scenario missing';
  if (typeof e.updatedAt !== 'number' || !Number.isFinite(e.updatedAt)) return 'date missing';
  return null;
}

/**
 * Every entry, newest first; a damaged record is skipped and listed (it stays
 * in storage, untouched), so one bad entry never hides the library.
 */
export async function listScenarios(): Promise<{ entries: LibraryEntry[]; unreadable: UnreadableEntry[] }> {
  const [keys, values] = await Promise.all([
    run<IDBValidKey[]>(SCENARIOS, 'readonly', (s) => s.getAllKeys()),
    run<unknown[]>(SCENARIOS, 'readonly', (s) => s.getAll() as IDBRequest<unknown[]>),
  ]);
  const entries: LibraryEntry[] = [];
  const unreadable: UnreadableEntry[] = [];
  values.forEach((value, k) => {
    const problem = entryProblem(value);
    if (problem) unreadable.push({ key: String(keys[k]), reason: problem });
    else entries.push(value as LibraryEntry);
  });
  return { entries: entries.sort((a, b) => b.updatedAt - a.updatedAt), unreadable };
}

export function putScenario(entry: LibraryEntry): Promise<IDBValidKey> {
  return run(SCENARIOS, 'readwrite', (s) => s.put(entry));
}

/** What happened to a save into an existing entry. */
export type SaveOutcome =
  | { readonly kind: 'saved' }
  /** Deleted meanwhile (in another tab): nothing was written. */
  | { readonly kind: 'gone' }
  /** Changed meanwhile (in another tab): nothing was written; `updatedAt` is the stored version's. */
  | { readonly kind: 'changed'; readonly updatedAt: number };

/**
 * Save into an existing entry only if it is still the version `expected` (its
 * updatedAt when this tab opened or last saved it): the read and the write are
 * one transaction, so a save racing a delete or another tab's save never
 * reports success on nothing and never overwrites unseen work.
 */
export function putIfUnchanged(entry: LibraryEntry, expected: number): Promise<SaveOutcome> {
  return database().then((db) => new Promise<SaveOutcome>((resolve, reject) => {
    const transaction = db.transaction(SCENARIOS, 'readwrite');
    const store = transaction.objectStore(SCENARIOS);
    let outcome: SaveOutcome = { kind: 'gone' };
    const read = store.get(entry.id);
    read.onsuccess = () => {
      const current = read.result as Partial<LibraryEntry> | undefined;
      if (!current) return;
      if (current.updatedAt !== expected) { outcome = { kind: 'changed', updatedAt: Number(current.updatedAt) }; return; }
      store.put(entry);
      outcome = { kind: 'saved' };
    };
    transaction.oncomplete = () => resolve(outcome);
    transaction.onerror = () => reject(transaction.error ?? read.error);
    transaction.onabort = () => reject(transaction.error ?? new Error('storage transaction aborted'));
  }));
}

export function deleteScenario(id: string): Promise<undefined> {
  return run(SCENARIOS, 'readwrite', (s) => s.delete(id));
}

export function getScenario(id: string): Promise<LibraryEntry | undefined> {
  return run<LibraryEntry | undefined>(SCENARIOS, 'readonly', (s) => s.get(id) as IDBRequest<LibraryEntry | undefined>);
}

export function saveAutosave(draft: Record<string, unknown>): Promise<IDBValidKey> {
  return run(STATE, 'readwrite', (s) => s.put({ draft, savedAt: Date.now() }, autosaveKey()));
}

interface Autosave {
  readonly draft?: Record<string, unknown>;
  readonly savedAt?: number;
}

/** This tab's autosave; for a new tab, the most recent of any tab (old ones are dropped). */
async function storedAutosave(): Promise<Record<string, unknown> | null> {
  const own = await run<Autosave | undefined>(STATE, 'readonly', (s) => s.get(autosaveKey()) as IDBRequest<Autosave | undefined>);
  if (own?.draft) return own.draft;
  const [keys, values] = await Promise.all([
    run<IDBValidKey[]>(STATE, 'readonly', (s) => s.getAllKeys()),
    run<Autosave[]>(STATE, 'readonly', (s) => s.getAll() as IDBRequest<Autosave[]>),
  ]);
  const now = Date.now();
  let latest: Autosave | null = null;
  for (const [k, key] of keys.entries()) {
    if (typeof key !== 'string' || !(key.startsWith(AUTOSAVE_PREFIX) || key === LEGACY_AUTOSAVE_KEY)) continue;
    const value = values[k];
    if ((value?.savedAt ?? 0) < now - AUTOSAVE_KEEP_MS) void run(STATE, 'readwrite', (s) => s.delete(key));
    else if (value?.draft && (!latest || (value.savedAt ?? 0) > (latest.savedAt ?? 0))) latest = value;
  }
  return latest?.draft ?? null;
}

/**
 * The autosaved draft: the copy held synchronously when the page was closed
 * (an IndexedDB write may not finish before the page goes), else IndexedDB's.
 * Copies held by other tabs that closed mid-write are not taken silently:
 * `orphanedDraft` offers them.
 */
export async function loadAutosave(): Promise<Record<string, unknown> | null> {
  const held = heldDraft();
  if (held) return held;
  const draft = await storedAutosave();
  return draft && typeof draft === 'object' ? draft : null;
}

const HELD_PREFIX = 'qunce-lab:autosave-held:';
const heldKey = () => `${HELD_PREFIX}${tabId()}`;
/** A held copy another tab left this long ago belongs to a tab that closed before its write finished (an orphan). */
export const HELD_ORPHAN_MS = 60_000;

interface Held {
  readonly draft: Record<string, unknown>;
  readonly heldAt: number;
}

function readHeld(text: string | null): Held | null {
  try {
    const value: unknown = text ? JSON.parse(text) : null;
    if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
    const { draft, heldAt } = value as Partial<Held>;
    // copies held before version 0.3 were the bare draft
    if (!draft || typeof heldAt !== 'number') return { draft: value as Record<string, unknown>, heldAt: 0 };
    return typeof draft === 'object' && !Array.isArray(draft) ? { draft, heldAt } : null;
  } catch {
    return null;
  }
}

/** A draft held by a tab that closed before its IndexedDB write finished: offered on the next open ("restore draft / discard"). */
export interface OrphanedDraft {
  /** The tab that held it (its id; `settleOrphanedDraft` takes it). */
  readonly tab: string;
  readonly draft: Record<string, unknown>;
  /** When it was held (ms since the epoch; 0 for a copy held before version 0.3). */
  readonly heldAt: number;
}

/**
 * The most recent draft held by another tab that closed mid-write, or null.
 * A copy held less than HELD_ORPHAN_MS ago may belong to a tab still writing
 * and is left alone; a damaged one is removed; one whose IndexedDB write did
 * finish (that tab's autosave holds the same draft) is removed, as nothing is
 * missing. Others stay in localStorage until the user restores or discards
 * them, so nothing is lost by ignoring the offer.
 */
export async function orphanedDraft(): Promise<OrphanedDraft | null> {
  let keys: string[];
  try {
    keys = Array.from({ length: localStorage.length }, (_, k) => localStorage.key(k) ?? '').filter((key) => key.startsWith(HELD_PREFIX) && key !== heldKey());
  } catch {
    return null;
  }
  const now = Date.now();
  let latest: OrphanedDraft | null = null;
  for (const key of keys) {
    const held = readHeld(localStorage.getItem(key));
    if (!held) {
      localStorage.removeItem(key);
      continue;
    }
    if (held.heldAt > now - HELD_ORPHAN_MS) continue; // that tab may still be writing
    const tab = key.slice(HELD_PREFIX.length);
    const saved = await run<Autosave | undefined>(STATE, 'readonly', (s) => s.get(autosaveKey(tab)) as IDBRequest<Autosave | undefined>);
    if (saved?.draft && JSON.stringify(saved.draft) === JSON.stringify(held.draft)) {
      localStorage.removeItem(key);
      continue;
    }
    if (!latest || held.heldAt > latest.heldAt) latest = { tab, draft: held.draft, heldAt: held.heldAt };
  }
  return latest;
}

/** An offered draft was restored (this tab's autosave keeps it now) or discarded: its held copy goes. */
export function settleOrphanedDraft(tab: string): void {
  try {
    localStorage.removeItem(`${HELD_PREFIX}${tab}`);
  } catch {
    // nothing held
  }
}

/** Keep a copy of a draft whose IndexedDB write is still under way (synchronous: safe on page close). */
export function holdDraft(draft: Record<string, unknown>): void {
  try {
    localStorage.setItem(heldKey(), JSON.stringify({ draft, heldAt: Date.now() } satisfies Held));
  } catch {
    // storage full or disabled: the IndexedDB write is still attempted
  }
}

/** The IndexedDB copy is written: the held one is no longer needed. */
export function releaseHeldDraft(): void {
  try {
    localStorage.removeItem(heldKey());
  } catch {
    // nothing held
  }
}

function heldDraft(): Record<string, unknown> | null {
  try {
    return readHeld(localStorage.getItem(heldKey()))?.draft ?? null;
  } catch {
    return null;
  }
}
