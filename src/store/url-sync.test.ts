import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { Frame, Loaded, OpenedLink } from '../protocol/index.ts';
import { decodeFragment, encodeFragment } from '../scenario/index.ts';
import type { AppState } from './store.ts';
import { startUrlSync } from './url-sync.ts';

const TEXT = 'init fork as a\na fork as b\n';
const loaded = { total: 2 } as Loaded;
const state = (patch: Partial<AppState>) =>
  ({ text: TEXT, loadedText: TEXT, loaded, step: 0, viewer: null, selectedTask: null, selectedNs: null, exercise: null, ...patch }) as AppState;

/** the engine's side: the codec the page's own Share uses */
const encode = async (link: OpenedLink) => encodeFragment(link.text, link.step, link.view);

describe('startUrlSync', () => {

  it('replaces the fragment once per burst of changes, never pushing history', async () => {
    const store = createStore<AppState>()(() => state({}));
    const calls: string[] = [];
    const location = { hash: '' };
    startUrlSync(store, { replaceState: (_d, _u, url) => { calls.push(url ?? ''); location.hash = url ?? ''; } }, location, encode, 5);
    for (let step = 1; step <= 10; step++) store.setState({ step });
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toHaveLength(1);
    const read = decodeFragment(calls[0] ?? '');
    expect(read.ok && read.data.step).toBe(10);
  });

  it('writes a step reached before it started (clicks during the first load)', async () => {
    const store = createStore<AppState>()(() => state({ step: 5 }));
    const location = { hash: '' };
    startUrlSync(store, { replaceState: (_d, _u, url) => { location.hash = url ?? ''; } }, location, encode, 5);
    await new Promise((r) => setTimeout(r, 20));
    const read = decodeFragment(location.hash);
    expect(read.ok && read.data.step).toBe(5);
  });

  it('writes the view again when its labels come with the frame after the choice', async () => {
    const store = createStore<AppState>()(() => state({ step: 1, viewer: 2, frame: null }));
    const location = { hash: '' };
    startUrlSync(store, { replaceState: (_d, _u, url) => { location.hash = url ?? ''; } }, location, encode, 5);
    await new Promise((r) => setTimeout(r, 20));
    const before = decodeFragment(location.hash);
    expect(before.ok && before.data.view.viewAs).toBeNull();
    store.setState({ frame: { labels: [{ id: 2, label: 'b' }] } as Frame });
    await new Promise((r) => setTimeout(r, 20));
    const after = decodeFragment(location.hash);
    expect(after.ok && after.data.view.viewAs).toBe('b');
  });

  it('leaves the address of a plain start alone', async () => {
    const store = createStore<AppState>()(() => state({}));
    const calls: string[] = [];
    startUrlSync(store, { replaceState: (_d, _u, url) => { calls.push(url ?? ''); } }, { hash: '' }, encode, 5);
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toEqual([]);
  });

  it('drops an answer that a newer request overtook, and asks the engine nothing at a plain start', async () => {
    const store = createStore<AppState>()(() => state({}));
    const answers: ((fragment: string) => void)[] = [];
    const asked: OpenedLink[] = [];
    const slow = (link: OpenedLink) => {
      asked.push(link);
      return new Promise<string>((resolve) => answers.push(resolve));
    };
    const calls: string[] = [];
    startUrlSync(store, { replaceState: (_d, _u, url) => { calls.push(url ?? ''); } }, { hash: '' }, slow, 5);
    await new Promise((r) => setTimeout(r, 20));
    expect(asked).toEqual([]);
    store.setState({ step: 1 });
    await new Promise((r) => setTimeout(r, 20));
    store.setState({ step: 2 });
    await new Promise((r) => setTimeout(r, 20));
    expect(asked.map((l) => l.step)).toEqual([1, 2]);
    answers[1]?.('#second');
    answers[0]?.('#first');
    await new Promise((r) => setTimeout(r, 5));
    expect(calls).toEqual(['#second']);
  });

  it('gives the engine the text, step and view by label, as Share does', async () => {
    const store = createStore<AppState>()(() => state({ step: 1, viewer: 2, frame: { labels: [{ id: 2, label: 'b' }] } as Frame }));
    const asked: OpenedLink[] = [];
    startUrlSync(store, { replaceState: () => undefined }, { hash: '' }, async (link) => {
      asked.push(link);
      return '#x';
    }, 5);
    await new Promise((r) => setTimeout(r, 20));
    expect(asked).toEqual([{ text: TEXT, step: 1, view: { task: null, viewAs: 'b', ns: null } }]);
  });
});
