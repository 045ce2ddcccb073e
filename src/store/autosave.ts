/**
 * Keeps the visitor's own work in this browser (a lesson's attempt excepted: progress.ts keeps
 * it, and Reset progress forgets it). Each tab saves under its own key (two tabs never
 * overwrite each other): a moment after the visitor changes the text (typing, actions — not a
 * link, a library entry or a file being opened), and at once when the page is hidden or left
 * (`visibilitychange`, `pagehide`: a reload right after typing keeps it). A save that fails
 * (storage full or disabled) is said in the notice, never silent. At start the page offers back
 * this tab's saved text (after a reload) or, failing that, the newest text of another tab.
 */
import type { AppStore, RestoreWhy } from './store.ts';

/** each tab's text is saved under this prefix and the tab's id */
export const SAVED_PREFIX = 'pidns-lab:scenario:';
/** where pages before per-tab saving kept the one text: still offered back */
export const LEGACY_KEY = 'pidns-lab:scenario';
/** this tab's id, in sessionStorage (it survives a reload of the tab, and only that) */
export const TAB_ID_KEY = 'pidns-lab:tab';
/** saved texts kept at most; the oldest others go first when storage is full */
const KEEP = 20;

export interface TextStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  key(index: number): string | null;
  readonly length: number;
}

interface Entry {
  text: string;
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

/** every saved text, newest first */
export function savedTexts(storage: TextStorage): Saved[] {
  const keys = safe(() => Array.from({ length: storage.length }, (_, i) => storage.key(i))) ?? [];
  const out: Saved[] = [];
  for (const key of keys) {
    if (key === null || (key !== LEGACY_KEY && !key.startsWith(SAVED_PREFIX))) continue;
    const entry = readEntry(key, safe(() => storage.getItem(key)));
    if (entry && entry.text.trim() !== '') out.push({ key, ...entry });
  }
  return out.sort((a, b) => b.at - a.at);
}

function readEntry(key: string, raw: string | null): Entry | null {
  if (raw === null) return null;
  if (key === LEGACY_KEY) return { text: raw, at: 0 };
  try {
    const value = JSON.parse(raw) as Partial<Entry>;
    return typeof value.text === 'string' && typeof value.at === 'number' ? (value as Entry) : null;
  } catch {
    return null;
  }
}

/** the saved text worth offering instead of `opened`: this tab's, else the newest other one */
export function savedOffer(storage: TextStorage, ownKey: string, opened: string): { text: string; why: RestoreWhy; key: string } | null {
  const differs = (s: Saved) => s.text !== opened;
  const all = savedTexts(storage);
  const own = all.find((s) => s.key === ownKey);
  if (own) return differs(own) ? { text: own.text, why: 'saved', key: own.key } : null;
  const other = all.find((s) => !s.dismissed && differs(s));
  return other ? { text: other.text, why: 'other-tab', key: other.key } : null;
}

/**
 * Offers the saved text (see savedOffer) on the page. Another tab's text, once the offer is
 * taken or turned down, is marked so that the next tab does not offer it again (it is kept).
 */
export function offerSaved(store: AppStore, storage: TextStorage, ownKey: string): void {
  // a lesson opened: its attempt comes from the lesson's progress, which Reset progress forgets
  if (store.getState().lesson !== null) return;
  const offer = savedOffer(storage, ownKey, store.getState().text);
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
}

/** saves the visitor's text under `ownKey`; returns the function that stops it */
export function startAutosave(store: AppStore, storage: TextStorage, ownKey: string, options: AutosaveOptions = {}): () => void {
  const now = options.now ?? (() => Date.now());
  let timer: ReturnType<typeof setTimeout> | null = null;
  // The visitor's own text as of their last edit: a link or file opened within the delay
  // replaces the text on screen, and must not be saved in place of the visitor's work.
  let due: string | null = null;

  function save(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (due === null) return;
    const text = due;
    due = null;
    const problem = write(storage, ownKey, JSON.stringify({ text, at: now() }));
    if (problem !== null) {
      store.getState().setNotice(`Your scenario could not be saved in this browser (${problem}). Use Download to keep a copy.`);
    }
  }

  // A lesson's attempt is kept in the lesson's progress (and forgotten with it on Reset
  // progress), never here as well: a copy here would offer a reset attempt back.
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.edits === prev.edits || s.lesson !== null) return;
    due = s.text;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(save, options.delayMs ?? 800);
  });
  options.lifecycle?.addEventListener('pagehide', save);
  options.lifecycle?.addEventListener('visibilitychange', save);
  return () => {
    save();
    unsubscribe();
    options.lifecycle?.removeEventListener('pagehide', save);
    options.lifecycle?.removeEventListener('visibilitychange', save);
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
