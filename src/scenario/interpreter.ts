/**
 * The interpreter: runs a scenario one statement at a time on the kernel model. One object serves
 * the browser's worker (step by step) and the CLI (to the end).
 *
 * Contract:
 * - `next()` executes one concrete statement and returns its compact `StepRecord` (plus the
 *   earlier records whose blocked `wait` completed during it), or the end of the run. Nothing
 *   per step builds views or JSON: the fork bomb runs at engine speed.
 * - A scenario error (unknown label, an actor that cannot act, a kernel fault, a substituted
 *   value that does not parse, a limit) stops the run at that line; the kernel state stays as it
 *   was before that statement. `error` holds it; later `next()` calls return the same end.
 * - An exception inside a statement (a bug of the engine) is not a scenario error: the world,
 *   labels and records are put back exactly as they were before that statement, and `next()`
 *   throws an `EngineFault` naming its line (again on every later call).
 * - A `wait` that blocks gets `result: null, pending: true`; when it completes, its record gets
 *   the result. A wait still blocked at the end fails (`pass: false`). A wait whose caller died
 *   before it returned has no result (`result: null`, not pending; an expectation on it fails).
 * - A question (`=> ?`) is a step like any other with no expectation (`pass: null`); its record
 *   carries the question's text in `question`.
 */
import {
  actorProblem, createKernelState, dispatch, taskCount, taskView,
  type KernelEvent, type KernelState, type Outcome, type Syscall, type TaskId,
} from '../kernel/index.ts';
import type { ConcreteStatement, ConcreteStep, Diagnostic, OpCall, OpName, Program, TrailingNarration } from './ast.ts';
import { at, D, type Problem } from './diagnostics.ts';
import { tasksCreated } from './budget.ts';
import { expandSteps, NO_CALL, NO_CAPTIONS } from './expand.ts';
import { EngineFault } from './fault.ts';
import { LabelTable } from './labels.ts';
import { MAX_TASKS } from './limits.ts';
import { parseScenario } from './parser.ts';
import { formatExpected, formatRet, toSyscall } from './syscall.ts';

export interface StepRecord {
  index: number;
  line: number;
  actor: string;
  op: OpName;
  /** as written in the language (`5`, `EINVAL`, `1 2 3`), or null (none, or still blocked) */
  result: string | null;
  expect: string | null;
  /** null without an expectation (and while a wait is blocked) */
  pass: boolean | null;
  /** `=> ?`: the question asked before this step — the caption just before the statement, or
   * `What will «STATEMENT» return?`; null when the step is not a question */
  question: string | null;
  /** true while (and if, at the end) a wait is blocked; otherwise undefined */
  pending?: true | undefined;
  captions: readonly string[];
  pause: boolean;
  /** the call as executed (shared with the expansion: read-only) */
  call: OpCall;
  /** the task the statement created (a fork/clone that succeeded), and its label; every record
   * has these keys (undefined when nothing was created) so that all records share one shape */
  created?: TaskId | undefined;
  label?: string | undefined;
}

export type Advance =
  | {
    done: false;
    record: StepRecord;
    /** earlier records whose blocked wait completed during this step */
    completed: readonly StepRecord[];
    events: readonly KernelEvent[];
    /** the kernel call this step made (to replay it from a checkpoint) */
    syscall: Syscall;
  }
  | { done: true; error: Diagnostic | null; narration: TrailingNarration | null };

/** What the caller of a run reads of its steps' results. */
export interface RunOptions {
  /**
   * `checked`: only the results an expectation or a question reads (the CLI's `--no-steps`), so
   * a `ps` no one reads lists nothing (its result is null): it only reads /proc, so the run is
   * the same without it, and a list of the whole world is not made for nobody. Default `all`.
   */
  results?: 'all' | 'checked';
  /**
   * keep every step's record in `records` (default true). Without (a report that reads `tally`
   * only), a long run holds no record per step, and the record and the Advance that `next()`
   * returns are one object each, filled again by the next call: read them before calling again.
   * A blocked wait's record is its own, as it completes in a later step.
   */
  records?: boolean;
  /** the kernel events of each step, for the page's log (default true) */
  events?: boolean;
}

/**
 * What a report without its steps reads of the records, kept as the run goes: the steps run, the
 * steps with something to check (an expectation, or a wait still blocked at the end) and how many
 * of those failed. A record counts once it is final, so a wait counts when it completes.
 */
export interface Tally {
  steps: number;
  checked: number;
  failed: number;
}

export interface Interpreter {
  readonly program: Program;
  /** the live kernel state (mutated by `next`) */
  readonly state: KernelState;
  readonly labels: LabelTable;
  /** every executed statement so far, in order (empty when the run keeps no records) */
  readonly records: readonly StepRecord[];
  readonly tally: Readonly<Tally>;
  next(): Advance;
}

const NONE_COMPLETED: readonly StepRecord[] = Object.freeze([]);
const NO_EVENTS: readonly KernelEvent[] = Object.freeze([]);
/** calls that only read the world: a `ps` after them lists what the last one listed */
const READS_ONLY: ReadonlySet<Syscall['op']> = new Set(['getpid', 'gettid', 'getppid', 'getpgid', 'getsid', 'nspid', 'ps']);

