/**
 * The per-call context: the state being changed and what the call has caused so far (events for
 * the log, blocked waits that completed). Kernel functions take it as their first argument.
 */
import type { KernelEvent, KillReason, NsId, Ret, TaskId } from './abi.ts';
import type { KernelState, PidNamespace, Task } from './types.ts';

/**
 * Operations that close the loops between files the way the kernel's own call graph does
 * (signal delivery ends in do_group_exit, which sends signals): wired once by `dispatch`.
 */
export interface KernelOps {
  /** do_group_exit(): every thread of the group of `leader` exits with status `status`. */
  groupExit(ctx: Ctx, leader: TaskId, status: number, reason: KillReason): void;
}

export interface Ctx {
  ops: KernelOps;
  s: KernelState;
  /** null when the caller does not want events (a headless run): nothing is recorded */
  events: KernelEvent[] | null;
  completed: { task: TaskId; ret: Ret }[];
  /** namespaces whose pid count dropped: a reaper waiting in their teardown re-checks (R19) */
  freedIn: NsId[];
  /** process leaders whose children changed state: blocked waits and `reap auto` re-check */
  wakeParents: TaskId[];
}

export function newCtx(s: KernelState, ops: KernelOps, withEvents: boolean): Ctx {
  return { ops, s, events: withEvents ? [] : null, completed: [], freedIn: [], wakeParents: [] };
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

export function emit(ctx: Ctx, event: KernelEvent): void {
  if (ctx.events !== null) ctx.events.push(event);
}

export const ok = (value: number): Ret => ({ kind: 'int', value });
export const err = (name: string): Ret => ({ kind: 'errno', name });
export const NONE: Ret = { kind: 'none' };
