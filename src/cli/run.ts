/**
 * `pidns-lab run FILE [--json] [--no-steps]`: runs a scenario to its end and prints the steps,
 * the namespace tree and one ps table per namespace — or the JSON document. The output is
 * streamed (out.ts); the human report shows control characters as procps' ps does.
 * An engine bug (EngineFault) stops the run at its line: the report shows the world of the step
 * before, and the status is 70.
 */
import { nsCount, nsView, taskView, type KernelState } from '../kernel/index.ts';
import {
  buildDocument, createInterpreter, EngineFault, finishRun, formatDiagnostic, namespacesOf, ownGoal, runScenario,
  type Diagnostic, type Interpreter, type Program, type RunDocument,
} from '../scenario/index.ts';
import { goalLine } from './check.ts';
import type { CliIo } from './io.ts';
import { writeJson } from './json.ts';
import { output, printable, type Out } from './out.ts';
import { writeSteps } from './steps.ts';
import { writePs, writeTree, type NsInit } from './world.ts';

/** exit status of an internal error (a bug of pidns-lab): EX_SOFTWARE of sysexits.h, apart from
 * 2 (the scenario's fault) and from the statuses of verify */
export const INTERNAL_ERROR = 70;

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
  const { checked, failed } = run.tally;
  const steps = `${run.tally.steps} step${run.tally.steps === 1 ? '' : 's'}`;
  const expectations = `expectation${checked === 1 ? '' : 's'}`;
  if (checked === 0) return `${steps}, no expectations`;
  if (failed === 0) return `${steps}, ${checked} ${expectations} held`;
  return `${steps}, ${failed} of ${checked} ${expectations} FAILED`;
}

/** The human report; every task is not listed (only the namespaces' ps tables). */
function writeHuman(run: Interpreter, steps: boolean, out: Out): void {
  const namespaces = namespacesOf(run.state);
  const { title, about } = run.program;
  if (title !== null) out.line(title);
  about.forEach((line) => out.line(line));
  if (steps) {
    out.section();
    writeSteps(run.records, out);
  }
  out.section();
  out.line(summary(run));
  const goal = goalLine(run.program, namespaces);
  if (goal !== '') out.line(goal.replace(/\n$/, ''));
  out.section();
  writeTree(namespaces, inits(run.state), out);
  for (const ns of namespaces) {
    out.section();
    writePs(ns, out);
  }
}

/** An exercise's document says whether its attempt reached its own goal. */
function withGoal(doc: RunDocument, program: Program): RunDocument {
  const verdict = ownGoal(program, doc.namespaces);
  return verdict === null ? doc : { ...doc, goal: verdict.kind === 'solved' };
}

/** The run to its end: the scenario error that stopped it, or the engine fault. */
function finish(run: Interpreter): { error: Diagnostic | null; fault: EngineFault | null } {
  try {
    return { error: finishRun(run), fault: null };
  } catch (e) {
    if (e instanceof EngineFault) return { error: null, fault: e };
    throw e;
  }
}

export function runText(text: string, opts: { json: boolean; steps: boolean }, io: CliIo): number {
  // without the steps no result is printed: only those an expectation or a question reads are
  // made, and the records are only tallied
  const run = createInterpreter(text, { results: opts.steps ? 'all' : 'checked', records: opts.steps, events: false });
  const out = output(io.stdout, opts.json ? undefined : printable);
  if ('diagnostics' in run) {
    if (opts.json) writeJson(runScenario(text, opts), out);
    out.flush();
    io.stderr(run.diagnostics.map((d) => `${printable(formatDiagnostic(d))}\n`).join(''));
    return 2;
  }
  const { error, fault } = finish(run);
  if (opts.json) writeJson(withGoal(buildDocument(run, opts, fault ?? error), run.program), out);
  else writeHuman(run, opts.steps, out);
  out.flush();
  if (fault !== null) {
    io.stderr(`pidns-lab: ${printable(fault.message)}\npidns-lab: this is a bug of pidns-lab, not of the scenario; the output shows the world after the step before (please report the scenario)\n`);
    return INTERNAL_ERROR;
  }
  if (error !== null) {
    io.stderr(`${printable(formatDiagnostic(error))}\n`);
    return 2;
  }
  return run.tally.failed > 0 ? 1 : 0;
}
