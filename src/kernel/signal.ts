/**
 * kernel/signal.c: sending, ignoring, queueing and acting on signals, with the pid-namespace rules:
 * a namespace init drops default-action signals from inside its namespace (R73), only SIGKILL and
 * SIGSTOP from an ancestor namespace are forced through (R74), SIGCONT resumes before the ignore
 * decision, blocked signals queue and an init drops them at dequeue (R75), the global init never
 * gets SIGKILL/SIGSTOP (R77).
 *
 * The model runs a target as soon as a signal reaches it: a fatal signal kills it within the same
 * call, a handler "runs" at once (handlers are installed with SA_RESTART, so a blocked wait goes
 * on), a stop signal stops it. A stopped process dequeues nothing until SIGCONT, except SIGKILL.
 */
import type { KillReason, TaskId } from './abi.ts';
import { SIGNALS } from './abi.ts';
import { type Ctx, emit, isGlobalInit, proc, queueWake, sighandOf } from './context.ts';
import { pidNrNs } from './pid.ts';
import { willBecomeOrphanedPgrp } from './pgrp.ts';
import {
  STOP_SIGNALS, nextSignal, sigAdd, sigDel, sigEmpty, sigHas, sigKernelCoredump, sigKernelIgnore,
  sigKernelOnly, sigKernelStop, sigName, validSignal,
} from './sigset.ts';
import { groupDead, running } from './tasklist.ts';
import { NO_TASK } from './types.ts';

export type Handler = 'default' | 'ignore' | 'handle';

/** sighand->action[sig-1].sa.sa_handler of the process of `t`, as DFL / IGN / a handler */
export function handlerOf(ctx: Ctx, t: TaskId, sig: number): Handler {
  const sh = sighandOf(ctx, t);
  const S = ctx.s.sighands;
  if (sigHas(S.handled, sh, sig)) return 'handle';
  return sigHas(S.ignored, sh, sig) ? 'ignore' : 'default';
}

/** SIGNAL_GROUP_EXIT: the group of `leader` is dying with `status`; false if it already was. */
export function markGroupExit(ctx: Ctx, leader: TaskId, status: number, reason: KillReason | 'exit'): boolean {
  const T = ctx.s.tasks;
  if (T.groupExit[leader]) return false;
  T.groupExit[leader] = 1;
  T.groupExitCode[leader] = status;
  if (reason === 'exit') emit(ctx, { type: 'task/exited', task: leader, code: status >> 8 });
  else emit(ctx, { type: 'task/killed', task: leader, sig: sigName(status), reason });
  return true;
}

/**
 * complete_signal()'s fatal path: the group is marked as exiting now (so later signals are
 * dropped) and dies when the call settles, after every signal the call sends has been sent — the
 * kernel's targets die only when they next run.
 */
function killGroup(ctx: Ctx, leader: TaskId, sig: number, reason: KillReason): void {
  if (markGroupExit(ctx, leader, sig, reason)) ctx.dying.push(leader);
}

/** A process (thread group, by its leader) that can no longer act on signals: dying or dead. */
const groupGone = (ctx: Ctx, p: TaskId): boolean => ctx.s.tasks.groupExit[p] === 1 || groupDead(ctx, p);

/** sig_task_ignored() / sig_ignored(): whether the signal is dropped at send time. */
function sigIgnored(ctx: Ctx, t: TaskId, sig: number, force: boolean): string | null {
  const T = ctx.s.tasks;
  if (sigHas(T.blocked, t, sig)) return null;
  const p = proc(ctx, t);
  const handler = handlerOf(ctx, p, sig);
  if (isGlobalInit(ctx, p) && sigKernelOnly(sig)) return 'global-init';
  if (T.unkillable[p] && handler === 'default' && !(force && sigKernelOnly(sig))) return 'init-protected';
  if (handler === 'ignore' || (handler === 'default' && sigKernelIgnore(sig))) return 'ignored';
  return null;
}

/** prepare_signal(): stop/continue side effects, then the ignore decision. */
function prepareSignal(ctx: Ctx, t: TaskId, sig: number, force: boolean): boolean {
  const T = ctx.s.tasks;
  const p = proc(ctx, t);
  if (groupGone(ctx, p)) return false;
  if (sigKernelStop(sig)) sigDel(T.pending, p, SIGNALS.CONT);
  if (sig === SIGNALS.CONT) {
    for (const stop of STOP_SIGNALS) sigDel(T.pending, p, stop);
    if (T.stopped[p]) resumeGroup(ctx, p);
  }
  const why = sigIgnored(ctx, t, sig, force);
  if (why === null) return true;
  emit(ctx, { type: 'signal/dropped', task: p, sig: sigName(sig), why: why as 'ignored' });
  return false;
}

