/**
 * `pidns-lab snapshot` and `verify` as commands. The comparisons with the real kernel need Linux
 * and root (skipped with the reason otherwise); the non-root case runs the installed command as
 * uid 65534 through setpriv.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kernelUnavailable } from '../linux/driver-build.ts';
import { PACKAGE_ROOT } from '../linux/package-root.ts';
import { parseSnapshot, parseVerify } from './machine-args.ts';
import { snapshotCommand } from './snapshot.ts';
import { verifyCommand } from './verify.ts';

function capture(): { io: { stdout(t: string): void; stderr(t: string): void }; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return { io: { stdout: (t) => void (out += t), stderr: (t) => void (err += t) }, out: () => out, err: () => err };
}

const SHARED = join(PACKAGE_ROOT, '..', 'shared', 'scenarios');
const why = kernelUnavailable();
if (why !== null) console.warn(`verify against the real kernel skipped: ${why}`);

describe('arguments', () => {
  it('reads snapshot options and refuses bad ones with the reason', () => {
    expect(parseSnapshot(['--pid', '42', '--threads', '-o', 'x.pidns'])).toEqual({ kind: 'snapshot', pid: 42, threads: true, out: 'x.pidns' });
    expect(parseSnapshot([])).toEqual({ kind: 'snapshot', pid: null, threads: false, out: null });
    expect(parseSnapshot(['--pid', '0'])).toEqual({ kind: 'usage-error', message: '--pid takes a process id (1, 2, …), not 0' });
    expect(parseSnapshot(['--pid'])).toEqual({ kind: 'usage-error', message: '--pid needs a value' });
    expect(parseSnapshot(['x'])).toMatchObject({ kind: 'usage-error' });
  });
  it('takes exactly one file for verify', () => {
    expect(parseVerify(['a.pidns'])).toEqual({ kind: 'verify', file: 'a.pidns' });
    expect(parseVerify([])).toMatchObject({ kind: 'usage-error' });
    expect(parseVerify(['a', 'b'])).toMatchObject({ kind: 'usage-error' });
    expect(parseVerify(['--json', 'a'])).toMatchObject({ kind: 'usage-error' });
  });
});

describe.skipIf(process.platform !== 'linux')('snapshot command', () => {
  it('exits 2 with one line for a pid that does not exist', () => {
    const c = capture();
    expect(snapshotCommand({ kind: 'snapshot', pid: 2147483647, threads: false, out: null }, c.io)).toBe(2);
    expect(c.err()).toBe('pidns-lab: snapshot: no process 2147483647 in /proc\n');
    expect(c.out()).toBe('');
  });
  it.skipIf(process.getuid?.() !== 0)('writes the snapshot into -o FILE and says what it holds', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'pidns-snap-')), 'host.pidns');
    const c = capture();
    expect(snapshotCommand({ kind: 'snapshot', pid: null, threads: false, out: file }, c.io)).toBe(0);
    expect(c.err()).toMatch(/host\.pidns: \d+ processes in \d+ pid namespaces?(, \d+ notes?)?\n$/);
    expect(readFileSync(file, 'utf8')).toMatch(/^title: /m);
  });
});

describe('verify command', () => {
  it('exits 2 on a scenario error, before touching the kernel', async () => {
    const c = capture();
    expect(await verifyCommand('bad.pidns', 'init frok\n', c.io)).toBe(2);
    expect(c.err()).toMatch(/^line 1: unknown op `frok`/);
    const stopped = capture();
    expect(await verifyCommand('bad.pidns', 'init exit 0\n', stopped.io)).toBe(2);
    expect(stopped.err()).toMatch(/^line 1: /);
  });

  it('runs an exercise as its goal, so an error in the solution block is found', async () => {
    const exercise = 'goal: reap the job\ninit fork as shell\nshell fork as job\njob exit 2\nsolution\n  shell wait ghost\nend\n';
    const c = capture();
    expect(await verifyCommand('exercise.pidns', exercise, c.io)).toBe(2);
    expect(c.err()).toMatch(/^line 6: /);
  });

  it.skipIf(why !== null)('finds the built-in scenarios identical on this kernel', { timeout: 120_000 }, async () => {
    for (const name of ['rfc-test1-test2.pidns', 'orphans-go-to-namespace-init.pidns', 'setns.pidns', 'checkpoint-restore-set-tid.pidns']) {
      const path = join(SHARED, name);
      const c = capture();
      expect(await verifyCommand(path, readFileSync(path, 'utf8'), c.io), `${name}: ${c.out()}${c.err()}`).toBe(0);
      expect(c.out()).toMatch(/^identical$|^identical apart from \d+ host-imposed differences?$/m);
    }
  });

  it.skipIf(why !== null)('names a host-imposed difference in a file outside the corpus', { timeout: 120_000 }, async () => {
    const text = readFileSync(join(SHARED, 'nesting-limit.pidns'), 'utf8');
    const c = capture();
    expect(await verifyCommand('copy.pidns', text, c.io)).toBe(0);
    expect(c.out()).toContain('host-imposed: the host\'s own pid namespace takes one of the 32 levels');
  });

  it.skipIf(why !== null)('exits 1 on a difference the allow-list knows only for its own scenario', { timeout: 60_000 }, async () => {
    // ns0's init is the global init in the engine and a namespace init on this machine: the
    // orphaned-group test differs (docs/conformance.md); allowed for the corpus file only
    const path = join(PACKAGE_ROOT, 'conformance', 'regressions', 'orphaned-group-under-namespace-init.pidns');
    const text = readFileSync(path, 'utf8');
    const copy = capture();
    expect(await verifyCommand('copy.pidns', text, copy.io)).toBe(1);
    expect(copy.out()).toContain('tasks[C].exit: engine {"signal":"HUP"}, kernel null\n');
    expect(copy.out()).toMatch(/^\d+ differences?$/m);
    const own = capture();
    expect(await verifyCommand(path, text, own.io)).toBe(0);
    expect(own.out()).toContain('[host-imposed]');
  });

  it.skipIf(why !== null || process.getuid?.() !== 0)('exits 3 with one line as a user who is not root', () => {
    execFileSync(process.execPath, [join(PACKAGE_ROOT, 'bin', 'pidns-lab.mjs'), '--help'], { stdio: 'pipe' });
    const dir = mkdtempSync(join(tmpdir(), 'pidns-verify-'));
    execFileSync('chmod', ['755', dir]);
    const file = join(dir, 'a.pidns');
    writeFileSync(file, 'init fork as A\n', { mode: 0o644 });
    const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, join(PACKAGE_ROOT, 'bin', 'pidns-lab.mjs'), 'verify', file], { encoding: 'utf8' });
    expect(r.stderr).toBe('pidns-lab: verify cannot run on this machine: not running as root\n');
    expect(r.status).toBe(3);
  });
});
