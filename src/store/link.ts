/**
 * Share links in the page: what is on screen (scenario text, step, view) as a URL fragment,
 * through the scenario codec that the CLI's `pidns-lab url` uses too — so, at the first step with
 * no view chosen, the page and the CLI give the same fragment for the same text. Tasks travel by
 * label (as the frame of the view gives them) and namespaces by name; they are matched again
 * after the scenario runs (opening a link is the store's `openLink`: the engine decodes it, off
 * the page's thread). The address bar follows the player through url-sync.ts, which loads this
 * module when it first writes.
 */
import { encodeFragment, type LinkView } from '../scenario/index.ts';
import { frameLabel } from './slices/frame.ts';
import { shareableText } from './exercise.ts';
import type { AppState } from './store.ts';

/** the fragment for what `s` shows; the bare text's fragment at step 0 with no view chosen */
export function linkFragment(s: AppState): string {
  const label = (id: number | null) => frameLabel(s.frame, id);
  const view: LinkView = {
    task: label(s.selectedTask),
    viewAs: label(s.viewer),
    ns: s.selectedNs === null ? null : `ns${s.selectedNs}`,
  };
  const plain = s.step === 0 && view.task === null && view.viewAs === null && view.ns === null;
  return plain ? encodeFragment(shareableText(s)) : encodeFragment(shareableText(s), s.step, view);
}
