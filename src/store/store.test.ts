import { describe, expect, it } from 'vitest';
import type { EngineClient, Frame, Loaded, ShowParams } from '../protocol/index.ts';
import { decodeFragment, encodeFragment } from '../scenario/index.ts';
import { createAppStore, placeStep } from './store.ts';

/** An engine double that records requests and answers when told to. */
function fakeEngine(total: number, pauses: number[] = []) {
  const shows: ShowParams[] = [];
  const loads: string[] = [];
  const waiting: (() => void)[] = [];
  let crash: ((m: string) => void) | null = null;
  const loaded = (text: string): Loaded => ({
    title: null, total: text.split('\n').filter(Boolean).length || total, error: null, lines: new Int32Array(0), pauses: Int32Array.from(pauses), questionSteps: new Int32Array(0),
    diagnostics: [], failed: 0,
  });
  const client: EngineClient = {
    load: async (text) => {
      loads.push(text);
      return loaded(text);
    },
    show: (params) => {
      shows.push(params);
      return new Promise<Frame>((resolve) => waiting.push(() => resolve(frameAt(params.step))));
    },
    open: async (fragment) => {
      const read = decodeFragment(fragment);
      if (!read.ok) throw new Error(`This link cannot be opened: ${read.error}.`);
      return read.data;
    },
    tryText: async () => null,
    encodeLink: async (link) => encodeFragment(link.text, link.step, link.view),
    findTasks: async (labels) => labels.map((label) => (label === null ? null : Number(label.replace(/^t/, '')))),
    onCrash: (listener) => { crash = listener; },
    dispose: () => undefined,
  };
  return { client, shows, loads, answer: () => waiting.shift()?.(), crash: (m: string) => crash?.(m) };
}

const frameAt = (step: number): Frame => ({
  step, namespaces: [], tables: [], liveTasks: { tasks: [{ id: 0, label: 'init' }], matching: 1 }, inspected: null, events: [], act: null, stepInfo: null, why: null, caption: null, question: null, labels: [],
});
const tick = () => new Promise((r) => setTimeout(r, 0));

function setup(total = 10, pauses: number[] = []) {
  const engine = fakeEngine(total, pauses);
  const frames: (() => void)[] = [];
  let now = 0;
  const store = createAppStore({
    client: engine.client,
    schedule: (task) => frames.push(task),
    now: () => now,
    editDelayMs: 0,
  });
  const runFrames = () => {
    const batch = frames.splice(0);
    for (const f of batch) f();
  };
  return { engine, store, runFrames, advanceClock: (ms: number) => { now += ms; } };
}

