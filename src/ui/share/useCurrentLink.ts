/**
 * The link of what is on screen right now (scenario, step, view), for the QR code and the
 * embed's way out; it follows the player. `mode` adds `?embed` or `?present`, or (null) makes the
 * plain page's link whatever mode this page was opened in.
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { linkFragment } from '../../store/link.ts';
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
  return useMemo(() => currentLink(store.getState(), mode), [store, mode, ...linked]);
}
