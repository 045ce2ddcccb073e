import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import {
  BULK_CHARS, LEGACY_KEY, offerSaved, SAVED_PREFIX, savedOffer, startAutosave, tabKey, type PageLifecycle, type TextStorage,
} from './autosave.ts';
import type { BulkTexts } from './bulk-texts.ts';
import type { AppState, RestoreWhy } from './store.ts';

function memory(limit = Infinity): TextStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => {
      const size = [...data].reduce((n, [key, value]) => n + (key === k ? 0 : value.length), 0) + v.length;
      if (size > limit) throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
      data.set(k, v);
    },
    removeItem: (k) => void data.delete(k),
    key: (i) => [...data.keys()][i] ?? null,
    get length() {
      return data.size;
    },
  };
}

function fakeStore(patch: Partial<AppState> = {}) {
  return createStore<AppState>()((set) => ({
    text: '', edits: 0, lesson: null, notice: null, restorable: null, restoreWhy: 'replaced',
    setNotice: (notice: string | null) => set({ notice }),
    offerRestore: (restorable: string | null, restoreWhy: RestoreWhy = 'replaced') => set({ restorable, restoreWhy }),
    ...patch,
  }) as unknown as AppState);
}

/** IndexedDB's part: puts wait for `confirm()` (or `refuse()`), as a disk write does */
function bulkMemory(): BulkTexts & { data: Map<string, string>; confirm: () => void; refuse: () => void } {
  const data = new Map<string, string>();
  const waiting: { key: string; text: string; done: () => void; failed: (e: Error) => void }[] = [];
  const settle = (ok: boolean) => {
    for (const w of waiting.splice(0)) {
      if (ok) {
        data.set(w.key, w.text);
        w.done();
      } else w.failed(new Error('refused'));
    }
  };
  return {
    data,
    put: (key, text) => new Promise((done, failed) => waiting.push({ key, text, done, failed })),
    get: async (key) => data.get(key) ?? null,
    remove: async (key) => void data.delete(key),
    confirm: () => settle(true),
    refuse: () => settle(false),
  };
}

function lifecycleDouble() {
  const listeners = new Map<string, () => void>();
  const lifecycle: PageLifecycle = {
    addEventListener: (type, l) => void listeners.set(type, l),
    removeEventListener: (type) => void listeners.delete(type),
  };
  return { lifecycle, leave: () => listeners.get('pagehide')?.() };
}

const LONG = 'init getpid => 1\n'.repeat(Math.ceil(BULK_CHARS / 17));
const savedText = (storage: TextStorage, key: string) => (JSON.parse(storage.getItem(key) ?? '{}') as { text?: string }).text;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const A = `${SAVED_PREFIX}a`;
const B = `${SAVED_PREFIX}b`;

describe('autosave', () => {
  it('saves what the visitor wrote, not what a link or the library opened', async () => {
    const store = fakeStore();
    const storage = memory();
    startAutosave(store, storage, A, { delayMs: 1 });
    store.setState({ text: 'mine', edits: 1 });
    await wait(10);
    store.setState({ text: 'from a link' });
    await wait(10);
    expect(savedText(storage, A)).toBe('mine');
  });

  it('saves the visitor\'s text even when a link replaces it before the save is due', async () => {
    const store = fakeStore();
    const storage = memory();
    startAutosave(store, storage, A, { delayMs: 5 });
    store.setState({ text: 'mine', edits: 1 });
    store.setState({ text: 'from a link' });
    await wait(20);
    expect(savedText(storage, A)).toBe('mine');
  });

  it('leaves a lesson\'s attempt to the lesson\'s progress, and offers nothing over an open lesson', async () => {
    const store = fakeStore({ lesson: '01' });
    const storage = memory();
    startAutosave(store, storage, A, { delayMs: 1 });
    store.setState({ text: 'my attempt', edits: 1 });
    await wait(10);
    expect(storage.getItem(A)).toBeNull();
    storage.setItem(A, JSON.stringify({ text: 'mine before the lesson', at: 1 }));
    offerSaved(store, storage, A);
    expect(store.getState().restorable).toBeNull();
  });

  it('keeps each tab\'s text under its own key', async () => {
    const storage = memory();
    const one = fakeStore();
    const two = fakeStore();
    startAutosave(one, storage, A, { delayMs: 1 });
    startAutosave(two, storage, B, { delayMs: 1 });
    one.setState({ text: 'first tab', edits: 1 });
    two.setState({ text: 'second tab', edits: 1 });
    await wait(10);
    expect([savedText(storage, A), savedText(storage, B)]).toEqual(['first tab', 'second tab']);
  });

  it('saves at once when the page is hidden or left', () => {
    const listeners = new Map<string, () => void>();
    const lifecycle: PageLifecycle = {
      addEventListener: (type, l) => void listeners.set(type, l),
      removeEventListener: (type) => void listeners.delete(type),
    };
    const store = fakeStore();
    const storage = memory();
    startAutosave(store, storage, A, { delayMs: 60_000, lifecycle });
    store.setState({ text: 'typed just now', edits: 1 });
    listeners.get('pagehide')?.();
    expect(savedText(storage, A)).toBe('typed just now');
  });

  it('says so when the text cannot be saved, after making room by dropping other tabs\' dismissed texts', () => {
    const store = fakeStore();
    const storage = memory(120);
    storage.setItem(B, JSON.stringify({ text: 'x'.repeat(60), at: 1, dismissed: true }));
    const stop = startAutosave(store, storage, A, { delayMs: 60_000 });
    store.setState({ text: 'y'.repeat(50), edits: 1 });
    stop();
    expect(savedText(storage, A)).toBe('y'.repeat(50));
    expect(storage.getItem(B)).toBeNull();
    const again = startAutosave(store, storage, A, { delayMs: 60_000 });
    store.setState({ text: 'z'.repeat(200), edits: 2 });
    again();
    expect(store.getState().notice).toMatch(/could not be saved in this browser \(its storage is full\)/);
  });
});

