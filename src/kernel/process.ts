/**
 * Whole-process operations: execve's effect on signals (fs/exec.c), faults (R76, R99), the
 * parent-death signal (R97), the `reap auto` handler, reboot(2) inside a namespace (R90, R96),
 * and the calls that would panic the machine (R50: the global init must never exit).
 */
import type { RebootCmd, Ret, Syscall, TaskId } from './abi.ts';
import { SIGNALS } from './abi.ts';
import { type Ctx, NONE, emit, err, ns, ok, proc, sighandOf, task } from './context.ts';
import type { Sighand, Task } from './types.ts';
import { doExit, exitCodeStatus } from './exit.ts';
import { forceSigFault, handlerOf, sendPrivSignal } from './signal.ts';
import { sigAdd, sigDel, sigHas, sigName, validSignal } from './sigset.ts';
import { reapAuto } from './wait.ts';

const ROOT_INIT = 0;

/** Why a call must be refused as a scenario error (the real kernel would panic), or null. */
export function panicReason(ctx: Ctx, call: Syscall): string | null {
  const t = task(ctx, call.actor);
  if (t.leader !== ROOT_INIT) {
    if (call.op === 'reboot' && t.ns === 0 && t.privileged) return 'reboot in the root namespace would reboot the machine';
    return null;
  }
  const others = proc(ctx, t).threads.some((id) => id !== t.id && !task(ctx, id).exiting);
  const panic = "the root namespace's init can never end (the kernel would panic)";
  if (call.op === 'exit' || (call.op === 'thread-exit' && !others)) return panic;
  if (call.op === 'fault' && (sigHas(t.blocked, SIGNALS.SEGV) || handlerOf(ctx, proc(ctx, t), SIGNALS.SEGV) !== 'handle')) {
    return `a fault in init: ${panic}`;
  }
  if (call.op === 'reboot' && t.privileged) return 'reboot in the root namespace would reboot the machine';
  return null;
}

/**
 * execve(): a new command line; handled signals go back to default (ignored ones stay), which
 * ends `reap auto`; the other threads of the group are killed (de_thread).
 */
export function sysExec(ctx: Ctx, actor: TaskId, cmd: string): Ret {
  const t = task(ctx, actor);
  const p = proc(ctx, t);
  for (const id of p.threads.filter((x) => x !== actor && x !== p.id)) doExit(ctx, id, SIGNALS.KILL);
  if (p.id !== actor && !p.exiting) doExit(ctx, p.id, SIGNALS.KILL);
  t.cmd = cmd;
  p.cmd = cmd;
  t.execed = true;
  p.execed = true;
  const sh = unshareSighand(ctx, p);
  sh.handled = [];
  sh.reapAuto = false;
  return ok(0);
}

/**
 * unshare_sighand(): execve gives a process that shares its handler table (CLONE_SIGHAND) a
 * private copy before resetting it, so the other sharers keep their handlers.
 */
function unshareSighand(ctx: Ctx, p: Task): Sighand {
  const sh = sighandOf(ctx, p);
  const shared = ctx.s.tasks.some((o) => o.hashed && o.leader === o.id && o.id !== p.id && o.sighand === p.sighand);
  if (!shared) return sh;
  p.sighand = ctx.s.sighands.push({ handled: sh.handled, ignored: sh.ignored, reapAuto: sh.reapAuto }) - 1;
  return sighandOf(ctx, p);
}

/** A synchronous fault in the caller: SIGSEGV forced by the kernel. */
export function sysFault(ctx: Ctx, actor: TaskId): Ret {
  forceSigFault(ctx, task(ctx, actor));
  return NONE;
}

/** prctl(PR_SET_PDEATHSIG) */
export function sysPdeathsig(ctx: Ctx, actor: TaskId, sig: number): Ret {
  if (!validSignal(sig)) return err('EINVAL');
  task(ctx, actor).pdeathsig = sig;
  return ok(0);
}

/** `reap auto`: a SIGCHLD handler that reaps every zombie child, run once when installed. */
export function sysReap(ctx: Ctx, actor: TaskId, mode: 'auto' | 'manual'): Ret {
  const p = proc(ctx, task(ctx, actor));
  const sh = sighandOf(ctx, p);
  sh.ignored = sigDel(sh.ignored, SIGNALS.CHLD);
  sh.handled = mode === 'auto' ? sigAdd(sh.handled, SIGNALS.CHLD) : sigDel(sh.handled, SIGNALS.CHLD);
  sh.reapAuto = mode === 'auto';
  if (sh.reapAuto) reapAuto(ctx, p);
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
  const t = task(ctx, actor);
  if (!t.privileged) return err('EPERM');
  const sig = REBOOT_SIGNAL[cmd];
  if (sig === 0) return err('EINVAL');
  const n = ns(ctx, t.ns);
  n.reboot = sig;
  const init = proc(ctx, task(ctx, n.reaper));
  if (init.id === proc(ctx, t).id) {
    init.groupExit = true;
    init.groupExitCode = SIGNALS.KILL;
    emit(ctx, { type: 'task/killed', task: init.id, sig: sigName(SIGNALS.KILL), reason: 'reboot' });
    for (const id of init.threads.filter((x) => x !== actor)) doExit(ctx, id, SIGNALS.KILL);
    doExit(ctx, actor, exitCodeStatus(0));
    return NONE;
  }
  emit(ctx, { type: 'task/exited', task: actor, code: 0 });
  doExit(ctx, actor, exitCodeStatus(0));
  if (!init.groupExit && init.exitState === 'none') sendPrivSignal(ctx, init.id, SIGNALS.KILL, 'reboot');
  return NONE;
}
