/**
 * `runScenario(text, { steps })`: a whole run as the CLI's `run --json` document
 * (spec/cli-and-links.md), built once at the end from the kernel's views. Never throws; the
 * same text always gives the same document.
 */
import {
  createKernelState, nsCount, nsView, psTable, taskCount, taskView,
  type ExitStatus, type KernelState, type NsStateName, type TaskStateName,
} from '../kernel/index.ts';
import type { Diagnostic } from './ast.ts';
import { createInterpreter, type Interpreter, type StepRecord } from './interpreter.ts';
import { DEFAULT_PID_MAX } from './limits.ts';

export interface JsonStep {
  line: number;
  actor: string;
  op: string;
  result: string | null;
  expect: string | null;
  pass: boolean | null;
  pending?: true;
  /** a question (`=> ?`): then `expect` is `"?"` and `pass` null */
  question?: true;
}
export interface JsonPsRow { pid: number; ppid: number; pgid: number; sid: number; stat: 'S' | 'T' | 'Z'; cmd: string; label: string }
export interface JsonNamespace { name: string; level: number; parent: string | null; state: NsStateName; ps: JsonPsRow[] }
export interface JsonTask { label: string; ns: string; nspid: number[]; state: TaskStateName; exit: ExitStatus | null }
export interface RunDocument {
  ok: boolean;
  error: { line: number; message: string } | null;
  /** exercises only: whether the attempt reached the goal (exercise.ts) */
  goal?: boolean;
  steps: JsonStep[];
  namespaces: JsonNamespace[];
  tasks: JsonTask[];
}

export function jsonStep(r: StepRecord): JsonStep {
  const step: JsonStep = { line: r.line, actor: r.actor, op: r.op, result: r.result, expect: r.expect, pass: r.pass };
  if (r.pending === true) step.pending = true;
  if (r.question !== null) {
    step.expect = '?';
    step.question = true;
  }
  return step;
}

const nsName = (id: number): string => `ns${id}`;

/** Every namespace ever created, in creation order, with its ps rows. */
export function namespacesOf(state: KernelState): JsonNamespace[] {
  return Array.from({ length: nsCount(state) }, (_, id) => {
    const v = nsView(state, id);
    const ps = psTable(state, id).map(({ pid, ppid, pgid, sid, stat, cmd, label }) => ({ pid, ppid, pgid, sid, stat, cmd, label }));
    return { name: v.name, level: v.level, parent: v.parent === null ? null : nsName(v.parent), state: v.state, ps };
  });
}

/** Every task ever created, in creation order. */
export function tasksOf(state: KernelState): JsonTask[] {
  return Array.from({ length: taskCount(state) }, (_, id) => {
    const v = taskView(state, id);
    return { label: v.label, ns: nsName(v.ns), nspid: v.nspid, state: v.state, exit: v.exit };
  });
}

/** Runs `run` to its end (if it is not there yet); the scenario error that stopped it, if any. */
export function finishRun(run: Interpreter): Diagnostic | null {
  let end = run.next();
  while (!end.done) end = run.next();
  return end.error;
}

/** Runs `run` to its end (if it is not there yet) and describes it; `error` is what stopped it
 * (by default the scenario error of its end). The steps are the records the run kept. */
export function buildDocument(
  run: Interpreter, opts: { steps: boolean }, error: { line: number; message: string } | null = finishRun(run),
): RunDocument {
  return {
    ok: error === null && run.tally.failed === 0,
    error: error === null ? null : { line: error.line, message: error.message },
    steps: opts.steps ? run.records.map(jsonStep) : [],
    namespaces: namespacesOf(run.state),
    tasks: tasksOf(run.state),
  };
}

/** Runs `text` to its end and describes the run. */
export function runScenario(text: string, opts: { steps: boolean } = { steps: true }): RunDocument {
  const run = createInterpreter(text, { records: opts.steps, events: false });
  if ('diagnostics' in run) {
    const [first] = run.diagnostics;
    const state = createKernelState({ pidMax: DEFAULT_PID_MAX });
    return {
      ok: false,
      error: first === undefined ? null : { line: first.line, message: first.message },
      steps: [],
      namespaces: namespacesOf(state),
      tasks: tasksOf(state),
    };
  }
  return buildDocument(run, opts);
}
