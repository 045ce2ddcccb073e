/**
 * `pidns-lab check FILE [--solution OTHER]`: whether the attempt in FILE reaches the goal of the
 * exercise in OTHER (FILE itself without `--solution`). Prints `solved` (status 0) or
 * `not solved: <first difference>` (status 1); a scenario error in either part, or an exercise
 * that is not one, is status 2 with `line N: message` and the part it is in on stderr.
 */
import { checkAttempt, formatDiagnostic, ownGoal, readExercise, type Diagnostic, type Program, type JsonNamespace } from '../scenario/index.ts';

/** A scenario text and the name it is given in messages. */
export interface Source {
  name: string;
  text: string;
}

export interface CheckOutput {
  code: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

const shown = (name: string): string => (name === '-' ? 'standard input' : name);
const error = (d: Diagnostic, where: string): CheckOutput =>
  ({ code: 2, stdout: '', stderr: `${formatDiagnostic(d)}\npidns-lab: this error is in ${where}\n` });

function notAnExercise(exercise: Source, given: boolean): CheckOutput {
  const fix = given ? 'give an exercise after --solution' : 'add one, or give the exercise with --solution OTHER';
  const stderr = `pidns-lab: ${shown(exercise.name)} is not an exercise (it needs a goal: line and a solution … end block); ${fix}\n`;
  return { code: 2, stdout: '', stderr };
}

/** Checks `attempt` against the exercise `exercise` (null: the attempt's own file). */
export function check(attempt: Source, exercise: Source | null): CheckOutput {
  const ex = exercise ?? attempt;
  const read = readExercise(ex.text);
  if (!read.ok && read.problem === 'not-an-exercise') return notAnExercise(ex, exercise !== null);
  if (!read.ok) {
    const where = read.during === 'parse' ? shown(ex.name) : `the goal of ${shown(ex.name)} (its statements, then its solution block)`;
    return error(read.diagnostic, where);
  }
  const verdict = checkAttempt(attempt.text, read.exercise);
  switch (verdict.kind) {
    case 'solved': return { code: 0, stdout: 'solved\n', stderr: '' };
    case 'not-solved': return { code: 1, stdout: `not solved: ${verdict.difference}\n`, stderr: '' };
    case 'error': return error(verdict.diagnostic, `the attempt in ${shown(attempt.name)} (its statements outside the solution block)`);
  }
}

/** For `run` of an exercise: `goal reached`, or `goal not reached: …` (empty for other files). */
export function goalLine(program: Program, namespaces: readonly JsonNamespace[]): string {
  const verdict = ownGoal(program, namespaces);
  if (verdict === null) return '';
  if (verdict.kind === 'solved') return 'goal reached\n';
  if (verdict.kind === 'not-solved') return `goal not reached: ${verdict.difference}\n`;
  return `goal unknown: its solution block stops with ${formatDiagnostic(verdict.diagnostic)}\n`;
}
