/**
 * Share links in the page: what is on screen (scenario text, step, view) as a URL fragment,
 * through the scenario codec that the CLI's `pidns-lab url` uses too — so, at the first step with
 * no view chosen, the page and the CLI give the same fragment for the same text. Tasks travel by
 * label (as the frame of the view gives them) and namespaces by name; they are matched again
 * after the scenario runs (opening a link is the store's `openLink`: the engine decodes it, off
 * the page's thread). This module encodes on the page's thread, for a click (Share, the QR code);
 * the address bar, written at every step, has the engine encode the same parts (url-sync.ts).
 */
import { encodeFragment } from '../scenario/index.ts';
import { linkParts } from './link-parts.ts';
import type { AppState } from './store.ts';

/** the fragment for what `s` shows; the bare text's fragment at step 0 with no view chosen */
export function linkFragment(s: AppState): string {
  const { text, step, view } = linkParts(s);
  return encodeFragment(text, step, view);
}
