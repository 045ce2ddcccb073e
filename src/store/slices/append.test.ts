import { describe, expect, it } from 'vitest';
import type { ActFrame, EngineClient, Frame, Loaded, ShowParams } from '../../protocol/index.ts';
import { createAppStore } from '../store.ts';
import { canUndo, refusal } from './append.ts';

/** an engine whose texts fail at any line that says `bad`, and whose step 3 tears a namespace down in two acts */
function fakeEngine() {
  const loads: string[] = [];
  const shows: ShowParams[] = [];
  const errorOf = (text: string) => {
    const line = text.split('\n').findIndex((l) => l.includes('bad'));
    return line < 0 ? null : { line: line + 1, message: 'unknown op "bad"' };
  };
  const loaded = (text: string) => ({
    title: null, total: text.split('\n').filter(Boolean).length, error: errorOf(text), lines: new Int32Array(0), pauses: new Int32Array(0),
    questionSteps: new Int32Array(0), diagnostics: [], failed: 0, actSteps: Int32Array.from([3]),
  }) as unknown as Loaded;
  const act = (n: number): ActFrame | null => (n === 0 ? null : { index: n < 0 ? 2 : n, count: 2, act: 'killed', ns: 'ns1' });
  const client = {
    load: async (text: string) => {
      loads.push(text);
      return loaded(text);
    },
    show: async (params: ShowParams) => {
      shows.push(params);
      return { step: params.step, namespaces: [], tables: [], liveTasks: null, inspected: null, events: [], act: act(params.act ?? 0), stepInfo: null, why: null } as unknown as Frame;
    },
    tryText: async (text: string) => errorOf(text),
    onCrash: () => undefined,
    dispose: () => undefined,
  } as unknown as EngineClient;
  return { client, loads, shows };
}

function setup() {
  const engine = fakeEngine();
  const store = createAppStore({ client: engine.client, schedule: (task) => task(), now: () => 0, editDelayMs: 0 });
  return { engine, store };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('appending statements', () => {
  it('appends two statements sent at once, one after the other (the second is not lost)', async () => {
    const { store } = setup();
    await store.getState().load('init fork as a\n', 'first');
    await Promise.all([store.getState().act('a fork'), store.getState().act('a unshare NEWPID')]);
    expect(store.getState().text).toBe('init fork as a\na fork\na unshare NEWPID\n');
  });

  it('appends a statement the scenario can run, and Undo takes it back', async () => {
    const { engine, store } = setup();
    await store.getState().load('init fork as a\n', 'first');
    await store.getState().act('a fork');
    expect(store.getState().text).toBe('init fork as a\na fork\n');
    expect(store.getState().undoable).toEqual([{ before: 'init fork as a\n', after: 'init fork as a\na fork\n' }]);
    await store.getState().undo();
    expect(store.getState().text).toBe('init fork as a\n');
    expect(engine.loads.at(-1)).toBe('init fork as a\n');
    expect(store.getState().undoable).toEqual([]);
  });

  it('takes appended statements back one after another, the last first, down to the text before them', async () => {
    const { store } = setup();
    await store.getState().load('init fork as a\n', 'first');
    for (const statement of ['a fork as b', 'b fork', 'a getpid']) await store.getState().act(statement);
    const texts: string[] = [];
    while (canUndo(store.getState())) {
      await store.getState().undo();
      texts.push(store.getState().text);
    }
    expect(texts).toEqual(['init fork as a\na fork as b\nb fork\n', 'init fork as a\na fork as b\n', 'init fork as a\n']);
  });

  it('takes back nothing from before an edit: typing breaks the chain', async () => {
    const { store } = setup();
    await store.getState().load('init fork as a\n', 'first');
    await store.getState().act('a fork as b');
    store.getState().edit('init fork as a\na fork as b\n## mine\n');
    expect(canUndo(store.getState())).toBe(false);
    await store.getState().act('b fork');
    await store.getState().undo();
    expect(store.getState().text).toBe('init fork as a\na fork as b\n## mine\n');
    expect(canUndo(store.getState())).toBe(false);
  });

  it('refuses a statement that would stop the scenario, and leaves the text as it was', async () => {
    const { engine, store } = setup();
    await store.getState().load('init fork as a\n', 'first');
    await store.getState().act('a bad');
    expect(store.getState().text).toBe('init fork as a\n');
    expect(store.getState().refused).toBe('Not added: «a bad» would stop the scenario: unknown op "bad"');
    expect(engine.loads).toEqual(['init fork as a\n']);
  });

  it('does not undo once the text was changed by hand', async () => {
    const { store } = setup();
    await store.getState().load('init fork as a\n', 'first');
    await store.getState().act('a fork');
    store.getState().edit('something else\n');
    await store.getState().undo();
    expect(store.getState().text).toBe('something else\n');
  });

  it('New empties the scenario and offers the visitor\'s own text back', async () => {
    const { store } = setup();
    await store.getState().load('', 'first');
    store.getState().edit('init fork as mine\n');
    await store.getState().newScenario();
    expect(store.getState().text).toBe('');
    expect(store.getState().restorable).toBe('init fork as mine\n');
  });

  it('says when the text already stops before the new statement', () => {
    expect(refusal('a fork', 'init bad\n', { line: 1, message: 'x' })).toBe('Not added: the scenario already stops at line 1 (x). Fix that line first.');
  });
});

describe('stepping through a teardown', () => {
  it('Step forward stops at each act of step 3, Step back returns through them', async () => {
    const { engine, store } = setup();
    await store.getState().load('1\n2\n3\n4\n', 2);
    store.getState().stepBy(1);
    await settle();
    expect([store.getState().step, store.getState().stepAct]).toEqual([3, 1]);
    expect(engine.shows.at(-1)).toMatchObject({ step: 3, act: 1 });
    store.getState().stepBy(1);
    await settle();
    expect([store.getState().step, store.getState().stepAct]).toEqual([3, 2]);
    store.getState().stepBy(1);
    await settle();
    expect([store.getState().step, store.getState().stepAct]).toEqual([3, 0]);
    store.getState().stepBy(-1);
    await settle();
    expect([store.getState().step, store.getState().stepAct]).toEqual([3, -1]);
    store.getState().seek(1);
    expect(store.getState().stepAct).toBe(0);
  });
});
