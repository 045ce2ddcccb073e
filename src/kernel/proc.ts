/**
 * fs/proc and the pid sysctls: a proc mount shows the pid namespace of whoever mounted it
 * (R42, R43); `ps` lists the thread-group leaders visible there; ns_last_pid and pid_max belong to
 * the writer's active namespace (R20, R47, R95).
 */
import type { NsId, Ret, TaskId } from './abi.ts';
import { type Ctx, err, ns, ok } from './context.ts';
import { PID_MAX_LIMIT, PID_MAX_MIN } from './types.ts';

/** mount -t proc proc /proc in the caller's mount namespace. */
export function sysMountProc(ctx: Ctx, actor: TaskId): Ret {
  const T = ctx.s.tasks;
  if (!T.privileged[actor]) return err('EPERM');
  ctx.s.mnts[T.mnt[actor]] = T.ns[actor];
  return ok(0);
}

/**
 * proc_pid_readdir() with next_tgid()'s test: every unreleased thread-group leader with a number
 * in `id` (not a number merely reserved by a fork in progress), by ascending number.
 */
export function forEachProcPid(ctx: Ctx, id: NsId, visit: (nr: number, task: TaskId) => void): void {
  const T = ctx.s.tasks;
  const idr = ns(ctx, id).idr;
  for (let nr = 1; nr < idr.length; nr++) {
    const owner = idr[nr];
    if (owner !== undefined && owner >= 0 && T.hashed[owner] === 1 && T.leader[owner] === owner) visit(nr, owner);
  }
}

/** The PID column of `ps -e` run by the caller, through its mount namespace's /proc. */
export function sysPs(ctx: Ctx, actor: TaskId): Ret {
  const procNs = ctx.s.mnts[ctx.s.tasks.mnt[actor]] ?? 0;
  // counted first, then filled: a list of 100,000 numbers grown by push costs three times as much
  let count = 0;
  forEachProcPid(ctx, procNs, () => (count += 1));
  const values = new Array<number>(count);
  let at = 0;
  forEachProcPid(ctx, procNs, (nr) => (values[at++] = nr));
  return { kind: 'list', values };
}

/** pid_ns_ctl_handler(): write /proc/sys/kernel/ns_last_pid (R20). */
export function sysWriteNsLastPid(ctx: Ctx, actor: TaskId, value: number): Ret {
  const n = ns(ctx, ctx.s.tasks.ns[actor]);
  if (!ctx.s.tasks.privileged[actor]) return err('EPERM');
  if (!Number.isInteger(value) || value < 0 || value > n.pidMax) return err('EINVAL');
  n.cursor = value + 1;
  return ok(0);
}

/** write /proc/sys/kernel/pid_max of the writer's active namespace (R8, R95). */
export function sysWritePidMax(ctx: Ctx, actor: TaskId, value: number): Ret {
  if (ctx.s.tasks.uid[actor] !== 0) return err('EACCES');
  if (!Number.isInteger(value) || value < PID_MAX_MIN || value > PID_MAX_LIMIT) return err('EINVAL');
  ns(ctx, ctx.s.tasks.ns[actor]).pidMax = value;
  return ok(0);
}
