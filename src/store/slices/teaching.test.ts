import { describe, expect, it } from 'vitest';
import type {
  CheckVerdict, EngineClient, ExerciseEngine, ExerciseRead, Frame, Loaded, ShowParams, Step,
} from '../../protocol/index.ts';
import { createAppStore } from '../store.ts';

const EXERCISE = 'goal: reap it\ninit fork as a\na exit\nsolution\n  init wait a\nend\n';
const STARTER = 'goal: reap it\ninit fork as a\na exit\n';

/** an engine whose scenarios have five steps, a question at steps 3 and 5 when the text says `?` */
function fakeEngine() {
  const shows: ShowParams[] = [];
  const pending: (() => void)[] = [];
  const checked: { attempt: string; exercise: string }[] = [];
  const loaded = (text: string) => ({
    title: null, total: 5, error: null, lines: new Int32Array(0), pauses: new Int32Array(0), diagnostics: [], failed: 0,
    actSteps: new Int32Array(0), questionSteps: Int32Array.from(text.includes('?') ? [3, 5] : []),
  }) as unknown as Loaded;
  const frameAt = (step: number) => ({
    step, namespaces: [], tables: [], liveTasks: null, inspected: null, events: [], act: null, why: 'the rule',
    stepInfo: step === 0 ? null : { line: step, actor: 'init', op: 'getpid', text: 'init getpid', result: String(step - 2), expect: null, pass: null, settledAt: null } as Step,
  }) as unknown as Frame;
  const client: EngineClient & ExerciseEngine = {
    load: async (text) => loaded(text),
    show: (params) => {
      shows.push(params);
      return new Promise<Frame>((resolve) => pending.push(() => resolve(frameAt(params.step))));
    },
    tryText: async () => null,
    open: async () => {
      throw new Error('no link is opened here');
    },
    encodeLink: async () => {
      throw new Error('no link is made here');
    },
    findTasks: async () => [],
    onCrash: () => undefined,
    dispose: () => undefined,
    readExercise: async (text): Promise<ExerciseRead> => (text === EXERCISE
      ? { ok: true, exercise: { goal: 'reap it', hints: ['one', 'two'], starter: STARTER, solution: 'solution\n  init wait a\nend\n', frame: frameAt(3) } }
      : { ok: false, problem: 'not-an-exercise' }),
    checkAttempt: async (attempt, exercise): Promise<CheckVerdict> => {
      checked.push({ attempt, exercise });
      return attempt.includes('wait') ? { kind: 'solved' } : { kind: 'not-solved', difference: 'ns0 has a zombie' };
    },
  };
  return { client, shows, checked, answerAll: () => pending.splice(0).forEach((f) => f()) };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

function setup() {
  const engine = fakeEngine();
  const frames: (() => void)[] = [];
  let now = 0;
  const store = createAppStore({
    client: engine.client, exercises: engine.client, schedule: (task) => frames.push(task), now: () => now, editDelayMs: 0,
  });
  /** answers every frame asked for and applies it, until none is asked for */
  const settle = async () => {
    for (let i = 0; i < 5; i++) {
      engine.answerAll();
      await tick();
      frames.splice(0).forEach((f) => f());
    }
  };
  return { engine, store, settle, advanceClock: (ms: number) => { now += ms; }, runFrames: () => frames.splice(0).forEach((f) => f()) };
}

describe('questions', () => {
  it('the player stops before an unanswered question, whatever step is asked for', async () => {
    const { store } = setup();
    await store.getState().load('init getpid => ?', 'last');
    expect(store.getState()).toMatchObject({ step: 2, asking: 3 });
    store.getState().seek(1);
    expect(store.getState()).toMatchObject({ step: 1, asking: null });
    store.getState().stepBy(1);
    store.getState().stepBy(1);
    expect(store.getState()).toMatchObject({ step: 2, asking: 3 });
    await store.getState().load('init getpid => ?', 'keep');
    expect(store.getState()).toMatchObject({ step: 2, asking: 3 });
  });

  it('asks the engine for the text of the question asked, or of the step it stands on', async () => {
    const { store, engine, settle } = setup();
    await store.getState().load('init getpid => ?', 'last');
    await settle();
    expect(engine.shows.at(-1)).toMatchObject({ step: 2, question: 3 });
    store.getState().answerQuestion('2');
    await settle();
    expect(engine.shows.at(-1)).toMatchObject({ step: 3, question: 3 });
  });

  it('autoplay stops before a question and asks', async () => {
    const { store, advanceClock, runFrames } = setup();
    await store.getState().load('init getpid => ?', 'first');
    store.getState().play();
    advanceClock(10_000);
    runFrames();
    expect(store.getState()).toMatchObject({ step: 2, asking: 3, playing: false });
  });

  it('an answer lets the step through; its verdict comes with the step\'s frame', async () => {
    const { store, settle } = setup();
    await store.getState().load('init getpid => ?', 'last');
    store.getState().answerQuestion('2');
    expect(store.getState()).toMatchObject({ step: 3, asking: null });
    expect(store.getState().answers[3]?.verdict).toBeNull();
    await settle();
    expect(store.getState().answers[3]?.verdict).toEqual({ given: '2', right: false, answer: '1', reason: 'the rule' });
    store.getState().seek('last');
    expect(store.getState()).toMatchObject({ step: 4, asking: 5 });
    store.getState().answerQuestion(null);
    await settle();
    expect(store.getState().answers[5]?.verdict).toMatchObject({ given: null, right: false, answer: '3' });
  });

  it('stepping back and forth does not ask again, nor does an edit; opening another text does', async () => {
    const { store, settle } = setup();
    await store.getState().load('init getpid => ?', 'last');
    store.getState().answerQuestion('1');
    await settle();
    store.getState().seek(0);
    store.getState().seek(5);
    expect(store.getState()).toMatchObject({ step: 4, asking: 5 });
    store.getState().edit('init getpid => ? # edited');
    await tick();
    await tick();
    expect(store.getState().answers[3]).toBeDefined();
    await store.getState().load('other ?', 'last');
    expect(store.getState()).toMatchObject({ step: 2, asking: 3, answers: {} });
  });
});

describe('exercises', () => {
  it('an exercise opens with its starter in the editor, its goal, hints and solution kept aside', async () => {
    const { store } = setup();
    await store.getState().load(EXERCISE, 'first');
    expect(store.getState().text).toBe('init fork as a\na exit\n');
    expect(store.getState().exercise?.source).toBe(EXERCISE);
    expect(store.getState().exercise?.view.goal).toBe('reap it');
  });

  it('checks the editor\'s attempt against the exercise, again after each change', async () => {
    const { store, engine } = setup();
    await store.getState().load(EXERCISE, 'first');
    await store.getState().checkSolution();
    expect(store.getState().checked).toEqual({ kind: 'not-solved', difference: 'ns0 has a zombie' });
    store.getState().edit(`${STARTER}init wait\n`);
    await tick();
    await tick();
    expect(store.getState().checked).toBeNull();
    expect(store.getState().exercise?.source).toBe(EXERCISE);
    await store.getState().checkSolution();
    expect(store.getState().checked).toEqual({ kind: 'solved' });
    await store.getState().load(store.getState().text);
    expect(store.getState().checked).toEqual({ kind: 'solved' });
    expect(engine.checked.map((c) => c.exercise)).toEqual([EXERCISE, EXERCISE]);
  });

  it('hints come one at a time, never more than there are', async () => {
    const { store } = setup();
    await store.getState().load(EXERCISE, 'first');
    for (let i = 0; i < 3; i++) store.getState().showHint();
    expect(store.getState().hintsShown).toBe(2);
    expect(store.getState().solutionShown).toBe(false);
    store.getState().showSolution();
    expect(store.getState().solutionShown).toBe(true);
  });
});

describe('lessons', () => {
  it('a lesson keeps the learner\'s attempt and records a solved exercise', async () => {
    const { store } = setup();
    await store.getState().openLesson('04', EXERCISE);
    expect(store.getState().lesson).toBe('04');
    expect(store.getState().courseProgress['04']).toMatchObject({ exercise: true, questions: 0, solved: false });
    store.getState().edit(`${STARTER}init wait\n`);
    await tick();
    await tick();
    expect(store.getState().courseProgress['04']?.attempt).toBe(`${STARTER}init wait\n`);
    await store.getState().checkSolution();
    expect(store.getState().courseProgress['04']?.solved).toBe(true);
    await store.getState().load('init fork\n');
    expect(store.getState().lesson).toBeNull();
    await store.getState().openLesson('04', EXERCISE);
    expect(store.getState().text).toBe(`${STARTER}init wait\n`);
  });

  it('a reopened lesson shows the hints seen, and Solved while the solved attempt is unchanged', async () => {
    const { store } = setup();
    await store.getState().openLesson('04', EXERCISE);
    store.getState().showHint();
    store.getState().edit(`${STARTER}init wait\n`);
    await tick();
    await store.getState().checkSolution();
    await store.getState().load('init fork\n');
    expect(store.getState()).toMatchObject({ hintsShown: 0, checked: null });
    await store.getState().openLesson('04', EXERCISE);
    expect(store.getState()).toMatchObject({ hintsShown: 1, checked: { kind: 'solved' } });
    store.getState().edit(`${STARTER}init wait\ninit fork\n`);
    await tick();
    await tick();
    expect(store.getState().checked).toBeNull();
    await store.getState().load('init fork\n');
    await store.getState().openLesson('04', EXERCISE);
    expect(store.getState()).toMatchObject({ hintsShown: 1, checked: null });
  });

  it('records every question answered, and which were right', async () => {
    const { store, settle } = setup();
    await store.getState().openLesson('02', 'init getpid => ?');
    store.getState().seek('last');
    store.getState().answerQuestion('1');
    await settle();
    store.getState().seek('last');
    store.getState().answerQuestion(null);
    await settle();
    expect(store.getState().courseProgress['02']).toMatchObject({ questions: 2, answered: [3, 5], right: [3] });
    store.getState().resetProgress();
    expect(store.getState().courseProgress).toEqual({});
  });

  it('offers back the visitor\'s own text that a lesson replaces', async () => {
    const { store } = setup();
    await store.getState().load('init fork\n');
    store.getState().edit('my own work\n');
    await store.getState().openLesson('01', 'init getpid => ?');
    expect(store.getState().restorable).toBe('my own work\n');
  });
});
