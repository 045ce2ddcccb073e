/**
 * Offers to bring back the visitor's own scenario (saved locally, or on screen before a link
 * replaced it) when the page now shows another one.
 */
import type { AppState } from '../store/store.ts';
import { useApp, useStoreApi } from './StoreContext.tsx';

const selectRestorable = (s: AppState) => s.restorable;

export function RestoreOffer() {
  const store = useStoreApi();
  const text = useApp(selectRestorable);
  if (text === null) return null;
  const dismiss = () => store.getState().offerRestore(null);
  return (
    <p className="restore">
      Your own scenario was replaced by the one opened.{' '}
      <button type="button" onClick={() => { void store.getState().load(text, 'first'); dismiss(); }}>Restore it</button>{' '}
      <button type="button" className="link" onClick={dismiss}>Dismiss</button>
    </p>
  );
}
