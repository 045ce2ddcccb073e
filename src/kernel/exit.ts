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
import { type Ctx, emit, ns, proc, reportAct, taskLevel } from './context.ts';
import { hasStoppedJobs, pgrpMembers, willBecomeOrphanedPgrp } from './pgrp.ts';
import { zapPidNsProcesses } from './pid_namespace.ts';
import { doNotifyParent, releaseTask } from './release.ts';
import { groupSendFromUser, markGroupExit, sendPrivSignal } from './signal.ts';
import {
  childrenOf, findAliveThread, groupDead, linkChild, running, threadGroupEmpty, threadsOf, unlinkChild,
} from './tasklist.ts';
import { EXIT_DEAD, EXIT_ZOMBIE, NO_TASK } from './types.ts';

type Deferred = (() => void)[];

/** W_EXITCODE(code, 0) */
export const exitCodeStatus = (code: number): number => (code & 0xff) << 8;

/** Every thread of a group marked for exit runs do_exit; non-leaders first, the leader last. */
export function runGroupExit(ctx: Ctx, leader: TaskId): void {
  const T = ctx.s.tasks;
  T.stopped[leader] = 0;
  if (!threadGroupEmpty(ctx, leader)) {
    for (const id of threadsOf(ctx, leader)) {
      if (id !== leader && running(ctx, id)) doExit(ctx, id, T.groupExitCode[leader]);
    }
  }
  if (running(ctx, leader)) doExit(ctx, leader, T.groupExitCode[leader]);
}

/** do_group_exit() by the process itself (exit_group): the group exits now. */
export function doGroupExit(ctx: Ctx, leader: TaskId, status: number): void {
  if (markGroupExit(ctx, leader, status, 'exit')) runGroupExit(ctx, leader);
}

/** do_exit() of one thread: the first half, up to the choice of the child reaper. */
export function doExit(ctx: Ctx, id: TaskId, status: number): void {
  const T = ctx.s.tasks;
  synchronizeGroupExit(ctx, id, status);
  T.exiting[id] = 1;
  T.exitCode[id] = status;
  T.waitType[id] = 0;
  if (findChildReaper(ctx, id)) exitNotify(ctx, id);
}

/**
 * synchronize_group_exit(): the last thread to start exiting settles the group's status, so a
 * process whose threads all called pthread_exit reports the last one's code (R54).
 */
function synchronizeGroupExit(ctx: Ctx, t: TaskId, status: number): void {
  const T = ctx.s.tasks;
  const p = proc(ctx, t);
  if (T.groupExit[p]) return;
  for (let th = p; th !== NO_TASK; th = T.nextThread[th]) if (th !== t && running(ctx, th)) return;
  T.groupExit[p] = 1;
  T.groupExitCode[p] = status;
}

/**
 * find_child_reaper(): true when the exit can go on now. The init's child_reaper role moves to
 * another live thread if there is one (R54); otherwise the namespace is torn down (R59).
 */
function findChildReaper(ctx: Ctx, father: TaskId): boolean {
  const n = ns(ctx, ctx.s.tasks.ns[father]);
  if (n.reaper !== father) return true;
  const alive = findAliveThread(ctx, father);
  if (alive !== NO_TASK) {
    n.reaper = alive;
    emit(ctx, { type: 'ns/reaper-changed', ns: n.id, task: alive });
    return true;
  }
  return zapPidNsProcesses(ctx, n.id, father);
}

/**
 * find_new_reaper(): another live thread of the group, else the nearest live subreaper ancestor
 * in the same namespace, else the child reaper of the dying parent's namespace (R51, R52, R85).
 */
function findNewReaper(ctx: Ctx, father: TaskId): TaskId {
  const T = ctx.s.tasks;
  const alive = findAliveThread(ctx, father);
  if (alive !== NO_TASK) return alive;
  if (T.hasChildSubreaper[proc(ctx, father)]) {
    const level = taskLevel(ctx, father);
    for (let r = T.realParent[father]; r !== NO_TASK; r = T.realParent[r]) {
      if (taskLevel(ctx, r) !== level) break;
      if (!T.subreaper[proc(ctx, r)]) continue;
      const th = findAliveThread(ctx, r);
      if (th !== NO_TASK) return th;
    }
  }
  return ns(ctx, T.ns[father]).reaper;
}

