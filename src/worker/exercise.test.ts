import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createExerciseDesk } from './exercise.ts';

const LESSONS = new URL('../../scenarios/lessons/', import.meta.url);
const EXERCISE = `title: Reap
goal: Leave no zombie behind.
hint: Only a zombie's parent can reap it.
hint: wait collects one child's exit status.
init fork as shell
shell fork as job
job exit 2
solution
  shell wait job => 3
end
`;
const STARTER = EXERCISE.slice(0, EXERCISE.indexOf('solution'));

describe('exercise desk', () => {
  it('reads the goal, the hints, the starter and the block, and draws the goal state as a frame', async () => {
    const read = await createExerciseDesk().read(EXERCISE);
    if (!read.ok) throw new Error(`not read: ${JSON.stringify(read)}`);
    expect(read.exercise).toMatchObject({
      goal: 'Leave no zombie behind.', hints: ["Only a zombie's parent can reap it.", "wait collects one child's exit status."],
      starter: STARTER, solution: 'solution\n  shell wait job => 3\nend\n',
    });
    const ns0 = read.exercise.frame.tables.find((t) => t.ns === 0);
    expect(ns0?.rows.map((r) => `${r.pid} ${r.stat}`)).toEqual(['1 S', '2 S']);
  });

  it('checks an attempt by its state, however it got there', () => {
    const desk = createExerciseDesk();
    expect(desk.check(STARTER, EXERCISE)).toMatchObject({ kind: 'not-solved' });
    expect(desk.check(`${STARTER}shell wait\n`, EXERCISE)).toEqual({ kind: 'solved' });
    expect(desk.check(`${STARTER}shell wait job\n`, EXERCISE)).toEqual({ kind: 'solved' });
  });

  it('says which line stops an attempt, and when a text is no exercise', async () => {
    const desk = createExerciseDesk();
    expect(desk.check(`${STARTER}ghost wait\n`, EXERCISE)).toMatchObject({ kind: 'error', line: 8 });
    expect(await desk.read('init fork\n')).toEqual({ ok: false, problem: 'not-an-exercise' });
    expect(desk.check('init fork\n', 'init fork\n')).toMatchObject({ kind: 'error' });
  });

  it('reads every exercise of the course, and its starter is not yet solved', async () => {
    const desk = createExerciseDesk();
    const exercises = readdirSync(LESSONS).map((f) => readFileSync(new URL(f, LESSONS), 'utf8')).filter((t) => /^goal:/m.test(t));
    expect(exercises.length).toBeGreaterThan(0);
    for (const text of exercises) {
      const read = await desk.read(text);
      if (!read.ok) throw new Error(`${text.split('\n')[0]}: ${JSON.stringify(read)}`);
      expect(read.exercise.frame.tables.length).toBeGreaterThan(0);
      expect(desk.check(read.exercise.starter, text).kind).toBe('not-solved');
    }
  });
});
