/**
 * kernel/fork.c: kernel_clone / copy_process for fork, clone and clone3 (R22–R28, R31, R34).
 * Checks run in the kernel's order, so the first failing one decides the errno.
 */
import type { CloneFlag, Ret, TaskId } from './abi.ts';
import { type Ctx, emit, err, ns, ok, proc, sighandOf, task } from './context.ts';
import { allocPid, getPid, pidNrNs, publishPid } from './pid.ts';
import { createPidNamespace, destroyUnusedPidNamespace } from './pid_namespace.ts';
import { blankTask } from './state.ts';
import { linkChild } from './tasklist.ts';
import { SET_TID_MAX, type Task } from './types.ts';

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
function checkCloneFlags(ctx: Ctx, t: Task, bits: Flags, setTid: readonly number[]): string | null {
  const f = (flag: CloneFlag): boolean => (bits & CLONE_BIT[flag]) !== 0;
  if (setTid.length > SET_TID_MAX) return 'EINVAL';
  if (f('NEWNS') && f('FS')) return 'EINVAL';
  if (f('THREAD') && !f('SIGHAND')) return 'EINVAL';
  if (f('SIGHAND') && !f('VM')) return 'EINVAL';
  if (f('PARENT') && proc(ctx, t).unkillable) return 'EINVAL';
  if (f('THREAD') && (f('NEWPID') || t.childrenNs !== t.ns)) return 'EINVAL';
  return null;
}

/** copy_namespaces() for the pid namespace: the child's pid namespace, or an errno (R27, R31, R33). */
function copyPidNs(ctx: Ctx, t: Task, bits: Flags): number | string {
  if (bits === 0) return t.childrenNs;
  const f = (flag: CloneFlag): boolean => (bits & CLONE_BIT[flag]) !== 0;
  if ((f('NEWPID') || f('NEWNS')) && !t.privileged) return 'EPERM';
  if (!f('NEWPID')) return t.childrenNs;
  if (t.childrenNs !== t.ns) return 'EINVAL';
  return createPidNamespace(ctx, t.ns);
}

/**
 * kernel_clone(): create a process or thread. Returns the child's number in the caller's active
 * namespace. The created namespace (CLONE_NEWPID) survives only if the whole call succeeds.
 */
export function kernelClone(ctx: Ctx, actor: TaskId, args: CloneArgs): Ret {
  const t = task(ctx, actor);
  const bits = flagBits(args.flags);
  const newPid = (bits & CLONE_BIT.NEWPID) !== 0;
  const setTid = args.setTid ?? NO_SET_TID;
  const flagErr = bits === 0 && setTid.length === 0 ? null : checkCloneFlags(ctx, t, bits, setTid);
  if (flagErr !== null) return err(flagErr);
  const target = copyPidNs(ctx, t, bits);
  if (typeof target === 'string') return err(target);
  const numbers = allocPid(ctx, target, setTid, t.privileged);
  if (typeof numbers === 'string') {
    if (newPid) destroyUnusedPidNamespace(ctx, target);
    return err(numbers);
  }
  const child = makeTask(ctx, t, args, bits, numbers, target);
  if (newPid) emit(ctx, { type: 'ns/created', ns: target, by: actor });
  emit(ctx, { type: 'task/created', task: child.id, parent: child.realParent, thread: child.leader !== child.id });
  return ok(pidNrNs(ctx, child.id, t.ns));
}

function makeTask(
  ctx: Ctx,
  t: Task,
  args: CloneArgs,
  bits: Flags,
  numbers: number[],
  target: number,
): Task {
  const p = proc(ctx, t);
  const c = blankTask(ctx.s.tasks.length, args.label, args.cmd ?? t.cmd);
  ctx.s.tasks.push(c);
  c.numbers = numbers;
  c.ns = target;
  c.childrenNs = target;
  c.mnt = (bits & CLONE_BIT.NEWNS) !== 0 ? ctx.s.mnts.push(ctx.s.mnts[t.mnt] ?? 0) - 1 : t.mnt;
  c.blocked = t.blocked;
  c.privileged = t.privileged;
  c.uid = t.uid;
  if ((bits & CLONE_BIT.THREAD) !== 0) attachThread(ctx, c, t, p);
  else attachProcess(ctx, c, t, p, bits);
  publishPid(ctx, c.id);
  if (numbers[numbers.length - 1] === 1) {
    // is_child_reaper(): the first pid of a namespace is its init
    ns(ctx, target).reaper = c.id;
    c.unkillable = true;
  }
  return c;
}

function attachThread(ctx: Ctx, c: Task, t: Task, p: Task): void {
  c.leader = p.id;
  c.threads = [];
  c.realParent = t.realParent;
  p.threads = [...p.threads, c.id];
  getPid(ctx, c.id);
}

/** copy_sighand(): CLONE_SIGHAND shares the table; otherwise the child gets a copy of it. */
function copySighand(ctx: Ctx, p: Task, bits: Flags): number {
  if ((bits & CLONE_BIT.SIGHAND) !== 0) return p.sighand;
  const sh = sighandOf(ctx, p);
  return ctx.s.sighands.push({ handled: sh.handled, ignored: sh.ignored, reapAuto: false }) - 1;
}

function attachProcess(ctx: Ctx, c: Task, t: Task, p: Task, bits: Flags): void {
  const parent = (bits & CLONE_BIT.PARENT) !== 0 ? t.realParent : t.id;
  linkChild(ctx, parent, c.id);
  c.pgrp = p.pgrp;
  c.session = p.session;
  c.sighand = copySighand(ctx, p, bits);
  const pp = proc(ctx, task(ctx, parent));
  c.hasChildSubreaper = pp.hasChildSubreaper || pp.subreaper;
  getPid(ctx, c.id);
  getPid(ctx, c.id);
  getPid(ctx, c.pgrp);
  getPid(ctx, c.session);
}
