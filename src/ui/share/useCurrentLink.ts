/**
 * The link of what is on screen right now (scenario, step, view), for the QR code and the
 * embed's way out; it follows the player. `mode` adds `?embed` or `?present`, or (null) makes the
 * plain page's link whatever mode this page was opened in. The first link is encoded at once (a
 * click opened the QR code; an embed starts), each move of the player after it by the engine:
 * compressing a long text at every step would hold the page's thread (50–160 ms a mebibyte).
 */
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { linkFragment } from '../../store/link.ts';
import { linkParts } from '../../store/link-parts.ts';
import { frameLabelsKey } from '../../store/slices/frame.ts';
import { pageAddress, type PageModeName } from '../../scenario/index.ts';
import type { AppState } from '../../store/store.ts';
import { useApp, useStoreApi } from '../StoreContext.tsx';

const selectLinked = (s: AppState) => [s.loadedText, s.step, s.viewer, s.selectedTask, s.selectedNs, frameLabelsKey(s.frame)];

export function currentLink(s: AppState, mode: PageModeName | null): string {
  return `${pageAddress(window.location.href, mode)}${linkFragment(s)}`;
}

export function useCurrentLink(mode: PageModeName | null): string {
  const linked = useApp(useShallow(selectLinked));
  const store = useStoreApi();
  const [fragment, setFragment] = useState(() => linkFragment(store.getState()));
  useEffect(() => {
    let current = true;
    const s = store.getState();
    // the engine restarting after a crash rejects it: the link stays as it was until the next move
    s.encodeLink(linkParts(s)).then((encoded) => {
      if (current) setFragment(encoded);
    }, () => undefined);
    return () => {
      current = false;
    };
  }, [store, ...linked]);
  return `${pageAddress(window.location.href, mode)}${fragment}`;
}
