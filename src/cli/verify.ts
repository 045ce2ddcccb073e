/**
 * `pidns-lab verify FILE`: the scenario on the engine and on this machine's kernel, through the
 * conformance run's own driver and comparison (src/linux), every difference printed with its
 * line, field and both values; the ones the host imposes are named as such
 * (../shared/spec/real-machines.md). Exit status: 0 identical (host-imposed differences
 * allowed), 1 a difference, 2 a scenario error, 3 this machine cannot run it.
 */
import { compareFile, excused, type FileVerdict } from '../linux/verify.ts';
import { formatValue } from '../linux/diff.ts';
import { formatDiagnostic, goalScenario, parseScenario, runScenario } from '../scenario/index.ts';

/** where the command writes (CliIo's output half) */
interface Out {
  stdout(text: string): void;
  stderr(text: string): void;
}

const KIND = { 'host-imposed': 'host-imposed', runner: 'not shown exactly by the kernel', engine: 'known engine difference' } as const;

function differenceLine(d: FileVerdict['diffs'][number]): string {
  const where = d.line === null ? '' : `line ${d.line} `;
  const text = `${where}${d.path}: engine ${formatValue(d.engine)}, kernel ${formatValue(d.kernel)}`;
  return d.allowance === null ? text : `${text}  [${KIND[d.allowance.category]}]`;
}

/** each allowance's reason once, after the differences it covers */
function reasons(v: FileVerdict): string[] {
  const seen = new Map<string, number>();
  for (const d of v.diffs) {
    if (d.allowance === null) continue;
    const reason = `${KIND[d.allowance.category]}: ${d.allowance.reason}`;
    seen.set(reason, (seen.get(reason) ?? 0) + 1);
  }
  return [...seen].map(([reason, n]) => `${reason} (${n} difference${n === 1 ? '' : 's'})`);
}

function report(v: FileVerdict, io: Out): number {
  if (v.diffs.length === 0) {
    io.stdout('identical\n');
    return 0;
  }
  io.stdout([...v.diffs.map(differenceLine), ...reasons(v)].map((l) => `${l}\n`).join(''));
  const allowed = v.diffs.filter(excused).length;
  const open = v.diffs.length - allowed;
  if (open === 0) {
    io.stdout(`identical apart from ${allowed} host-imposed difference${allowed === 1 ? '' : 's'}\n`);
    return 0;
  }
  io.stdout(`${open} difference${open === 1 ? '' : 's'}${allowed > 0 ? ` (and ${allowed} host-imposed)` : ''}\n`);
  return 1;
}

/** `text` is FILE's content; `file` its path (a corpus scenario also gets its allow-list entries). */
export async function verifyCommand(file: string, text: string, io: Out): Promise<number> {
  const { diagnostics } = parseScenario(text);
  if (diagnostics.length > 0) {
    io.stderr(diagnostics.map((d) => `${formatDiagnostic(d)}\n`).join(''));
    return 2;
  }
  // an exercise is verified as its goal run, so that its solution's statements are checked too
  const whole = goalScenario(text);
  const engine = runScenario(whole, { steps: true });
  if (engine.error !== null) {
    io.stderr(`line ${engine.error.line}: ${engine.error.message}\n`);
    return 2;
  }
  const outcome = await compareFile(file, whole);
  if (outcome.kind === 'cannot') {
    io.stderr(`pidns-lab: verify cannot run on this machine: ${outcome.reason}\n`);
    return 3;
  }
  return report(outcome.verdict, io);
}
