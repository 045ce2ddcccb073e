/**
 * kernel/exit.c wait4(): selecting children, reaping zombies, blocking (R63–R68), and the wake-ups
 * that complete blocked waits and run `reap auto` handlers.
 *
 * A wait considers the children of the calling thread first, then those of the other threads of
 * its group, each list oldest first; the first reapable zombie wins.
 */
import type { Ret, TaskId } from './abi.ts';
import { SIGNALS } from './abi.ts';
import { type Ctx, emit, err, ok, proc, sighandOf } from './context.ts';
import { findPidNs, pidNrNs } from './pid.ts';
import { releaseTask } from './release.ts';
import { sigHas } from './sigset.ts';
import { running, threadGroupEmpty } from './tasklist.ts';
import { EXIT_ZOMBIE, NO_TASK, WAIT_ANY, WAIT_PGRP, WAIT_PID, type WaitSelector, type WaitType } from './types.ts';

const INT_MIN = -2147483648;
const ANY_CHILD: WaitSelector = { type: WAIT_ANY, owner: NO_TASK };

/** kernel_wait4()'s reading of its pid argument in the caller's namespace. */
export function waitSelector(ctx: Ctx, w: TaskId, pid: number): WaitSelector | 'ESRCH' {
  const T = ctx.s.tasks;
  if (pid === INT_MIN) return 'ESRCH';
  if (pid === -1) return ANY_CHILD;
  if (pid < -1) return { type: WAIT_PGRP, owner: findPidNs(ctx, -pid, T.ns[w]) };
  if (pid === 0) return { type: WAIT_PGRP, owner: T.pgrp[proc(ctx, w)] };
  return { type: WAIT_PID, owner: findPidNs(ctx, pid, T.ns[w]) };
}

function selects(ctx: Ctx, sel: WaitSelector, c: TaskId): boolean {
  if (sel.type === WAIT_ANY) return true;
  if (sel.type === WAIT_PGRP) return ctx.s.tasks.pgrp[c] === sel.owner;
  return c === sel.owner;
}

/** Zombie that wait can reap now: delay_group_leader() keeps a leader with live threads. */
const reapable = (ctx: Ctx, c: TaskId): boolean => ctx.s.tasks.exitState[c] === EXIT_ZOMBIE && threadGroupEmpty(ctx, c);

/** What a scan of children found: a child to reap, or none (NO_TASK) and whether any matched. */
interface Scan {
  reaped: TaskId;
  eligible: boolean;
}
const NOTHING: Scan = { reaped: NO_TASK, eligible: false };
const NOT_YET: Scan = { reaped: NO_TASK, eligible: true };

function scanChildren(ctx: Ctx, w: TaskId, sel: WaitSelector): Scan {
  const T = ctx.s.tasks;
  const own = scanThreadChildren(ctx, w, sel);
  if (own.reaped !== NO_TASK) return own;
  let eligible = own.eligible;
  for (let th = proc(ctx, w); th !== NO_TASK; th = T.nextThread[th]) {
    if (th === w) continue;
    const found = scanThreadChildren(ctx, th, sel);
    if (found.reaped !== NO_TASK) return found;
    eligible ||= found.eligible;
  }
  return eligible ? NOT_YET : NOTHING;
}

/** One thread's children, oldest first: the first reapable match, or whether any matched. */
function scanThreadChildren(ctx: Ctx, th: TaskId, sel: WaitSelector): Scan {
  const T = ctx.s.tasks;
  let eligible = false;
  for (let c = T.firstChild[th]; c !== NO_TASK; c = T.nextSibling[c]) {
    if (!selects(ctx, sel, c)) continue;
    if (reapable(ctx, c)) return { reaped: c, eligible: true };
    eligible = true;
  }
  return eligible ? NOT_YET : NOTHING;
}

/** do_wait_pid(): the one child owning the struct pid, if it is ours (is_effectively_child). */
function scanOne(ctx: Ctx, w: TaskId, c: TaskId): Scan {
  const T = ctx.s.tasks;
  if (c === NO_TASK) return NOTHING;
  if (T.leader[c] !== c || !T.hashed[c] || T.realParent[c] === NO_TASK) return NOTHING;
  if (proc(ctx, T.realParent[c]) !== proc(ctx, w)) return NOTHING;
  return reapable(ctx, c) ? { reaped: c, eligible: true } : NOT_YET;
}