/** A record of the shape every step fills (all keys, in one order), before it is filled. */
function blankRecord(): StepRecord {
  return {
    index: 0, line: 0, actor: '', op: 'getpid', result: null, expect: null, pass: null, question: null,
    pending: undefined, captions: NO_CAPTIONS, pause: false, call: NO_CALL, created: undefined, label: undefined,
  };
}

/** The record and the Advance a run that keeps no records fills at every step (see RunOptions). */
interface Reused {
  record: StepRecord;
  advance: Extract<Advance, { done: false }>;
}

function reusedObjects(): Reused {
  const record = blankRecord();
  return { record, advance: { done: false, record, completed: NONE_COMPLETED, events: NO_EVENTS, syscall: { actor: 0, op: 'getpid' } } };
}

function questionText(step: ConcreteStep): string | null {
  if (step.question === null) return null;
  return step.captions[step.captions.length - 1] ?? `What will «${step.question}» return?`;
}

class Run implements Interpreter {
  readonly state: KernelState;
  labels = new LabelTable();
  records: StepRecord[] = [];
  tally: Tally = { steps: 0, checked: 0, failed: 0 };
  private readonly keepRecords: boolean;
  /** null when records are kept */
  private readonly reused: Reused | null;
  private readonly kernelOptions: { events: boolean };
  private pending = new Map<TaskId, StepRecord>();
  private readonly source: { take(): ConcreteStatement | null };
  private end: Extract<Advance, { done: true }> | null = null;
  private fault: EngineFault | null = null;
  /** the last `ps` listed and by whom, while only calls that read the world have run since:
   * the same task's next `ps` would list the same, so its text is taken again, not listed */
  private lastPs: { actor: TaskId; text: string } | null = null;
  /** why the last `resolve` failed */
  private problem: Problem | null = null;
  /** label → task for toSyscall; records the problem of an unknown label */
  private readonly resolve = (label: string): TaskId | null => {
    const t = this.labels.lookup(label);
    if (typeof t === 'number') return t;
    this.problem = t;
    return null;
  };

  constructor(readonly program: Program, private readonly options: RunOptions = {}) {
    this.keepRecords = options.records ?? true;
    this.reused = this.keepRecords ? null : reusedObjects();
    this.kernelOptions = { events: options.events ?? true };
    this.state = createKernelState({ pidMax: program.pidMax, tasks: 1 + tasksCreated(program.body) });
    this.source = expandSteps(program);
  }

  next(): Advance {
    if (this.fault !== null) throw this.fault;
    if (this.end !== null) return this.end;
    const s = this.source.take();
    if (s === null) return this.finish(null, null);
    if (s.kind === 'error') return this.finish(s.diagnostic, null);
    if (s.kind === 'narration') return this.finish(null, s);
    return this.atomic(s);
  }

  /** One statement, all or nothing: an exception inside it leaves the run as before it. */
  private atomic(step: ConcreteStep): Advance {
    const good = this.tally.steps;
    try {
      return this.execute(step);
    } catch (thrown) {
      this.rollback(good);
      this.fault = new EngineFault(step.line, thrown);
      throw this.fault;
    }
  }

  /**
   * Back to the end of the last good statement. The engine is deterministic, so that is a fresh
   * run of the statements before it: nothing is journalled or copied on the way (the hot path
   * stays as fast), and only a run that met a bug pays for one re-run. The state object is kept
   * (a caller may hold it) and refilled.
   */
  private rollback(good: number): void {
    const replay = new Run(this.program, this.options);
    while (replay.tally.steps < good && !replay.next().done);
    Object.assign(this.state, replay.state);
    this.labels = replay.labels;
    this.records = replay.records;
    this.tally = replay.tally;
    this.pending = replay.pending;
  }

  private finish(error: Diagnostic | null, narration: TrailingNarration | null): Advance {
    for (const [task, r] of this.pending) this.settle(task, r);
    this.end = { done: true, error, narration };
    return this.end;
  }

  /**
   * A wait still pending at the end: blocked (fails), or ended by its caller's death (no result) —
   * the kernel says which: an exiting task has left its wait, a teardown's init included.
   */
  private settle(task: TaskId, r: StepRecord): void {
    if (!taskView(this.state, task).waiting) {
      r.pending = undefined;
      r.pass = r.expect === null ? null : false;
    } else {
      r.pass = false;
    }
    this.count(r);
  }

  /** Adds a record that is final (no longer waiting for its result) to the tally. */
  private count(r: StepRecord): void {
    if (r.expect === null && r.pending !== true) return;
    this.tally.checked += 1;
    if (r.pass !== true) this.tally.failed += 1;
  }

  private fail(step: ConcreteStep, problem: Problem, column = step.column): Advance {
    return this.finish(at(step.line, column, problem), null);
  }

