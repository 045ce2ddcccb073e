/// <reference types="vite-plugin-pwa/client" />
/**
 * The service worker that keeps the page, its chunks, the library and the lessons for offline
 * use. Its registration code is loaded after the page has started (not part of the first load).
 * A new version is never swapped in under an open page: it waits, and `useWaitingUpdate` tells
 * the page, which offers a reload (the worker then takes over and the page reloads once).
 */
import { useSyncExternalStore } from 'react';

type Reload = () => void;

let waiting: Reload | null = null;
const listeners = new Set<() => void>();

function announce(reload: Reload): void {
  waiting = reload;
  for (const listener of listeners) listener();
}

export function startOfflineSupport(): void {
  if (!('serviceWorker' in navigator)) return;
  void import('virtual:pwa-register').then(({ registerSW }) => {
    const update = registerSW({ onNeedRefresh: () => announce(() => void update(true)) });
  });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** the reload that installs a waiting new version, or null while there is none */
export function useWaitingUpdate(): Reload | null {
  return useSyncExternalStore(subscribe, () => waiting, () => null);
}