/**
 * One pass of do_wait(): the reaped child's number in the waiter's namespace, ECHILD when nothing
 * is eligible, or null when eligible children exist but none is ready.
 */
export function waitOnce(ctx: Ctx, waiter: TaskId, sel: WaitSelector): Ret | null {
  const T = ctx.s.tasks;
  const scan = sel.type === WAIT_PID ? scanOne(ctx, waiter, sel.owner) : scanChildren(ctx, waiter, sel);
  if (scan.reaped !== NO_TASK) {
    const nr = pidNrNs(ctx, scan.reaped, T.ns[waiter]);
    T.waitReaped[scan.reaped] = 1;
    releaseTask(ctx, scan.reaped, proc(ctx, waiter));
    return ok(nr);
  }
  return scan.eligible ? null : err('ECHILD');
}

/** wait4(pid, __WALL [| WNOHANG]) as a system call. */
export function sysWait(ctx: Ctx, waiter: TaskId, pid: number, nohang: boolean): Ret {
  const sel = waitSelector(ctx, waiter, pid);
  if (sel === 'ESRCH') return err('ESRCH');
  const ret = waitOnce(ctx, waiter, sel);
  if (ret !== null) return ret;
  if (nohang) return ok(0);
  ctx.s.tasks.waitType[waiter] = sel.type;
  ctx.s.tasks.waitOwner[waiter] = sel.owner;
  emit(ctx, { type: 'wait/blocked', task: waiter });
  return { kind: 'blocked' };
}

/**
 * __wake_up_parent(): the blocked waits of process `leader` whose selector matches `child` look
 * again (all of them when `child` is NO_TASK: the process itself resumed). A stopped or dying
 * process looks when it runs again.
 */
export function wakeParent(ctx: Ctx, leader: TaskId, child: TaskId): void {
  const T = ctx.s.tasks;
  if (T.stopped[leader] || T.groupExit[leader]) return;
  for (let th = leader; th !== NO_TASK; th = T.nextThread[th]) {
    if (T.waitType[th] === 0 || T.exiting[th]) continue;
    const sel: WaitSelector = { type: T.waitType[th] as WaitType, owner: T.waitOwner[th] };
    if (child !== NO_TASK && !selects(ctx, sel, child)) continue;
    const ret = waitOnce(ctx, th, sel);
    if (ret === null) continue;
    T.waitType[th] = 0;
    emit(ctx, { type: 'wait/completed', task: th, ret });
    ctx.completed.push({ task: th, ret });
  }
}

/** The `reap auto` handler of process `leader` runs (its SIGCHLD was delivered). */
export function runReapAuto(ctx: Ctx, leader: TaskId): void {
  const T = ctx.s.tasks;
  if (T.stopped[leader] || T.groupExit[leader]) return;
  if (ctx.s.sighands.reapAuto[sighandOf(ctx, leader)] === 1 && chldDeliverable(ctx, leader)) reapAuto(ctx, leader);
}

/** The SIGCHLD handler can run: some live thread does not block SIGCHLD. */
function chldDeliverable(ctx: Ctx, p: TaskId): boolean {
  const T = ctx.s.tasks;
  for (let th = p; th !== NO_TASK; th = T.nextThread[th]) {
    if (running(ctx, th) && !sigHas(T.blocked, th, SIGNALS.CHLD)) return true;
  }
  return false;
}

/** The `reap auto` SIGCHLD handler of process `p`: waitpid(-1, WNOHANG) until nothing is left to reap. */
export function reapAuto(ctx: Ctx, p: TaskId): void {
  const T = ctx.s.tasks;
  let runner = p;
  while (runner !== NO_TASK && !running(ctx, runner)) runner = T.nextThread[runner];
  if (runner === NO_TASK) return;
  for (;;) {
    const ret = waitOnce(ctx, runner, ANY_CHILD);
    if (ret === null || ret.kind !== 'int') return;
  }
}
