/**
 * The end of a task's life (kernel/exit.c): telling the parent (do_notify_parent), and
 * release_task, which detaches the task's pid links so its numbers can be freed (R55, R56, R58).
 */
import type { TaskId } from './abi.ts';
import { SIGNALS } from './abi.ts';
import { type Ctx, emit, proc, queueWake } from './context.ts';
import { putPid } from './pid.ts';
import { handlerOf, sendSignal } from './signal.ts';
import { threadGroupEmpty, unlinkChild, unlinkThread } from './tasklist.ts';
import { EXIT_DEAD, EXIT_ZOMBIE, NO_TASK, type TaskTable } from './types.ts';

/** The wait status of a dead process `p` (a leader): the group's exit code after a group exit (R54). */
export function exitStatus(T: TaskTable, p: TaskId): number {
  return T.groupExit[p] ? T.groupExitCode[p] : T.exitCode[p];
}

/**
 * do_notify_parent(): the zombie leader `t` tells its parent. Returns true when it must be
 * released at once (the parent ignores SIGCHLD). Wakes the parent's waiters either way.
 */
export function doNotifyParent(ctx: Ctx, t: TaskId): boolean {
  const parentThread = ctx.s.tasks.realParent[t];
  const parent = proc(ctx, parentThread);
  const handler = handlerOf(ctx, parent, SIGNALS.CHLD);
  if (handler === 'handle') sendSignal(ctx, parentThread, SIGNALS.CHLD, false, 'signal');
  queueWake(ctx, parent, t);
  return handler === 'ignore';
}

/**
 * release_task(): detach every pid link of `t` (PID; and TGID, PGID, SID for a leader), unlink it
 * from its parent and its thread group. A zombie leader left alone by this is now reportable.
 */
export function releaseTask(ctx: Ctx, id: TaskId, by: TaskId | null): void {
  const T = ctx.s.tasks;
  if (!T.hashed[id]) return;
  T.hashed[id] = 0;
  T.exitState[id] = EXIT_DEAD;
  emit(ctx, { type: 'task/reaped', task: id, by });
  const leader = T.leader[id];
  if (leader === id) {
    unlinkChild(ctx, id);
    putPid(ctx, T.pgrp[id]);
    putPid(ctx, T.session[id]);
    putPid(ctx, id);
  } else {
    unlinkThread(ctx, id);
  }
  putPid(ctx, id);
  if (leader !== id && T.exitState[leader] === EXIT_ZOMBIE && threadGroupEmpty(ctx, leader)) {
    // the zombie leader now stands for the whole group: pidfd exit info and /proc show its
    // exit_code, which becomes the group's after a group exit (commit "exit: fix the usage of
    // delay_group_leader->exit_code in do_notify_parent() and pidfs_exit()", 6.15)
    if (T.groupExit[leader]) T.exitCode[leader] = T.groupExitCode[leader];
    if (T.realParent[leader] !== NO_TASK && doNotifyParent(ctx, leader)) releaseTask(ctx, leader, null);
  }
}
