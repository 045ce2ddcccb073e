/**
 * The public surface of the scenario language. Everything outside src/scenario imports from here.
 *
 * Stable API (the real-kernel conformance runner, the worker and the CLI code against it):
 *
 * - `parseScenario(text): ParseResult` — never throws. `program` is null when any diagnostic was
 *   found (every diagnostic is an error); otherwise `diagnostics` is empty. Templates in a repeat
 *   body are checked with every repeat variable at 1 (the first iteration always runs), so an
 *   error there is reported by the parser.
 * - `expandProgram(program): Iterable<ConcreteStatement>` — lazy: repeat blocks are expanded one
 *   iteration at a time, `{VAR}`, `{VAR+K}`, `{VAR-K}` substituted and every leaf parsed. It yields
 *   `step` items in execution order (captions and pauses attached to the following step), at most
 *   one trailing `narration`, and stops after yielding an `error` (a substituted value that does
 *   not parse, or the 10,000,000-step limit). It never throws.
 * - `createInterpreter(text | program)` — runs it on the kernel model one statement per `next()`
 *   (interpreter.ts); `runScenario(text, { steps })` — the CLI's `run --json` document. Both throw
 *   an `EngineFault` (fault.ts) when the engine itself throws (a bug), after putting the run back
 *   to its last good statement; nothing else throws.
 * - `encodeFragment` / `decodeFragment` — share links, format v1 (codec.ts; decoding never throws);
 *   `pageAddress(base, mode)` — the address before the fragment, with `?embed` or `?present` (address.ts).
 * - Questions: `questionAnswer(record)` and `judgeAnswer(answer, right)` (question.ts).
 * - Exercises: `readExercise(text)`, `checkAttempt(attemptText, exercise)`, `checkExercise`
 *   (exercise.ts) and `compareStates(attempt, goal)` (compare-states.ts).
 * The language itself is described in docs/language.md.
 */
export type {
  CaptionStatement, ConcreteStatement, ConcreteStep, Diagnostic, Expected, ExpansionError, LeafKind, OpCall, OpName,
  OpStatement, PauseStatement, Program, RepeatBlock, SlottedCall, Slot, SolutionBlock, Statement, TargetArg, Template,
  TemplatePart, TrailingNarration,
} from './ast.ts';
export { parseScenario, type ParseResult } from './parser.ts';
export { headerLine, headerLineIndexes, readHeaders, type Headers } from './headers.ts';
export { expandProgram } from './expand.ts';
export { formatDiagnostic } from './diagnostics.ts';
export { MAX_STEPS, MAX_TEXT_BYTES, utf8Length } from './limits.ts';
export { decodeFragment, encodeFragment, LINK_VERSION, type DecodeResult, type LinkData, type LinkView } from './codec.ts';
export { pageAddress, type PageModeName } from './address.ts';
export { createInterpreter, type Advance, type Interpreter, type RunOptions, type StepRecord, type Tally } from './interpreter.ts';
export { EngineFault, errorText } from './fault.ts';
export {
  buildDocument, finishRun, namespacesOf, runScenario, tasksOf,
  type JsonNamespace, type JsonPsRow, type JsonStep, type JsonTask, type RunDocument,
} from './document.ts';
export { formatRet, intText, toSyscall } from './syscall.ts';
export { BLOCKED_ANSWER, judgeAnswer, NO_RESULT_ANSWER, normalAnswer, questionAnswer } from './question.ts';
export { compareStates } from './compare-states.ts';
export { checkAttempt, checkExercise, goalScenario, ownGoal, readExercise, type Exercise, type ExerciseResult, type Verdict } from './exercise.ts';
