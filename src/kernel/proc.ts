/**
 * fs/proc and the pid sysctls: a proc mount shows the pid namespace of whoever mounted it
 * (R42, R43); `ps` lists the thread-group leaders visible there; ns_last_pid and pid_max belong to
 * the writer's active namespace (R20, R47, R95).
 */
import type { NsId, Ret, TaskId } from './abi.ts';
import { type Ctx, err, ns, ok } from './context.ts';
import { PID_MAX_LIMIT, PID_MAX_MIN, type TaskTable } from './types.ts';

/** mount -t proc proc /proc in the caller's mount namespace. */
export function sysMountProc(ctx: Ctx, actor: TaskId): Ret {
  const T = ctx.s.tasks;
  if (!T.privileged[actor]) return err('EPERM');
  ctx.s.mnts[T.mnt[actor]] = T.ns[actor];
  return ok(0);
}

/**
 * next_tgid()'s test in proc_pid_readdir(): the owner of an idr entry is listed in /proc when it
 * is an unreleased thread-group leader (not a number merely reserved by a fork in progress).
 */
export const isListedProcess = (T: TaskTable, owner: TaskId): boolean =>
  owner >= 0 && T.hashed[owner] === 1 && T.leader[owner] === owner;

/** proc_pid_readdir(): numbers of the unreleased thread-group leaders visible in `id`, ascending. */
export function procPidList(ctx: Ctx, id: NsId): { nr: number; task: TaskId }[] {
  const out: { nr: number; task: TaskId }[] = [];
  const idr = ns(ctx, id).idr;
  for (let nr = 1; nr < idr.length; nr++) {
    const owner = idr[nr];
    if (owner !== undefined && isListedProcess(ctx.s.tasks, owner)) out.push({ nr, task: owner });
  }
  return out;
}

/** The PID column of `ps -e` run by the caller, through its mount namespace's /proc. */
export function sysPs(ctx: Ctx, actor: TaskId): Ret {
  const procNs = ctx.s.mnts[ctx.s.tasks.mnt[actor]] ?? 0;
  return { kind: 'list', values: procPidList(ctx, procNs).map((e) => e.nr) };
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
