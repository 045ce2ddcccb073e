/**
 * Process groups and sessions as kernel/exit.c and kernel/sys.c see them: members of a group,
 * orphaned groups (POSIX job control), and moving a process between groups.
 */
import type { TaskId } from './abi.ts';
import { type Ctx, proc, task } from './context.ts';
import { getPid, putPid } from './pid.ts';
import { processes } from './tasklist.ts';
import { NO_TASK } from './types.ts';

/** do_each_pid_task(pgrp, PIDTYPE_PGID): unreleased processes in the group. */
export function pgrpMembers(ctx: Ctx, pgrp: TaskId): TaskId[] {
  const out: TaskId[] = [];
  for (const id of processes(ctx)) if (task(ctx, id).pgrp === pgrp) out.push(id);
  // hlist_add_head: the most recently attached member comes first
  return out.reverse();
}

/** Whether any process uses the struct pid owned by `owner` as its process group. */
export function pgrpExists(ctx: Ctx, owner: TaskId): boolean {
  for (const id of processes(ctx)) if (task(ctx, id).pgrp === owner) return true;
  return false;
}

/** is_global_init() of a parent pointer */
const isGlobalInit = (ctx: Ctx, t: TaskId): boolean => t !== NO_TASK && task(ctx, t).leader === 0;

/**
 * will_become_orphaned_pgrp(): no member (other than `ignored`) has a parent in another group of
 * the same session. Members whose parent is the global init do not count.
 */
export function willBecomeOrphanedPgrp(ctx: Ctx, pgrp: TaskId, ignored: TaskId): boolean {
  for (const id of pgrpMembers(ctx, pgrp)) {
    const p = task(ctx, id);
    if (id === ignored || (p.exitState !== 'none' && p.threads.length <= 1)) continue;
    if (p.realParent === NO_TASK || isGlobalInit(ctx, p.realParent)) continue;
    const parent = proc(ctx, task(ctx, p.realParent));
    if (parent.pgrp !== pgrp && parent.session === p.session) return false;
  }
  return true;
}

/** has_stopped_jobs() */
export function hasStoppedJobs(ctx: Ctx, pgrp: TaskId): boolean {
  return pgrpMembers(ctx, pgrp).some((id) => task(ctx, id).stopped);
}

/** change_pid(p, PIDTYPE_PGID | PIDTYPE_SID, pid): move the link to another struct pid. */
export function changePid(ctx: Ctx, p: TaskId, type: 'pgrp' | 'session', pid: TaskId): void {
  const t = task(ctx, p);
  if (t[type] === pid) return;
  getPid(ctx, pid);
  const old = t[type];
  t[type] = pid;
  putPid(ctx, old);
}
