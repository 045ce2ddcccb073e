/**
 * The address bar follows the player: its fragment is the link of what is shown, written with
 * `history.replaceState` (throttled: no flood of history entries; not while playing). The link is
 * encoded by the engine (`encode`, off the page's thread: compressing a mebibyte of text took the
 * page 50–160 ms at every step); an answer overtaken by a newer request is dropped, so the address
 * only ever moves forward to what is shown. The codec's format compresses the step and view
 * together with the text (one deflate stream, one CRC), so a step move encodes the text again.
 */
import type { OpenedLink } from '../protocol/index.ts';
import { linkParts } from './link-parts.ts';
import { frameLabelsKey } from './slices/frame.ts';
import type { AppStore } from './store.ts';

export interface HistoryLike {
  replaceState(data: unknown, unused: string, url?: string): void;
}

/** the fragment of a link's parts (the engine client's `encodeLink`) */
export type LinkEncoder = (link: OpenedLink) => Promise<string>;

/** keeps the address's fragment on what is shown; returns the unsubscribe function */
export function startUrlSync(store: AppStore, history: HistoryLike, location: { hash: string }, encode: LinkEncoder, delayMs = 300): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let asked = 0;
  const write = async () => {
    timer = null;
    const mine = ++asked;
    // the engine restarting after a crash rejects it: the next change writes the address again
    const fragment = await encode(linkParts(store.getState())).catch(() => null);
    if (fragment !== null && mine === asked && fragment !== location.hash) history.replaceState(null, '', fragment);
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
    asked += 1;
    unsubscribe();
  };
}
