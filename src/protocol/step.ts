/**
 * The one shape of an executed statement on the page's side of the engine: the worker records
 * it during the first run, keeps it in its timeline and sends it in a frame; the player shows it.
 * (The interpreter's own record, `StepRecord` in src/scenario, is turned into this in one place:
 * src/worker/record.ts.)
 */
export interface Step {
  /** the statement's source line (1-based) */
  line: number;
  actor: string;
  op: string;
  /** the statement as written; inside a repeat, with the actor it ran as */
  text: string;
  /** as written in the language (`5`, `EINVAL`), or null (none, or a wait still blocked) */
  result: string | null;
  expect: string | null;
  /** null without an expectation */
  pass: boolean | null;
  /** a wait that blocked here completes during this later step (null: it did not block) */
  settledAt: number | null;
}