function resumeGroup(ctx: Ctx, p: TaskId): void {
  ctx.s.tasks.stopped[p] = 0;
  emit(ctx, { type: 'task/continued', task: p });
  queueWake(ctx, p, NO_TASK);
}

/** wants_signal() */
function wantsSignal(ctx: Ctx, t: TaskId, sig: number): boolean {
  if (sigHas(ctx.s.tasks.blocked, t, sig) || !running(ctx, t)) return false;
  if (sig === SIGNALS.KILL) return true;
  return !ctx.s.tasks.stopped[proc(ctx, t)];
}

/** The thread that takes `sig` for the group of `t`: `t` itself if it wants it, else the first that does. */
function signalTaker(ctx: Ctx, t: TaskId, sig: number): TaskId {
  if (wantsSignal(ctx, t, sig)) return t;
  const T = ctx.s.tasks;
  for (let th = proc(ctx, t); th !== NO_TASK; th = T.nextThread[th]) if (wantsSignal(ctx, th, sig)) return th;
  return NO_TASK;
}

/** sig_fatal() */
const sigFatal = (ctx: Ctx, p: TaskId, sig: number): boolean =>
  !sigKernelIgnore(sig) && !sigKernelStop(sig) && handlerOf(ctx, p, sig) === 'default';

/**
 * send_signal_locked() + complete_signal(): queue `sig` for the thread group of `t` and let the
 * group act on it. `force` is true for kernel-privileged signals and senders outside the target's
 * namespace.
 */
export function sendSignal(ctx: Ctx, t: TaskId, sig: number, force: boolean, reason: KillReason): void {
  const T = ctx.s.tasks;
  const p = proc(ctx, t);
  const wasStopped = T.stopped[p];
  if (!prepareSignal(ctx, t, sig, force)) {
    if (wasStopped && !T.stopped[p]) runPendingSignals(ctx, p, reason);
    return;
  }
  if (sigEmpty(T.pending, p) && wantsSignal(ctx, t, sig) && handlerOf(ctx, p, sig) === 'handle') {
    // nothing else is pending, so the handler runs at once: no need to queue and dequeue
    deliverToHandler(ctx, p, t, sig);
    return;
  }
  sigAdd(T.pending, p, sig);
  if (signalTaker(ctx, t, sig) === NO_TASK) {
    emit(ctx, { type: 'signal/pending', task: p, sig: sigName(sig) });
    return;
  }
  if (sigFatal(ctx, p, sig) && !sigKernelCoredump(sig) && !T.groupExit[p]) {
    sigDel(T.pending, p, sig);
    killGroup(ctx, p, sig, reason);
    return;
  }
  runPendingSignals(ctx, p, reason);
}

/** Thread `th` of process `p` runs its handler for `sig`. */
function deliverToHandler(ctx: Ctx, p: TaskId, th: TaskId, sig: number): void {
  emit(ctx, { type: 'signal/delivered', task: p, sig: sigName(sig), handled: true });
  // SA_RESTART: a wait interrupted by the handler starts over, looking at every child again
  if (ctx.s.tasks.waitType[th] !== 0) queueWake(ctx, p, NO_TASK);
  // the `reap auto` handler reaps when the call settles
  if (sig === SIGNALS.CHLD && ctx.s.sighands.reapAuto[sighandOf(ctx, p)] === 1) ctx.reapers.push(p);
}

/** A live thread of `p` that would dequeue a pending signal now, and that signal; thread NO_TASK if none. */
function nextDequeue(ctx: Ctx, p: TaskId): { th: TaskId; sig: number } {
  const T = ctx.s.tasks;
  for (let th = p; th !== NO_TASK; th = T.nextThread[th]) {
    if (!running(ctx, th)) continue;
    const sig = nextSignal(T.pending, p, T.blocked, th);
    if (sig !== 0) return { th, sig };
  }
  return { th: NO_TASK, sig: 0 };
}

/** get_signal(): the group of leader `p` dequeues and acts on every deliverable pending signal. */
export function runPendingSignals(ctx: Ctx, p: TaskId, reason: KillReason): void {
  const T = ctx.s.tasks;
  while (!groupGone(ctx, p) && !T.stopped[p]) {
    const { th, sig } = nextDequeue(ctx, p);
    if (th === NO_TASK) return;
    sigDel(T.pending, p, sig);
    const handler = handlerOf(ctx, p, sig);
    if (handler === 'handle') {
      deliverToHandler(ctx, p, th, sig);
    } else if (handler === 'default' && !sigKernelIgnore(sig)) {
      actByDefault(ctx, p, sig, reason);
    }
  }
}

