/**
 * Random well-formed scenarios over a few labels, reaching every op of the language, and the
 * properties every run must have: the kernel's invariants after every step, no exception, and
 * the same document from the same text.
 */
import fc from 'fast-check';
import { checkInvariants } from '../../kernel/index.ts';
import { runScenario } from '../document.ts';
import { createInterpreter } from '../interpreter.ts';

const label = fc.constantFrom('init', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'a.1', 'init.1');
const newLabel = fc.option(fc.constantFrom('e', 'f', 'g', 'a'), { nil: null });
const target = fc.oneof(label, fc.constantFrom('0', '-1', '1', '2', '3', '-2', '99'));
const sig = fc.constantFrom('KILL', 'TERM', 'STOP', 'CONT', 'USR1', 'CHLD', 'HUP', 'INT', '0', 'SEGV');
const as = (l: string | null): string => (l === null ? '' : ` as ${l}`);

const op = fc.oneof(
  newLabel.map((l) => `fork${as(l)}`),
  fc.tuple(fc.subarray(['NEWPID', 'NEWNS', 'THREAD', 'SIGHAND', 'VM', 'PARENT']), newLabel).map(([f, l]) => `clone ${f.join(',')}${as(l)}`),
  fc.tuple(fc.subarray(['NEWPID']), fc.integer({ min: 1, max: 12 }), newLabel).map(([f, t, l]) => `clone ${f.join(',')} set_tid=${t}${as(l)}`.replace('clone  ', 'clone ')),
  fc.constantFrom(
    'unshare NEWPID', 'unshare NEWNS', 'unshare NEWPID,NEWNS', 'getpid', 'gettid', 'getppid', 'setsid', 'ps', 'nspid',
    'mount proc', 'caps drop', 'reap manual', 'reap auto', 'fault', 'prctl SUBREAPER 1', 'prctl SUBREAPER 0', 'exec "x"',
    'setuid 1000', 'setuid 0',
  ),
  fc.tuple(sig, target).map(([s, t]) => `kill ${s} ${t}`),
  fc.tuple(sig.filter((s) => s !== '0'), fc.constantFrom('default', 'ignore', 'handle')).map(([s, d]) => `signal ${s} ${d}`),
  fc.tuple(fc.option(target, { nil: null }), fc.boolean()).map(([t, n]) => `wait${t === null ? '' : ` ${t}`}${n ? ' WNOHANG' : ''}`),
  target.map((t) => `setns ${t}`),
  fc.tuple(target, target).map(([t, p]) => `setpgid ${t} ${p}`),
  fc.tuple(fc.constantFrom('getpgid', 'getsid'), fc.option(target, { nil: null })).map(([o, t]) => (t === null ? o : `${o} ${t}`)),
  fc.constantFrom(
    'exit 0', 'exit 3', 'thread-exit 1', 'reboot RESTART', 'reboot HALT', 'reboot POWER_OFF', 'reboot CAD_ON',
    'write ns_last_pid 10', 'write ns_last_pid -1', 'write pid_max 400', 'write pid_max 100',
    'sigmask block USR1', 'sigmask unblock USR1', 'sigmask block CHLD', 'pdeathsig KILL', 'pdeathsig 0',
  ),
);
const line = fc.tuple(label, op).map(([a, o]) => `${a} ${o}`);

/** Labels exist before the random part, so that it is not stopped at once by an unknown one. */
const CAST = 'init fork as a\na fork as b\nb clone NEWPID as c\nc fork as d\n';

/** a scenario text: the cast, then 1 to 40 random statements */
export const scenario = fc.array(line, { minLength: 1, maxLength: 40 }).map((lines) => CAST + lines.join('\n'));

/** Runs `text`, checking the kernel's invariants after every step (throws at the first broken one). */
export function keepsInvariants(text: string): void {
  const run = createInterpreter(text);
  if ('diagnostics' in run) throw new Error(run.diagnostics[0]?.message);
  while (!run.next().done) {
    const broken = checkInvariants(run.state);
    if (broken.length > 0) throw new Error(broken.join('; '));
  }
}

/** Runs `text` twice to its document: any exception (an engine bug included) fails, and so do two different documents. */
export function runsTheSameTwice(text: string): void {
  const a = JSON.stringify(runScenario(text));
  if (JSON.stringify(runScenario(text)) !== a) throw new Error('two runs of the same text differ');
}
