/**
 * Builds the `run --json` document from what the real kernel reported through the driver.
 * Pure: the step list, the driver's events and an optional stop (parse/expansion error) in,
 * the document out. Every number in the tables is the kernel's, translated into each namespace
 * exactly as its own /proc would: a process is listed in namespace N when its pid chain passes
 * through N, and a parent, group or session outside N shows as 0.
 */
import { SIGNALS } from '../kernel/index.ts';
import { errnoName } from './errno.ts';
import type {
  DriverEvent, DriverTask, ExitDoc, NamespaceDoc, PsRowDoc, RunDocument, StepDoc, StepInfo, TaskDoc,
} from './types.ts';

type NsEvent = Extract<DriverEvent, { ev: 'ns' }>;

const SIG_NAMES = new Map<number, string>(Object.entries(SIGNALS).map(([k, v]) => [v, k]));

/** "i:5" → "5", "e:22" → "EINVAL", "l:1,2" → "1 2", "n" → null */
export function resultText(raw: string | null): string | null {
  if (raw === null || raw === 'n' || raw === 'b') return null;
  const body = raw.slice(2);
  if (raw.startsWith('i:')) return String(Number.parseInt(body, 10));
  if (raw.startsWith('e:')) return errnoName(Number.parseInt(body, 10));
  if (raw.startsWith('l:')) return body.split(',').filter((s) => s !== '').join(' ');
  return raw;
}

export function exitDoc(status: number | null): ExitDoc | null {
  if (status === null) return null;
  const sig = status & 0x7f;
  if (sig === 0) return { code: (status >> 8) & 0xff };
  return { signal: SIG_NAMES.get(sig) ?? String(sig) };
}

/** A blocked wait never completed: still pending if its caller lives, else it never returns. */
function buildSteps(infos: readonly StepInfo[], events: readonly DriverEvent[], ended: ReadonlySet<string>): StepDoc[] {
  const raw = new Map<number, string | null>();
  const done = new Map<number, string>();
  for (const e of events) {
    if (e.ev === 'step') raw.set(e.i, e.result);
    if (e.ev === 'done') done.set(e.i, e.result);
  }
  const steps: StepDoc[] = [];
  for (const [i, info] of infos.entries()) {
    if (!raw.has(i)) break;
    const r = raw.get(i) ?? null;
    const pending = r === 'b' && !done.has(i) && !ended.has(info.actor);
    const result = resultText(r === 'b' ? (done.get(i) ?? null) : r);
    const step: StepDoc = {
      line: info.line, actor: info.actor, op: info.op, result, expect: info.expect,
      pass: info.expect === null ? null : r !== 'b' || done.has(i) ? result === info.expect : false,
    };
    if (pending) step.pending = true;
    steps.push(step);
  }
  return steps;
}

/** the index of the namespace at `level` on the chain from `ns` up to the root */
function nsAt(nss: readonly NsEvent[], ns: number, level: number): number {
  let cur: NsEvent | undefined = nss[ns];
  while (cur !== undefined && cur.level > level) cur = nss[cur.parent];
  return cur !== undefined && cur.level === level ? cur.i : -1;
}

function visibleIn(nss: readonly NsEvent[], t: DriverTask, ns: NsEvent): boolean {
  return t.state !== 'X' && t.nspid.length > ns.level && nsAt(nss, t.ns, ns.level) === ns.i;
}

function statLetter(state: string): string {
  if (state === 'Z') return 'Z';
  return state === 'T' || state === 't' ? 'T' : 'S';
}

function psRows(nss: readonly NsEvent[], tasks: readonly DriverTask[], ns: NsEvent): PsRowDoc[] {
  const L = ns.level;
  return tasks
    .filter((t) => t.thread === 0 && visibleIn(nss, t, ns))
    .map((t) => {
      const parent = t.ppid >= 0 ? tasks[t.ppid] : undefined;
      return {
        pid: t.nspid[L] ?? 0,
        ppid: parent !== undefined && visibleIn(nss, parent, ns) ? (parent.nspid[L] ?? 0) : 0,
        pgid: t.pgid[L] ?? 0,
        sid: t.sid[L] ?? 0,
        stat: statLetter(t.state),
        cmd: t.cmd,
        label: t.label,
      };
    })
    .sort((a, b) => a.pid - b.pid);
}

function alive(t: DriverTask): boolean {
  return t.state !== 'X' && t.state !== 'Z' && t.exiting === 0;
}

function nsState(nss: readonly NsEvent[], tasks: readonly DriverTask[], ns: NsEvent): string {
  const init = tasks.find((t) => t.thread === 0 && t.ns === ns.i && t.nspid[ns.level] === 1);
  if (init === undefined) return 'active';
  if (alive(init) || tasks.some((t) => t.leader === init.i && t.thread === 1 && alive(t))) return 'active';
  return tasks.some((t) => visibleIn(nss, t, ns)) ? 'dying' : 'dead';
}

function taskState(t: DriverTask): string {
  if (t.state === 'X') return 'dead';
  if (t.state === 'Z') return 'zombie';
  if (t.exiting === 1) return 'exiting';
  return t.state === 'T' || t.state === 't' ? 'stopped' : 'alive';
}

export interface KernelRunFacts {
  steps: readonly StepInfo[];
  events: readonly DriverEvent[];
  /** a parse or expansion error met after the executed steps, if any */
  stop: { line: number; message: string } | null;
}

export function buildDocument(facts: KernelRunFacts): RunDocument {
  const { events } = facts;
  const nss = events.filter((e): e is NsEvent => e.ev === 'ns').sort((a, b) => a.i - b.i);
  const tasks = events.filter((e): e is DriverTask => e.ev === 'task').sort((a, b) => a.i - b.i);
  const driverError = events.find((e) => e.ev === 'error');
  const error = driverError !== undefined ? { line: driverError.line, message: driverError.message } : facts.stop;
  const ended = new Set(tasks.filter((t) => t.state === 'X' || t.state === 'Z' || t.exiting === 1).map((t) => t.label));
  const steps = buildSteps(facts.steps, events, ended);
  const namespaces: NamespaceDoc[] = nss.map((ns) => ({
    name: `ns${ns.i}`,
    level: ns.level,
    parent: ns.parent >= 0 ? `ns${ns.parent}` : null,
    state: nsState(nss, tasks, ns),
    ps: psRows(nss, tasks, ns),
  }));
  const taskDocs: TaskDoc[] = tasks.map((t) => ({
    label: t.label,
    ns: `ns${t.ns}`,
    nspid: t.nspid,
    state: taskState(t),
    exit: t.state === 'X' || t.state === 'Z' ? exitDoc(t.exit) : null,
  }));
  const ok = error === null && steps.every((s) => s.pass !== false && s.pending !== true);
  return { ok, error, steps, namespaces, tasks: taskDocs };
}
