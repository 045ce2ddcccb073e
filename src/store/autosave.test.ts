import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { AUTOSAVE_KEY, savedOffer, startAutosave } from './autosave.ts';
import type { AppState } from './store.ts';

function memory() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe('autosave', () => {
  it('saves what the visitor wrote, not what a link or the library opened', async () => {
    const store = createStore<AppState>()(() => ({ text: '', edits: 0 }) as AppState);
    const storage = memory();
    startAutosave(store, storage, 1);
    store.setState({ text: 'mine', edits: 1 });
    await new Promise((r) => setTimeout(r, 10));
    store.setState({ text: 'from a link' });
    await new Promise((r) => setTimeout(r, 10));
    expect(storage.data.get(AUTOSAVE_KEY)).toBe('mine');
  });

  it('saves the visitor\'s text even when a link replaces it before the save is due', async () => {
    const store = createStore<AppState>()(() => ({ text: '', edits: 0 }) as AppState);
    const storage = memory();
    startAutosave(store, storage, 5);
    store.setState({ text: 'mine', edits: 1 });
    store.setState({ text: 'from a link' });
    await new Promise((r) => setTimeout(r, 20));
    expect(storage.data.get(AUTOSAVE_KEY)).toBe('mine');
  });

  it('offers the saved text only when it differs from what was opened', () => {
    const storage = memory();
    storage.setItem(AUTOSAVE_KEY, 'mine');
    expect(savedOffer(storage, 'theirs')).toBe('mine');
    expect(savedOffer(storage, 'mine')).toBeNull();
    expect(savedOffer(memory(), 'x')).toBeNull();
  });
});
