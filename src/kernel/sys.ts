/**
 * kernel/sys.c: identity as seen from the caller's namespace (R36–R38), sessions and process
 * groups (R80–R82), PR_SET_CHILD_SUBREAPER (R83), credentials.
 */
import type { Ret, Target, TaskId } from './abi.ts';
import { type Ctx, err, isNsInit, numbersOf, ok, proc } from './context.ts';
import { changePid, pgrpExists } from './pgrp.ts';
import { findPidNs, findTaskByPidNs, pidNrNs } from './pid.ts';
import { childrenOf, isLiveProcess, threadsOf } from './tasklist.ts';
import { NO_TASK } from './types.ts';

/** A number no namespace hands out: what a label the caller cannot see turns into. */
const INVISIBLE_PID = 2147483647;

/** A target as the number the real call would be given, read in the caller's namespace. */
export function targetNr(ctx: Ctx, actor: TaskId, target: Target): number {
  if (target.kind === 'nr') return target.nr;
  const T = ctx.s.tasks;
  const nr = T.hashed[target.task] ? pidNrNs(ctx, target.task, T.ns[actor]) : 0;
  return nr === 0 ? INVISIBLE_PID : nr;
}

/** find_task_by_vpid() with 0 meaning the caller itself; NO_TASK if there is none. */
function lookup(ctx: Ctx, actor: TaskId, target: Target | null): TaskId {
  const nr = target === null ? 0 : targetNr(ctx, actor, target);
  if (nr === 0) return actor;
  return findTaskByPidNs(ctx, nr, ctx.s.tasks.ns[actor]);
}

export function sysGetpid(ctx: Ctx, actor: TaskId): Ret {
  return ok(pidNrNs(ctx, ctx.s.tasks.leader[actor], ctx.s.tasks.ns[actor]));
}

export function sysGettid(ctx: Ctx, actor: TaskId): Ret {
  return ok(pidNrNs(ctx, actor, ctx.s.tasks.ns[actor]));
}

/** getppid(): the parent's tgid, 0 when the parent lives outside the caller's namespace (R37). */
export function sysGetppid(ctx: Ctx, actor: TaskId): Ret {
  const T = ctx.s.tasks;
  if (T.realParent[actor] === NO_TASK) return ok(0);
  return ok(pidNrNs(ctx, T.leader[T.realParent[actor]], T.ns[actor]));
}

/** getpgid() / getsid(): 0 when the leader's pid has no number in the caller's namespace. */
export function sysGetpgidOrSid(ctx: Ctx, actor: TaskId, target: Target | null, which: 'pgrp' | 'session'): Ret {
  const found = lookup(ctx, actor, target);
  if (found === NO_TASK) return err('ESRCH');
  return ok(pidNrNs(ctx, ctx.s.tasks[which][proc(ctx, found)], ctx.s.tasks.ns[actor]));
}

/** NSpid of /proc/TARGET/status read through the root namespace's /proc. */
export function sysNspid(ctx: Ctx, actor: TaskId, target: Target | null): Ret {
  // /proc/0 does not exist: an explicit 0 is not "myself" here, unlike getpgid(0)
  if (target !== null && targetNr(ctx, actor, target) === 0) return err('ESRCH');
  const found = lookup(ctx, actor, target);
  if (found === NO_TASK) return err('ESRCH');
  return { kind: 'list', values: numbersOf(ctx, found) };
}

/** ksys_setsid() (R80) */
export function sysSetsid(ctx: Ctx, actor: TaskId): Ret {
  const T = ctx.s.tasks;
  const p = proc(ctx, actor);
  if (T.sessionLeader[p] || pgrpExists(ctx, p)) return err('EPERM');
  T.sessionLeader[p] = 1;
  changePid(ctx, p, 'session', p);
  changePid(ctx, p, 'pgrp', p);
  return ok(pidNrNs(ctx, p, T.ns[p]));
}

