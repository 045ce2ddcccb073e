/**
 * Share links in the page: what is on screen (scenario text, step, view) as a URL fragment,
 * through the scenario codec that the CLI's `pidns-lab url` uses too — so, at the first step with
 * no view chosen, the page and the CLI give the same fragment for the same text. Tasks travel by
 * label and namespaces by name; they are matched again after the scenario runs (opening a link
 * is the store's `openLink`: the engine decodes it, off the page's thread). The address bar
 * follows the player through `history.replaceState` (throttled: no flood of history entries).
 */
import { encodeFragment, type LinkView } from '../scenario/index.ts';
import { shareableText } from './exercise.ts';
import type { AppState, AppStore } from './store.ts';

/** the fragment for what `s` shows; the bare text's fragment at step 0 with no view chosen */
export function linkFragment(s: AppState): string {
  const labels = s.loaded?.labels ?? [];
  const label = (id: number | null) => (id === null ? null : labels[id] ?? null);
  const view: LinkView = {
    task: label(s.selectedTask),
    viewAs: label(s.viewer),
    ns: s.selectedNs === null ? null : `ns${s.selectedNs}`,
  };
  const plain = s.step === 0 && view.task === null && view.viewAs === null && view.ns === null;
  return plain ? encodeFragment(shareableText(s)) : encodeFragment(shareableText(s), s.step, view);
}

export function shareUrl(s: AppState, href: string): string {
  const base = href.split('#')[0] ?? href;
  return `${base}${linkFragment(s)}`;
}

export interface HistoryLike {
  replaceState(data: unknown, unused: string, url?: string): void;
}

/** keeps the address's fragment on what is shown; returns the unsubscribe function */
export function startUrlSync(store: AppStore, history: HistoryLike, location: { hash: string }, delayMs = 300): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const write = () => {
    timer = null;
    const fragment = linkFragment(store.getState());
    if (fragment !== location.hash) history.replaceState(null, '', fragment);
  };
  // The first load may already have moved off the plain start (steps or a view asked for while
  // it ran): the address follows at once, not only at the next change. A plain start keeps the
  // address it was opened with.
  const start = store.getState();
  const plain = start.step === 0 && start.viewer === null && start.selectedTask === null && start.selectedNs === null;
  if (start.loaded && !start.playing && !plain) timer = setTimeout(write, delayMs);
  const unsubscribe = store.subscribe((s, prev) => {
    const moved = s.loadedText !== prev.loadedText || s.step !== prev.step || s.viewer !== prev.viewer ||
      s.selectedTask !== prev.selectedTask || s.selectedNs !== prev.selectedNs;
    const stopped = prev.playing && !s.playing;
    // While playing the address would change every frame: it is written when play stops.
    if ((moved || stopped) && s.loaded && !s.playing && timer === null) timer = setTimeout(write, delayMs);
  });
  return () => {
    if (timer !== null) clearTimeout(timer);
    unsubscribe();
  };
}
