/**
 * Offers to bring back the visitor's own scenario: the one on screen before a link, a library
 * entry or a file replaced it, the one saved in this browser before a reload, or one written in
 * another tab.
 */
import type { AppState, RestoreWhy } from '../store/store.ts';
import { useApp, useStoreApi } from './StoreContext.tsx';

const selectRestorable = (s: AppState) => s.restorable;
const selectWhy = (s: AppState) => s.restoreWhy;

const SAY: Record<RestoreWhy, string> = {
  replaced: 'Your own scenario was replaced by the one opened.',
  saved: 'This browser kept the scenario you were writing here.',
  'other-tab': 'This browser kept a scenario you wrote in another tab.',
};

export function RestoreOffer() {
  const store = useStoreApi();
  const text = useApp(selectRestorable);
  const why = useApp(selectWhy);
  if (text === null) return null;
  return (
    <p className="restore">
      {SAY[why]}{' '}
      <button type="button" onClick={() => void store.getState().restoreText()}>Restore it</button>{' '}
      <button type="button" className="link" onClick={() => store.getState().offerRestore(null)}>Dismiss</button>
    </p>
  );
}
