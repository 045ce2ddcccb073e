import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAttempt, checkExercise, goalScenario, ownGoal, readExercise, type Exercise } from './exercise.ts';
import { parseScenario } from './parser.ts';

const ZOMBIE = [
  'title: Reap it',
  'goal: Leave no zombie:',
  'goal: reap the job.',
  'hint: its parent can reap it',
  'init   fork  as shell',
  'shell  fork  as job',
  'job    exit 2',
  '',
  'solution',
  '  shell wait job   => 3',
  'end',
  '',
].join('\n');

function exercise(text: string): Exercise {
  const r = readExercise(text);
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.exercise;
}

describe('readExercise', () => {
  it('gives the goal, the hints, the starter without the block, the block as written and the goal state', () => {
    const ex = exercise(ZOMBIE);
    expect(ex).toMatchObject({ title: 'Reap it', goal: 'Leave no zombie: reap the job.', hints: ['its parent can reap it'] });
    expect(ex.starter).toBe(ZOMBIE.split('\nsolution')[0]?.trimEnd() + '\n');
    expect(ex.solution).toBe('solution\n  shell wait job   => 3\nend\n');
    expect(ex.namespaces.map((n) => n.ps.map((r) => [r.pid, r.stat, r.label]))).toEqual([[[1, 'S', 'init'], [2, 'S', 'shell']]]);
    expect(ex.tasks.map((t) => [t.label, t.state])).toEqual([['init', 'alive'], ['shell', 'alive'], ['job', 'dead']]);
    expect(JSON.parse(JSON.stringify(ex))).toEqual(ex);
  });
  it('keeps what follows the block in the starter', () => {
    expect(exercise('goal: g\ninit fork\r\nsolution\n  init fork\nend\n# why\n').starter).toBe('goal: g\ninit fork\n# why\n');
  });
  it('says when a text is no exercise', () => {
    expect(readExercise('init fork')).toEqual({ ok: false, problem: 'not-an-exercise' });
    expect(readExercise('goal: g\ninit fork')).toEqual({ ok: false, problem: 'not-an-exercise' });
  });
  it('gives the first parse error, or the error that stops the goal run, with its line', () => {
    expect(readExercise('goal: g\ninit frok\nsolution\n  init fork\nend')).toMatchObject({ problem: 'error', during: 'parse', diagnostic: { line: 2, code: 'SCN1007' } });
    expect(readExercise('goal: g\ninit fork as A\nsolution\n  B exit 0\nend')).toMatchObject({ problem: 'error', during: 'goal', diagnostic: { line: 4, code: 'SCN1029' } });
  });
});

describe('checkAttempt', () => {
  const ex = exercise(ZOMBIE);
  it('refuses the starter, naming the first difference', () => {
    expect(checkAttempt(ex.starter, ex)).toEqual({ kind: 'not-solved', difference: 'ns0 has pid 3 (Z); the goal has no pid 3' });
  });
  it('accepts an attempt different from the solution that reaches the same state', () => {
    expect(checkAttempt(`${ex.starter}shell wait -1\n`, ex)).toEqual({ kind: 'solved' });
    expect(checkAttempt('init fork as a\na fork as b cmd "other"\nb exit 0\na wait\n', ex)).toEqual({ kind: 'solved' });
  });
  it('ignores the expectations of the attempt, either way', () => {
    expect(checkAttempt(`${ex.starter}shell wait => 99\n`, ex)).toEqual({ kind: 'solved' });
    expect(checkAttempt(`${ex.starter}shell getpid => 2\n`, ex).kind).toBe('not-solved');
  });
  it('runs only the statements outside the attempt\'s own solution block', () => {
    expect(checkAttempt(ZOMBIE, ex).kind).toBe('not-solved');
  });
  it('gives the scenario error that stops the attempt', () => {
    expect(checkAttempt(`${ex.starter}job wait\n`, ex)).toMatchObject({ kind: 'error', diagnostic: { line: 8, code: 'SCN1030' } });
    expect(checkAttempt('init frok', ex)).toMatchObject({ kind: 'error', diagnostic: { line: 1, code: 'SCN1007' } });
  });
});

describe('checkExercise and ownGoal', () => {
  it('take the goal from the exercise text, whatever the attempt does', () => {
    expect(checkExercise('init fork\ninit fork as B\nB exit 0\ninit wait', ZOMBIE)).toEqual({ kind: 'solved' });
    expect(checkExercise('init fork', 'init fork')).toEqual({ ok: false, problem: 'not-an-exercise' });
  });
  it('say whether a run of the exercise file reached its own goal', () => {
    const own = (text: string) => {
      const { program } = parseScenario(text);
      return ownGoal(program!, exercise(ZOMBIE).namespaces);
    };
    expect(own(ZOMBIE)).toEqual({ kind: 'solved' });
    expect(own('init fork')).toBeNull();
    expect(own('goal: g\ninit getpid\nsolution\n  init fork\n  init fork\nend')).toEqual({ kind: 'not-solved', difference: 'ns0 has no pid 3; the goal has pid 3 (S)' });
    expect(own('goal: g\ninit getpid\nsolution\n  X fork\nend')).toMatchObject({ kind: 'error', diagnostic: { line: 4 } });
  });
});

describe('goalScenario', () => {
  it('blanks the solution and end lines, so the goal run keeps every line number', () => {
    const goal = goalScenario(ZOMBIE);
    expect(goal.split('\n')).toHaveLength(ZOMBIE.split('\n').length);
    expect(goal).toContain('\n\n  shell wait job   => 3\n\n');
    const { program } = parseScenario(goal);
    expect(program?.solution).toBeNull();
    expect(checkAttempt(goal, exercise(ZOMBIE))).toEqual({ kind: 'solved' });
  });
  it('leaves other texts alone', () => {
    expect(goalScenario('init fork\r\n')).toBe('init fork\r\n');
    expect(goalScenario('init frok')).toBe('init frok');
  });
});

describe('the public examples', () => {
  const dir = '/work/shared/scenarios';
  it('reap-the-zombie: the starter is not solved, starter plus solution is', () => {
    const text = readFileSync(join(dir, 'exercise-reap-the-zombie.pidns'), 'utf8');
    const ex = exercise(text);
    expect(checkAttempt(ex.starter, ex).kind).toBe('not-solved');
    expect(checkAttempt(`${ex.starter}${ex.solution.split('\n').slice(1, -2).join('\n')}\n`, ex)).toEqual({ kind: 'solved' });
  });
});

describe('random exercises', () => {
  const line = fc.constantFrom('init fork', 'init fork as A', 'A exit 0', 'init wait', 'A fork', 'init clone NEWPID as N', 'N fork', 'N exit 1', 'A setsid', 'init kill KILL A');
  const lines = fc.array(line, { maxLength: 8 }).map((ls) => ls.join('\n'));
  it('never throw, are deterministic, and an exercise whose solution is its own attempt is solved', () => {
    fc.assert(fc.property(lines, lines, (attempt, solution) => {
      const text = `goal: g\n${attempt}\nsolution\n  ${solution.split('\n').join('\n  ')}\n  init getpid\nend\n`;
      const first = checkExercise(attempt, text);
      expect(checkExercise(attempt, text)).toEqual(first);
      const read = readExercise(text);
      if (read.ok) expect(checkAttempt(`${attempt}\n${solution}`, read.exercise)).toEqual({ kind: 'solved' });
    }), { numRuns: 200 });
  });
});
