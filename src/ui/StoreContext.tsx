/**
 * Binds the app's vanilla store to React: one store per app through context. `useApp(selector)`
 * re-renders a component only when what it selected changed (compare arrays with `useShallow`).
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from '../store/store.ts';

const StoreContext = createContext<AppStore | null>(null);

export function StoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('pidns-lab: a component that reads the store is outside <StoreProvider>');
  return store;
}

export function useApp<T>(selector: (state: AppState) => T): T {
  return useStore(useStoreApi(), selector);
}
