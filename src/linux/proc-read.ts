/**
 * Reads the processes of this machine from /proc, as `pidns-lab snapshot` needs them: each
 * process whole or not at all. A process that vanishes while it is read (any file of it gone:
 * ENOENT, ESRCH) is left out, and one whose start time changed between the first and the last
 * read (its pid was reused meanwhile) too. Numbers are as this /proc mount shows them: `nspid`,
 * `nspgid`, `nssid` from the mount's level inward (R45).
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

export interface HostThread {
  nspid: number[];
  state: string;
}

export interface HostProcess {
  /** the pid in the /proc mount's namespace */
  pid: number;
  nspid: number[];
  nspgid: number[];
  nssid: number[];
  /** the parent's pid in the mount's namespace; 0 when it lies outside */
  ppid: number;
  /** the state letter of /proc/PID/stat (R S D T t Z I …) */
  state: string;
  /** the command line as ps shows it: argv joined by spaces, or [comm] when there is none */
  cmd: string;
  comm: string;
  /** `pid:[INODE]` of /proc/PID/ns/pid, or null when it cannot be read */
  ns: string | null;
  /** clock ticks after boot: orders creation */
  start: number;
  /** the wait status a zombie leaves (stat field 52) */
  exitStatus: number;
  /** threads other than the leader (read only when asked for) */
  threads: HostThread[];
  threadCount: number;
}

const GONE = new Set(['ENOENT', 'ESRCH']);

class Vanished extends Error {}

function guard<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (GONE.has((e as { code?: string }).code ?? '')) throw new Vanished();
    throw e;
  }
}

function field(status: string, name: string): string {
  const m = new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(status);
  if (m === null) throw new Vanished();
  return (m[1] as string).trim();
}

const numbers = (text: string): number[] => text.split(/\s+/).filter((s) => s !== '').map(Number);

/** /proc/PID/stat after the command name (which may hold spaces and parentheses) */
function statFields(dir: string): string[] {
  const stat = guard(() => readFileSync(`${dir}/stat`, 'utf8'));
  return stat.slice(stat.lastIndexOf(')') + 2).trim().split(' ');
}

function commandLine(dir: string, comm: string): string {
  const raw = guard(() => readFileSync(`${dir}/cmdline`, 'utf8'));
  const argv = raw.split('\0').filter((a, i, all) => a !== '' || i < all.length - 1);
  // a program that rewrote its argv area in place leaves it padded with spaces
  return argv.length === 0 ? `[${comm}]` : argv.join(' ').trimEnd() || `[${comm}]`;
}

function nsOf(dir: string): string | null {
  try {
    return readlinkSync(`${dir}/ns/pid`);
  } catch (e) {
    if (GONE.has((e as { code?: string }).code ?? '')) throw new Vanished();
    return null;
  }
}

function readThreads(dir: string, pid: number, withThreads: boolean): { threads: HostThread[]; count: number } {
  const tids = guard(() => readdirSync(`${dir}/task`)).filter((t) => Number(t) !== pid);
  if (!withThreads) return { threads: [], count: tids.length + 1 };
  const threads: HostThread[] = [];
  for (const tid of tids) {
    try {
      const status = readFileSync(`${dir}/task/${tid}/status`, 'utf8');
      threads.push({ nspid: numbers(field(status, 'NSpid')), state: field(status, 'State').charAt(0) });
    } catch {
      // a thread that ended meanwhile is simply not there
    }
  }
  return { threads, count: tids.length + 1 };
}

function readOne(proc: string, pid: number, withThreads: boolean): HostProcess {
  const dir = `${proc}/${pid}`;
  const before = statFields(dir);
  const status = guard(() => readFileSync(`${dir}/status`, 'utf8'));
  const comm = field(status, 'Name');
  const cmd = commandLine(dir, comm);
  const ns = nsOf(dir);
  const { threads, count } = readThreads(dir, pid, withThreads);
  const after = statFields(dir);
  if (before[19] !== after[19]) throw new Vanished();
  return {
    pid,
    nspid: numbers(field(status, 'NSpid')),
    nspgid: numbers(field(status, 'NSpgid')),
    nssid: numbers(field(status, 'NSsid')),
    ppid: Number(field(status, 'PPid')),
    state: after[0] as string,
    cmd,
    comm,
    ns,
    start: Number(after[19]),
    exitStatus: Number(after[49] ?? 0),
    threads,
    threadCount: count,
  };
}

/** Every process of the /proc mount at `proc` that could be read whole. */
export function readProcesses(proc = '/proc', withThreads = false): HostProcess[] {
  const pids = readdirSync(proc).filter((d) => /^[0-9]+$/.test(d)).map(Number).sort((a, b) => a - b);
  const out: HostProcess[] = [];
  for (const pid of pids) {
    try {
      out.push(readOne(proc, pid, withThreads));
    } catch (e) {
      if (!(e instanceof Vanished)) throw e;
    }
  }
  return out;
}
