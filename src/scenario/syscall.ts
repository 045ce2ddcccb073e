/**
 * From the language to the kernel: an `OpCall` with labels becomes a `Syscall` with task ids, and
 * a kernel `Ret` becomes a result string written as in the language. Labels are resolved by the
 * caller's `resolve` (which reports unknown labels); this file has no state.
 */
import type { CloneFlag, Ret, Syscall, Target, TaskId } from '../kernel/index.ts';
import type { Expected, OpCall, TargetArg } from './ast.ts';

/** A label's task, or null when no task has it (the caller has reported why). */
export type Resolve = (label: string) => TaskId | null;

function target(t: TargetArg, resolve: Resolve): Target | null {
  if (t.kind === 'nr') return t;
  const task = resolve(t.label);
  return task === null ? null : { kind: 'task', task };
}

function optTarget(t: TargetArg | null, resolve: Resolve): Target | null | undefined {
  if (t === null) return null;
  return target(t, resolve) ?? undefined;
}

/** a fork's flags: one list for every fork (the kernel only reads it) */
const NO_FLAGS: CloneFlag[] = [];

/** The kernel call for `call`, or null when a label did not resolve. `label` is the new task's.
 * Objects are built field by field (no spreads): this runs once per executed statement. */
export function toSyscall(actor: TaskId, call: OpCall, label: string, cmd: string | null, resolve: Resolve): Syscall | null {
  switch (call.op) {
    case 'fork': return { actor, op: 'clone', flags: NO_FLAGS, setTid: null, label, cmd };
    case 'clone': return { actor, op: 'clone', flags: call.flags, setTid: call.setTid, label, cmd };
    case 'prctl': return { actor, op: 'prctl-subreaper', on: call.subreaper };
    case 'mount': return { actor, op: 'mount-proc' };
    case 'write': return { actor, op: call.file === 'pid_max' ? 'write-pid-max' : 'write-ns-last-pid', value: call.value };
    case 'caps': return { actor, op: 'caps-drop' };
    case 'exit': case 'thread-exit': return { actor, op: call.op, code: call.code };
    case 'setns': {
      const t = target(call.target, resolve);
      return t && { actor, op: 'setns', target: t };
    }
    case 'kill': {
      const t = target(call.target, resolve);
      return t && { actor, op: 'kill', sig: call.sig, target: t };
    }
    case 'setpgid': {
      const t = target(call.target, resolve);
      const pgid = t && target(call.pgid, resolve);
      return t && pgid && { actor, op: 'setpgid', target: t, pgid };
    }
    case 'wait': {
      const t = optTarget(call.target, resolve);
      return t === undefined ? null : { actor, op: 'wait', target: t, nohang: call.nohang };
    }
    case 'getpgid': case 'getsid': case 'nspid': {
      const t = optTarget(call.target, resolve);
      return t === undefined ? null : { actor, op: call.op, target: t };
    }
    default: return { ...call, actor };
  }
}

/** Decimal texts of small integers, made once: results and expectations of long runs share
 * them instead of each holding its own copy. */
const SMALL_INTS: string[] = [];
const SMALL_INT_LIMIT = 1 << 16;

export function intText(n: number): string {
  if (n < 0 || n >= SMALL_INT_LIMIT || !Number.isInteger(n)) return String(n);
  return (SMALL_INTS[n] ??= String(n));
}

/** The result as the language writes it; null for none (and for a wait still blocked). */
export function formatRet(ret: Ret): string | null {
  switch (ret.kind) {
    case 'int': return intText(ret.value);
    case 'errno': return ret.name;
    case 'list': return ret.values.join(' ');
    default: return null;
  }
}

export function formatExpected(e: Expected): string {
  if (e.kind === 'int') return intText(e.value);
  return e.kind === 'errno' ? e.name : e.values.join(' ');
}
