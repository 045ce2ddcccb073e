import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProcesses } from './proc-read.ts';

/** a fake /proc entry; `files` leaves out the ones a vanished process no longer has */
function fakeProcess(proc: string, pid: number, opts: { start?: number; files?: string[]; cmdline?: string; state?: string } = {}): void {
  const dir = join(proc, String(pid));
  mkdirSync(join(dir, 'task', String(pid)), { recursive: true });
  mkdirSync(join(dir, 'ns'));
  const files = opts.files ?? ['stat', 'status', 'cmdline', 'ns'];
  const stat = `${pid} (a (b) c) ${opts.state ?? 'S'} 1 ${pid} ${pid} ${Array.from({ length: 15 }, () => '0').join(' ')} ${opts.start ?? 100} ${Array.from({ length: 29 }, () => '0').join(' ')} 768`;
  if (files.includes('stat')) writeFileSync(join(dir, 'stat'), stat);
  if (files.includes('status')) writeFileSync(join(dir, 'status'), `Name:\ta (b) c\nState:\tS (sleeping)\nPPid:\t1\nNSpid:\t${pid}\t7\nNSpgid:\t${pid}\t0\nNSsid:\t1\t0\n`);
  if (files.includes('cmdline')) writeFileSync(join(dir, 'cmdline'), opts.cmdline ?? 'sleep\u0000100\u0000');
  if (files.includes('ns')) symlinkSync('pid:[4026532999]', join(dir, 'ns', 'pid'));
}

describe('readProcesses', () => {
  it('reads a process whole: numbers per level, parent, state, command line, namespace', () => {
    const proc = mkdtempSync(join(tmpdir(), 'fake-proc-'));
    fakeProcess(proc, 42, { state: 'Z' });
    expect(readProcesses(proc)).toEqual([{
      pid: 42, nspid: [42, 7], nspgid: [42, 0], nssid: [1, 0], ppid: 1, state: 'Z', cmd: 'sleep 100', comm: 'a (b) c',
      ns: 'pid:[4026532999]', start: 100, exitStatus: 768, threads: [], threadCount: 1,
    }]);
  });
  it('leaves out a process that vanished while it was read, and shows an empty command line as [comm]', () => {
    const proc = mkdtempSync(join(tmpdir(), 'fake-proc-'));
    fakeProcess(proc, 2, { cmdline: '' });
    fakeProcess(proc, 3, { files: ['stat', 'status', 'ns'] });
    fakeProcess(proc, 4, { files: ['stat', 'cmdline', 'ns'] });
    expect(readProcesses(proc).map((p) => [p.pid, p.cmd])).toEqual([[2, '[a (b) c]']]);
  });
  it('keeps a process whose namespace link cannot be read, without its namespace', () => {
    const proc = mkdtempSync(join(tmpdir(), 'fake-proc-'));
    fakeProcess(proc, 5, { files: ['stat', 'status', 'cmdline'] });
    writeFileSync(join(proc, '5', 'ns', 'pid'), '');
    expect(readProcesses(proc).map((p) => p.ns)).toEqual([null]);
  });
});
