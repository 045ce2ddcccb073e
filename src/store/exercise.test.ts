import { describe, expect, it } from 'vitest';
import { joinExercise, mayBeExercise } from './exercise.ts';

describe('exercise text', () => {
  it('may be an exercise with a goal header and a solution line', () => {
    expect(mayBeExercise('goal: reap it\ninit fork\nsolution  # the block\n  init wait\nend\n')).toBe(true);
    expect(mayBeExercise('init fork\nsolution\n  init fork\nend\n')).toBe(false);
    expect(mayBeExercise('goal: a\ninit fork\n')).toBe(false);
  });
  it('joins the attempt and the solution block into one text', () => {
    expect(joinExercise('goal: g\ninit fork\n\n', 'solution\n  init wait\nend\n')).toBe(
      'goal: g\ninit fork\nsolution\n  init wait\nend\n');
  });
});
