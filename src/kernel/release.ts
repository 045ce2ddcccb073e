/**
 * The end of a task's life (kernel/exit.c): telling the parent (do_notify_parent), and
 * release_task, which detaches the task's pid links so its numbers can be freed (R55, R56, R58).
 */
import type { TaskId } from './abi.ts';
import { SIGNALS } from './abi.ts';
import { type Ctx, emit, proc, task } from './context.ts';
import { putPid } from './pid.ts';
import { handlerOf, sendSignal } from './signal.ts';
import { unlinkChild } from './tasklist.ts';
import { NO_TASK, type Task } from './types.ts';

/** The wait status of a dead process: the group's exit code after a group exit (R54). */
export function exitStatus(p: Task): number {
  return p.groupExit ? p.groupExitCode : p.exitCode;
}

/** thread_group_empty() */
export const threadGroupEmpty = (p: Task): boolean => p.threads.length <= 1;

/** Whether the parent process ignores SIGCHLD, so that its children are reaped at exit. */
function parentAutoreaps(ctx: Ctx, parent: Task): boolean {
  return handlerOf(ctx, parent, SIGNALS.CHLD) === 'ignore';
}

/**
 * do_notify_parent(): the zombie leader `t` tells its parent. Returns true when it must be
 * released at once (the parent ignores SIGCHLD). Wakes the parent's waiters either way.
 */
export function doNotifyParent(ctx: Ctx, t: Task): boolean {
  const parentThread = task(ctx, t.realParent);
  const parent = proc(ctx, parentThread);
  const autoreap = parentAutoreaps(ctx, parent);
  if (!autoreap && handlerOf(ctx, parent, SIGNALS.CHLD) === 'handle') {
    sendSignal(ctx, parentThread, SIGNALS.CHLD, false, 'signal');
  }
  ctx.wakes.push({ parent: parent.id, child: t.id });
  return autoreap;
}

/**
 * release_task(): detach every pid link of `t` (PID; and TGID, PGID, SID for a leader), unlink it
 * from its parent and its thread group. A zombie leader left alone by this is now reportable.
 */
export function releaseTask(ctx: Ctx, id: TaskId, by: TaskId | null): void {
  const t = task(ctx, id);
  if (!t.hashed) return;
  t.hashed = false;
  t.exitState = 'dead';
  emit(ctx, { type: 'task/reaped', task: id, by });
  const leader = task(ctx, t.leader);
  if (t.leader === id) {
    unlinkChild(ctx, id);
    putPid(ctx, t.pgrp);
    putPid(ctx, t.session);
    putPid(ctx, id);
  } else {
    leader.threads = leader.threads.filter((x) => x !== id);
  }
  putPid(ctx, id);
  if (t.leader !== id && leader.exitState === 'zombie' && threadGroupEmpty(leader) && leader.realParent !== NO_TASK) {
    if (doNotifyParent(ctx, leader)) releaseTask(ctx, leader.id, null);
  }
}
