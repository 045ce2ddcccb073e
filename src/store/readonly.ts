/**
 * A still picture of the store: the state of `from` with `patch` over it, in a store of its own
 * whose every action does nothing. Components written for the live store draw it unchanged —
 * the goal of an exercise is drawn this way by the tree and table components themselves.
 */
import { createStore } from 'zustand/vanilla';
import type { AppState } from './state.ts';
import type { AppStore } from './store.ts';

const nothing = () => undefined;

export function stillStore(from: AppState, patch: Partial<AppState>): AppStore {
  const quiet = Object.fromEntries(Object.entries(from).map(([key, value]) => [key, typeof value === 'function' ? nothing : value]));
  return createStore<AppState>()(() => ({ ...quiet, ...patch }) as AppState);
}
