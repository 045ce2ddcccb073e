/**
 * kernel/nsproxy.c and pidns_install(): unshare(CLONE_NEWPID | CLONE_NEWNS) and setns() into a
 * pid namespace (R29–R32). Both change only the calling thread's pid_ns_for_children (and mount
 * namespace); the caller's own pid never changes (R41).
 */
import type { Ret, Target, TaskId, UnshareFlag } from './abi.ts';
import { type Ctx, emit, err, ns, ok } from './context.ts';
import { findTaskByPidNs, nsAtLevel } from './pid.ts';
import { createPidNamespace } from './pid_namespace.ts';
import { NO_TASK } from './types.ts';

/** ksys_unshare() -> unshare_nsproxy_namespaces() -> create_new_namespaces() */
export function sysUnshare(ctx: Ctx, actor: TaskId, flags: readonly UnshareFlag[]): Ret {
  const T = ctx.s.tasks;
  if (!T.privileged[actor]) return err('EPERM');
  if (flags.includes('NEWPID')) {
    if (T.childrenNs[actor] !== T.ns[actor]) return err('EINVAL');
    const created = createPidNamespace(ctx, T.ns[actor]);
    if (typeof created === 'string') return err(created);
    T.childrenNs[actor] = created;
    emit(ctx, { type: 'ns/created', ns: created, by: actor });
  }
  if (flags.includes('NEWNS')) T.mnt[actor] = ctx.s.mnts.push(ctx.s.mnts[T.mnt[actor]] ?? 0) - 1;
  return ok(0);
}

/**
 * The task whose /proc/PID/ns/pid the call opens: a label is opened as a privileged bystander
 * would (a reaped task has no /proc entry: ENOENT); a number is looked up in the caller's namespace.
 */
function nsFileOwner(ctx: Ctx, actor: TaskId, target: Target): TaskId | string {
  if (target.kind === 'task') return ctx.s.tasks.hashed[target.task] ? target.task : 'ENOENT';
  const found = findTaskByPidNs(ctx, target.nr, ctx.s.tasks.ns[actor]);
  return found === NO_TASK ? 'ESRCH' : found;
}

/** setns(fd, CLONE_NEWPID) -> pidns_install(): only the active namespace or a descendant. */
export function sysSetns(ctx: Ctx, actor: TaskId, target: Target): Ret {
  const T = ctx.s.tasks;
  const owner = nsFileOwner(ctx, actor, target);
  if (typeof owner === 'string') return err(owner);
  if (!T.privileged[actor]) return err('EPERM');
  const wanted = ns(ctx, T.ns[owner]);
  const active = ns(ctx, T.ns[actor]);
  if (wanted.level < active.level || nsAtLevel(ctx, wanted.id, active.level) !== active.id) return err('EINVAL');
  T.childrenNs[actor] = wanted.id;
  return ok(0);
}
