/**
 * Random well-formed scenarios over a few labels: the interpreter (and the kernel model under
 * it) must never throw, must keep the kernel's invariants, must end every run with a document,
 * and must be deterministic.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../kernel/index.ts';
import { runScenario } from './document.ts';
import { createInterpreter } from './interpreter.ts';

const label = fc.constantFrom('init', 'a', 'b', 'c', 'd', 'a.1', 'init.1');
const newLabel = fc.option(fc.constantFrom('a', 'b', 'c', 'd'), { nil: null });
const target = fc.oneof(label, fc.constantFrom('0', '-1', '1', '2', '3', '-2', '99'));
const sig = fc.constantFrom('KILL', 'TERM', 'STOP', 'CONT', 'USR1', 'CHLD', 'HUP', 'INT', '0', 'SEGV');

const op = fc.oneof(
  newLabel.map((l) => `fork${l === null ? '' : ` as ${l}`}`),
  fc.tuple(fc.subarray(['NEWPID', 'NEWNS', 'THREAD', 'SIGHAND', 'VM', 'PARENT']), newLabel).map(([f, l]) => `clone ${f.join(',')}${l === null ? '' : ` as ${l}`}`),
  fc.constantFrom('unshare NEWPID', 'unshare NEWNS', 'unshare NEWPID,NEWNS', 'getpid', 'gettid', 'getppid', 'setsid', 'ps', 'nspid', 'mount proc', 'caps drop', 'reap manual', 'reap auto', 'fault', 'prctl SUBREAPER 1', 'exec "x"', 'setuid 1000'),
  fc.tuple(sig, target).map(([s, t]) => `kill ${s} ${t}`),
  fc.tuple(sig.filter((s) => s !== '0'), fc.constantFrom('default', 'ignore', 'handle')).map(([s, d]) => `signal ${s} ${d}`),
  fc.tuple(fc.option(target, { nil: null }), fc.boolean()).map(([t, n]) => `wait${t === null ? '' : ` ${t}`}${n ? ' WNOHANG' : ''}`),
  target.map((t) => `setns ${t}`),
  fc.tuple(target, target).map(([t, p]) => `setpgid ${t} ${p}`),
  fc.constantFrom('exit 0', 'exit 3', 'thread-exit 1', 'reboot RESTART', 'write ns_last_pid 10', 'write pid_max 400', 'sigmask block USR1', 'sigmask unblock USR1', 'pdeathsig KILL'),
);
const line = fc.tuple(label, op).map(([a, o]) => `${a} ${o}`);
const scenario = fc.array(line, { minLength: 1, maxLength: 40 }).map((lines) => lines.join('\n'));

describe('random scenarios', () => {
  it('keep the kernel invariants after every step', () => {
    fc.assert(fc.property(scenario, (text) => {
      const run = createInterpreter(text);
      if ('diagnostics' in run) throw new Error(run.diagnostics[0]?.message);
      while (!run.next().done) expect(checkInvariants(run.state)).toEqual([]);
    }), { numRuns: 200 });
  });
  it('never throw and are deterministic', () => {
    fc.assert(fc.property(scenario, (text) => {
      const a = JSON.stringify(runScenario(text));
      expect(JSON.stringify(runScenario(text))).toBe(a);
    }), { numRuns: 400 });
  });
});
