/**
 * kernel/sys.c: identity as seen from the caller's namespace (R36–R38), sessions and process
 * groups (R80–R82), PR_SET_CHILD_SUBREAPER (R83), credentials.
 */
import type { Ret, Target, TaskId } from './abi.ts';
import { type Ctx, err, ok, proc, task } from './context.ts';
import { changePid, pgrpExists } from './pgrp.ts';
import { findPidNs, findTaskByPidNs, pidNrNs } from './pid.ts';
import { childrenOf } from './tasklist.ts';
import { NO_TASK, type Task } from './types.ts';

/** A number no namespace hands out: what a label the caller cannot see turns into. */
const INVISIBLE_PID = 2147483647;

/** A target as the number the real call would be given, read in the caller's namespace. */
export function targetNr(ctx: Ctx, actor: TaskId, target: Target): number {
  if (target.kind === 'nr') return target.nr;
  const t = task(ctx, target.task);
  const nr = t.hashed ? pidNrNs(ctx, target.task, task(ctx, actor).ns) : 0;
  return nr === 0 ? INVISIBLE_PID : nr;
}

/** find_task_by_vpid() with 0 meaning the caller itself. */
function lookup(ctx: Ctx, actor: TaskId, target: Target | null): Task | null {
  const nr = target === null ? 0 : targetNr(ctx, actor, target);
  if (nr === 0) return task(ctx, actor);
  const found = findTaskByPidNs(ctx, nr, task(ctx, actor).ns);
  return found === NO_TASK ? null : task(ctx, found);
}

export function sysGetpid(ctx: Ctx, actor: TaskId): Ret {
  const t = task(ctx, actor);
  return ok(pidNrNs(ctx, t.leader, t.ns));
}

export function sysGettid(ctx: Ctx, actor: TaskId): Ret {
  return ok(pidNrNs(ctx, actor, task(ctx, actor).ns));
}

/** getppid(): the parent's tgid, 0 when the parent lives outside the caller's namespace (R37). */
export function sysGetppid(ctx: Ctx, actor: TaskId): Ret {
  const t = task(ctx, actor);
  if (t.realParent === NO_TASK) return ok(0);
  return ok(pidNrNs(ctx, task(ctx, t.realParent).leader, t.ns));
}

/** getpgid() / getsid(): 0 when the leader's pid has no number in the caller's namespace. */
export function sysGetpgidOrSid(ctx: Ctx, actor: TaskId, target: Target | null, which: 'pgrp' | 'session'): Ret {
  const found = lookup(ctx, actor, target);
  if (found === null) return err('ESRCH');
  return ok(pidNrNs(ctx, proc(ctx, found)[which], task(ctx, actor).ns));
}

/** NSpid of /proc/TARGET/status read through the root namespace's /proc. */
export function sysNspid(ctx: Ctx, actor: TaskId, target: Target | null): Ret {
  // /proc/0 does not exist: an explicit 0 is not "myself" here, unlike getpgid(0)
  if (target !== null && targetNr(ctx, actor, target) === 0) return err('ESRCH');
  const found = lookup(ctx, actor, target);
  if (found === null) return err('ESRCH');
  return { kind: 'list', values: [...found.numbers] };
}

/** ksys_setsid() (R80) */
export function sysSetsid(ctx: Ctx, actor: TaskId): Ret {
  const p = proc(ctx, task(ctx, actor));
  if (p.sessionLeader || pgrpExists(ctx, p.id)) return err('EPERM');
  p.sessionLeader = true;
  changePid(ctx, p.id, 'session', p.id);
  changePid(ctx, p.id, 'pgrp', p.id);
  return ok(pidNrNs(ctx, p.id, p.ns));
}

/** setpgid(pid, pgid), every check in the kernel's order (R81). */
export function sysSetpgid(ctx: Ctx, actor: TaskId, target: Target, pgidArg: Target): Ret {
  const me = proc(ctx, task(ctx, actor));
  const caller = task(ctx, actor);
  let pid = targetNr(ctx, actor, target);
  if (pid === 0) pid = pidNrNs(ctx, me.id, caller.ns);
  let pgid = targetNr(ctx, actor, pgidArg);
  if (pgid === 0) pgid = pid;
  if (pgid < 0) return err('EINVAL');
  const found = findTaskByPidNs(ctx, pid, caller.ns);
  if (found === NO_TASK) return err('ESRCH');
  const p = task(ctx, found);
  if (p.leader !== p.id) return err('EINVAL');
  const parent = p.realParent === NO_TASK ? null : proc(ctx, task(ctx, p.realParent));
  if (parent !== null && parent.id === me.id) {
    if (p.session !== me.session) return err('EPERM');
    if (p.execed) return err('EACCES');
  } else if (p.id !== me.id) {
    return err('ESRCH');
  }
  if (p.sessionLeader) return err('EPERM');
  let pgrp = p.id;
  if (pgid !== pid) {
    pgrp = findPidNs(ctx, pgid, caller.ns);
    if (pgrp === NO_TASK || !pgrpExists(ctx, pgrp)) return err('EPERM');
    if (!sameSessionGroup(ctx, pgrp, me.session)) return err('EPERM');
  }
  changePid(ctx, p.id, 'pgrp', pgrp);
  return ok(0);
}

/** task_session(pid_task(pgrp, PIDTYPE_PGID)) == session: the group lives in that session. */
function sameSessionGroup(ctx: Ctx, pgrp: TaskId, session: TaskId): boolean {
  for (const t of ctx.s.tasks) if (t.hashed && t.leader === t.id && t.pgrp === pgrp) return t.session === session;
  return false;
}

/** prctl(PR_SET_CHILD_SUBREAPER): marks every existing descendant, stopping at inits (R83). */
export function sysPrctlSubreaper(ctx: Ctx, actor: TaskId, on: boolean): Ret {
  const p = proc(ctx, task(ctx, actor));
  p.subreaper = on;
  if (on) propagateHasChildSubreaper(ctx, p);
  return ok(0);
}

/** walk_process_tree(me, propagate_has_child_subreaper) */
function propagateHasChildSubreaper(ctx: Ctx, top: Task): void {
  const stack = [top];
  while (stack.length > 0) {
    const parent = stack.pop() as Task;
    for (const th of parent.threads) {
      for (const c of childrenOf(ctx, th)) {
        const child = task(ctx, c);
        const isInit = child.numbers[child.numbers.length - 1] === 1;
        if (child.hasChildSubreaper || isInit) continue;
        child.hasChildSubreaper = true;
        stack.push(child);
      }
    }
  }
}

/** capset() to the empty set: the calling thread's credentials only. */
export function sysCapsDrop(ctx: Ctx, actor: TaskId): Ret {
  task(ctx, actor).privileged = false;
  return ok(0);
}

/**
 * setuid(2), the system call: the calling thread's credentials only (glibc's wrapper would repeat
 * it in every thread; the language's op is the system call). With CAP_SETUID every uid changes;
 * without it only to the uid the thread already has. Changing to a non-zero uid drops every
 * capability; any change of uid clears the parent-death signal (commit_creds).
 */
export function sysSetuid(ctx: Ctx, actor: TaskId, uid: number): Ret {
  const t = task(ctx, actor);
  if (!Number.isInteger(uid) || uid < 0 || uid > 4294967294) return err('EINVAL');
  if (!t.privileged && uid !== t.uid) return err('EPERM');
  if (uid === t.uid) return ok(0);
  t.uid = uid;
  t.pdeathsig = 0;
  if (uid !== 0) t.privileged = false;
  return ok(0);
}