describe('app store', () => {
  it('loads a text and asks for the frame of the wished step', async () => {
    const { engine, store, runFrames } = setup();
    await store.getState().load('a\nb\nc\n', 'last');
    expect(store.getState().step).toBe(3);
    expect(engine.shows.map((s) => s.step)).toEqual([3]);
    engine.answer();
    await tick();
    runFrames();
    expect(store.getState().frame?.step).toBe(3);
    expect(store.getState().live.tasks).toEqual([{ id: 0, label: 'init' }]);
  });

  it('asks the engine for a namespace chosen outside the frame, and for more namespaces below one', async () => {
    const { engine, store, runFrames } = setup();
    await store.getState().load('a\nb\n', 'last');
    engine.answer();
    await tick();
    runFrames();
    store.getState().selectNs(7);
    expect(engine.shows.map((s) => s.chosenNs)).toEqual([null, 7]);
    engine.answer();
    await tick();
    runFrames();
    store.getState().showMoreNamespaces(0);
    expect(engine.shows.at(-1)?.nsLimits).toEqual([{ ns: 0, count: 40 }]);
  });

  it('goes to a namespace the picture shows, and chooses none for one it does not', async () => {
    const { engine, store, runFrames } = setup();
    // this world has ns7 (beyond the tree's window: the engine sends it when it is chosen), no ns9
    engine.client.show = async (params) => ({
      ...frameAt(params.step),
      namespaces: params.chosenNs === 7 ? [{ id: 7, name: 'ns7' } as Frame['namespaces'][number]] : [],
    });
    const answered = async <T>(p: Promise<T>): Promise<T> => {
      for (let i = 0; i < 5; i++) {
        await tick();
        runFrames();
      }
      return p;
    };
    await answered(store.getState().load('a\nb\n', 'last'));
    expect(await answered(store.getState().goToNamespace(7))).toBe(true);
    expect(store.getState().selectedNs).toBe(7);
    expect(await answered(store.getState().goToNamespace(9))).toBe(false);
    expect(store.getState().selectedNs).toBeNull();
  });

  it('keeps what the tree unfolded across an edit, and starts another text with nothing unfolded', async () => {
    const { engine, store, runFrames } = setup();
    const answerAll = async () => {
      for (let i = 0; i < 4; i++) {
        engine.answer();
        await tick();
        runFrames();
      }
    };
    await store.getState().load('a\nb\n', 'last');
    await answerAll();
    store.getState().showMoreNamespaces(0);
    store.getState().showMoreProcesses(1);
    await answerAll();
    store.getState().edit('a\nb\nc\n');
    await tick();
    await answerAll();
    expect(engine.loads.at(-1)).toBe('a\nb\nc\n');
    expect(engine.shows.at(-1)).toMatchObject({ nsLimits: [{ ns: 0, count: 40 }], treeLimits: [{ ns: 1, count: 120 }] });
    const opening = store.getState().replaceText('x\ny\n');
    await answerAll();
    await opening;
    expect(engine.loads.at(-1)).toBe('x\ny\n');
    expect(engine.shows.at(-1)).toMatchObject({ nsLimits: [], treeLimits: [] });
    expect(store.getState()).toMatchObject({ nsLimits: {}, treeLimits: {}, windows: {} });
  });

  it('keeps one show request in flight and folds later changes into the next', async () => {
    const { engine, store, runFrames } = setup();
    await store.getState().load('1\n2\n3\n4\n5\n', 'first');
    store.getState().seek(1);
    store.getState().seek(2);
    store.getState().seek(4);
    expect(engine.shows).toHaveLength(1);
    engine.answer();
    await tick();
    runFrames();
    expect(engine.shows.map((s) => s.step)).toEqual([0, 4]);
  });

  it('plays at its speed and stops on a pause point', async () => {
    const { store, runFrames, advanceClock } = setup(10, [3]);
    await store.getState().load('1\n2\n3\n4\n5\n6\n', 'first');
    store.getState().setSpeed(2);
    store.getState().play();
    advanceClock(1000);
    runFrames();
    expect(store.getState().step).toBe(2);
    expect(store.getState().playing).toBe(true);
    advanceClock(5000);
    runFrames();
    expect(store.getState()).toMatchObject({ step: 3, playing: false });
  });

  it('appends an action to the text and shows the step after it', async () => {
    const { engine, store } = setup();
    await store.getState().load('init fork as a\n', 'first');
    await store.getState().act('a fork');
    expect(engine.loads.at(-1)).toBe('init fork as a\na fork\n');
    expect(store.getState().step).toBe(2);
  });

  it('re-runs an edit after the debounce and keeps the step when it can', async () => {
    const { engine, store } = setup();
    await store.getState().load('1\n2\n3\n', 2);
    store.getState().edit('1\n2\n3\n4\n');
    await new Promise((r) => setTimeout(r, 5));
    expect(engine.loads.at(-1)).toBe('1\n2\n3\n4\n');
    expect(store.getState().step).toBe(2);
  });

  it('settles a pending edit at once: a link made right after typing carries what was typed', async () => {
    const engine = fakeEngine(10);
    const store = createAppStore({ client: engine.client, schedule: (task) => task(), now: () => 0, editDelayMs: 60_000 });
    await store.getState().load('1\n', 'first');
    store.getState().edit('1\n2\n');
    expect(store.getState().loadedText).toBe('1\n');
    let settled = false;
    const settling = store.getState().settle().then(() => { settled = true; });
    await tick();
    expect(store.getState().loadedText).toBe('1\n2\n');
    expect(engine.loads).toEqual(['1\n', '1\n2\n']);
    engine.answer();
    await tick();
    expect(settled).toBe(false);
    engine.answer();
    await settling;
    expect(store.getState().frame?.step).toBe(0);
  });

  it('reports an engine crash and reloads the text once', async () => {
    const { engine, store } = setup();
    await store.getState().load('1\n', 'first');
    engine.crash('boom');
    await tick();
    expect(store.getState().notice).toContain('boom');
    expect(engine.loads).toEqual(['1\n', '1\n']);
  });
});

describe('placeStep', () => {
  it('keeps the step when it still exists, else the last', () => {
    expect(placeStep('keep', 5, 10)).toBe(5);
    expect(placeStep('keep', 12, 10)).toBe(10);
    expect(placeStep('last', 0, 10)).toBe(10);
    expect(placeStep(-3, 0, 10)).toBe(0);
  });
});

