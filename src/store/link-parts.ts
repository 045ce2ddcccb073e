/**
 * What a share link of the page carries (scenario text, step, view), read from the store without
 * the codec: the address bar has the engine encode it (src/store/url-sync.ts), a click on Share
 * encodes it at once (src/store/link.ts). Both give the same fragment for the same parts.
 */
import type { OpenedLink } from '../protocol/index.ts';
import { shareableText } from './exercise.ts';
import { frameLabel } from './slices/frame.ts';
import { nsName } from './slices/view.ts';
import type { AppState } from './store.ts';

/** the parts of `s`'s link: at step 0 with no view chosen, only the text (the CLI's `url` form) */
export function linkParts(s: AppState): OpenedLink {
  const label = (id: number | null) => frameLabel(s.frame, id);
  const view = {
    task: label(s.selectedTask),
    viewAs: label(s.viewer),
    ns: s.selectedNs === null ? null : nsName(s.selectedNs),
  };
  const plain = s.step === 0 && view.task === null && view.viewAs === null && view.ns === null;
  return { text: shareableText(s), step: plain ? null : s.step, view };
}
