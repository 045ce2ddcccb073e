/**
 * Runs one scenario on the real kernel: parses and expands it with the language's own parser,
 * hands the steps to the C driver (one fresh pid + mount namespace per run, see driver/ctl.c),
 * and builds the `run --json` document from what the kernel reported.
 *
 * Bounded: at most MAX_STEPS steps and MAX_TASKS task-creating steps (a larger scenario is
 * skipped as host-imposed), and the driver is killed after `timeoutMs` (its ns0 init then dies
 * with it through its parent-death signal, which tears the whole namespace tree down).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandProgram, parseScenario, type ConcreteStep } from '../scenario/index.ts';
import { buildDocument } from './document.ts';
import { ensureDriver } from './driver-build.ts';
import { driverLine, expectText } from './to-driver.ts';
import type { DriverEvent, RunDocument, StepInfo } from './types.ts';

export const MAX_STEPS = 12000;
export const MAX_TASKS = 3000;

export type KernelOutcome =
  /** `approximate`: field paths the kernel could not show exactly (see uncertainPaths) */
  | { kind: 'ran'; doc: RunDocument; harness: string | null; ms: number; approximate: string[] }
  | { kind: 'skipped'; reason: string };

interface Plan {
  steps: ConcreteStep[];
  stop: { line: number; message: string } | null;
  pidMax: number;
}

function plan(text: string): Plan | { skipped: string } {
  const parsed = parseScenario(text);
  if (parsed.program === null) {
    const d = parsed.diagnostics[0];
    return { steps: [], stop: { line: d?.line ?? 1, message: d?.message ?? 'parse error' }, pidMax: 32768 };
  }
  const steps: ConcreteStep[] = [];
  let stop: Plan['stop'] = null;
  let creations = 0;
  for (const st of expandProgram(parsed.program)) {
    if (st.kind === 'error') {
      stop = { line: st.diagnostic.line, message: st.diagnostic.message };
      break;
    }
    if (st.kind !== 'step') continue;
    if (st.call.op === 'fork' || st.call.op === 'clone') creations++;
    if (steps.length >= MAX_STEPS || creations > MAX_TASKS)
      return { skipped: `host-imposed: more than ${MAX_STEPS} steps or ${MAX_TASKS} task creations to run for real` };
    steps.push(st);
  }
  return { steps, stop, pidMax: parsed.program.pidMax };
}

function runDriver(lines: string[], pidMax: number, timeoutMs: number): Promise<{ out: string; err: string }> {
  const driver = ensureDriver();
  const dir = mkdtempSync(join(tmpdir(), 'pidns-conf-'));
  return new Promise((resolve) => {
    // the padding argument is the room a task's command line is rewritten in
    const child = spawn(driver, ['ctl', dir, String(pidMax), 'x'.repeat(2048)], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
      if (signal !== null) err += `driver killed by ${signal} (timeout ${timeoutMs} ms)\n`;
      else if (code !== 0) err += `driver exited with ${code}\n`;
      resolve({ out, err });
    });
    child.stdin.end(lines.map((l) => `${l}\n`).join(''));
  });
}

export function parseEvents(out: string): DriverEvent[] {
  return out.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as DriverEvent);
}

/** Default bound: 30 s plus 50 ms a step (a loaded 2-core machine runs a step in 5–40 ms). */
export async function runOnKernel(text: string, timeoutMs?: number): Promise<KernelOutcome> {
  const p = plan(text);
  if ('skipped' in p) return { kind: 'skipped', reason: p.skipped };
  const bound = timeoutMs ?? 30_000 + 50 * p.steps.length;
  const started = Date.now();
  const { out, err } = await runDriver(p.steps.map(driverLine), p.pidMax, bound);
  const events = parseEvents(out);
  const infos: StepInfo[] = p.steps.map((s) => ({
    line: s.line, actor: s.actor, op: s.call.op, expect: expectText(s.expect),
  }));
  const harnessEvents = events.flatMap((e) => (e.ev === 'harness' ? [e.message] : []));
  const problems = [...harnessEvents, ...(err.trim() === '' ? [] : [err.trim()])];
  const doc = buildDocument({ steps: infos, events, stop: p.stop });
  const harness = problems.length > 0 ? problems.join('; ') : null;
  return { kind: 'ran', doc, harness, ms: Date.now() - started, approximate: uncertainPaths(events) };
}

/**
 * Exits the real kernel does not show as a wait would. A zombie's wait status is asked from its
 * parent with WNOWAIT; when the parent cannot run (stopped, blocked, in a teardown) only
 * /proc/PID/stat's exit_code is left, the code the task itself exited with. A task reaped by the
 * kernel itself (teardown, auto-reap) leaves only its pidfd exit info. Both miss the rewrite of a
 * rebooted namespace's init status into SIGHUP/SIGINT (R96), so those exits are approximate:
 * every `stat` one, and `pidfd` ones of namespace inits.
 */
export function uncertainPaths(events: readonly DriverEvent[]): string[] {
  return events.flatMap((e) => {
    if (e.ev !== 'task') return [];
    const nsInit = e.thread === 0 && e.nspid.at(-1) === 1;
    return e.exitSrc === 'stat' || (e.exitSrc === 'pidfd' && nsInit) ? [`tasks[${e.label}].exit`] : [];
  });
}