/** The default action of a dequeued signal (get_signal's tail). */
function actByDefault(ctx: Ctx, p: TaskId, sig: number, reason: KillReason): void {
  const T = ctx.s.tasks;
  if (T.unkillable[p] && !sigKernelOnly(sig)) {
    emit(ctx, { type: 'signal/dropped', task: p, sig: sigName(sig), why: 'blocked-init' });
  } else if (sigKernelStop(sig)) {
    if (sig !== SIGNALS.STOP && willBecomeOrphanedPgrp(ctx, T.pgrp[p], -1)) return;
    T.stopped[p] = 1;
    emit(ctx, { type: 'task/stopped', task: p, sig: sigName(sig) });
  } else {
    killGroup(ctx, p, sig, reason);
  }
}

/** kill_ok_by_cred() and the SIGCONT-in-session exception of check_kill_permission(). */
function mayKill(ctx: Ctx, sender: TaskId, target: TaskId, sig: number): boolean {
  const T = ctx.s.tasks;
  const s = proc(ctx, sender);
  const p = proc(ctx, target);
  if (s === p || T.privileged[sender] || T.uid[sender] === T.uid[target]) return true;
  return sig === SIGNALS.CONT && T.session[s] === T.session[p];
}

/**
 * group_send_sig_info() from a user-space sender: permission, then delivery. Returns the errno
 * name, or null on success. Signal 0 only checks.
 */
export function groupSendFromUser(
  ctx: Ctx,
  sender: TaskId,
  target: TaskId,
  sig: number,
  reason: KillReason = 'signal',
): string | null {
  if (!validSignal(sig)) return 'EINVAL';
  if (!mayKill(ctx, sender, target, sig)) return 'EPERM';
  if (sig === 0) return null;
  // SEND_SIG_NOINFO / user siginfo: forced when the sender has no number in the target's namespace
  const force = pidNrNs(ctx, sender, ctx.s.tasks.ns[target]) === 0;
  sendSignal(ctx, target, sig, force, reason);
  return null;
}

/** group_send_sig_info(SEND_SIG_PRIV): a kernel-generated signal, never refused, forced. */
export function sendPrivSignal(ctx: Ctx, target: TaskId, sig: number, reason: KillReason): void {
  sendSignal(ctx, target, sig, true, reason);
}

/** do_sigaction() for the `signal` op. */
export function setDisposition(ctx: Ctx, t: TaskId, sig: number, handler: Handler): string | null {
  if (!validSignal(sig) || sig === 0 || sigKernelOnly(sig)) return 'EINVAL';
  const T = ctx.s.tasks;
  const S = ctx.s.sighands;
  const p = proc(ctx, t);
  const sh = sighandOf(ctx, p);
  sigDel(S.handled, sh, sig);
  sigDel(S.ignored, sh, sig);
  if (handler === 'handle') sigAdd(S.handled, sh, sig);
  if (handler === 'ignore') sigAdd(S.ignored, sh, sig);
  if (sig === SIGNALS.CHLD) S.reapAuto[sh] = 0;
  // POSIX: making a signal ignored discards its pending instances
  if (handler === 'ignore' || (handler === 'default' && sigKernelIgnore(sig))) sigDel(T.pending, p, sig);
  return null;
}

/** sigprocmask(SIG_BLOCK / SIG_UNBLOCK): SIGKILL and SIGSTOP are silently left out. */
export function setBlocked(ctx: Ctx, t: TaskId, sig: number, block: boolean): string | null {
  if (!validSignal(sig) || sig === 0) return 'EINVAL';
  if (sigKernelOnly(sig)) return null;
  const T = ctx.s.tasks;
  if (block) sigAdd(T.blocked, t, sig);
  else sigDel(T.blocked, t, sig);
  if (!block) runPendingSignals(ctx, proc(ctx, t), 'unblocked');
  return null;
}

/**
 * force_sig_fault(SIGSEGV): a handler that is installed and not blocked runs; otherwise the
 * disposition is reset to default, the signal unblocked and SIGNAL_UNKILLABLE cleared, so the
 * fault kills even a namespace init (R76, R99).
 */
export function forceSigFault(ctx: Ctx, t: TaskId): void {
  const sig = SIGNALS.SEGV;
  const T = ctx.s.tasks;
  const S = ctx.s.sighands;
  const p = proc(ctx, t);
  if (sigHas(T.blocked, t, sig) || handlerOf(ctx, p, sig) !== 'handle') {
    const sh = sighandOf(ctx, p);
    sigDel(S.handled, sh, sig);
    sigDel(S.ignored, sh, sig);
    sigDel(T.blocked, t, sig);
    T.unkillable[p] = 0;
  }
  sendSignal(ctx, t, sig, true, 'fault');
}
