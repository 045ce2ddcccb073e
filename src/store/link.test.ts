import { describe, expect, it } from 'vitest';
import { decodeFragment, encodeFragment } from '../scenario/index.ts';
import { packLabels, type Loaded } from '../protocol/index.ts';
import { linkFragment } from './link.ts';
import { resolveView } from './slices/links.ts';
import type { AppState } from './store.ts';

const TEXT = 'init fork as a\na fork as b\n';
const loaded = { labels: packLabels(['init', 'a', 'b']) } as Loaded;
const state = (patch: Partial<AppState>) =>
  ({ text: TEXT, loadedText: TEXT, loaded, step: 0, viewer: null, selectedTask: null, selectedNs: null, exercise: null, ...patch }) as AppState;

describe('share links', () => {
  it('gives the bare fragment of the CLI at step 0 with no view', () => {
    expect(linkFragment(state({}))).toBe(encodeFragment(TEXT));
  });

  it('round-trips text, step and view by label', () => {
    const read = decodeFragment(linkFragment(state({ step: 2, viewer: 1, selectedTask: 2, selectedNs: 0 })));
    if (!read.ok) throw new Error(read.error);
    expect(read.data.text).toBe(TEXT);
    expect(read.data.step).toBe(2);
    expect(resolveView(read.data.view, loaded.labels)).toEqual({ viewer: 1, selectedTask: 2, selectedNs: 0 });
  });

  it('drops a view whose labels the run does not have', () => {
    expect(resolveView({ task: 'zz', viewAs: null, ns: 'bogus' }, packLabels(['init']))).toEqual({ selectedTask: null, viewer: null, selectedNs: null });
  });
});
