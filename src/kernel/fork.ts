/**
 * kernel/fork.c: kernel_clone / copy_process for fork, clone and clone3 (R22–R28, R31, R34).
 * Checks run in the kernel's order, so the first failing one decides the errno.
 */
import type { CloneFlag, Ret, TaskId } from './abi.ts';
import { type Ctx, emit, err, ns, ok, proc } from './context.ts';
import { allocPid, getPid, pidNrNs, publishPid } from './pid.ts';
import { createPidNamespace, destroyUnusedPidNamespace } from './pid_namespace.ts';
import { sigCopy } from './sigset.ts';
import { pushSighandCopy, pushTask } from './state.ts';
import { linkChild, linkThread } from './tasklist.ts';
import { SET_TID_MAX } from './types.ts';

const NO_SET_TID: readonly number[] = [];

export interface CloneArgs {
  flags: readonly CloneFlag[];
  setTid: readonly number[] | null;
  label: string;
  cmd: string | null;
}

/** CLONE_* bits, so that the hot fork path tests flags without allocating. */
const CLONE_BIT: Record<CloneFlag, number> = { NEWPID: 1, NEWNS: 2, THREAD: 4, SIGHAND: 8, VM: 16, PARENT: 32, FS: 64 };
type Flags = number;

function flagBits(flags: readonly CloneFlag[]): Flags {
  let bits = 0;
  for (const flag of flags) bits |= CLONE_BIT[flag];
  return bits;
}

/** The flag checks at the top of copy_process() (and clone3's set_tid size check). */
function checkCloneFlags(ctx: Ctx, t: TaskId, bits: Flags, setTid: readonly number[]): string | null {
  const T = ctx.s.tasks;
  const f = (flag: CloneFlag): boolean => (bits & CLONE_BIT[flag]) !== 0;
  if (setTid.length > SET_TID_MAX) return 'EINVAL';
  if (f('NEWNS') && f('FS')) return 'EINVAL';
  if (f('THREAD') && !f('SIGHAND')) return 'EINVAL';
  if (f('SIGHAND') && !f('VM')) return 'EINVAL';
  if (f('PARENT') && T.unkillable[proc(ctx, t)]) return 'EINVAL';
  if (f('THREAD') && (f('NEWPID') || T.childrenNs[t] !== T.ns[t])) return 'EINVAL';
  return null;
}

/** copy_namespaces() for the pid namespace: the child's pid namespace, or an errno (R27, R31, R33). */
function copyPidNs(ctx: Ctx, t: TaskId, bits: Flags): number | string {
  const T = ctx.s.tasks;
  if (bits === 0) return T.childrenNs[t];
  const f = (flag: CloneFlag): boolean => (bits & CLONE_BIT[flag]) !== 0;
  if ((f('NEWPID') || f('NEWNS')) && !T.privileged[t]) return 'EPERM';
  if (!f('NEWPID')) return T.childrenNs[t];
  if (T.childrenNs[t] !== T.ns[t]) return 'EINVAL';
  return createPidNamespace(ctx, T.ns[t]);
}

/**
 * kernel_clone(): create a process or thread. Returns the child's number in the caller's active
 * namespace. The created namespace (CLONE_NEWPID) survives only if the whole call succeeds.
 */
export function kernelClone(ctx: Ctx, t: TaskId, args: CloneArgs): Ret {
  const bits = flagBits(args.flags);
  const newPid = (bits & CLONE_BIT.NEWPID) !== 0;
  const setTid = args.setTid ?? NO_SET_TID;
  const flagErr = bits === 0 && setTid.length === 0 ? null : checkCloneFlags(ctx, t, bits, setTid);
  if (flagErr !== null) return err(flagErr);
  const target = copyPidNs(ctx, t, bits);
  if (typeof target === 'string') return err(target);
  const numbers = allocPid(ctx, target, setTid, ctx.s.tasks.privileged[t] === 1);
  if (typeof numbers === 'string') {
    if (newPid) destroyUnusedPidNamespace(ctx, target);
    return err(numbers);
  }
  const child = makeTask(ctx, t, args, bits, numbers, target);
  if (newPid) emit(ctx, { type: 'ns/created', ns: target, by: t });
  const T = ctx.s.tasks;
  emit(ctx, { type: 'task/created', task: child, parent: T.realParent[child], thread: T.leader[child] !== child });
  return ok(pidNrNs(ctx, child, T.ns[t]));
}

function makeTask(
  ctx: Ctx,
  t: TaskId,
  args: CloneArgs,
  bits: Flags,
  numbers: number[],
  target: number,
): TaskId {
  const T = ctx.s.tasks;
  const cmd = args.cmd === null ? T.cmd[t] : ctx.s.cmds.push(args.cmd) - 1;
  const c = pushTask(ctx.s, args.label, cmd, target, numbers);
  T.mnt[c] = (bits & CLONE_BIT.NEWNS) !== 0 ? ctx.s.mnts.push(ctx.s.mnts[T.mnt[t]] ?? 0) - 1 : T.mnt[t];
  sigCopy(T.blocked, c, T.blocked, t);
  T.privileged[c] = T.privileged[t];
  T.uid[c] = T.uid[t];
  if ((bits & CLONE_BIT.THREAD) !== 0) attachThread(ctx, c, t);
  else attachProcess(ctx, c, t, bits);
  publishPid(ctx, c);
  if (numbers[numbers.length - 1] === 1) {
    // is_child_reaper(): the first pid of a namespace is its init
    ns(ctx, target).reaper = c;
    T.unkillable[c] = 1;
  }
  return c;
}

function attachThread(ctx: Ctx, c: TaskId, t: TaskId): void {
  const T = ctx.s.tasks;
  const p = proc(ctx, t);
  T.leader[c] = p;
  T.realParent[c] = T.realParent[t];
  linkThread(ctx, p, c);
  getPid(ctx, c);
}

/** copy_sighand(): CLONE_SIGHAND shares the table; otherwise the child gets a copy of it. */
function copySighand(ctx: Ctx, p: TaskId, bits: Flags): number {
  const sh = ctx.s.tasks.sighand[p];
  if ((bits & CLONE_BIT.SIGHAND) !== 0) return sh;
  const copy = pushSighandCopy(ctx.s, sh);
  // `reap auto` stands for the parent's own reaping loop, which the child does not run
  ctx.s.sighands.reapAuto[copy] = 0;
  return copy;
}

function attachProcess(ctx: Ctx, c: TaskId, t: TaskId, bits: Flags): void {
  const T = ctx.s.tasks;
  const p = proc(ctx, t);
  const parent = (bits & CLONE_BIT.PARENT) !== 0 ? T.realParent[t] : t;
  linkChild(ctx, parent, c);
  T.pgrp[c] = T.pgrp[p];
  T.session[c] = T.session[p];
  T.sighand[c] = copySighand(ctx, p, bits);
  const pp = proc(ctx, parent);
  T.hasChildSubreaper[c] = T.hasChildSubreaper[pp] || T.subreaper[pp];
  getPid(ctx, c);
  getPid(ctx, c);
  getPid(ctx, T.pgrp[c]);
  getPid(ctx, T.session[c]);
}
