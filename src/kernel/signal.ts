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
import { type Ctx, emit, proc, sighandOf, task } from './context.ts';
import { pidNrNs } from './pid.ts';
import { willBecomeOrphanedPgrp } from './pgrp.ts';
import {
  nextSignal, sigAdd, sigDel, sigHas, sigKernelCoredump, sigKernelIgnore, sigKernelOnly,
  sigKernelStop, sigName, validSignal,
} from './sigset.ts';
import { NO_TASK, type Task } from './types.ts';

export type Handler = 'default' | 'ignore' | 'handle';

/** sighand->action[sig-1].sa.sa_handler, as DFL / IGN / a handler */
export function handlerOf(ctx: Ctx, p: Task, sig: number): Handler {
  const sh = sighandOf(ctx, p);
  if (sigHas(sh.handled, sig)) return 'handle';
  return sigHas(sh.ignored, sig) ? 'ignore' : 'default';
}

/** SIGNAL_GROUP_EXIT: the group of `leader` is dying with `status`; false if it already was. */
export function markGroupExit(ctx: Ctx, leader: TaskId, status: number, reason: KillReason | 'exit'): boolean {
  const p = task(ctx, leader);
  if (p.groupExit) return false;
  p.groupExit = true;
  p.groupExitCode = status;
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

/** A process (thread group) that can no longer act on signals: dying or dead. */
function groupGone(ctx: Ctx, p: Task): boolean {
  if (p.groupExit) return true;
  for (const id of p.threads) {
    const t = task(ctx, id);
    if (!t.exiting && t.exitState === 'none') return false;
  }
  return true;
}

/** sig_task_ignored() / sig_ignored(): whether the signal is dropped at send time. */
function sigIgnored(ctx: Ctx, t: Task, sig: number, force: boolean): string | null {
  if (sigHas(t.blocked, sig)) return null;
  const p = proc(ctx, t);
  const handler = handlerOf(ctx, p, sig);
  if (p.id === 0 && sigKernelOnly(sig)) return 'global-init';
  if (p.unkillable && handler === 'default' && !(force && sigKernelOnly(sig))) return 'init-protected';
  if (handler === 'ignore' || (handler === 'default' && sigKernelIgnore(sig))) return 'ignored';
  return null;
}

/** prepare_signal(): stop/continue side effects, then the ignore decision. */
function prepareSignal(ctx: Ctx, t: Task, sig: number, force: boolean): boolean {
  const p = proc(ctx, t);
  if (groupGone(ctx, p)) return false;
  if (sigKernelStop(sig)) p.pending = sigDel(p.pending, SIGNALS.CONT);
  if (sig === SIGNALS.CONT) {
    p.pending = p.pending.filter((s) => !sigKernelStop(s));
    if (p.stopped) resumeGroup(ctx, p);
  }
  const why = sigIgnored(ctx, t, sig, force);
  if (why === null) return true;
  emit(ctx, { type: 'signal/dropped', task: p.id, sig: sigName(sig), why: why as 'ignored' });
  return false;
}

function resumeGroup(ctx: Ctx, p: Task): void {
  p.stopped = false;
  emit(ctx, { type: 'task/continued', task: p.id });
  ctx.wakes.push({ parent: p.id, child: NO_TASK });
}

/** wants_signal() */
function wantsSignal(ctx: Ctx, t: Task, sig: number): boolean {
  if (sigHas(t.blocked, sig) || t.exiting || t.exitState !== 'none') return false;
  if (sig === SIGNALS.KILL) return true;
  return !proc(ctx, t).stopped;
}

/** sig_fatal() */
const sigFatal = (ctx: Ctx, p: Task, sig: number): boolean =>
  !sigKernelIgnore(sig) && !sigKernelStop(sig) && handlerOf(ctx, p, sig) === 'default';

/**
 * send_signal_locked() + complete_signal(): queue `sig` for the thread group of `t` and let the
 * group act on it. `force` is true for kernel-privileged signals and senders outside the target's
 * namespace.
 */
export function sendSignal(ctx: Ctx, t: Task, sig: number, force: boolean, reason: KillReason): void {
  const p = proc(ctx, t);
  const wasStopped = p.stopped;
  if (!prepareSignal(ctx, t, sig, force)) {
    if (wasStopped && !p.stopped) runPendingSignals(ctx, p, reason);
    return;
  }
  if (p.pending.length === 0 && wantsSignal(ctx, t, sig) && handlerOf(ctx, p, sig) === 'handle') {
    // nothing else is pending, so the handler runs at once: no need to queue and dequeue
    deliverToHandler(ctx, p, t, sig);
    return;
  }
  if (!sigHas(p.pending, sig)) p.pending = sigAdd(p.pending, sig);
  const taker = wantsSignal(ctx, t, sig) ? t : p.threads.map((id) => task(ctx, id)).find((th) => wantsSignal(ctx, th, sig));
  if (taker === undefined) {
    emit(ctx, { type: 'signal/pending', task: p.id, sig: sigName(sig) });
    return;
  }
  if (sigFatal(ctx, p, sig) && !sigKernelCoredump(sig) && !p.groupExit) {
    p.pending = sigDel(p.pending, sig);
    killGroup(ctx, p.id, sig, reason);
    return;
  }
  runPendingSignals(ctx, p, reason);
}

/** Thread `th` of `p` runs its handler for `sig`. */
function deliverToHandler(ctx: Ctx, p: Task, th: Task, sig: number): void {
  emit(ctx, { type: 'signal/delivered', task: p.id, sig: sigName(sig), handled: true });
  // SA_RESTART: a wait interrupted by the handler starts over, looking at every child again
  if (th.wait !== null) ctx.wakes.push({ parent: p.id, child: NO_TASK });
  // the `reap auto` handler reaps when the call settles
  if (sig === SIGNALS.CHLD && sighandOf(ctx, p).reapAuto) ctx.reapers.push(p.id);
}

/** A live thread of `p` that would dequeue a pending signal now, with that signal. */
function nextDequeue(ctx: Ctx, p: Task): [Task, number] | null {
  for (const id of p.threads) {
    const th = task(ctx, id);
    if (th.exiting || th.exitState !== 'none') continue;
    const sig = nextSignal(p.pending, th.blocked);
    if (sig !== 0) return [th, sig];
  }
  return null;
}

/** get_signal(): the group dequeues and acts on every deliverable pending signal. */
export function runPendingSignals(ctx: Ctx, p: Task, reason: KillReason): void {
  while (!groupGone(ctx, p) && !p.stopped) {
    const next = nextDequeue(ctx, p);
    if (next === null) return;
    const [th, sig] = next;
    p.pending = sigDel(p.pending, sig);
    const handler = handlerOf(ctx, p, sig);
    if (handler === 'handle') {
      deliverToHandler(ctx, p, th, sig);
    } else if (handler === 'default' && !sigKernelIgnore(sig)) {
      actByDefault(ctx, p, sig, reason);
    }
  }
}

/** The default action of a dequeued signal (get_signal's tail). */
function actByDefault(ctx: Ctx, p: Task, sig: number, reason: KillReason): void {
  if (p.unkillable && !sigKernelOnly(sig)) {
    emit(ctx, { type: 'signal/dropped', task: p.id, sig: sigName(sig), why: 'blocked-init' });
  } else if (sigKernelStop(sig)) {
    if (sig !== SIGNALS.STOP && willBecomeOrphanedPgrp(ctx, p.pgrp, -1)) return;
    p.stopped = true;
    emit(ctx, { type: 'task/stopped', task: p.id, sig: sigName(sig) });
  } else {
    killGroup(ctx, p.id, sig, reason);
  }
}

/** kill_ok_by_cred() and the SIGCONT-in-session exception of check_kill_permission(). */
function mayKill(ctx: Ctx, sender: Task, target: Task, sig: number): boolean {
  const s = proc(ctx, sender);
  const p = proc(ctx, target);
  if (s.id === p.id || sender.privileged || sender.uid === target.uid) return true;
  return sig === SIGNALS.CONT && s.session === p.session;
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
  const s = task(ctx, sender);
  const t = task(ctx, target);
  if (!mayKill(ctx, s, t, sig)) return 'EPERM';
  if (sig === 0) return null;
  // SEND_SIG_NOINFO / user siginfo: forced when the sender has no number in the target's namespace
  const force = pidNrNs(ctx, sender, t.ns) === 0;
  sendSignal(ctx, t, sig, force, reason);
  return null;
}

/** group_send_sig_info(SEND_SIG_PRIV): a kernel-generated signal, never refused, forced. */
export function sendPrivSignal(ctx: Ctx, target: TaskId, sig: number, reason: KillReason): void {
  sendSignal(ctx, task(ctx, target), sig, true, reason);
}

/** do_sigaction() for the `signal` op. */
export function setDisposition(ctx: Ctx, t: Task, sig: number, handler: Handler): string | null {
  if (!validSignal(sig) || sig === 0 || sigKernelOnly(sig)) return 'EINVAL';
  const p = proc(ctx, t);
  const sh = sighandOf(ctx, p);
  sh.handled = handler === 'handle' ? sigAdd(sh.handled, sig) : sigDel(sh.handled, sig);
  sh.ignored = handler === 'ignore' ? sigAdd(sh.ignored, sig) : sigDel(sh.ignored, sig);
  if (sig === SIGNALS.CHLD) sh.reapAuto = false;
  // POSIX: making a signal ignored discards its pending instances
  if (handler === 'ignore' || (handler === 'default' && sigKernelIgnore(sig))) p.pending = sigDel(p.pending, sig);
  return null;
}

/** sigprocmask(SIG_BLOCK / SIG_UNBLOCK): SIGKILL and SIGSTOP are silently left out. */
export function setBlocked(ctx: Ctx, t: Task, sig: number, block: boolean): string | null {
  if (!validSignal(sig) || sig === 0) return 'EINVAL';
  if (sigKernelOnly(sig)) return null;
  t.blocked = block ? sigAdd(t.blocked, sig) : sigDel(t.blocked, sig);
  if (!block) runPendingSignals(ctx, proc(ctx, t), 'unblocked');
  return null;
}

/**
 * force_sig_fault(SIGSEGV): a handler that is installed and not blocked runs; otherwise the
 * disposition is reset to default, the signal unblocked and SIGNAL_UNKILLABLE cleared, so the
 * fault kills even a namespace init (R76, R99).
 */
export function forceSigFault(ctx: Ctx, t: Task): void {
  const sig = SIGNALS.SEGV;
  const p = proc(ctx, t);
  const blocked = sigHas(t.blocked, sig);
  if (blocked || handlerOf(ctx, p, sig) !== 'handle') {
    const sh = sighandOf(ctx, p);
    sh.handled = sigDel(sh.handled, sig);
    sh.ignored = sigDel(sh.ignored, sig);
    t.blocked = sigDel(t.blocked, sig);
    p.unkillable = false;
  }
  sendSignal(ctx, t, sig, true, 'fault');
}
