/**
 * kernel/exit.c wait4(): selecting children, reaping zombies, blocking (R63–R68), and the wake-ups
 * that complete blocked waits and run `reap auto` handlers.
 *
 * A wait considers the children of the calling thread first, then those of the other threads of
 * its group, each list oldest first; the first reapable zombie wins.
 */
import type { Ret, TaskId } from './abi.ts';
import { SIGNALS } from './abi.ts';
import { type Ctx, emit, err, ok, proc, sighandOf, task } from './context.ts';
import { findPidNs, pidNrNs } from './pid.ts';
import { releaseTask, threadGroupEmpty } from './release.ts';
import { NO_TASK, type Task, type WaitSelector } from './types.ts';

const INT_MIN = -2147483648;
const ANY_CHILD: WaitSelector = { type: 'any' };

/** kernel_wait4()'s reading of its pid argument in the caller's namespace. */
export function waitSelector(ctx: Ctx, w: Task, pid: number): WaitSelector | 'ESRCH' {
  if (pid === INT_MIN) return 'ESRCH';
  if (pid === -1) return ANY_CHILD;
  if (pid < -1) return { type: 'pgrp', owner: findPidNs(ctx, -pid, w.ns) };
  if (pid === 0) return { type: 'pgrp', owner: proc(ctx, w).pgrp };
  return { type: 'pid', owner: findPidNs(ctx, pid, w.ns) };
}

function selects(ctx: Ctx, sel: WaitSelector, c: Task): boolean {
  if (sel.type === 'any') return true;
  if (sel.type === 'pgrp') return c.pgrp === sel.owner;
  return c.id === sel.owner;
}

/** Zombie that wait can reap now: delay_group_leader() keeps a leader with live threads. */
const reapable = (c: Task): boolean => c.exitState === 'zombie' && threadGroupEmpty(c);

type Scan = { reaped: TaskId } | { eligible: boolean };

function scanChildren(ctx: Ctx, w: Task, sel: WaitSelector): Scan {
  const own = scanThreadChildren(ctx, w.id, sel);
  if (typeof own === 'number') return { reaped: own };
  let eligible = own;
  for (const th of proc(ctx, w).threads) {
    if (th === w.id) continue;
    const found = scanThreadChildren(ctx, th, sel);
    if (typeof found === 'number') return { reaped: found };
    eligible ||= found;
  }
  return { eligible };
}

/** One thread's children, oldest first: the first reapable match, or whether any matched. */
function scanThreadChildren(ctx: Ctx, th: TaskId, sel: WaitSelector): TaskId | boolean {
  let eligible = false;
  for (let c = task(ctx, th).firstChild; c !== NO_TASK; c = task(ctx, c).nextSibling) {
    const child = task(ctx, c);
    if (!selects(ctx, sel, child)) continue;
    if (reapable(child)) return c;
    eligible = true;
  }
  return eligible;
}

/** do_wait_pid(): the one child owning the struct pid, if it is ours (is_effectively_child). */
function scanOne(ctx: Ctx, w: Task, owner: TaskId): Scan {
  if (owner === NO_TASK) return { eligible: false };
  const c = task(ctx, owner);
  if (c.leader !== owner || !c.hashed || c.realParent === NO_TASK) return { eligible: false };
  if (proc(ctx, task(ctx, c.realParent)).id !== proc(ctx, w).id) return { eligible: false };
  return reapable(c) ? { reaped: owner } : { eligible: true };
}

/**
 * One pass of do_wait(): the reaped child's number in the waiter's namespace, ECHILD when nothing
 * is eligible, or null when eligible children exist but none is ready.
 */
export function waitOnce(ctx: Ctx, waiter: TaskId, sel: WaitSelector): Ret | null {
  const w = task(ctx, waiter);
  const scan = sel.type === 'pid' ? scanOne(ctx, w, sel.owner) : scanChildren(ctx, w, sel);
  if ('reaped' in scan) {
    const nr = pidNrNs(ctx, scan.reaped, w.ns);
    task(ctx, scan.reaped).waitReaped = true;
    releaseTask(ctx, scan.reaped, proc(ctx, w).id);
    return ok(nr);
  }
  return scan.eligible ? null : err('ECHILD');
}

/** wait4(pid, __WALL [| WNOHANG]) as a system call. */
export function sysWait(ctx: Ctx, waiter: TaskId, pid: number, nohang: boolean): Ret {
  const w = task(ctx, waiter);
  const sel = waitSelector(ctx, w, pid);
  if (sel === 'ESRCH') return err('ESRCH');
  const ret = waitOnce(ctx, waiter, sel);
  if (ret !== null) return ret;
  if (nohang) return ok(0);
  w.wait = sel;
  emit(ctx, { type: 'wait/blocked', task: waiter });
  return { kind: 'blocked' };
}

/**
 * __wake_up_parent(): the blocked waits of process `leader` whose selector matches `child` look
 * again (all of them when `child` is NO_TASK: the process itself resumed). A stopped or dying
 * process looks when it runs again.
 */
export function wakeParent(ctx: Ctx, leader: TaskId, child: TaskId): void {
  const p = task(ctx, leader);
  if (p.stopped || p.groupExit) return;
  for (const th of p.threads) {
    const t = task(ctx, th);
    if (t.wait === null || t.exiting) continue;
    if (child !== NO_TASK && !selects(ctx, t.wait, task(ctx, child))) continue;
    const ret = waitOnce(ctx, th, t.wait);
    if (ret === null) continue;
    t.wait = null;
    emit(ctx, { type: 'wait/completed', task: th, ret });
    ctx.completed.push({ task: th, ret });
  }
}

/** The `reap auto` handler of process `leader` runs (its SIGCHLD was delivered). */
export function runReapAuto(ctx: Ctx, leader: TaskId): void {
  const p = task(ctx, leader);
  if (!p.stopped && !p.groupExit && sighandOf(ctx, p).reapAuto && chldDeliverable(ctx, p)) reapAuto(ctx, p);
}

/** The SIGCHLD handler can run: some live thread does not block SIGCHLD. */
function chldDeliverable(ctx: Ctx, p: Task): boolean {
  for (const th of p.threads) {
    const t = task(ctx, th);
    if (!t.exiting && t.exitState === 'none' && !t.blocked.includes(SIGNALS.CHLD)) return true;
  }
  return false;
}

/** The `reap auto` SIGCHLD handler: waitpid(-1, WNOHANG) until nothing is left to reap. */
export function reapAuto(ctx: Ctx, p: Task): void {
  const runner = p.threads.find((id) => !task(ctx, id).exiting && task(ctx, id).exitState === 'none');
  if (runner === undefined) return;
  for (;;) {
    const ret = waitOnce(ctx, runner, ANY_CHILD);
    if (ret === null || ret.kind !== 'int') return;
  }
}
