/**
 * `snapshot` against a real process tree (Linux and root only; skipped with the reason
 * otherwise): a container made with unshare --pid --fork --mount-proc, with children, a setsid
 * child, a zombie and a nested namespace. The snapshot, run in the engine, must show in every
 * namespace the ps rows that ps itself shows inside it (nsenter into the namespace) and each
 * process's NSpid chain as /proc has it; and, run for real by `verify`, be identical there too.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../scenario/index.ts';
import { kernelUnavailable } from './driver-build.ts';
import { takeSnapshot } from './snapshot.ts';
import { compareFile } from './verify.ts';

function whyNot(): string | null {
  if (process.platform !== 'linux') return `not Linux (${process.platform})`;
  if (process.getuid?.() !== 0) return 'not root (unshare --pid needs CAP_SYS_ADMIN)';
  for (const tool of ['unshare', 'nsenter', 'ps'])
    try {
      execFileSync('which', [tool], { stdio: 'pipe' });
    } catch {
      return `no ${tool}`;
    }
  return null;
}

const why = whyNot();
if (why !== null) console.warn(`snapshot of a real process tree skipped: ${why}`);

// pid 1 ends as `sleep`, which never reaps: the `exit 3` child stays a zombie
const CONTAINER = [
  'sleep 1000 & setsid sleep 1001 & (exit 3) &',
  'unshare --pid --fork --mount-proc sh -c "sleep 1002 & exec sleep 1003" &',
  'exec sleep 1004',
].join(' ');

const THREADS = 'import threading, time\nfor _ in range(2): threading.Thread(target=time.sleep, args=(1000,)).start()\ntime.sleep(1000)';

function status(pid: number): string {
  return readFileSync(`/proc/${pid}/status`, 'utf8');
}

function nspid(pid: number): number[] {
  return (/^NSpid:\s*(.*)$/m.exec(status(pid))?.[1] ?? '').split(/\s+/).map(Number);
}

function childrenOf(pid: number): number[] {
  return readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number).filter((p) => {
    try {
      return /^PPid:\s*(\d+)$/m.exec(status(p))?.[1] === String(pid);
    } catch {
      return false;
    }
  });
}

/** `ps -e` run inside the namespace of `pid` (its own /proc), without ps's own row */
function psInside(pid: number): string[] {
  const out = execFileSync('nsenter', ['-t', String(pid), '-p', '-m', 'ps', '-e', '-o', 'pid=,ppid=,pgid=,sid=,stat=,comm='], { encoding: 'utf8' });
  return out.trim().split('\n').map((l) => l.trim().split(/\s+/)).filter((f) => f[5] !== 'ps')
    .map(([p, pp, pg, s, stat]) => `${p} ${pp} ${pg} ${s} ${stat === undefined ? '?' : stat.startsWith('Z') ? 'Z' : stat.startsWith('T') ? 'T' : 'S'}`);
}

async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 25));
  expect(cond()).toBe(true);
}

