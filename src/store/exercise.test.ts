import { describe, expect, it } from 'vitest';
import { joinExercise, mayBeExercise, shareableText, withoutTask } from './exercise.ts';
import type { AppState } from './state.ts';

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
  it('keeps goal: and hint: lines out of the editor\'s text, and only those', () => {
    expect(withoutTask('title: t\ngoal: g\n# why\nhint: h1\nhint: h2\ninit fork\n## hint: not a header\n')).toBe(
      'title: t\n# why\ninit fork\n## hint: not a header\n');
  });
  it('a link carries the whole exercise: its goal and hints after the other headers, the attempt, the solution', () => {
    const source = 'title: t\ngoal: g\nhint: h\ninit fork\nsolution\n  init wait\nend\n';
    const exercise = { source, view: { solution: 'solution\n  init wait\nend\n' } } as AppState['exercise'];
    expect(shareableText({ text: 'title: t\ninit fork\ninit fork\n', loadedText: null, exercise })).toBe(
      'title: t\ngoal: g\nhint: h\ninit fork\ninit fork\nsolution\n  init wait\nend\n');
    expect(shareableText({ text: 'goal: g\ninit fork\n', loadedText: null, exercise })).toBe(
      'goal: g\nhint: h\ninit fork\nsolution\n  init wait\nend\n');
    expect(shareableText({ text: 'typing', loadedText: 'init fork\n', exercise: null })).toBe('init fork\n');
  });
});
