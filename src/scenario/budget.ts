/**
 * The static part of the step limit: a lower bound of the steps a program executes (a repeat
 * whose count is a template counts once). Past MAX_STEPS the parser reports the top-level
 * statement that crosses the limit, so a huge nest of repeats fails at once instead of after
 * ten million steps; the expander enforces the exact limit at run time.
 */
import type { Diagnostic, Statement } from './ast.ts';
import { at, D } from './diagnostics.ts';
import { MAX_STEPS } from './limits.ts';

/** Steps of one statement, saturated just above MAX_STEPS. */
function statementSteps(s: Statement): number {
  if (s.kind === 'op') return 1;
  if (s.kind !== 'repeat') return 0;
  return Math.min(MAX_STEPS + 1, (s.count.kind === 'fixed' ? s.count.value : 1) * minimumSteps(s.body));
}

/** Steps of `body`, saturated just above MAX_STEPS. */
export function minimumSteps(body: readonly Statement[]): number {
  let total = 0;
  for (const s of body) {
    total += statementSteps(s);
    if (total > MAX_STEPS) return MAX_STEPS + 1;
  }
  return total;
}

export function checkStepBudget(body: readonly Statement[]): Diagnostic[] {
  let total = 0;
  for (const s of body) {
    total += statementSteps(s);
    if (total > MAX_STEPS) return [at(s.line, s.column, D.stepLimit(MAX_STEPS))];
  }
  return [];
}
