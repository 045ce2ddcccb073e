/**
 * Keeps the visitor's own work: the scenario text is saved locally a moment after the visitor
 * changes it (typing, actions — not a link, a library entry or a file being opened), so opening
 * a link never overwrites it; at start the page offers to bring back a saved text that differs
 * from the one it opened.
 */
import type { AppStore } from './store.ts';

export const AUTOSAVE_KEY = 'pidns-lab:scenario';

export interface TextStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** the saved text, when there is one worth offering instead of `opened` */
export function savedOffer(storage: TextStorage, opened: string): string | null {
  const saved = safe(() => storage.getItem(AUTOSAVE_KEY));
  return saved && saved.trim() !== '' && saved !== opened ? saved : null;
}

/** saves the text `delayMs` after the visitor last changed it; returns the unsubscribe function */
export function startAutosave(store: AppStore, storage: TextStorage, delayMs = 800): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.edits === prev.edits) return;
    if (timer !== null) clearTimeout(timer);
    // The visitor's own text as of this edit: a link or file opened within the delay replaces
    // the text on screen, and must not be saved in place of the visitor's work.
    const own = s.text;
    timer = setTimeout(() => safe(() => storage.setItem(AUTOSAVE_KEY, own)), delayMs);
  });
  return () => {
    if (timer !== null) clearTimeout(timer);
    unsubscribe();
  };
}

/** storage may be full or disabled (private windows): saving is then skipped, never fatal */
function safe<T>(run: () => T): T | null {
  try {
    return run();
  } catch {
    return null;
  }
}
