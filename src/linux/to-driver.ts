/**
 * Translates the language's concrete statements into the driver's step lines
 * (`IDX LINE ACTOR OP ARGS`, see conformance/driver/ctl.c). Targets travel as `l:LABEL` (the driver
 * resolves them to the number the actor sees) or `n:NR` (passed to the kernel as written).
 */
import type { ConcreteStep, Expected, OpCall, TargetArg } from '../scenario/index.ts';

const CLONE_BITS: Record<string, number> = {
  VM: 0x100, FS: 0x200, SIGHAND: 0x800, PARENT: 0x8000, THREAD: 0x10000, NEWNS: 0x20000,
  NEWPID: 0x20000000,
};
const REBOOT_CMDS: Record<string, number> = {
  RESTART: 0x01234567, HALT: 0xcdef0123, POWER_OFF: 0x4321fedc, CAD_ON: 0x89abcdef,
};
const DISPOSITIONS: Record<string, number> = { default: 0, ignore: 1, handle: 2 };

export function flagMask(flags: readonly string[]): number {
  return flags.reduce((m, f) => m | (CLONE_BITS[f] ?? 0), 0);
}

function hex(text: string): string {
  return Buffer.from(text, 'utf8').toString('hex') || '-';
}

function target(t: TargetArg | null): string {
  if (t === null) return '-';
  return t.kind === 'nr' ? `n:${t.nr}` : `l:${t.label}`;
}

/** `-` asks the driver for the language's automatic label (ACTOR.N, given only on success). */
function childLabel(step: ConcreteStep): string {
  return step.label ?? '-';
}

function args(step: ConcreteStep, call: OpCall): string {
  switch (call.op) {
    case 'fork':
      return `clone 0 - ${childLabel(step)} ${step.cmd === null ? '-' : hex(step.cmd)}`;
    case 'clone': {
      const tids = call.setTid === null ? '-' : call.setTid.join(',');
      return `clone ${flagMask(call.flags)} ${tids} ${childLabel(step)} ${step.cmd === null ? '-' : hex(step.cmd)}`;
    }
    case 'unshare': return `unshare ${flagMask(call.flags)}`;
    case 'setns': return `setns ${target(call.target)}`;
    case 'exec': return `exec ${hex(call.cmd)}`;
    case 'exit': case 'thread-exit': return `${call.op} ${call.code}`;
    case 'wait': return `wait ${target(call.target)} ${call.nohang ? 1 : 0}`;
    case 'kill': return `kill ${call.sig} ${target(call.target)}`;
    case 'signal': return `signal ${call.sig} ${DISPOSITIONS[call.disposition]}`;
    case 'setsid': case 'getpid': case 'gettid': case 'getppid': case 'ps': case 'fault':
      return call.op;
    case 'setpgid': return `setpgid ${target(call.target)} ${target(call.pgid)}`;
    case 'getpgid': case 'getsid': case 'nspid': return `${call.op} ${target(call.target)}`;
    case 'prctl': return `subreaper ${call.subreaper ? 1 : 0}`;
    case 'reap': return `reap ${call.mode === 'auto' ? 1 : 0}`;
    case 'mount': return 'mountproc';
    case 'write': return `${call.file} ${call.value}`;
    case 'caps': return 'capsdrop';
    case 'setuid': return `setuid ${call.uid}`;
    case 'sigmask': return `sigmask ${call.block ? 1 : 0} ${call.sig}`;
    case 'pdeathsig': return `pdeathsig ${call.sig}`;
    case 'reboot': return `reboot ${REBOOT_CMDS[call.cmd]}`;
  }
}

export function driverLine(step: ConcreteStep): string {
  return `${step.index} ${step.line} ${step.actor} ${args(step, step.call)}`;
}

export function expectText(e: Expected | null): string | null {
  if (e === null) return null;
  if (e.kind === 'int') return String(e.value);
  if (e.kind === 'errno') return e.name;
  return e.values.join(' ');
}
