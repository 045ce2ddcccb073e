/**
 * An exercise's text on the page's side: a quick look whether a text may be an exercise (the
 * engine reads it for real), and the text a share link carries — the learner's attempt followed
 * by the solution block, so that a shared exercise keeps its goal.
 */
import type { AppState } from './state.ts';

const GOAL = /^\s*goal\s*:/m;
const SOLUTION = /^\s*solution\s*(#.*)?$/m;

/** a `goal:` header and a `solution` line: worth asking the engine to read it as an exercise */
export function mayBeExercise(text: string): boolean {
  return GOAL.test(text) && SOLUTION.test(text);
}

/** the whole exercise again: the learner's attempt, then the solution block */
export function joinExercise(attempt: string, solution: string): string {
  return `${attempt.replace(/\s+$/, '')}\n${solution}`;
}

/** the text a link to what is shown carries: an exercise's attempt keeps its solution block */
export function shareableText(s: Pick<AppState, 'text' | 'loadedText' | 'exercise'>): string {
  const shown = s.loadedText ?? s.text;
  return s.exercise === null ? shown : joinExercise(shown, s.exercise.view.solution);
}
