/**
 * Keeps the course progress in the browser: read at start, written when it changes, and read
 * again when another tab changed it (the `storage` event). A tab writes only the lessons it
 * changed, so two tabs working on different lessons do not undo each other.
 */
import { PROGRESS_KEY, readProgress, writeProgress, type ProgressStorage } from './progress.ts';
import type { AppStore } from './store.ts';

export interface StorageEvents {
  addEventListener(type: 'storage', listener: (event: { key: string | null }) => void): void;
  removeEventListener(type: 'storage', listener: (event: { key: string | null }) => void): void;
}

export function startProgressSync(store: AppStore, storage: ProgressStorage, events: StorageEvents): () => void {
  store.getState().setCourseProgress(readProgress(storage));
  let reading = false;
  const unsubscribe = store.subscribe((s, prev) => {
    if (reading || s.courseProgress === prev.courseProgress) return;
    const stored = readProgress(storage);
    const ids = new Set([...Object.keys(prev.courseProgress), ...Object.keys(s.courseProgress)]);
    for (const id of ids) {
      const now = s.courseProgress[id];
      if (now === prev.courseProgress[id]) continue;
      if (now) stored[id] = now;
      else delete stored[id];
    }
    writeProgress(storage, stored);
  });
  const onStorage = (event: { key: string | null }) => {
    if (event.key !== PROGRESS_KEY && event.key !== null) return;
    reading = true;
    store.getState().setCourseProgress(readProgress(storage));
    reading = false;
  };
  events.addEventListener('storage', onStorage);
  return () => {
    unsubscribe();
    events.removeEventListener('storage', onStorage);
  };
}
