/**
 * Keeps the visitor's own work in this browser (a lesson's attempt excepted: progress.ts keeps
 * it, and Reset progress forgets it). Each tab saves under its own key (two tabs never
 * overwrite each other): a moment after the visitor changes the text (typing, actions — not a
 * link, a library entry or a file being opened), and at once when the page is hidden or left
 * (`visibilitychange`, `pagehide`: a reload right after typing keeps it). A save that fails
 * (storage full or disabled) is said in the notice, never silent. At start the page offers back
 * this tab's saved text (after a reload) or, failing that, the newest text of another tab.
 *
 * A long text (BULK_CHARS or more) is saved in the moment after typing to IndexedDB
 * (bulk-texts.ts: writing a mebibyte to localStorage held the page up to half a second at every
 * pause), and localStorage keeps only a pointer to it, written once IndexedDB says the text is on
 * disk. Why no text is lost: until that confirmation the text counts as unsaved, so leaving the
 * page (or stopping the autosave) writes it whole to localStorage synchronously, as short texts
 * always are; a confirmation that comes after a newer save is ignored (it would point at an older
 * text); IndexedDB failing falls back to the localStorage write, whose failure is said.
 */
import type { BulkTexts } from './bulk-texts.ts';
import type { AppStore, RestoreWhy } from './store.ts';

/** each tab's text is saved under this prefix and the tab's id */
export const SAVED_PREFIX = 'pidns-lab:scenario:';
/** where pages before per-tab saving kept the one text: still offered back */
export const LEGACY_KEY = 'pidns-lab:scenario';
/** this tab's id, in sessionStorage (it survives a reload of the tab, and only that) */
export const TAB_ID_KEY = 'pidns-lab:tab';
/** saved texts kept at most; the oldest others go first when storage is full */
const KEEP = 20;
/** texts this long are saved to IndexedDB in the moment after typing */
export const BULK_CHARS = 64 * 1024;

export interface TextStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  key(index: number): string | null;
  readonly length: number;
}

interface Entry {
  text: string;
  /** the text is in IndexedDB under the same key (the entry in localStorage has none) */
  bulk?: true;
  /** when it was saved (ms since the epoch) */
  at: number;
  /** offered to another tab and dismissed there: not offered again until saved anew */
  dismissed?: boolean;
}

export interface Saved extends Entry {
  key: string;
}

/** this tab's key: its id from sessionStorage, or a new one */
export function tabKey(session: Pick<TextStorage, 'getItem' | 'setItem'>, newId: () => string): string {
  const known = safe(() => session.getItem(TAB_ID_KEY));
  if (known) return `${SAVED_PREFIX}${known}`;
  const id = newId();
  safe(() => session.setItem(TAB_ID_KEY, id));
  return `${SAVED_PREFIX}${id}`;
}

/** the keys of the saved entries in `storage` */
function savedKeys(storage: TextStorage): string[] {
  const keys = safe(() => Array.from({ length: storage.length }, (_, i) => storage.key(i))) ?? [];
  return keys.filter((key): key is string => key !== null && (key === LEGACY_KEY || key.startsWith(SAVED_PREFIX)));
}

/** every saved text, newest first; a text kept in IndexedDB counts when `bulk` holds it */
export function savedTexts(storage: TextStorage, bulk: ReadonlyMap<string, string> = new Map()): Saved[] {
  const out: Saved[] = [];
  for (const key of savedKeys(storage)) {
    const entry = readEntry(key, safe(() => storage.getItem(key)));
    const text = entry?.bulk ? bulk.get(key) : entry?.text;
    if (entry && text !== undefined && text.trim() !== '') out.push({ key, ...entry, text });
  }
  return out.sort((a, b) => b.at - a.at);
}

/** the keys whose text is in IndexedDB */
function bulkKeys(storage: TextStorage): string[] {
  return savedKeys(storage).filter((key) => readEntry(key, safe(() => storage.getItem(key)))?.bulk === true);
}

function readEntry(key: string, raw: string | null): Entry | null {
  if (raw === null) return null;
  if (key === LEGACY_KEY) return { text: raw, at: 0 };
  try {
    const value = JSON.parse(raw) as Partial<Entry>;
    if (typeof value.at !== 'number') return null;
    if (value.bulk === true) return { ...value, text: '', bulk: true, at: value.at };
    return typeof value.text === 'string' ? (value as Entry) : null;
  } catch {
    return null;
  }
}

/** the saved text worth offering instead of `opened`: this tab's, else the newest other one
 * (`bulk`: the texts of the entries kept in IndexedDB) */
export function savedOffer(storage: TextStorage, ownKey: string, opened: string, bulk?: ReadonlyMap<string, string>): { text: string; why: RestoreWhy; key: string } | null {
  const differs = (s: Saved) => s.text !== opened;
  const all = savedTexts(storage, bulk);
  const own = all.find((s) => s.key === ownKey);
  if (own) return differs(own) ? { text: own.text, why: 'saved', key: own.key } : null;
  const other = all.find((s) => !s.dismissed && differs(s));
  return other ? { text: other.text, why: 'other-tab', key: other.key } : null;
}

/** the texts in IndexedDB that localStorage points at */
async function readBulk(storage: TextStorage, bulk: BulkTexts): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  try {
    for (const key of bulkKeys(storage)) {
      const text = await bulk.get(key);
      if (text !== null) texts.set(key, text);
    }
  } catch {
    // IndexedDB refused: the texts kept in localStorage are still offered
  }
  return texts;
}

