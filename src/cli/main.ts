/**
 * The `pidns-lab` command, in-process and testable: `main(argv, io)` returns the exit status
 * (0 every expectation held; 1 an expectation failed or a wait never completed; 2 a scenario or
 * usage error, reported as `line N: message` on stderr). bin/pidns-lab.mjs calls it.
 */
import { nsCount, nsView, taskView, type KernelState } from '../kernel/index.ts';
import {
  buildDocument, createInterpreter, encodeFragment, finishRun, formatDiagnostic, namespacesOf, ownGoal, parseScenario, runScenario,
  type Interpreter, type Program, type RunDocument,
} from '../scenario/index.ts';
import { parseArgs } from './args.ts';
import { check, goalLine } from './check.ts';
import { HELP } from './help.ts';
import { formatJson } from './json.ts';
import { formatSteps } from './steps.ts';
import { formatPs, formatTree, type NsInit } from './world.ts';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<string>;
  readFile(path: string): Promise<string>;
}

async function read(file: string, io: CliIo): Promise<string | null> {
  try {
    return file === '-' ? await io.readStdin() : await io.readFile(file);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    io.stderr(`pidns-lab: cannot read ${file}${typeof code === 'string' ? ` (${code})` : ''}\n`);
    return null;
  }
}

function inits(state: KernelState): (NsInit | null)[] {
  return Array.from({ length: nsCount(state) }, (_, id) => {
    const v = nsView(state, id);
    if (v.init === null) return null;
    const t = taskView(state, v.init);
    const gone = t.state === 'alive' || t.state === 'stopped' ? null : t.state;
    return { label: t.label, outerPid: v.level === 0 ? null : t.nspid[v.level - 1] ?? null, gone };
  });
}

function summary(run: Interpreter): string {
  const checked = run.records.filter((r) => r.expect !== null || r.pending === true);
  const failed = checked.filter((r) => r.pass !== true).length;
  const steps = `${run.records.length} step${run.records.length === 1 ? '' : 's'}`;
  if (checked.length === 0) return `${steps}, no expectations\n`;
  if (failed === 0) return `${steps}, ${checked.length} expectation${checked.length === 1 ? '' : 's'} held\n`;
  return `${steps}, ${failed} of ${checked.length} expectation${checked.length === 1 ? '' : 's'} FAILED\n`;
}

/** The human report; every task is not listed (only the namespaces' ps tables). */
function human(run: Interpreter, steps: boolean, io: CliIo): void {
  finishRun(run);
  const namespaces = namespacesOf(run.state);
  const parts: string[] = [];
  const { title, about } = run.program;
  if (title !== null || about.length > 0) parts.push([title, ...about].filter((l) => l !== null).join('\n') + '\n');
  if (steps) parts.push(formatSteps(run.records));
  parts.push(summary(run) + goalLine(run.program, namespaces), formatTree(namespaces, inits(run.state)), ...namespaces.map(formatPs));
  io.stdout(parts.filter((p) => p !== '').join('\n'));
}

async function runCommand(file: string, json: boolean, steps: boolean, io: CliIo): Promise<number> {
  const text = await read(file, io);
  if (text === null) return 2;
  const run = createInterpreter(text);
  if ('diagnostics' in run) {
    if (json) io.stdout(formatJson(runScenario(text, { steps })));
    io.stderr(run.diagnostics.map((d) => `${formatDiagnostic(d)}\n`).join(''));
    return 2;
  }
  if (json) io.stdout(formatJson(withGoal(buildDocument(run, { steps }), run.program)));
  else human(run, steps, io);
  const end = run.next();
  if (end.done && end.error !== null) {
    io.stderr(`${formatDiagnostic(end.error)}\n`);
    return 2;
  }
  return run.records.some((r) => r.pass === false || r.pending === true) ? 1 : 0;
}

async function urlCommand(cmd: Extract<ReturnType<typeof parseArgs>, { kind: 'url' }>, io: CliIo): Promise<number> {
  const text = await read(cmd.file, io);
  if (text === null) return 2;
  const { diagnostics } = parseScenario(text);
  // a text over the size limit makes a link that no page would open
  if (!diagnostics.some((d) => d.code === 'SCN1001')) io.stdout(`${encodeFragment(text, cmd.step, { task: cmd.task, viewAs: cmd.viewAs, ns: cmd.ns })}\n`);
  if (diagnostics.length > 0) {
    io.stderr(diagnostics.map((d) => `${formatDiagnostic(d)}\n`).join(''));
    return 2;
  }
  return 0;
}

/** An exercise's document says whether its attempt reached its own goal. */
function withGoal(doc: RunDocument, program: Program): RunDocument {
  const verdict = ownGoal(program, doc.namespaces);
  return verdict === null ? doc : { ...doc, goal: verdict.kind === 'solved' };
}

async function checkCommand(cmd: Extract<ReturnType<typeof parseArgs>, { kind: 'check' }>, io: CliIo): Promise<number> {
  const text = await read(cmd.file, io);
  const other = cmd.solution === null ? null : await read(cmd.solution, io);
  if (text === null || other === null && cmd.solution !== null) return 2;
  const out = check({ name: cmd.file, text }, cmd.solution === null || other === null ? null : { name: cmd.solution, text: other });
  io.stdout(out.stdout);
  io.stderr(out.stderr);
  return out.code;
}

/** Runs one command. An unexpected exception (a bug) is reported on stderr with status 2, so
 * that it is never mistaken for status 1 (an expectation failed). */
export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    return await command(argv, io);
  } catch (e) {
    io.stderr(`pidns-lab: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    return 2;
  }
}

async function command(argv: string[], io: CliIo): Promise<number> {
  const cmd = parseArgs(argv);
  switch (cmd.kind) {
    case 'help':
      io.stdout(HELP[cmd.topic]);
      return 0;
    case 'usage-error':
      io.stderr(`pidns-lab: ${cmd.message}\n`);
      return 2;
    case 'run':
      return runCommand(cmd.file, cmd.json, cmd.steps, io);
    case 'url':
      return urlCommand(cmd, io);
    case 'check':
      return checkCommand(cmd, io);
  }
}
