import { describe, expect, it } from 'vitest';
import { runScenario } from '../scenario/index.ts';
import { exerciseGoalText } from './exercise-goal.ts';

const EXERCISE = [
  'title: reap',
  'goal: no zombie',
  'init fork as P => 2',
  'P fork as A => 3',
  'A exit 0',
  'solution',
  '  P wait A => 3',
  'end',
  '',
].join('\n');

describe('exerciseGoalText', () => {
  it('runs the solution block as ordinary statements, every line keeping its number', () => {
    const goal = exerciseGoalText(EXERCISE);
    expect(goal.split('\n')).toHaveLength(EXERCISE.split('\n').length);
    const steps = runScenario(goal).steps.map((s) => [s.line, s.op, s.pass]);
    expect(steps).toEqual([[3, 'fork', true], [4, 'fork', true], [5, 'exit', null], [7, 'wait', true]]);
  });

  it('leaves a scenario without a solution block as it is', () => {
    const plain = 'init fork as A => 2\n';
    expect(exerciseGoalText(plain)).toBe(plain);
  });

  it('leaves text that does not parse as it is, for the runner to report', () => {
    expect(exerciseGoalText('init frok\n')).toBe('init frok\n');
  });
});
