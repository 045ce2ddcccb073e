/**
 * Page-wide player keys: Space plays or pauses, ← and → step, Home and End jump, `p` presents
 * (the presentation has its own keys: src/ui/present/presenterKeys.ts). They act only
 * when focus is not in a control that uses these keys itself: fields, selects, the slider, the
 * tree and scrollable tables own every key; buttons and links own Space (it presses them).
 */
import { useEffect } from 'react';
import type { AppStore } from '../../store/store.ts';
import { enterPresentation } from '../present/enter.ts';

const OWN_KEYS = 'input, textarea, select, [role="tree"], [role="slider"], [contenteditable="true"], .virtual';
const OWN_SPACE = 'button, a, summary';

export function useShortcuts(store: AppStore): void {
  useEffect(() => {
    function onKey(event: KeyboardEvent): void {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      // the element itself, also inside a shadow root (the long-text editor's), not its host
      const origin = event.composedPath()[0];
      const target = origin instanceof Element ? origin : null;
      if (target?.closest(OWN_KEYS)) return;
      if (event.key === ' ' && target?.closest(OWN_SPACE)) return;
      const s = store.getState();
      const act: Record<string, () => void> = {
        ' ': () => s.togglePlay(),
        ArrowLeft: () => s.stepBy(-1),
        ArrowRight: () => s.stepBy(1),
        Home: () => s.seek(0),
        End: () => s.seek('last'),
        p: () => enterPresentation(store),
      };
      const run = act[event.key];
      if (!run) return;
      event.preventDefault();
      run();
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [store]);
}