  private execute(step: ConcreteStep): Advance {
    const actor = this.labels.lookup(step.actor);
    if (typeof actor !== 'number') return this.fail(step, actor);
    const why = actorProblem(this.state, actor);
    if (why !== null) return this.fail(step, D.actorProblem(step.actor, why));
    const creates = step.call.op === 'fork' || step.call.op === 'clone';
    if (creates && taskCount(this.state) >= MAX_TASKS) return this.fail(step, D.taskLimit(MAX_TASKS));
    if (creates && step.label !== null) {
      const used = this.labels.checkFree(step.label);
      if (used !== null) return this.fail(step, used);
    }
    this.problem = null;
    const label = step.label ?? (creates ? this.labels.automatic(step.actor) : '');
    const call = toSyscall(actor, step.call, label, step.cmd, this.resolve);
    if (call === null) return this.fail(step, this.problem ?? D.unknownLabel(''));
    return this.dispatch(step, call, creates ? label : null);
  }

  private dispatch(step: ConcreteStep, call: Syscall, label: string | null): Advance {
    const listed = call.op === 'ps' && this.lastPs?.actor === call.actor ? this.lastPs.text : null;
    if (listed !== null || this.unread(step, call)) {
      const record = this.record(step, call.actor, listed, undefined, true);
      this.count(record);
      return this.advance(record, NONE_COMPLETED, NO_EVENTS, call);
    }
    if (!READS_ONLY.has(call.op)) this.lastPs = null;
    const before = taskCount(this.state);
    const outcome = dispatch(this.state, call, this.kernelOptions);
    if (outcome.fault !== null) return this.fail(step, D.kernelFault(outcome.fault));
    const created = taskCount(this.state) > before ? before : undefined;
    if (step.label !== null) this.labels.bind(step.label, created ?? null, step.line);
    else if (label !== null && created !== undefined) this.labels.bindAutomatic(step.actor, label, created, step.line);
    const blocked = outcome.ret.kind === 'blocked';
    const record = this.record(step, call.actor, formatRet(outcome.ret), created, !blocked);
    if (call.op === 'ps' && record.result !== null) this.lastPs = { actor: call.actor, text: record.result };
    if (blocked) {
      record.pending = true;
      record.pass = null;
      this.pending.set(call.actor, record);
    } else {
      this.count(record);
    }
    return this.advance(record, this.completeAll(outcome.completed), outcome.events, call);
  }

  private advance(record: StepRecord, completed: readonly StepRecord[], events: readonly KernelEvent[], syscall: Syscall): Advance {
    if (this.reused === null) return { done: false, record, completed, events, syscall };
    const a = this.reused.advance;
    a.record = record;
    a.completed = completed;
    a.events = events;
    a.syscall = syscall;
    return a;
  }

  /** a `ps` whose list no one reads (see RunOptions) */
  private unread(step: ConcreteStep, call: Syscall): boolean {
    return call.op === 'ps' && this.options.results === 'checked' && step.expect === null && step.question === null;
  }

  /** The step's record. Its actor text is the label table's own string (one per task, shared by
   * all its records) rather than the freshly substituted one. `reusable`: it will not be kept
   * (not a blocked wait), so a run that keeps no records fills its one record object. */
  private record(step: ConcreteStep, actor: TaskId, result: string | null, created: TaskId | undefined, reusable: boolean): StepRecord {
    const r = reusable && this.reused !== null ? this.reused.record : blankRecord();
    const expect = step.expect === null ? null : formatExpected(step.expect);
    r.index = step.index;
    r.line = step.line;
    r.actor = this.labels.labelOf(actor);
    r.op = step.call.op;
    r.result = result;
    r.expect = expect;
    r.pass = expect === null ? null : result === expect;
    r.question = questionText(step);
    r.pending = undefined;
    r.captions = step.captions;
    r.pause = step.pause;
    r.call = step.call;
    r.created = created;
    r.label = created === undefined ? undefined : this.labels.labelOf(created);
    this.tally.steps += 1;
    if (this.keepRecords) this.records.push(r);
    return r;
  }

  private completeAll(done: Outcome['completed']): readonly StepRecord[] {
    if (done.length === 0) return NONE_COMPLETED;
    const completed: StepRecord[] = [];
    for (const c of done) {
      const r = this.complete(c.task, formatRet(c.ret));
      if (r !== null) completed.push(r);
    }
    return completed;
  }

  private complete(task: TaskId, result: string | null): StepRecord | null {
    const record = this.pending.get(task);
    if (record === undefined) return null;
    this.pending.delete(task);
    record.pending = undefined;
    record.result = result;
    record.pass = record.expect === null ? null : result === record.expect;
    this.count(record);
    return record;
  }
}

/** An interpreter for a parsed program. */
export function createInterpreter(program: Program, options?: RunOptions): Interpreter;
/** An interpreter for scenario text, or the parse diagnostics. */
export function createInterpreter(text: string, options?: RunOptions): Interpreter | { diagnostics: Diagnostic[] };
export function createInterpreter(source: string | Program, options: RunOptions = {}): Interpreter | { diagnostics: Diagnostic[] } {
  if (typeof source !== 'string') return new Run(source, options);
  const { program, diagnostics } = parseScenario(source);
  return program === null ? { diagnostics } : new Run(program, options);
}
