/**
 * kernel/exit.c: do_exit / do_group_exit / exit_notify, and where orphans go (R50–R54).
 *
 * A thread's exit runs in two halves. The first marks it exiting and finds the child reaper,
 * which for the last thread of a namespace init starts the namespace teardown; if the teardown
 * must wait, the second half (exitNotify) runs later, when the namespace's count drops.
 * Signals the exit causes (pdeath signals, SIGHUP/SIGCONT to newly orphaned groups) are sent
 * after the exit's own bookkeeping, as the kernel's asynchronous delivery would have them act.
 */
import type { TaskId } from './abi.ts';
import { SIGNALS } from './abi.ts';
import { type Ctx, emit, ns, proc, task } from './context.ts';
import { hasStoppedJobs, pgrpMembers, willBecomeOrphanedPgrp } from './pgrp.ts';
import { zapPidNsProcesses } from './pid_namespace.ts';
import { doNotifyParent, releaseTask, threadGroupEmpty } from './release.ts';
import { groupSendFromUser, markGroupExit, sendPrivSignal } from './signal.ts';
import { sigName } from './sigset.ts';
import { childrenOf, findAliveThread, linkChild, unlinkChild } from './tasklist.ts';
import { NO_TASK, type Task } from './types.ts';

type Deferred = (() => void)[];

/** W_EXITCODE(code, 0) */
export const exitCodeStatus = (code: number): number => (code & 0xff) << 8;

/** Every thread of a group marked for exit runs do_exit; non-leaders first, the leader last. */
export function runGroupExit(ctx: Ctx, leader: TaskId): void {
  const p = task(ctx, leader);
  p.stopped = false;
  if (p.threads.length > 1) {
    for (const id of p.threads.filter((x) => x !== leader)) {
      const t = task(ctx, id);
      if (!t.exiting && t.exitState === 'none') doExit(ctx, id, p.groupExitCode);
    }
  }
  if (!p.exiting && p.exitState === 'none') doExit(ctx, leader, p.groupExitCode);
}

/** do_group_exit() by the process itself (exit_group): the group exits now. */
export function doGroupExit(ctx: Ctx, leader: TaskId, status: number): void {
  if (markGroupExit(ctx, leader, status, 'exit')) runGroupExit(ctx, leader);
}

/** do_exit() of one thread: the first half, up to the choice of the child reaper. */
export function doExit(ctx: Ctx, id: TaskId, status: number): void {
  const t = task(ctx, id);
  synchronizeGroupExit(ctx, t, status);
  t.exiting = true;
  t.exitCode = status;
  t.wait = null;
  if (findChildReaper(ctx, t)) exitNotify(ctx, id);
}

/**
 * synchronize_group_exit(): the last thread to start exiting settles the group's status, so a
 * process whose threads all called pthread_exit reports the last one's code (R54).
 */
function synchronizeGroupExit(ctx: Ctx, t: Task, status: number): void {
  const p = proc(ctx, t);
  if (p.groupExit) return;
  for (const th of p.threads) {
    const o = task(ctx, th);
    if (th !== t.id && !o.exiting && o.exitState === 'none') return;
  }
  p.groupExit = true;
  p.groupExitCode = status;
}

/**
 * find_child_reaper(): true when the exit can go on now. The init's child_reaper role moves to
 * another live thread if there is one (R54); otherwise the namespace is torn down (R59).
 */
function findChildReaper(ctx: Ctx, father: Task): boolean {
  const n = ns(ctx, father.ns);
  if (n.reaper !== father.id) return true;
  const alive = findAliveThread(ctx, father.id);
  if (alive !== NO_TASK) {
    n.reaper = alive;
    emit(ctx, { type: 'ns/reaper-changed', ns: n.id, task: alive });
    return true;
  }
  return zapPidNsProcesses(ctx, n.id, father.id);
}

/**
 * find_new_reaper(): another live thread of the group, else the nearest live subreaper ancestor
 * in the same namespace, else the child reaper of the dying parent's namespace (R51, R52, R85).
 */
