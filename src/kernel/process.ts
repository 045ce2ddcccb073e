/**
 * Whole-process operations: faults (R76, R99), the parent-death signal (R97), the `reap auto`
 * handler, reboot(2) inside a namespace (R90, R96), and the calls that would panic the machine
 * (R50: the global init must never exit). execve is in exec.ts.
 */
import type { RebootCmd, Ret, Syscall, TaskId } from './abi.ts';
import { SIGNALS } from './abi.ts';
import { type Ctx, NONE, emit, err, isGlobalInit, ns, ok, proc, sighandOf } from './context.ts';
import { doExit, exitCodeStatus } from './exit.ts';
import { forceSigFault, handlerOf, sendPrivSignal } from './signal.ts';
import { sigAdd, sigDel, sigHas, sigName, validSignal } from './sigset.ts';
import { threadsOf } from './tasklist.ts';
import { reapAuto } from './wait.ts';

/** Why a call must be refused as a scenario error (the real kernel would panic), or null. */
export function panicReason(ctx: Ctx, call: Syscall): string | null {
  const T = ctx.s.tasks;
  const t = call.actor;
  if (!isGlobalInit(ctx, t)) {
    if (call.op === 'reboot' && T.ns[t] === 0 && T.privileged[t]) return 'reboot in the root namespace would reboot the machine';
    return null;
  }
  const others = threadsOf(ctx, t).some((id) => id !== t && !T.exiting[id]);
  const panic = "the root namespace's init can never end (the kernel would panic)";
  if (call.op === 'exit' || (call.op === 'thread-exit' && !others)) return panic;
  if (call.op === 'fault' && (sigHas(T.blocked, t, SIGNALS.SEGV) || handlerOf(ctx, t, SIGNALS.SEGV) !== 'handle')) {
    return `a fault in init: ${panic}`;
  }
  if (call.op === 'reboot' && T.privileged[t]) return 'reboot in the root namespace would reboot the machine';
  return null;
}

/** A synchronous fault in the caller: SIGSEGV forced by the kernel. */
export function sysFault(ctx: Ctx, actor: TaskId): Ret {
  forceSigFault(ctx, actor);
  return NONE;
}

/** prctl(PR_SET_PDEATHSIG) */
export function sysPdeathsig(ctx: Ctx, actor: TaskId, sig: number): Ret {
  if (!validSignal(sig)) return err('EINVAL');
  ctx.s.tasks.pdeathsig[actor] = sig;
  return ok(0);
}

/** `reap auto`: a SIGCHLD handler that reaps every zombie child, run once when installed. */
export function sysReap(ctx: Ctx, actor: TaskId, mode: 'auto' | 'manual'): Ret {
  const S = ctx.s.sighands;
  const p = proc(ctx, actor);
  const sh = sighandOf(ctx, p);
  sigDel(S.ignored, sh, SIGNALS.CHLD);
  if (mode === 'auto') sigAdd(S.handled, sh, SIGNALS.CHLD);
  else sigDel(S.handled, sh, SIGNALS.CHLD);
  S.reapAuto[sh] = mode === 'auto' ? 1 : 0;
  if (mode === 'auto') reapAuto(ctx, p);
  return ok(0);
}

const REBOOT_SIGNAL: Record<RebootCmd, number> = {
  RESTART: SIGNALS.HUP, HALT: SIGNALS.INT, POWER_OFF: SIGNALS.INT, CAD_ON: 0,
};

/**
 * reboot(2) inside a child namespace -> reboot_pid_ns(): record the exit signal the init will
 * report, SIGKILL the init, and exit the caller with status 0 (the call never returns).
 */
export function sysReboot(ctx: Ctx, actor: TaskId, cmd: RebootCmd): Ret {
  const T = ctx.s.tasks;
  if (!T.privileged[actor]) return err('EPERM');
  const sig = REBOOT_SIGNAL[cmd];
  if (sig === 0) return err('EINVAL');
  const n = ns(ctx, T.ns[actor]);
  n.reboot = sig;
  const init = proc(ctx, n.reaper);
  if (init === proc(ctx, actor)) {
    T.groupExit[init] = 1;
    T.groupExitCode[init] = SIGNALS.KILL;
    emit(ctx, { type: 'task/killed', task: init, sig: sigName(SIGNALS.KILL), reason: 'reboot' });
    for (const id of threadsOf(ctx, init)) if (id !== actor) doExit(ctx, id, SIGNALS.KILL);
    doExit(ctx, actor, exitCodeStatus(0));
    return NONE;
  }
  emit(ctx, { type: 'task/exited', task: actor, code: 0 });
  doExit(ctx, actor, exitCodeStatus(0));
  if (!T.groupExit[init] && T.exitState[init] === 0) sendPrivSignal(ctx, init, SIGNALS.KILL, 'reboot');
  return NONE;
}
