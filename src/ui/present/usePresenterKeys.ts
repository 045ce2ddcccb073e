/**
 * Binds the presentation's keys (presenterKeys.ts) while it is shown. It listens on the window
 * in the capture phase and stops the keys it uses, so the page's own shortcuts (Space plays
 * there) never see them twice.
 */
import { useEffect } from 'react';
import type { AppStore } from '../../store/store.ts';
import { leavePresentation } from './enter.ts';
import { presenterAction, type PresenterAction } from './presenterKeys.ts';

const FIELDS = 'input, textarea, select, [contenteditable="true"]';

export function usePresenterKeys(store: AppStore): void {
  useEffect(() => {
    function onKey(event: KeyboardEvent): void {
      const target = event.target instanceof Element ? event.target : null;
      const info = { key: event.key, inField: target?.closest(FIELDS) != null, modified: event.altKey || event.ctrlKey || event.metaKey };
      const s = store.getState();
      const action = presenterAction(info, { asking: s.asking !== null, qrShown: s.qrShown });
      if (action === null) return;
      event.preventDefault();
      event.stopPropagation();
      run(store, action);
    }
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [store]);
}

function run(store: AppStore, action: PresenterAction): void {
  const s = store.getState();
  const acts: Record<PresenterAction, () => void> = {
    forward: () => s.stepBy(1),
    back: () => s.stepBy(-1),
    first: () => s.seek(0),
    last: () => s.seek('last'),
    leave: () => leavePresentation(store),
    qr: () => s.toggleQr(),
    reveal: () => {
      if (s.asking !== null) s.answerQuestion(null);
    },
  };
  acts[action]();
}