function findNewReaper(ctx: Ctx, father: Task): TaskId {
  const alive = findAliveThread(ctx, father.id);
  if (alive !== NO_TASK) return alive;
  if (proc(ctx, father).hasChildSubreaper) {
    const level = father.numbers.length - 1;
    for (let r = father.realParent; r !== NO_TASK; r = task(ctx, r).realParent) {
      const rt = task(ctx, r);
      if (rt.numbers.length - 1 !== level) break;
      if (!proc(ctx, rt).subreaper) continue;
      const th = findAliveThread(ctx, r);
      if (th !== NO_TASK) return th;
    }
  }
  return ns(ctx, father.ns).reaper;
}

/** No thread of the group is still running. */
function groupDead(ctx: Ctx, p: Task): boolean {
  for (const th of p.threads) {
    const t = task(ctx, th);
    if (!t.exiting && t.exitState === 'none') return false;
  }
  return true;
}

/** The second half of do_exit(): exit_notify(). */
export function exitNotify(ctx: Ctx, id: TaskId): void {
  const t = task(ctx, id);
  const p = proc(ctx, t);
  const deferred: Deferred = [];
  const dead: TaskId[] = [];
  forgetOriginalParent(ctx, t, deferred, dead);
  if (groupDead(ctx, p)) killOrphanedPgrp(ctx, p, null, deferred);
  t.exitState = 'zombie';
  let autoreap = true;
  if (t.leader === id) {
    autoreap = threadGroupEmpty(t) && t.realParent !== NO_TASK && doNotifyParent(ctx, t);
    emit(ctx, { type: 'task/zombie', task: id, parent: t.realParent });
  }
  if (autoreap) releaseTask(ctx, id, null);
  for (const c of dead) releaseTask(ctx, c, null);
  for (const send of deferred) send();
}

/** forget_original_parent(): hand every child of `father` to its new parent. */
function forgetOriginalParent(ctx: Ctx, father: Task, deferred: Deferred, dead: TaskId[]): void {
  if (father.firstChild === NO_TASK) return;
  const reaper = findNewReaper(ctx, father);
  const sameGroup = task(ctx, reaper).leader === father.leader;
  for (const c of childrenOf(ctx, father.id)) {
    const child = task(ctx, c);
    unlinkChild(ctx, c);
    linkChild(ctx, reaper, c);
    for (const th of child.threads) {
      const tt = task(ctx, th);
      tt.realParent = reaper;
      if (tt.pdeathsig !== 0) {
        const sig = tt.pdeathsig;
        deferred.push(() => sendPdeathSignal(ctx, father.id, th, sig));
      }
    }
    emit(ctx, { type: 'task/reparented', task: c, from: father.id, to: reaper });
    if (!sameGroup) reparentLeader(ctx, father, child, deferred, dead);
  }
}

function sendPdeathSignal(ctx: Ctx, father: TaskId, target: TaskId, sig: number): void {
  const t = task(ctx, target);
  if (t.exiting || t.exitState !== 'none') return;
  groupSendFromUser(ctx, father, target, sig, 'pdeathsig');
}

/** reparent_leader(): an adopted zombie tells its new parent at once (R53). */
function reparentLeader(ctx: Ctx, father: Task, p: Task, deferred: Deferred, dead: TaskId[]): void {
  if (p.exitState === 'dead') return;
  if (p.exitState === 'zombie' && threadGroupEmpty(p) && doNotifyParent(ctx, p)) dead.push(p.id);
  killOrphanedPgrp(ctx, p, father, deferred);
}

/**
 * kill_orphaned_pgrp(): a group that this exit (or re-parenting) orphans, and that has stopped
 * members, gets SIGHUP then SIGCONT (POSIX 3.2.2.2).
 */
function killOrphanedPgrp(ctx: Ctx, t: Task, parent: Task | null, deferred: Deferred): void {
  const pgrp = t.pgrp;
  let ignored = t.id;
  let par = parent;
  if (par === null) {
    if (t.realParent === NO_TASK) return;
    par = task(ctx, t.realParent);
  } else {
    ignored = NO_TASK;
  }
  const pp = proc(ctx, par);
  if (pp.pgrp === pgrp || pp.session !== t.session) return;
  if (!willBecomeOrphanedPgrp(ctx, pgrp, ignored) || !hasStoppedJobs(ctx, pgrp)) return;
  deferred.push(() => {
    for (const m of pgrpMembers(ctx, pgrp)) sendPrivSignal(ctx, m, SIGNALS.HUP, 'signal');
    for (const m of pgrpMembers(ctx, pgrp)) sendPrivSignal(ctx, m, SIGNALS.CONT, 'signal');
  });
}