describe.skipIf(why !== null)('snapshot of a real process tree', () => {
  let unshare: ChildProcess;
  let init = 0;
  let nestedInit = 0;

  beforeAll(async () => {
    unshare = spawn('unshare', ['--pid', '--fork', '--mount-proc', '--kill-child', 'sh', '-c', CONTAINER], { stdio: 'ignore' });
    await until(() => childrenOf(unshare.pid as number).length === 1);
    init = childrenOf(unshare.pid as number)[0] as number;
    await until(() => childrenOf(init).length === 4 && childrenOf(init).some((c) => status(c).includes('State:\tZ')));
    const nestedUnshare = childrenOf(init).find((c) => readFileSync(`/proc/${c}/cmdline`, 'utf8').startsWith('unshare')) as number;
    await until(() => childrenOf(nestedUnshare).length === 1);
    nestedInit = childrenOf(nestedUnshare)[0] as number;
    await until(() => readFileSync(`/proc/${nestedInit}/cmdline`, 'utf8').startsWith('sleep') && childrenOf(nestedInit).length === 1);
  });

  afterAll(() => {
    unshare.kill('SIGKILL');
  });

  it('rebuilds every namespace with the ps rows and NSpid chains Linux shows', () => {
    const snap = takeSnapshot({ pid: init, threads: false });
    expect(snap.kind).toBe('ok');
    if (snap.kind !== 'ok') return;
    expect(snap.notes).toEqual([]);
    const doc = runScenario(snap.text, { steps: true });
    expect(doc.error).toBeNull();
    const engineNs = (name: string): string[] => (doc.namespaces.find((n) => n.name === name)?.ps ?? [])
      .map((r) => `${r.pid} ${r.ppid} ${r.pgid} ${r.sid} ${r.stat}`);
    expect(engineNs('ns1')).toEqual(psInside(init));
    expect(engineNs('ns2')).toEqual(psInside(nestedInit));
    expect(engineNs('ns1')).toContainEqual(expect.stringMatching(/ Z$/));
    expect(engineNs('ns1').filter((r) => r.split(' ')[0] === r.split(' ')[3])).toHaveLength(1);
    const base = nspid(init).length - 1;
    for (const pid of [init, nestedInit, ...childrenOf(init), ...childrenOf(nestedInit)]) {
      const chain = nspid(pid).slice(base);
      const task = doc.tasks.find((t) => t.label.endsWith(`_${chain[0]}`) && t.ns !== 'ns0');
      expect(task?.nspid.slice(1), `pid ${pid}`).toEqual(chain);
    }
  });

  it.skipIf(kernelUnavailable() !== null)('runs on this kernel exactly as in the engine (verify)', { timeout: 120_000 }, async () => {
    const snap = takeSnapshot({ pid: init, threads: false });
    if (snap.kind !== 'ok') throw new Error(snap.kind);
    const outcome = await compareFile('snapshot.pidns', snap.text);
    expect(outcome.kind === 'compared' ? outcome.verdict.diffs : outcome).toEqual([]);
  });

  it('snapshots the whole machine into a scenario the engine runs', () => {
    const started = Date.now();
    const snap = takeSnapshot({ pid: null, threads: true });
    expect(snap.kind).toBe('ok');
    if (snap.kind !== 'ok') return;
    console.info(`whole machine: ${snap.processes} processes, ${snap.namespaces} namespaces, ${snap.notes.length} notes, ${Date.now() - started} ms`);
    const doc = runScenario(snap.text, { steps: true });
    expect(doc.error).toBeNull();
    expect(doc.namespaces.length).toBeGreaterThanOrEqual(4);
    expect(snap.text).toMatch(/^title: .+ at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/m);
  });

  it.skipIf(!existsSync('/usr/bin/python3'))('rebuilds threads with --threads, each with its NSpid', async () => {
    const threaded = spawn('unshare', ['--pid', '--fork', '--mount-proc', '--kill-child', 'python3', '-c', THREADS], { stdio: 'ignore' });
    try {
      await until(() => childrenOf(threaded.pid as number).length === 1);
      const leader = childrenOf(threaded.pid as number)[0] as number;
      await until(() => readdirSync(`/proc/${leader}/task`).length === 3);
      const snap = takeSnapshot({ pid: leader, threads: true });
      if (snap.kind !== 'ok') throw new Error(snap.message);
      const tasks = runScenario(snap.text).tasks;
      const base = nspid(leader).length - 1;
      for (const tid of readdirSync(`/proc/${leader}/task`).map(Number)) {
        const chain = (/^NSpid:\s*(.*)$/m.exec(readFileSync(`/proc/${leader}/task/${tid}/status`, 'utf8'))?.[1] ?? '').split(/\s+/).map(Number).slice(base);
        const label = tid === leader ? 'python3_1' : `python3_1.t${chain[0]}`;
        expect(tasks.find((t) => t.label === label)?.nspid.slice(1), label).toEqual(chain);
      }
    } finally {
      threaded.kill('SIGKILL');
    }
  });

  it('says in one line why a pid cannot be snapshotted', () => {
    let gone = 4194000;
    while (existsSync(`/proc/${gone}`)) gone++;
    expect(takeSnapshot({ pid: gone, threads: false })).toEqual({ kind: 'error', message: `no process ${gone} in /proc` });
  });
});