describe('autosave of a long text', () => {
  /** LONG typed in a store autosaved to `storage` and a bulk store, after the save delay */
  async function longTextTyped(storage = memory()) {
    const bulk = bulkMemory();
    const store = fakeStore();
    startAutosave(store, storage, A, { delayMs: 1, bulk });
    store.setState({ text: LONG, edits: 1 });
    await wait(10);
    return { storage, bulk, store };
  }

  it('puts it in IndexedDB and, once it is on disk, only a pointer in localStorage; it is offered back', async () => {
    const { storage, bulk } = await longTextTyped();
    expect(storage.getItem(A)).toBeNull();
    bulk.confirm();
    await wait(1);
    expect(JSON.parse(storage.getItem(A) ?? '{}')).toMatchObject({ bulk: true });
    expect(bulk.data.get(A)).toBe(LONG);
    const reloaded = fakeStore({ text: 'opened' });
    await offerSaved(reloaded, storage, A, bulk);
    expect(reloaded.getState()).toMatchObject({ restorable: LONG, restoreWhy: 'saved' });
  });

  it('is written whole to localStorage when the page is left before IndexedDB confirms, and a late confirmation does not replace it', async () => {
    const storage = memory();
    const bulk = bulkMemory();
    const { lifecycle, leave } = lifecycleDouble();
    const store = fakeStore();
    startAutosave(store, storage, A, { delayMs: 1, lifecycle, bulk });
    store.setState({ text: LONG, edits: 1 });
    await wait(10);
    leave();
    expect(savedText(storage, A)).toBe(LONG);
    bulk.confirm();
    await wait(1);
    expect(savedText(storage, A)).toBe(LONG);
  });

  it('goes to localStorage when IndexedDB refuses it, and says so when that is full too', async () => {
    const { storage, bulk, store } = await longTextTyped(memory(BULK_CHARS * 4));
    bulk.refuse();
    await wait(1);
    expect(savedText(storage, A)).toBe(LONG);
    store.setState({ text: LONG.repeat(5), edits: 2 });
    await wait(10);
    bulk.refuse();
    await wait(1);
    expect(store.getState().notice).toMatch(/could not be saved in this browser \(its storage is full\)/);
  });

  it('drops its text in IndexedDB once a newer one is written whole, and at start if that was left undone', async () => {
    const { storage, bulk, store } = await longTextTyped();
    bulk.confirm();
    await wait(1);
    store.setState({ text: 'short again', edits: 2 });
    await wait(10);
    expect(savedText(storage, A)).toBe('short again');
    expect(bulk.data.has(A)).toBe(false);
    bulk.data.set(A, 'left behind by a page that was leaving');
    bulk.data.set(B, 'another tab, about to point at it');
    startAutosave(fakeStore(), storage, A, { bulk });
    await wait(1);
    expect([...bulk.data.keys()]).toEqual([B]);
  });
});

describe('saved texts offered back', () => {
  it('offers this tab\'s saved text first, then the newest of another tab, never the one opened', () => {
    const storage = memory();
    storage.setItem(B, JSON.stringify({ text: 'other tab', at: 2 }));
    expect(savedOffer(storage, A, 'opened')).toEqual({ text: 'other tab', why: 'other-tab', key: B });
    storage.setItem(A, JSON.stringify({ text: 'this tab', at: 1 }));
    expect(savedOffer(storage, A, 'opened')).toEqual({ text: 'this tab', why: 'saved', key: A });
    expect(savedOffer(storage, A, 'this tab')).toBeNull();
  });

  it('still offers the text of the single key that pages used before', () => {
    const storage = memory();
    storage.setItem(LEGACY_KEY, 'old work');
    expect(savedOffer(storage, A, 'x')).toMatchObject({ text: 'old work', why: 'other-tab' });
  });

  it('does not offer another tab\'s text again once it was turned down, and keeps it', () => {
    const storage = memory();
    storage.setItem(B, JSON.stringify({ text: 'other tab', at: 2 }));
    const store = fakeStore({ text: 'opened' });
    offerSaved(store, storage, A);
    expect(store.getState()).toMatchObject({ restorable: 'other tab', restoreWhy: 'other-tab' });
    store.getState().offerRestore(null);
    expect(savedOffer(storage, A, 'opened')).toBeNull();
    expect(savedText(storage, B)).toBe('other tab');
  });

  it('gives a tab the same key after a reload and a new one in a new tab', () => {
    const session = memory();
    let n = 0;
    const key = tabKey(session, () => `id${++n}`);
    expect(tabKey(session, () => `id${++n}`)).toBe(key);
    expect(tabKey(memory(), () => `id${++n}`)).not.toBe(key);
  });
});
