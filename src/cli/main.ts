/**
 * The `pidns-lab` command, in-process and testable: `main(argv, io)` returns the exit status
 * (0 every expectation held; 1 an expectation failed or a wait never completed; 2 a scenario or
 * usage error, reported as `line N: message` on stderr; 70 an internal error, a bug of pidns-lab).
 * bin/pidns-lab.mjs calls it.
 */
import { encodeFragment, formatDiagnostic, pageAddress, parseScenario } from '../scenario/index.ts';
import { parseArgs } from './args.ts';
import { check } from './check.ts';
import { HELP } from './help.ts';
import { readScenario as read, type CliIo } from './io.ts';
import { INTERNAL_ERROR, runText } from './run.ts';
import { printable } from './out.ts';

export type { CliIo } from './io.ts';

async function runCommand(file: string, json: boolean, steps: boolean, io: CliIo): Promise<number> {
  const text = await read(file, io);
  return text === null ? 2 : runText(text, { json, steps }, io);
}

async function urlCommand(cmd: Extract<ReturnType<typeof parseArgs>, { kind: 'url' }>, io: CliIo): Promise<number> {
  const text = await read(cmd.file, io);
  if (text === null) return 2;
  const { diagnostics } = parseScenario(text);
  // a text over the size limit makes a link that no page would open
  const fragment = encodeFragment(text, cmd.step, { task: cmd.task, viewAs: cmd.viewAs, ns: cmd.ns });
  const link = cmd.base === null ? fragment : `${pageAddress(cmd.base, cmd.mode)}${fragment}`;
  if (!diagnostics.some((d) => d.code === 'SCN1001')) io.stdout(`${link}\n`);
  if (diagnostics.length > 0) {
    io.stderr(diagnostics.map((d) => `${formatDiagnostic(d)}\n`).join(''));
    return 2;
  }
  return 0;
}

async function checkCommand(cmd: Extract<ReturnType<typeof parseArgs>, { kind: 'check' }>, io: CliIo): Promise<number> {
  const text = await read(cmd.file, io);
  const other = cmd.solution === null ? null : await read(cmd.solution, io);
  if (text === null || (cmd.solution !== null && other === null)) return 2;
  const out = check({ name: cmd.file, text }, cmd.solution === null || other === null ? null : { name: cmd.solution, text: other });
  io.stdout(out.stdout);
  io.stderr(out.stderr);
  return out.code;
}

/** Runs one command. An unexpected exception (a bug) is reported on stderr with status 70, so
 * that it is never mistaken for a failed expectation (1) or a scenario's error (2). */
export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    return await command(argv, io);
  } catch (e) {
    io.stderr(`pidns-lab: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    return INTERNAL_ERROR;
  }
}

async function command(argv: string[], io: CliIo): Promise<number> {
  const cmd = parseArgs(argv);
  switch (cmd.kind) {
    case 'help':
      io.stdout(HELP[cmd.topic]);
      return 0;
    case 'usage-error':
      io.stderr(`pidns-lab: ${printable(cmd.message)}\n`);
      return 2;
    case 'run':
      return runCommand(cmd.file, cmd.json, cmd.steps, io);
    case 'url':
      return urlCommand(cmd, io);
    case 'check':
      return checkCommand(cmd, io);
    // loaded on use: `run` never pays for the real machine's code (the bundle is split)
    case 'snapshot':
      return (await import('./snapshot.ts')).snapshotCommand(cmd, io);
    case 'verify': {
      const text = await read(cmd.file, io);
      return text === null ? 2 : (await import('./verify.ts')).verifyCommand(cmd.file, text, io);
    }
  }
}
