import { describe, expect, it } from 'vitest';
import { decodeFragment, encodeFragment } from '../scenario/index.ts';
import type { Frame } from '../protocol/index.ts';
import { linkFragment } from './link.ts';
import { findView } from './slices/links.ts';
import type { AppState } from './store.ts';

const TEXT = 'init fork as a\na fork as b\n';
const LABELS = ['init', 'a', 'b'];
const frame = { labels: [{ id: 1, label: 'a' }, { id: 2, label: 'b' }] } as Frame;
const state = (patch: Partial<AppState>) =>
  ({ text: TEXT, loadedText: TEXT, frame, step: 0, viewer: null, selectedTask: null, selectedNs: null, exercise: null, ...patch }) as AppState;
/** the engine's side of finding tasks by label, for a run that labelled its tasks LABELS */
const engine = {
  findTasks: async (labels: (string | null)[]) => labels.map((l) => (l === null || !LABELS.includes(l) ? null : LABELS.indexOf(l))),
};

describe('share links', () => {
  it('gives the bare fragment of the CLI at step 0 with no view', () => {
    expect(linkFragment(state({}))).toBe(encodeFragment(TEXT));
  });

  it('round-trips text, step and view by label', async () => {
    const read = decodeFragment(linkFragment(state({ step: 2, viewer: 1, selectedTask: 2, selectedNs: 0 })));
    if (!read.ok) throw new Error(read.error);
    expect(read.data.text).toBe(TEXT);
    expect(read.data.step).toBe(2);
    expect(await findView(engine, read.data.view)).toEqual({ viewer: 1, selectedTask: 2, selectedNs: 0 });
  });

  it('names only the tasks whose labels the frame gave (a frame not yet come names none)', () => {
    const read = decodeFragment(linkFragment(state({ step: 1, viewer: 1, selectedTask: 2, frame: null })));
    expect(read.ok && read.data.view).toEqual({ task: null, viewAs: null, ns: null });
  });

  it('drops a view whose labels the run does not have', async () => {
    expect(await findView(engine, { task: 'zz', viewAs: null, ns: 'bogus' })).toEqual({ selectedTask: null, viewer: null, selectedNs: null });
  });
});