/** setpgid(pid, pgid), every check in the kernel's order (R81). */
export function sysSetpgid(ctx: Ctx, actor: TaskId, target: Target, pgidArg: Target): Ret {
  const T = ctx.s.tasks;
  const me = proc(ctx, actor);
  const callerNs = T.ns[actor];
  let pid = targetNr(ctx, actor, target);
  if (pid === 0) pid = pidNrNs(ctx, me, callerNs);
  let pgid = targetNr(ctx, actor, pgidArg);
  if (pgid === 0) pgid = pid;
  if (pgid < 0) return err('EINVAL');
  const p = findTaskByPidNs(ctx, pid, callerNs);
  if (p === NO_TASK) return err('ESRCH');
  if (T.leader[p] !== p) return err('EINVAL');
  const parent = T.realParent[p] === NO_TASK ? NO_TASK : proc(ctx, T.realParent[p]);
  if (parent !== NO_TASK && parent === me) {
    if (T.session[p] !== T.session[me]) return err('EPERM');
    if (T.execed[p]) return err('EACCES');
  } else if (p !== me) {
    return err('ESRCH');
  }
  if (T.sessionLeader[p]) return err('EPERM');
  let pgrp = p;
  if (pgid !== pid) {
    pgrp = findPidNs(ctx, pgid, callerNs);
    if (pgrp === NO_TASK || !pgrpExists(ctx, pgrp)) return err('EPERM');
    if (!sameSessionGroup(ctx, pgrp, T.session[me])) return err('EPERM');
  }
  changePid(ctx, p, 'pgrp', pgrp);
  return ok(0);
}

/** task_session(pid_task(pgrp, PIDTYPE_PGID)) == session: the group lives in that session. */
function sameSessionGroup(ctx: Ctx, pgrp: TaskId, session: TaskId): boolean {
  const T = ctx.s.tasks;
  for (let t = 0; t < T.count; t++) if (T.pgrp[t] === pgrp && isLiveProcess(ctx, t)) return T.session[t] === session;
  return false;
}

/** prctl(PR_SET_CHILD_SUBREAPER): marks every existing descendant, stopping at inits (R83). */
export function sysPrctlSubreaper(ctx: Ctx, actor: TaskId, on: boolean): Ret {
  const p = proc(ctx, actor);
  ctx.s.tasks.subreaper[p] = on ? 1 : 0;
  if (on) propagateHasChildSubreaper(ctx, p);
  return ok(0);
}

/** walk_process_tree(me, propagate_has_child_subreaper) */
function propagateHasChildSubreaper(ctx: Ctx, top: TaskId): void {
  const T = ctx.s.tasks;
  const stack = [top];
  while (stack.length > 0) {
    const parent = stack.pop() as TaskId;
    for (const th of threadsOf(ctx, parent)) {
      for (const child of childrenOf(ctx, th)) {
        if (T.hasChildSubreaper[child] || isNsInit(ctx, child)) continue;
        T.hasChildSubreaper[child] = 1;
        stack.push(child);
      }
    }
  }
}

/** capset() to the empty set: the calling thread's credentials only. */
export function sysCapsDrop(ctx: Ctx, actor: TaskId): Ret {
  ctx.s.tasks.privileged[actor] = 0;
  return ok(0);
}

/**
 * setuid(2), the system call: the calling thread's credentials only (glibc's wrapper would repeat
 * it in every thread; the language's op is the system call). With CAP_SETUID every uid changes;
 * without it only to the uid the thread already has. Changing to a non-zero uid drops every
 * capability; any change of uid clears the parent-death signal (commit_creds).
 */
export function sysSetuid(ctx: Ctx, actor: TaskId, uid: number): Ret {
  const T = ctx.s.tasks;
  if (!Number.isInteger(uid) || uid < 0 || uid > 4294967294) return err('EINVAL');
  if (!T.privileged[actor] && uid !== T.uid[actor]) return err('EPERM');
  if (uid === T.uid[actor]) return ok(0);
  T.uid[actor] = uid;
  T.pdeathsig[actor] = 0;
  if (uid !== 0) T.privileged[actor] = 0;
  return ok(0);
}
