import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { emptyProgress, PROGRESS_KEY, type Progress, type ProgressStorage } from './progress.ts';
import { startProgressSync, type StorageEvents } from './progress-sync.ts';
import type { AppState } from './state.ts';
import type { AppStore } from './store.ts';

function courseStore(): AppStore {
  return createStore<AppState>()((set) => ({
    courseProgress: {},
    setCourseProgress: (courseProgress: Progress) => set({ courseProgress }),
  }) as unknown as AppState);
}

function sharedStorage(): ProgressStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

function tabEvents(): StorageEvents & { fire(key: string | null): void } {
  const listeners: ((e: { key: string | null }) => void)[] = [];
  return {
    addEventListener: (_type, l) => void listeners.push(l),
    removeEventListener: (_type, l) => void listeners.splice(listeners.indexOf(l), 1),
    fire: (key) => listeners.forEach((l) => l({ key })),
  };
}

describe('progress sync', () => {
  it('reads the saved progress at start and saves what changes', () => {
    const storage = sharedStorage();
    storage.setItem(PROGRESS_KEY, JSON.stringify({ '01': { ...emptyProgress(), solved: true, exercise: true } }));
    const store = courseStore();
    startProgressSync(store, storage, tabEvents());
    expect(store.getState().courseProgress['01']?.solved).toBe(true);
    store.getState().setCourseProgress({ ...store.getState().courseProgress, '02': { ...emptyProgress(), questions: 3 } });
    expect(Object.keys(JSON.parse(storage.data.get(PROGRESS_KEY) ?? '{}'))).toEqual(['01', '02']);
    store.getState().setCourseProgress({});
    expect(storage.data.has(PROGRESS_KEY)).toBe(false);
  });

  it('two tabs on different lessons keep each other\'s progress, and hear of it', () => {
    const storage = sharedStorage();
    const [a, b] = [courseStore(), courseStore()];
    const [ea, eb] = [tabEvents(), tabEvents()];
    startProgressSync(a, storage, ea);
    startProgressSync(b, storage, eb);
    a.getState().setCourseProgress({ '01': { ...emptyProgress(), solved: true } });
    b.getState().setCourseProgress({ '02': { ...emptyProgress(), solved: true } });
    expect(Object.keys(JSON.parse(storage.data.get(PROGRESS_KEY) ?? '{}')).sort()).toEqual(['01', '02']);
    ea.fire(PROGRESS_KEY);
    expect(Object.keys(a.getState().courseProgress).sort()).toEqual(['01', '02']);
  });
});
