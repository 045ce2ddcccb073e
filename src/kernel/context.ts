/**
 * The per-call context: the state being changed and what the call has caused so far (events for
 * the log, blocked waits that completed). Kernel functions take it as their first argument.
 */
import type { KernelEvent, NsId, Ret, TaskId, TeardownAct } from './abi.ts';
import { NO_TASK, type KernelState, type PidNamespace } from './types.ts';

/**
 * A work queue of ids for one call that keeps its storage from call to call: emptying a JS array
 * (`length = 0`) frees its backing store, so every call's first push allocated a new one — on the
 * fork bomb, at every exit and every wait.
 */
export class IdQueue {
  private readonly ids: number[] = [];
  /** how many ids this call has queued; entries past it are left from earlier calls */
  size = 0;

  push(id: number): void {
    this.ids[this.size++] = id;
  }

  /** the id queued at `i`, below `size` */
  at(i: number): number {
    return this.ids[i] ?? 0;
  }

  clear(): void {
    this.size = 0;
  }
}

export interface Ctx {
  s: KernelState;
  /** null when the caller does not want events (a headless run): nothing is recorded */
  events: KernelEvent[] | null;
  completed: { task: TaskId; ret: Ret }[];
  /** namespaces whose pid count dropped: a reaper waiting in their teardown re-checks (R19) */
  freedIn: IdQueue;
  /**
   * __wake_up_parent(): a child changed state and its parent's blocked waits look again — only
   * those whose selector matches that child (child_wait_callback). `child` NO_TASK: the parent
   * itself resumed, so every one of its waits looks again. Flat (parent, child) pairs.
   */
  wakes: IdQueue;
  /** processes whose `reap auto` SIGCHLD handler runs when the call settles */
  reapers: IdQueue;
  /** thread groups marked for death by a fatal signal, to run their exit when the call settles */
  dying: IdQueue;
  /** the caller's observer of teardown acts, or null; it only hears, it changes nothing here */
  onAct: ((act: TeardownAct) => void) | null;
}

export function newCtx(s: KernelState, withEvents: boolean): Ctx {
  return {
    s, events: withEvents ? [] : null, completed: [],
    freedIn: new IdQueue(), wakes: new IdQueue(), reapers: new IdQueue(), dying: new IdQueue(), onAct: null,
  };
}

export function ns(ctx: Ctx, id: number): PidNamespace {
  const n = ctx.s.namespaces[id];
  if (n === undefined) throw new Error(`kernel: no namespace ${id}`);
  return n;
}

/** task->group_leader: where process-wide state (signal_struct, sighand) lives. */
export const proc = (ctx: Ctx, t: TaskId): TaskId => ctx.s.tasks.leader[t];

/**
 * is_global_init(): the process holding pid 1 of the root namespace — task 0 at boot, or the
 * thread of it that took its place by exec (de_thread).
 */
export const isGlobalInit = (ctx: Ctx, t: TaskId): boolean =>
  t !== NO_TASK && proc(ctx, t) === proc(ctx, ctx.s.namespaces[0].reaper);

/** task->sighand: the sighand_struct (a row of KernelState.sighands) the task's process uses. */
export const sighandOf = (ctx: Ctx, t: TaskId): number => ctx.s.tasks.sighand[proc(ctx, t)];

/** task_pid(t)->level: levels below the root of the task's active namespace (its pid has level + 1 numbers). */
export const taskLevel = (ctx: Ctx, t: TaskId): number => ns(ctx, ctx.s.tasks.ns[t]).level;

/** task_pid(t)->numbers[level].nr (root 0); `level` must be at most the pid's own level. */
export const nrAt = (ctx: Ctx, t: TaskId, level: number): number => ctx.s.tasks.nrs[ctx.s.tasks.nrAt[t] + level];

/** Every number of the task's struct pid, root level first: the NSpid line of /proc/PID/status (fs/proc/array.c). */
export function numbersOf(ctx: Ctx, t: TaskId): number[] {
  const at = ctx.s.tasks.nrAt[t];
  return Array.from(ctx.s.tasks.nrs.subarray(at, at + taskLevel(ctx, t) + 1));
}

/** The task holds number 1 in its own namespace: is_child_reaper() of its pid. */
export const isNsInit = (ctx: Ctx, t: TaskId): boolean => nrAt(ctx, t, taskLevel(ctx, t)) === 1;

/** Queue __wake_up_parent() of process `parent` for `child` (kept as pairs in `wakes`). */
export function queueWake(ctx: Ctx, parent: TaskId, child: TaskId): void {
  ctx.wakes.push(parent);
  ctx.wakes.push(child);
}

/** A teardown of namespace `id` reached `act`: tell the caller's observer, if there is one. */
export function reportAct(ctx: Ctx, act: TeardownAct['act'], id: NsId): void {
  if (ctx.onAct !== null) ctx.onAct({ act, ns: id, events: ctx.events?.length ?? 0 });
}

export function emit(ctx: Ctx, event: KernelEvent): void {
  if (ctx.events !== null) ctx.events.push(event);
}

export const ok = (value: number): Ret => ({ kind: 'int', value });
export const err = (name: string): Ret => ({ kind: 'errno', name });
export const NONE: Ret = { kind: 'none' };
