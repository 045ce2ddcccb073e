/**
 * Engine-only figures: the fork bomb of ../shared/scenarios/fork-bomb.pidns as raw system calls
 * (no parser, no interpreter), a million live tasks in one namespace, ps of 100,000 tasks, and
 * 32 levels of nesting. Prints a table; asserts nothing (machines here are noisy).
 */
import { createKernelState, dispatch, psTable, taskCount, type KernelState, type Syscall } from '../src/kernel/index.ts';

const now = (): number => performance.now();

const NO_EV = { events: false };

function must(state: KernelState, call: Syscall, opts = { events: true }): number {
  const out = dispatch(state, call, opts);
  if (out.fault !== null || out.ret.kind !== 'int') throw new Error(`${call.op}: ${out.fault ?? JSON.stringify(out.ret)}`);
  return out.ret.value;
}

const fork = (actor: number, label: string): Syscall => ({ actor, op: 'clone', flags: [], setTid: null, label, cmd: null });

export function forkBomb(n: number): { ms: number; cpuMs: number; calls: number } {
  const s = createKernelState({ pidMax: 65536 });
  must(s, fork(0, 'shell'));
  must(s, { actor: 1, op: 'clone', flags: ['NEWPID'], setTid: null, label: 'bomb', cmd: 'pidns_exec' });
  const t0 = now();
  const c0 = process.cpuUsage();
  for (let i = 1; i <= n; i++) {
    const child = taskCount(s);
    must(s, fork(2, `ls${i}`), NO_EV);
    dispatch(s, { actor: child, op: 'exit', code: 0 }, NO_EV);
  }
  for (let i = 1; i <= n; i++) must(s, { actor: 2, op: 'wait', target: null, nohang: false }, NO_EV);
  return { ms: now() - t0, cpuMs: process.cpuUsage(c0).user / 1000, calls: 3 * n };
}

/** JS heap plus the typed arrays' buffers (which live outside it): what the state really costs */
function heapBytes(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

export function manyLive(n: number): { ms: number; bytesPerTask: number; psMs: number } {
  globalThis.gc?.();
  const before = heapBytes();
  const s = createKernelState({ pidMax: 4194304 });
  const t0 = now();
  for (let i = 0; i < n; i++) must(s, fork(0, `t${i}`));
  const ms = now() - t0;
  globalThis.gc?.();
  const bytesPerTask = (heapBytes() - before) / n;
  const p0 = now();
  psTable(s, 0);
  return { ms, bytesPerTask, psMs: now() - p0 };
}

function psOf(n: number): number {
  const s = createKernelState({ pidMax: 4194304 });
  for (let i = 0; i < n; i++) must(s, fork(0, `t${i}`));
  const t0 = now();
  psTable(s, 0);
  return now() - t0;
}

function nesting(): number {
  const s = createKernelState();
  const t0 = now();
  let actor = 0;
  for (let level = 1; level <= 32; level++) {
    must(s, { actor, op: 'clone', flags: ['NEWPID'], setTid: null, label: `n${level}`, cmd: null });
    actor = taskCount(s) - 1;
  }
  return now() - t0;
}

const rows: [string, string][] = [];
const rate = (calls: number, ms: number): string => Math.round(calls / (ms / 1000)).toLocaleString('en');
const bombRow = (name: string, b: ReturnType<typeof forkBomb>): [string, string] =>
  [name, `${b.ms.toFixed(0)} ms wall (${rate(b.calls, b.ms)} syscalls/s); ${b.cpuMs.toFixed(0)} ms CPU (${rate(b.calls, b.cpuMs)} syscalls/s)`];
rows.push(bombRow('fork bomb 32768, engine only, cold', forkBomb(32768)));
rows.push(bombRow('fork bomb 32768, engine only, 2nd run', forkBomb(32768)));
const runs = Array.from({ length: 6 }, () => forkBomb(32768));
rows.push(bombRow('fork bomb 32768, engine only, warm (best of 6 more)', runs.reduce((a, b) => (b.cpuMs < a.cpuMs ? b : a))));
rows.push(['ps of 100,000 tasks', `${psOf(100_000).toFixed(1)} ms`]);
rows.push(['32 nested namespaces', `${nesting().toFixed(2)} ms`]);
const live = manyLive(1_000_000);
rows.push(['1,000,000 live tasks in one namespace', `${(live.ms / 1000).toFixed(2)} s, ${live.bytesPerTask.toFixed(0)} B heap + typed arrays per task${globalThis.gc ? '' : ' (run with --expose-gc for exact figures)'}`]);
rows.push(['ps of 1,000,000 tasks', `${live.psMs.toFixed(0)} ms`]);
const width = Math.max(...rows.map(([k]) => k.length));
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
