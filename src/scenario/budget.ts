/**
 * The static part of the run limits: lower bounds of the steps a program executes and of the
 * tasks its `fork`/`clone` statements create (a repeat whose count is a template counts once).
 * Past MAX_STEPS steps, or MAX_TASKS tasks, the parser reports the top-level statement that
 * crosses the limit, so a huge nest of repeats fails at once instead of after millions of steps;
 * the expander and the interpreter enforce the exact limits at run time.
 */
import type { Diagnostic, Statement } from './ast.ts';
import { at, D } from './diagnostics.ts';
import { MAX_STEPS, MAX_TASKS } from './limits.ts';

interface Cost {
  steps: number;
  creates: number;
}

/** the init every run starts with is a task too */
const MAX_CREATES = MAX_TASKS - 1;

const creates = (s: Statement): boolean => s.kind === 'op' && (s.call.op === 'fork' || s.call.op === 'clone');

/**
 * Adds the cost of `s` to `total`, saturating just above the limits. An explicit stack, not
 * recursion: a text can nest repeats a hundred thousand deep.
 */
function add(total: Cost, s: Statement): void {
  const stack: { s: Statement; times: number }[] = [{ s, times: 1 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { s: next, times } = item;
    if (next.kind === 'op') {
      total.steps = Math.min(MAX_STEPS + 1, total.steps + times);
      if (creates(next)) total.creates = Math.min(MAX_CREATES + 1, total.creates + times);
    } else if (next.kind === 'repeat') {
      const inner = Math.min(MAX_STEPS + 1, times * (next.count.kind === 'fixed' ? next.count.value : 1));
      for (const child of next.body) stack.push({ s: child, times: inner });
    }
  }
}

/**
 * How many tasks `body` creates if every fork and clone in it succeeds (at most MAX_TASKS): the
 * interpreter sizes the kernel's task table with it before the run, so that a long run does not
 * copy its columns at each doubling.
 */
export function tasksCreated(body: readonly Statement[]): number {
  const total: Cost = { steps: 0, creates: 0 };
  for (const s of body) add(total, s);
  return Math.min(total.creates, MAX_TASKS);
}

/** The limit the program certainly crosses, reported at the top-level statement that crosses it. */
export function checkRunBudget(body: readonly Statement[]): Diagnostic[] {
  const total: Cost = { steps: 0, creates: 0 };
  for (const s of body) {
    add(total, s);
    if (total.steps > MAX_STEPS) return [at(s.line, s.column, D.stepLimit(MAX_STEPS))];
    if (total.creates > MAX_CREATES) return [at(s.line, s.column, D.taskLimit(MAX_TASKS))];
  }
  return [];
}
