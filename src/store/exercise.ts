/**
 * An exercise's text on the page's side: a quick look whether a text may be an exercise (the
 * engine reads it for real), the editor's text of an exercise (no `goal:` or `hint:` lines: the
 * Goal region shows them), and the text a share link carries — the learner's attempt with the
 * exercise's `goal:` and `hint:` lines back and the solution block after it, so that a shared
 * exercise keeps its goal and hints.
 */
import { headerLine, headerLineIndexes } from '../scenario/index.ts';
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

// The Goal region shows these, one hint at a time: in the editor they would give the hints away.
const TASK_KEYS = new Set(['goal', 'hint']);
const LINE_BREAK = /\r\n|\n|\r/;

function taskLineIndexes(lines: readonly string[]): number[] {
  return headerLineIndexes(lines).filter((i) => TASK_KEYS.has(headerLine(lines[i] as string)?.key ?? ''));
}

/** the exercise's text as the editor holds it: without its `goal:` and `hint:` lines */
export function withoutTask(text: string): string {
  const lines = text.split(LINE_BREAK);
  const task = new Set(taskLineIndexes(lines));
  return lines.filter((_, i) => !task.has(i)).join('\n');
}

/** `attempt` with the `goal:` and `hint:` lines of `exercise` back, after its other headers */
export function withTask(attempt: string, exercise: string): string {
  const source = exercise.split(LINE_BREAK);
  const task = taskLineIndexes(source).map((i) => source[i] as string);
  const lines = withoutTask(attempt).split('\n');
  const at = (headerLineIndexes(lines).at(-1) ?? -1) + 1;
  return [...lines.slice(0, at), ...task, ...lines.slice(at)].join('\n');
}

/** the text a link to what is shown carries: the whole exercise around the learner's attempt */
export function shareableText(s: Pick<AppState, 'text' | 'loadedText' | 'exercise'>): string {
  const shown = s.loadedText ?? s.text;
  return s.exercise === null ? shown : joinExercise(withTask(shown, s.exercise.source), s.exercise.view.solution);
}