describe('held step', () => {
  it('keeps the visitor\'s step through a re-run that has fewer steps', async () => {
    const { store } = setup();
    await store.getState().load('1\n2\n3\n4\n5\n6\n', 5);
    await store.getState().load('1\n', 'keep');
    expect(store.getState().step).toBe(1);
    await store.getState().load('1\n2\n3\n4\n5\n6\n7\n', 'keep');
    expect(store.getState().step).toBe(5);
  });

  it('remembers steps asked for before the first load', async () => {
    const { store } = setup();
    store.getState().stepBy(1);
    store.getState().stepBy(1);
    await store.getState().load('1\n2\n3\n', 'keep');
    expect(store.getState().step).toBe(2);
  });

  it('goes to the last step of a scenario that was still loading when Last step was pressed', async () => {
    const { store } = setup();
    store.getState().seek('last');
    await store.getState().load('1\n2\n3\n', 'keep');
    expect(store.getState().step).toBe(3);
    await store.getState().load('1\n2\n3\n4\n5\n', 'keep');
    expect(store.getState().step).toBe(3);
  });

  it('takes the last step of the scenario loaded now, not of the one loaded before', async () => {
    const { store } = setup();
    await store.getState().load('1\n2\n3\n', 'first');
    const rerun = store.getState().load('1\n2\n3\n4\n5\n', 'keep');
    store.getState().seek('last');
    expect(store.getState().step).toBe(3);
    await rerun;
    expect(store.getState().step).toBe(5);
  });

  it('starts playing once loaded when Play was pressed during the load, and not after Pause', async () => {
    const { store, runFrames, advanceClock } = setup();
    store.getState().play();
    expect(store.getState().playing).toBe(true);
    await store.getState().load('1\n2\n3\n4\n', 'first');
    expect(store.getState().playing).toBe(true);
    advanceClock(1000);
    runFrames();
    expect(store.getState().step).toBeGreaterThan(0);
    store.getState().pause();
    const rerun = store.getState().load('1\n2\n', 'keep');
    store.getState().play();
    store.getState().pause();
    await rerun;
    expect(store.getState().playing).toBe(false);
  });
});

describe('replacing the text safely', () => {
  it('offers the visitor\'s own text back when something opened replaces it, and restores it', async () => {
    const { engine, store } = setup();
    await store.getState().load('from the library\n', 'first');
    await store.getState().replaceText('another entry\n');
    expect(store.getState().restorable).toBeNull();
    store.getState().edit('my work\n');
    await store.getState().replaceText('a lesson\n');
    expect(store.getState()).toMatchObject({ text: 'a lesson\n', restorable: 'my work\n', restoreWhy: 'replaced' });
    const edits = store.getState().edits;
    await store.getState().restoreText();
    expect(store.getState()).toMatchObject({ text: 'my work\n', restorable: null });
    expect(store.getState().edits).toBe(edits + 1);
    expect(engine.loads.at(-1)).toBe('my work\n');
  });

  it('goes to the last step of a link when Last step was pressed while the link was opening', async () => {
    const { store } = setup();
    store.getState().seek('last');
    await store.getState().openLink(encodeFragment('a\nb\nc\n'));
    expect(store.getState().step).toBe(3);
    await store.getState().replaceText('x\ny\n');
    expect(store.getState().step).toBe(0);
  });

  it('opens a link through the engine, offering the visitor\'s text back, and says why a bad one cannot open', async () => {
    const { store } = setup();
    await store.getState().load('1\n', 'first');
    store.getState().edit('mine\n');
    expect(await store.getState().openLink(encodeFragment('a\nb\nc\n', 2))).toBe(true);
    expect(store.getState()).toMatchObject({ text: 'a\nb\nc\n', step: 2, restorable: 'mine\n' });
    expect(await store.getState().openLink('#v1.zAAAA.AAAAAA')).toBe(false);
    expect(store.getState().notice).toMatch(/^This link cannot be opened/);
    expect(store.getState().text).toBe('a\nb\nc\n');
  });

  it('moves to the step of a link to the text already shown, without loading it again', async () => {
    const { engine, store } = setup();
    await store.getState().openLink(encodeFragment('a\nb\nc\n'));
    const loads = engine.loads.length;
    await store.getState().openLink(encodeFragment('a\nb\nc\n', 3));
    expect(store.getState().step).toBe(3);
    expect(engine.loads).toHaveLength(loads);
  });

  it('asks the engine for the tasks a link names by label, the page holding no labels', async () => {
    const { store } = setup();
    const view = { task: 't2', viewAs: 't1', ns: 'ns0' };
    await store.getState().openLink(encodeFragment('a\nb\nc\n', 2, view));
    expect(store.getState()).toMatchObject({ step: 2, selectedTask: 2, viewer: 1, selectedNs: 0 });
    await store.getState().openLink(encodeFragment('a\nb\nc\n', 1, { ...view, task: 't0' }));
    expect(store.getState()).toMatchObject({ step: 1, selectedTask: 0, viewer: 1 });
  });
});
