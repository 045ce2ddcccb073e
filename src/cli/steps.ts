/**
 * The human listing of a run's steps: one line per executed statement, with its line number,
 * actor, the call as executed, its result and, when it was checked, `ok` or `FAIL` (`question`
 * for a question: its answer is the result shown). Captions are printed where they were met.
 */
import { SIGNALS } from '../kernel/index.ts';
import type { OpCall, StepRecord, TargetArg } from '../scenario/index.ts';
import type { Out } from './out.ts';

const SIG_NAMES = new Map<number, string>(Object.entries(SIGNALS).map(([name, n]) => [n, name]));
const sig = (n: number): string => SIG_NAMES.get(n) ?? String(n);

const target = (t: TargetArg | null): string => (t === null ? '' : t.kind === 'nr' ? String(t.nr) : t.label);
const quote = (s: string): string => `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

function args(call: OpCall): string[] {
  switch (call.op) {
    case 'clone': return [call.flags.join(','), call.setTid === null ? '' : `set_tid=${call.setTid.join(',')}`];
    case 'unshare': return [call.flags.join(',')];
    case 'exec': return [quote(call.cmd)];
    case 'exit': case 'thread-exit': return [String(call.code)];
    case 'wait': return [target(call.target), call.nohang ? 'WNOHANG' : ''];
    case 'kill': return [sig(call.sig), target(call.target)];
    case 'signal': return [sig(call.sig), call.disposition];
    case 'setns': return [target(call.target)];
    case 'setpgid': return [target(call.target), target(call.pgid)];
    case 'getpgid': case 'getsid': case 'nspid': return [target(call.target)];
    case 'prctl': return ['SUBREAPER', call.subreaper ? '1' : '0'];
    case 'reap': return [call.mode];
    case 'mount': return [call.fs];
    case 'write': return [call.file, String(call.value)];
    case 'caps': return [call.action];
    case 'setuid': return [String(call.uid)];
    case 'sigmask': return [call.block ? 'block' : 'unblock', sig(call.sig)];
    case 'pdeathsig': return [sig(call.sig)];
    case 'reboot': return [call.cmd];
    default: return [];
  }
}

/** The statement as executed, e.g. `fork as sshd`, `kill 15 sleeper`. */
export function describeCall(r: StepRecord): string {
  const words = [r.op, ...args(r.call)].filter((w) => w !== '');
  if (r.label !== undefined) words.push('as', r.label);
  return words.join(' ');
}

function verdict(r: StepRecord): string {
  if (r.pending === true) return r.expect === null ? 'FAIL  (the wait never completed)' : `FAIL  (the wait never completed; expected ${r.expect})`;
  if (r.question !== null) return 'question';
  if (r.pass === true) return 'ok';
  if (r.pass === false) return `FAIL  (expected ${r.expect})`;
  return '';
}

function resultText(r: StepRecord): string {
  if (r.pending === true) return '=> (blocked)';
  if (r.result === null) return r.op === 'wait' ? '=> (no return: the caller died)' : '';
  return `=> ${r.result}`;
}

/** Writes one line per step (its captions before it); columns as wide as their widest entry, capped. */
export function writeSteps(records: readonly StepRecord[], out: Out): void {
  let lineW = 0;
  let actorW = 0;
  let callW = 0;
  let resultW = 0;
  // widths first, then the lines: nothing per step is kept between the two passes
  for (const r of records) {
    lineW = Math.max(lineW, String(r.line).length);
    actorW = Math.min(16, Math.max(actorW, r.actor.length));
    callW = Math.min(40, Math.max(callW, describeCall(r).length));
    resultW = Math.min(24, Math.max(resultW, resultText(r).length));
  }
  for (const r of records) {
    for (const c of r.captions) out.line(`${' '.repeat(lineW + 2)}## ${c}`);
    const v = verdict(r);
    const result = resultText(r);
    const line = `${String(r.line).padStart(lineW)}  ${r.actor.padEnd(actorW)}  ${describeCall(r).padEnd(callW)}  ${v === '' ? result : `${result.padEnd(resultW)}  ${v}`}`;
    out.line(line.trimEnd());
  }
}
