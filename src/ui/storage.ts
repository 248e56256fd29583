/**
 * The browser library (IndexedDB): saved scenarios, and the autosaved draft of
 * the scenario being edited, so a reload or a crash loses nothing.
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
export type SavedPlans = Partial<Record<'diagnosis' | 'sweep' | 'sensitivity' | 'goalSeek', { readonly result: unknown; readonly scenario: unknown; readonly partial?: boolean }>>;

const DB_NAME = 'qunce-lab';
const DB_VERSION = 1;
const SCENARIOS = 'scenarios';
const STATE = 'state';
const AUTOSAVE_KEY = 'autosave';

let opening: Promise<IDBDatabase> | null = null;

function database(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(SCENARIOS)) db.createObjectStore(SCENARIOS, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(STATE)) db.createObjectStore(STATE);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => {
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

export async function listScenarios(): Promise<LibraryEntry[]> {
  const all = await run<LibraryEntry[]>(SCENARIOS, 'readonly', (s) => s.getAll() as IDBRequest<LibraryEntry[]>);
  return all.sort((a, b) => b.updatedAt - a.updatedAt);
}

export function putScenario(entry: LibraryEntry): Promise<IDBValidKey> {
  return run(SCENARIOS, 'readwrite', (s) => s.put(entry));
}

export function deleteScenario(id: string): Promise<undefined> {
  return run(SCENARIOS, 'readwrite', (s) => s.delete(id));
}

export function saveAutosave(draft: Record<string, unknown>): Promise<IDBValidKey> {
  return run(STATE, 'readwrite', (s) => s.put({ draft, savedAt: Date.now() }, AUTOSAVE_KEY));
}

/**
 * The autosaved draft: the copy held synchronously when the page was closed
 * (an IndexedDB write may not finish before the page goes), else IndexedDB's.
 */
export async function loadAutosave(): Promise<Record<string, unknown> | null> {
  const held = heldDraft();
  if (held) return held;
  const value = await run<{ draft?: Record<string, unknown> } | undefined>(STATE, 'readonly', (s) => s.get(AUTOSAVE_KEY));
  return value?.draft && typeof value.draft === 'object' ? value.draft : null;
}

const HELD_KEY = 'qunce-lab:autosave-held';

/** Keep a copy of a draft whose IndexedDB write is still under way (synchronous: safe on page close). */
export function holdDraft(draft: Record<string, unknown>): void {
  try {
    localStorage.setItem(HELD_KEY, JSON.stringify(draft));
  } catch {
    // storage full or disabled: the IndexedDB write is still attempted
  }
}

/** The IndexedDB copy is written: the held one is no longer needed. */
export function releaseHeldDraft(): void {
  try {
    localStorage.removeItem(HELD_KEY);
  } catch {
    // nothing held
  }
}

function heldDraft(): Record<string, unknown> | null {
  try {
    const text = localStorage.getItem(HELD_KEY);
    const value: unknown = text ? JSON.parse(text) : null;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
