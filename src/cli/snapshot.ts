/**
 * `pidns-lab snapshot [--pid PID] [--threads] [-o FILE]`: this machine's pid namespaces as a
 * scenario (src/linux/snapshot.ts), on standard output or into FILE. Exit status 0, or 2 with
 * one line saying why /proc could not be read.
 */
import { writeFileSync } from 'node:fs';
import { takeSnapshot } from '../linux/snapshot.ts';
import type { MachineCommand } from './machine-args.ts';

/** where the command writes (CliIo's output half) */
interface Out {
  stdout(text: string): void;
  stderr(text: string): void;
}

export function snapshotCommand(cmd: Extract<MachineCommand, { kind: 'snapshot' }>, io: Out): number {
  const outcome = takeSnapshot({ pid: cmd.pid, threads: cmd.threads });
  if (outcome.kind === 'error') {
    io.stderr(`pidns-lab: snapshot: ${outcome.message}\n`);
    return 2;
  }
  if (cmd.out === null) {
    io.stdout(outcome.text);
    return 0;
  }
  try {
    writeFileSync(cmd.out, outcome.text);
  } catch (e) {
    io.stderr(`pidns-lab: cannot write ${cmd.out} (${(e as { code?: string }).code ?? 'error'})\n`);
    return 2;
  }
  const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  const notes = outcome.notes.length > 0 ? `, ${count(outcome.notes.length, 'note', 'notes')}` : '';
  io.stderr(`${cmd.out}: ${count(outcome.processes, 'process', 'processes')} in ${count(outcome.namespaces, 'pid namespace', 'pid namespaces')}${notes}\n`);
  return 0;
}
