/**
 * Exercises: a file with `goal:` and a `solution … end` block. Pure; usable by the worker (the
 * page) and the CLI alike. Never throws.
 *
 * - `readExercise(text)`: everything the page needs to set an exercise, computed once: the goal
 *   paragraph, the hints in order, the `starter` (the text without its solution block — what the
 *   editor holds), the `solution` block's text (kept out of the editor until asked for), and the
 *   goal state (`namespaces` with their ps rows, `tasks`) to draw a goal tree and goal tables.
 *   The goal state is the state after the file's statements outside the block followed by the
 *   block's statements.
 * - `checkAttempt(attemptText, exercise)`: runs the statements of `attemptText` outside any
 *   solution block (expectations do not count) and compares its state with the exercise's goal
 *   state (compare-states.ts): `solved`, `not-solved` with the first difference in words, or the
 *   scenario error that stopped the attempt.
 * - `checkExercise(attemptText, exerciseText)`: both at once (`pidns-lab check FILE --solution
 *   OTHER` is `checkExercise(FILE, OTHER)`; `check FILE` is `checkExercise(FILE, FILE)`).
 * - `ownGoal(program, namespaces)`: for a run of an exercise file itself (`run`), whether the
 *   state it reached (`namespaces`) is the file's own goal; null when the file is no exercise.
 * - `goalScenario(text)`: the goal run as a plain scenario, on the same line numbers (the
 *   real-kernel conformance run checks an exercise's goal with it).
 */
import type { Diagnostic, Program, SolutionBlock } from './ast.ts';
import { compareStates } from './compare-states.ts';
import { finishRun, namespacesOf, tasksOf, type JsonNamespace, type JsonTask } from './document.ts';
import { createInterpreter } from './interpreter.ts';
import { parseScenario } from './parser.ts';

export interface Exercise {
  title: string | null;
  /** the `goal:` lines, joined into one paragraph */
  goal: string;
  /** the `hint:` lines, in order */
  hints: string[];
  /** the text without the solution block: the attempt the learner starts from */
  starter: string;
  /** the block as written, from its `solution` line to its `end` line */
  solution: string;
  /** the goal state: every namespace with its ps rows, and every task */
  namespaces: JsonNamespace[];
  tasks: JsonTask[];
}

export type ExerciseResult =
  | { ok: true; exercise: Exercise }
  /** the text has no `goal:` or no solution block */
  | { ok: false; problem: 'not-an-exercise' }
  /** the text does not parse (`during: 'parse'`), or the goal run (statements, then the block)
   * stopped on an error (`during: 'goal'`) */
  | { ok: false; problem: 'error'; during: 'parse' | 'goal'; diagnostic: Diagnostic };

export type Verdict =
  | { kind: 'solved' }
  | { kind: 'not-solved'; difference: string }
  | { kind: 'error'; diagnostic: Diagnostic };

const lines = (text: string): string[] => text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);

function withoutTrailingBlanks(ls: readonly string[]): string {
  const kept = [...ls];
  while (kept.length > 0 && (kept[kept.length - 1] as string).trim() === '') kept.pop();
  return kept.length === 0 ? '' : `${kept.join('\n')}\n`;
}

/** The state after `program`'s statements, or the scenario error that stopped them. */
function stateAfter(program: Program): { namespaces: JsonNamespace[]; tasks: JsonTask[] } | Diagnostic {
  const run = createInterpreter(program);
  const error = finishRun(run);
  return error ?? { namespaces: namespacesOf(run.state), tasks: tasksOf(run.state) };
}

/** The goal state of an exercise: its statements, then its solution block's. */
function goalState(program: Program, solution: SolutionBlock): ReturnType<typeof stateAfter> {
  return stateAfter({ ...program, body: [...program.body, ...solution.body], solution: null });
}

export function readExercise(text: string): ExerciseResult {
  const { program, diagnostics } = parseScenario(text);
  if (program === null) return { ok: false, problem: 'error', during: 'parse', diagnostic: diagnostics[0] as Diagnostic };
  const { goal, solution } = program;
  if (goal === null || solution === null) return { ok: false, problem: 'not-an-exercise' };
  const state = goalState(program, solution);
  if ('code' in state) return { ok: false, problem: 'error', during: 'goal', diagnostic: state };
  const all = lines(text);
  return {
    ok: true,
    exercise: {
      title: program.title, goal, hints: program.hints,
      starter: withoutTrailingBlanks([...all.slice(0, solution.line - 1), ...all.slice(solution.endLine)]),
      solution: withoutTrailingBlanks(all.slice(solution.line - 1, solution.endLine)),
      ...state,
    },
  };
}

function verdict(attempt: readonly JsonNamespace[], goal: readonly JsonNamespace[]): Verdict {
  const difference = compareStates(attempt, goal);
  return difference === null ? { kind: 'solved' } : { kind: 'not-solved', difference };
}

export function ownGoal(program: Program, namespaces: readonly JsonNamespace[]): Verdict | null {
  if (program.goal === null || program.solution === null) return null;
  const goal = goalState(program, program.solution);
  return 'code' in goal ? { kind: 'error', diagnostic: goal } : verdict(namespaces, goal.namespaces);
}

export function checkAttempt(attemptText: string, exercise: Pick<Exercise, 'namespaces'>): Verdict {
  const { program, diagnostics } = parseScenario(attemptText);
  if (program === null) return { kind: 'error', diagnostic: diagnostics[0] as Diagnostic };
  const state = stateAfter(program);
  if ('code' in state) return { kind: 'error', diagnostic: state };
  return verdict(state.namespaces, exercise.namespaces);
}

/** `checkAttempt` against the exercise in `exerciseText`; its own problems come back as they are. */
export function checkExercise(attemptText: string, exerciseText: string): Verdict | Exclude<ExerciseResult, { ok: true }> {
  const read = readExercise(exerciseText);
  return read.ok ? checkAttempt(attemptText, read.exercise) : read;
}

/** The exercise's text with its `solution` and `end` lines blanked: a plain scenario (an attempt)
 * whose run is the goal run, each statement on its own line number. Other texts come back as
 * they are. */
export function goalScenario(text: string): string {
  const { program } = parseScenario(text);
  const block = program?.solution;
  if (block === undefined || block === null) return text;
  const all = lines(text);
  all[block.line - 1] = '';
  all[block.endLine - 1] = '';
  return all.join('\n');
}