/**
 * Offers the saved text (see savedOffer) on the page. Another tab's text, once the offer is
 * taken or turned down, is marked so that the next tab does not offer it again (it is kept).
 */
export async function offerSaved(store: AppStore, storage: TextStorage, ownKey: string, bulk?: BulkTexts): Promise<void> {
  // a lesson opened: its attempt comes from the lesson's progress, which Reset progress forgets
  if (store.getState().lesson !== null) return;
  const texts = bulk === undefined ? new Map<string, string>() : await readBulk(storage, bulk);
  if (store.getState().lesson !== null) return;
  const offer = savedOffer(storage, ownKey, store.getState().text, texts);
  if (offer === null) return;
  store.getState().offerRestore(offer.text, offer.why);
  if (offer.why !== 'other-tab') return;
  const unsubscribe = store.subscribe((s) => {
    if (s.restorable === offer.text) return;
    unsubscribe();
    const entry = readEntry(offer.key, safe(() => storage.getItem(offer.key)));
    if (entry && offer.key !== LEGACY_KEY) safe(() => storage.setItem(offer.key, JSON.stringify({ ...entry, dismissed: true })));
  });
}

export interface PageLifecycle {
  addEventListener(type: 'pagehide' | 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'pagehide' | 'visibilitychange', listener: () => void): void;
}

export interface AutosaveOptions {
  delayMs?: number;
  now?: () => number;
  /** the page's window (or document for visibilitychange); saving at once when it is left */
  lifecycle?: PageLifecycle;
  /** where long texts are saved in the moment after typing (absent: localStorage only) */
  bulk?: BulkTexts;
}

/** saves the visitor's text under `ownKey`; returns the function that stops it (and saves) */
export function startAutosave(store: AppStore, storage: TextStorage, ownKey: string, options: AutosaveOptions = {}): () => void {
  const now = options.now ?? (() => Date.now());
  const bulk = options.bulk;
  let timer: ReturnType<typeof setTimeout> | null = null;
  // The visitor's own text as of their last edit: a link or file opened within the delay
  // replaces the text on screen, and must not be saved in place of the visitor's work.
  let due: string | null = null;
  // A long text on its way to IndexedDB, not yet confirmed there: still unsaved.
  let unconfirmed: string | null = null;
  let saves = 0;
  // this tab's entry in localStorage points at IndexedDB
  let pointing = bulkKeys(storage).includes(ownKey);
  // This tab's text left in IndexedDB by a page that was leaving (it wrote the entry whole):
  // deleted before this page saves there, as IndexedDB runs the two in the order asked.
  if (bulk !== undefined && !pointing) void bulk.remove(ownKey).catch(() => undefined);

  const tell = (problem: string | null) => {
    if (problem !== null) store.getState().setNotice(`Your scenario could not be saved in this browser (${problem}). Use Download to keep a copy.`);
  };

  /** the text whole in localStorage, at once */
  function saveNow(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const text = due ?? unconfirmed;
    due = null;
    unconfirmed = null;
    if (text === null) return;
    saves += 1;
    const problem = write(storage, ownKey, JSON.stringify({ text, at: now() }));
    tell(problem);
    // the text in IndexedDB is older now (when the page is left, the next start deletes it)
    if (problem === null && pointing) void bulk?.remove(ownKey).catch(() => undefined);
    if (problem === null) pointing = false;
  }

  /** a long text to IndexedDB, then a pointer to it in localStorage; a short one as on leaving */
  function saveSoon(): void {
    timer = null;
    const text = due;
    if (bulk === undefined || text === null || text.length < BULK_CHARS) {
      saveNow();
      return;
    }
    due = null;
    unconfirmed = text;
    const mine = ++saves;
    const at = now();
    bulk.put(ownKey, text).then(
      () => {
        if (mine !== saves) return;
        unconfirmed = null;
        const problem = write(storage, ownKey, JSON.stringify({ bulk: true, at }));
        tell(problem);
        pointing ||= problem === null;
      },
      () => {
        if (mine === saves) saveNow();
      },
    );
  }

  // A lesson's attempt is kept in the lesson's progress (and forgotten with it on Reset
  // progress), never here as well: a copy here would offer a reset attempt back.
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.edits === prev.edits || s.lesson !== null) return;
    due = s.text;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(saveSoon, options.delayMs ?? 800);
  });
  options.lifecycle?.addEventListener('pagehide', saveNow);
  options.lifecycle?.addEventListener('visibilitychange', saveNow);
  return () => {
    saveNow();
    unsubscribe();
    options.lifecycle?.removeEventListener('pagehide', saveNow);
    options.lifecycle?.removeEventListener('visibilitychange', saveNow);
  };
}

/** writes, making room by dropping the oldest other saved texts once; the problem, or null */
function write(storage: TextStorage, key: string, value: string): string | null {
  try {
    storage.setItem(key, value);
    return null;
  } catch (first) {
    const others = savedTexts(storage).filter((s) => s.key !== key);
    const spare = others.length > KEEP ? others.slice(KEEP) : others.filter((s) => s.dismissed);
    if (spare.length === 0) return reason(first);
    for (const s of spare) safe(() => storage.removeItem(s.key));
    try {
      storage.setItem(key, value);
      return null;
    } catch (again) {
      return reason(again);
    }
  }
}

function reason(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  return name === 'QuotaExceededError' ? 'its storage is full' : 'storage is not available';
}

/** storage may be disabled (private windows): reading is then skipped, never fatal */
function safe<T>(run: () => T): T | null {
  try {
    return run();
  } catch {
    return null;
  }
}
