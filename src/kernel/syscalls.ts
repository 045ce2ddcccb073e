/**
 * The system call table: dispatch(state, call) runs one call by one task to completion, including
 * everything it sets off (deaths, teardowns, wake-ups of blocked waits), and reports its result
 * and events. Calls that would panic the machine are refused as scenario errors, state untouched.
 */
import type { KernelEvent, Outcome, Ret, Syscall, TaskId, TeardownAct } from './abi.ts';
import { actorProblem } from './describe.ts';
import { type Ctx, NONE, emit, err, newCtx, ok, proc } from './context.ts';
import { doExit, doGroupExit, exitCodeStatus, exitNotify, runGroupExit } from './exit.ts';
import { kernelClone } from './fork.ts';
import { sysKill } from './kill.ts';
import { sysSetns, sysUnshare } from './nsproxy.ts';
import { zapWakeUp } from './pid_namespace.ts';
import { sysMountProc, sysPs, sysWriteNsLastPid, sysWritePidMax } from './proc.ts';
import { sysExec } from './exec.ts';
import { panicReason, sysFault, sysPdeathsig, sysReap, sysReboot } from './process.ts';
import { setBlocked, setDisposition } from './signal.ts';
import {
  sysCapsDrop, sysGetpgidOrSid, sysGetpid, sysGetppid, sysGettid, sysNspid, sysPrctlSubreaper,
  sysSetpgid, sysSetsid, sysSetuid, targetNr,
} from './sys.ts';
import { createKernelState } from './state.ts';
import type { KernelState } from './types.ts';
import { runReapAuto, sysWait, wakeParent } from './wait.ts';


export interface DispatchOptions {
  /** record KernelEvents for the event log (a headless run can skip them) */
  events: boolean;
  /** hears each act of a namespace teardown as the call reaches it (the worker stops there) */
  onAct?: (act: TeardownAct) => void;
}
const WITH_EVENTS: DispatchOptions = { events: true };
const NO_EVENTS: KernelEvent[] = [];
const NO_COMPLETIONS: Outcome['completed'] = [];

/** Errno-style result of helpers that return an errno name or null. */
const zeroOr = (e: string | null): Ret => (e === null ? ok(0) : err(e));

function exitThread(ctx: Ctx, actor: TaskId, code: number): Ret {
  emit(ctx, { type: 'task/exited', task: actor, code: code & 0xff });
  doExit(ctx, actor, exitCodeStatus(code));
  return NONE;
}

function run(ctx: Ctx, c: Syscall): Ret {
  const a = c.actor;
  switch (c.op) {
    case 'clone': return kernelClone(ctx, a, c);
    case 'unshare': return sysUnshare(ctx, a, c.flags);
    case 'setns': return sysSetns(ctx, a, c.target);
    case 'exec': return sysExec(ctx, a, c.cmd);
    case 'exit': doGroupExit(ctx, proc(ctx, a), exitCodeStatus(c.code)); return NONE;
    case 'thread-exit': return exitThread(ctx, a, c.code);
    case 'wait': return sysWait(ctx, a, c.target === null ? -1 : targetNr(ctx, a, c.target), c.nohang);
    case 'kill': return sysKill(ctx, a, targetNr(ctx, a, c.target), c.sig);
    case 'signal': return zeroOr(setDisposition(ctx, a, c.sig, c.disposition));
    case 'setsid': return sysSetsid(ctx, a);
    case 'setpgid': return sysSetpgid(ctx, a, c.target, c.pgid);
    case 'getpid': return sysGetpid(ctx, a);
    case 'gettid': return sysGettid(ctx, a);
    case 'getppid': return sysGetppid(ctx, a);
    case 'getpgid': return sysGetpgidOrSid(ctx, a, c.target, 'pgrp');
    case 'getsid': return sysGetpgidOrSid(ctx, a, c.target, 'session');
    case 'nspid': return sysNspid(ctx, a, c.target);
    case 'prctl-subreaper': return sysPrctlSubreaper(ctx, a, c.on);
    case 'reap': return sysReap(ctx, a, c.mode);
    case 'mount-proc': return sysMountProc(ctx, a);
    case 'ps': return sysPs(ctx, a);
    case 'write-ns-last-pid': return sysWriteNsLastPid(ctx, a, c.value);
    case 'write-pid-max': return sysWritePidMax(ctx, a, c.value);
    case 'caps-drop': return sysCapsDrop(ctx, a);
    case 'setuid': return sysSetuid(ctx, a, c.uid);
    case 'sigmask': return zeroOr(setBlocked(ctx, a, c.sig, c.block));
    case 'pdeathsig': return sysPdeathsig(ctx, a, c.sig);
    case 'fault': return sysFault(ctx, a);
    case 'reboot': return sysReboot(ctx, a, c.cmd);
  }
}

/**
 * Let everything the call set off finish. Victims of fatal signals die one at a time, in the order
 * they were signalled, and what each death wakes (a reaper waiting in a teardown, parents' waits,
 * `reap auto` handlers) runs before the next victim dies — as a woken parent runs while the other
 * victims are still on their way out.
 */
function settle(ctx: Ctx): void {
  let died = 0;
  let freed = 0;
  let woken = 0;
  let reaped = 0;
  for (;;) {
    if (freed < ctx.freedIn.size) {
      const me = zapWakeUp(ctx, ctx.freedIn.at(freed++));
      if (me !== null) exitNotify(ctx, me);
    } else if (woken < ctx.wakes.size) {
      wakeParent(ctx, ctx.wakes.at(woken), ctx.wakes.at(woken + 1));
      woken += 2;
    } else if (reaped < ctx.reapers.size) {
      runReapAuto(ctx, ctx.reapers.at(reaped++));
    } else if (died < ctx.dying.size) {
      runGroupExit(ctx, ctx.dying.at(died++));
    } else {
      return;
    }
  }
}

/**
 * One system call (the kernel's syscall entry). Mutates `state` in place.
 * `fault` in the outcome is a scenario error: the call was refused and nothing changed.
 */
export function dispatch(state: KernelState, call: Syscall, opts: DispatchOptions = WITH_EVENTS): Outcome {
  const ctx = reuseCtx(state, opts.events, opts.onAct ?? null);
  const fault = actorProblem(state, call.actor) ?? panicReason(ctx, call);
  if (fault !== null) return { ret: NONE, events: NO_EVENTS, completed: NO_COMPLETIONS, fault };
  const ret = run(ctx, call);
  settle(ctx);
  const completed = ctx.completed.length === 0 ? NO_COMPLETIONS : ctx.completed;
  return { ret, events: ctx.events ?? NO_EVENTS, completed, fault: null };
}

/**
 * dispatch() never re-enters, so one context serves every call: its work queues are emptied and
 * the arrays handed out in an Outcome are replaced, never reused.
 */
const shared: Ctx = newCtx(createKernelState(), false);
function reuseCtx(state: KernelState, withEvents: boolean, onAct: Ctx['onAct']): Ctx {
  shared.s = state;
  shared.onAct = onAct;
  shared.events = withEvents ? [] : null;
  if (shared.completed.length > 0) shared.completed = [];
  shared.freedIn.clear();
  shared.wakes.clear();
  shared.reapers.clear();
  shared.dying.clear();
  return shared;
}
