/**
 * Offers to bring back the scenario saved locally from an earlier visit when the page opened
 * another one (the default, a link, a file).
 */
import { useState } from 'react';
import { useStoreApi } from './StoreContext.tsx';

export function RestoreOffer({ saved }: { saved?: string | null }) {
  const store = useStoreApi();
  const [text, setText] = useState(saved ?? null);
  if (text === null) return null;
  return (
    <p className="restore">
      Your last scenario is saved on this computer.{' '}
      <button type="button" onClick={() => { void store.getState().load(text, 'first'); setText(null); }}>Restore it</button>{' '}
      <button type="button" className="link" onClick={() => setText(null)}>Dismiss</button>
    </p>
  );
}
