/**
 * Command-line parsing for the commands that meet the real machine: `snapshot [--pid PID]
 * [--threads] [-o FILE]` and `verify FILE`.
 */
import { USAGE } from './help.ts';

export type MachineCommand =
  | { kind: 'snapshot'; pid: number | null; threads: boolean; out: string | null }
  | { kind: 'verify'; file: string };

type Parsed = MachineCommand | { kind: 'help'; topic: 'snapshot' | 'verify' } | { kind: 'usage-error'; message: string };

const usageError = (message: string): Parsed => ({ kind: 'usage-error', message });

function value(rest: readonly string[], i: number, name: string): string | Parsed {
  const v = rest[i + 1];
  return v === undefined || (v.startsWith('-') && v !== '-') ? usageError(`${name} needs a value`) : v;
}

export function parseSnapshot(rest: readonly string[]): Parsed {
  if (rest.includes('--help') || rest.includes('-h')) return { kind: 'help', topic: 'snapshot' };
  let pid: number | null = null;
  let out: string | null = null;
  let threads = false;
  for (let i = 0; i < rest.length; i += 1) {
    const a = rest[i] as string;
    if (a === '--threads') threads = true;
    else if (a === '--pid' || a === '-o') {
      const v = value(rest, i, a);
      if (typeof v !== 'string') return v;
      if (a === '-o') out = v;
      else if (/^[1-9][0-9]{0,9}$/.test(v) && Number(v) <= 2 ** 31 - 1) pid = Number(v);
      else return usageError(`--pid takes a process id (1, 2, …), not ${v}`);
      i += 1;
    } else return usageError(`unknown argument ${a} for snapshot; the options are --pid PID, --threads and -o FILE`);
  }
  return { kind: 'snapshot', pid, threads, out };
}

export function parseVerify(rest: readonly string[]): Parsed {
  if (rest.includes('--help') || rest.includes('-h')) return { kind: 'help', topic: 'verify' };
  const unknown = rest.find((a) => a.startsWith('-') && a !== '-');
  if (unknown !== undefined) return usageError(`unknown option ${unknown} for verify; it takes only a scenario file`);
  if (rest.length !== 1) return usageError(`verify takes one scenario file: ${USAGE.verify}${rest.length > 1 ? `; got ${rest.join(', ')}` : ''}`);
  return { kind: 'verify', file: rest[0] as string };
}
