/**
 * The address bar follows the player: its fragment is the link of what is shown, written with
 * `history.replaceState` (throttled: no flood of history entries; not while playing). The link
 * code (src/store/link.ts and the share-link codec) is loaded on the first write, outside the
 * page's first load.
 */
import { frameLabelsKey } from './slices/frame.ts';
import type { AppStore } from './store.ts';

export interface HistoryLike {
  replaceState(data: unknown, unused: string, url?: string): void;
}

/** keeps the address's fragment on what is shown; returns the unsubscribe function */
export function startUrlSync(store: AppStore, history: HistoryLike, location: { hash: string }, delayMs = 300): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const write = async () => {
    const { linkFragment } = await import('./link.ts');
    timer = null;
    const fragment = linkFragment(store.getState());
    if (fragment !== location.hash) history.replaceState(null, '', fragment);
  };
  const later = () => setTimeout(() => void write(), delayMs);
  // The first load may already have moved off the plain start (steps or a view asked for while
  // it ran): the address follows at once, not only at the next change. A plain start keeps the
  // address it was opened with.
  const start = store.getState();
  const plain = start.step === 0 && start.viewer === null && start.selectedTask === null && start.selectedNs === null;
  if (start.loaded && !start.playing && !plain) timer = later();
  const unsubscribe = store.subscribe((s, prev) => {
    // the view's labels come with its frame, after the choice itself
    const moved = s.loadedText !== prev.loadedText || s.step !== prev.step || s.viewer !== prev.viewer ||
      s.selectedTask !== prev.selectedTask || s.selectedNs !== prev.selectedNs ||
      (s.frame !== prev.frame && frameLabelsKey(s.frame) !== frameLabelsKey(prev.frame));
    const stopped = prev.playing && !s.playing;
    // While playing the address would change every frame: it is written when play stops.
    if ((moved || stopped) && s.loaded && !s.playing && timer === null) timer = later();
  });
  return () => {
    if (timer !== null) clearTimeout(timer);
    unsubscribe();
  };
}
