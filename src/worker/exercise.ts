/**
 * Exercises in the engine: reads a text as an exercise (the language's readExercise) and draws
 * its goal state as a frame, the same way the live world is drawn; checks an attempt against an
 * exercise's goal state (checkAttempt). The last exercise read is kept, so checking again and
 * again does not run its goal again.
 */
import type { CheckVerdict, ExerciseRead, Frame } from '../protocol/index.ts';
import { checkAttempt, readExercise, type Diagnostic, type Exercise } from '../scenario/index.ts';
import { buildFrame } from './frame.ts';
import { recordRun } from './record.ts';
import { stateAt } from './timeline.ts';

export interface ExerciseDesk {
  read(text: string): Promise<ExerciseRead>;
  check(attempt: string, exercise: string): CheckVerdict;
}

export function createExerciseDesk(): ExerciseDesk {
  let last: { text: string; exercise: Exercise } | null = null;

  function exerciseOf(text: string): Exercise | Exclude<ReturnType<typeof readExercise>, { ok: true }> {
    if (last?.text === text) return last.exercise;
    const read = readExercise(text);
    if (!read.ok) return read;
    last = { text, exercise: read.exercise };
    return read.exercise;
  }

  return {
    async read(text) {
      const found = exerciseOf(text);
      if ('ok' in found) return found.problem === 'error' ? { ok: false, problem: 'error', ...where(found.diagnostic) } : found;
      const { goal, hints, starter, solution } = found;
      return { ok: true, exercise: { goal, hints, starter, solution, frame: await goalFrame(starter, solution) } };
    },
    check(attempt, exercise) {
      const found = exerciseOf(exercise);
      if ('ok' in found) {
        return found.problem === 'error'
          ? { kind: 'error', ...where(found.diagnostic) }
          : { kind: 'error', line: 1, message: 'this scenario is not an exercise: it has no goal: or no solution block' };
      }
      const verdict = checkAttempt(attempt, found);
      return verdict.kind === 'error' ? { kind: 'error', ...where(verdict.diagnostic) } : verdict;
    },
  };
}

function where(d: Diagnostic): { line: number; message: string } {
  return { line: d.line, message: d.message };
}

/** the world after the starter's statements and then the block's, drawn as the live world is */
async function goalFrame(starter: string, solution: string): Promise<Frame> {
  const run = await recordRun(`${starter}${blockStatements(solution)}`, async () => true);
  if (run === null) throw new Error('the goal run was abandoned');
  const total = run.timeline.steps.length;
  return buildFrame(run.timeline, stateAt(run.timeline, total), {
    step: total, viewer: null, inspect: null, windows: [], treeLimits: [], act: 0, idle: false,
  });
}

/** the lines between `solution` and `end`: the block's statements, run after the starter's */
function blockStatements(solution: string): string {
  const lines = solution.replace(/\n$/, '').split('\n');
  return `${lines.slice(1, -1).join('\n')}\n`;
}
