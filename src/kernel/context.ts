/**
 * The per-call context: the state being changed and what the call has caused so far (events for
 * the log, blocked waits that completed). Kernel functions take it as their first argument.
 */
import type { KernelEvent, NsId, Ret, TaskId } from './abi.ts';
import type { KernelState, PidNamespace, Sighand, Task } from './types.ts';

export interface Ctx {
  s: KernelState;
  /** null when the caller does not want events (a headless run): nothing is recorded */
  events: KernelEvent[] | null;
  completed: { task: TaskId; ret: Ret }[];
  /** namespaces whose pid count dropped: a reaper waiting in their teardown re-checks (R19) */
  freedIn: NsId[];
  /**
   * __wake_up_parent(): a child changed state and its parent's blocked waits look again — only
   * those whose selector matches that child (child_wait_callback). `child` NO_TASK: the parent
   * itself resumed, so every one of its waits looks again.
   */
  wakes: { parent: TaskId; child: TaskId }[];
  /** processes whose `reap auto` SIGCHLD handler runs when the call settles */
  reapers: TaskId[];
  /** thread groups marked for death by a fatal signal, to run their exit when the call settles */
  dying: TaskId[];
}

export function newCtx(s: KernelState, withEvents: boolean): Ctx {
  return { s, events: withEvents ? [] : null, completed: [], freedIn: [], wakes: [], reapers: [], dying: [] };
}

export function task(ctx: Ctx, id: TaskId): Task {
  const t = ctx.s.tasks[id];
  if (t === undefined) throw new Error(`kernel: no task ${id}`);
  return t;
}

export function ns(ctx: Ctx, id: number): PidNamespace {
  const n = ctx.s.namespaces[id];
  if (n === undefined) throw new Error(`kernel: no namespace ${id}`);
  return n;
}

/** The thread-group leader, where process-wide state (signal_struct, sighand) lives. */
export function proc(ctx: Ctx, t: Task): Task {
  return t.leader === t.id ? t : task(ctx, t.leader);
}

/** The signal-disposition table the task's process uses (shared by threads, CLONE_SIGHAND). */
export function sighandOf(ctx: Ctx, t: Task): Sighand {
  const sh = ctx.s.sighands[proc(ctx, t).sighand];
  if (sh === undefined) throw new Error(`kernel: no sighand for ${t.id}`);
  return sh;
}

export function emit(ctx: Ctx, event: KernelEvent): void {
  if (ctx.events !== null) ctx.events.push(event);
}

export const ok = (value: number): Ret => ({ kind: 'int', value });
export const err = (name: string): Ret => ({ kind: 'errno', name });
export const NONE: Ret = { kind: 'none' };
