/**
 * Process groups and sessions as kernel/exit.c and kernel/sys.c see them: members of a group,
 * orphaned groups (POSIX job control), and moving a process between groups.
 */
import type { TaskId } from './abi.ts';
import { type Ctx, isGlobalInit, proc } from './context.ts';
import { getPid, putPid } from './pid.ts';
import { isLiveProcess, processes, threadGroupEmpty } from './tasklist.ts';
import { NO_TASK } from './types.ts';

/** do_each_pid_task(pgrp, PIDTYPE_PGID): unreleased processes in the group. */
export function pgrpMembers(ctx: Ctx, pgrp: TaskId): TaskId[] {
  const out: TaskId[] = [];
  for (const id of processes(ctx)) if (ctx.s.tasks.pgrp[id] === pgrp) out.push(id);
  // hlist_add_head: the most recently attached member comes first
  return out.reverse();
}

/** Whether any process uses the struct pid owned by `owner` as its process group. */
export function pgrpExists(ctx: Ctx, owner: TaskId): boolean {
  for (let t = 0; t < ctx.s.tasks.count; t++) if (ctx.s.tasks.pgrp[t] === owner && isLiveProcess(ctx, t)) return true;
  return false;
}

/**
 * will_become_orphaned_pgrp(): no member (other than `ignored`) has a parent in another group of
 * the same session. Members whose parent is the global init do not count.
 */
export function willBecomeOrphanedPgrp(ctx: Ctx, pgrp: TaskId, ignored: TaskId): boolean {
  const T = ctx.s.tasks;
  for (const p of pgrpMembers(ctx, pgrp)) {
    if (p === ignored || (T.exitState[p] !== 0 && threadGroupEmpty(ctx, p))) continue;
    if (T.realParent[p] === NO_TASK || isGlobalInit(ctx, T.realParent[p])) continue;
    const parent = proc(ctx, T.realParent[p]);
    if (T.pgrp[parent] !== pgrp && T.session[parent] === T.session[p]) return false;
  }
  return true;
}

/** has_stopped_jobs() */
export function hasStoppedJobs(ctx: Ctx, pgrp: TaskId): boolean {
  return pgrpMembers(ctx, pgrp).some((id) => ctx.s.tasks.stopped[id]);
}

/** change_pid(p, PIDTYPE_PGID | PIDTYPE_SID, pid): move the link to another struct pid. */
export function changePid(ctx: Ctx, p: TaskId, type: 'pgrp' | 'session', pid: TaskId): void {
  const column = ctx.s.tasks[type];
  const old = column[p];
  if (old === pid) return;
  getPid(ctx, pid);
  column[p] = pid;
  putPid(ctx, old);
}