/** The second half of do_exit(): exit_notify(). */
export function exitNotify(ctx: Ctx, id: TaskId): void {
  const T = ctx.s.tasks;
  const p = proc(ctx, id);
  const deferred: Deferred = [];
  const dead: TaskId[] = [];
  forgetOriginalParent(ctx, id, deferred, dead);
  if (groupDead(ctx, p)) killOrphanedPgrp(ctx, p, NO_TASK, deferred);
  T.exitState[id] = EXIT_ZOMBIE;
  let autoreap = true;
  if (p === id) {
    autoreap = threadGroupEmpty(ctx, id) && T.realParent[id] !== NO_TASK && doNotifyParent(ctx, id);
    emit(ctx, { type: 'task/zombie', task: id, parent: T.realParent[id] });
  }
  if (autoreap) releaseTask(ctx, id, null);
  for (const c of dead) releaseTask(ctx, c, null);
  for (const send of deferred) send();
  // still the child reaper at its own exit_notify: this exit ran the namespace's teardown
  if (ns(ctx, T.ns[id]).reaper === id) reportAct(ctx, 'init-zombie', T.ns[id]);
}

/** forget_original_parent(): hand every child of `father` to its new parent. */
function forgetOriginalParent(ctx: Ctx, father: TaskId, deferred: Deferred, dead: TaskId[]): void {
  const T = ctx.s.tasks;
  if (T.firstChild[father] === NO_TASK) return;
  const reaper = findNewReaper(ctx, father);
  const sameGroup = T.leader[reaper] === T.leader[father];
  for (const c of childrenOf(ctx, father)) {
    unlinkChild(ctx, c);
    linkChild(ctx, reaper, c);
    for (let th = c; th !== NO_TASK; th = T.nextThread[th]) {
      T.realParent[th] = reaper;
      const sig = T.pdeathsig[th];
      if (sig !== 0) deferred.push(() => sendPdeathSignal(ctx, father, th, sig));
    }
    emit(ctx, { type: 'task/reparented', task: c, from: father, to: reaper });
    if (!sameGroup) reparentLeader(ctx, father, c, deferred, dead);
  }
}

function sendPdeathSignal(ctx: Ctx, father: TaskId, target: TaskId, sig: number): void {
  if (!running(ctx, target)) return;
  groupSendFromUser(ctx, father, target, sig, 'pdeathsig');
}

/** reparent_leader(): an adopted zombie tells its new parent at once (R53). */
function reparentLeader(ctx: Ctx, father: TaskId, p: TaskId, deferred: Deferred, dead: TaskId[]): void {
  const state = ctx.s.tasks.exitState[p];
  if (state === EXIT_DEAD) return;
  if (state === EXIT_ZOMBIE && threadGroupEmpty(ctx, p) && doNotifyParent(ctx, p)) dead.push(p);
  killOrphanedPgrp(ctx, p, father, deferred);
}

/**
 * kill_orphaned_pgrp(): a group that this exit (or re-parenting, by `parent`) orphans, and that
 * has stopped members, gets SIGHUP then SIGCONT (POSIX 3.2.2.2). `parent` NO_TASK: the exit of
 * `t` itself, judged against its own parent.
 */
function killOrphanedPgrp(ctx: Ctx, t: TaskId, parent: TaskId, deferred: Deferred): void {
  const T = ctx.s.tasks;
  const pgrp = T.pgrp[t];
  let ignored = t;
  let par = parent;
  if (par === NO_TASK) {
    if (T.realParent[t] === NO_TASK) return;
    par = T.realParent[t];
  } else {
    ignored = NO_TASK;
  }
  const pp = proc(ctx, par);
  if (T.pgrp[pp] === pgrp || T.session[pp] !== T.session[t]) return;
  if (!willBecomeOrphanedPgrp(ctx, pgrp, ignored) || !hasStoppedJobs(ctx, pgrp)) return;
  deferred.push(() => {
    for (const m of pgrpMembers(ctx, pgrp)) sendPrivSignal(ctx, m, SIGNALS.HUP, 'signal');
    for (const m of pgrpMembers(ctx, pgrp)) sendPrivSignal(ctx, m, SIGNALS.CONT, 'signal');
  });
}
