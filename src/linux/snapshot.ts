/**
 * `pidns-lab snapshot`: this machine's pid namespaces and processes, as seen from one namespace,
 * written as a scenario that rebuilds them in the engine (../shared/spec/real-machines.md).
 *
 * The plan (snapshot-plan.ts) is run on the engine before anything is written: a statement the
 * engine refuses leaves its process out (and says so), and every ps row the copy shows
 * differently from the host — in any namespace — becomes a `# note:` at the top. So the file is
 * always a scenario that runs, and it says where it is not the host.
 */
import { existsSync, readFileSync, readlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { parseScenario, runScenario, type RunDocument } from '../scenario/index.ts';
import { readProcesses } from './proc-read.ts';
import { buildSnapshot, hostPs, type Snapshot } from './snapshot-model.ts';
import { planSnapshot, type Plan } from './snapshot-plan.ts';

export interface SnapshotOptions {
  pid: number | null;
  threads: boolean;
  /** for tests: the /proc to read and the clock */
  proc?: string;
  now?: Date;
}

export type SnapshotOutcome =
  | { kind: 'ok'; text: string; notes: string[]; processes: number; namespaces: number }
  | { kind: 'error'; message: string };

const MAX_NOTES = 40;
const MAX_TRIES = 50;

function rootNamespace(proc: string, pid: number | null): string | { error: string } {
  const path = pid === null ? `${proc}/self/ns/pid` : `${proc}/${pid}/ns/pid`;
  try {
    return readlinkSync(path);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (pid === null) return { error: `this process is not in ${proc} (is ${proc} mounted for its pid namespace?)` };
    if (code === 'ENOENT' || code === 'ESRCH') return { error: `no process ${pid} in ${proc}` };
    if (code === 'EACCES' || code === 'EPERM') return { error: `no permission to read ${path} (run as root)` };
    return { error: `cannot read ${path} (${code ?? 'error'})` };
  }
}

function readNumber(path: string): number | null {
  try {
    const n = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(n) ? n : null;
  } catch {
    return null;
  }
}

function header(snap: Snapshot, when: Date, nsNames: Map<string, string>, notes: readonly string[]): string[] {
  const host = hostname().replace(/#/g, '') || 'this machine';
  const time = when.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  const names = snap.namespaces.map((n) => `${nsNames.get(n.key) ?? '?'} = ${n.key}`).join(', ');
  const shown = notes.slice(0, MAX_NOTES).map((n) => `# note: ${n}`);
  if (notes.length > MAX_NOTES) shown.push(`# note: … and ${notes.length - MAX_NOTES} more differences like these`);
  return [
    `# pidns-lab snapshot: ${snap.processes.length} processes in ${snap.namespaces.length} pid namespace(s) of ${host}`,
    `# ${names}`,
    ...shown,
    `title: ${host} at ${time}`,
    'pid_max: 4194304  # ns0 gives every rebuilt task a number of its own too: room for the largest host',
    `about: A snapshot of ${snap.root} and the pid namespaces below it, taken by pidns-lab snapshot. ns0 stands for everything outside it: its init plays the parents, process groups and sessions that lie outside, which ps inside shows as 0.`,
  ];
}

/** the statement (an index into the plan's statements) the engine stopped at or refused */
function failedStatement(doc: RunDocument): number | null {
  const failed = doc.error?.line ?? doc.steps.find((s) => s.op === 'clone' && s.result !== null && s.result.startsWith('E'))?.line;
  return failed === undefined ? null : failed - 1;
}

/**
 * Every ps row the engine's run of `plan` shows differently from the host, in every namespace,
 * as a note; and the engine's name of each host namespace.
 */
export function psNotes(snap: Snapshot, plan: Plan, doc: RunDocument): { notes: string[]; names: Map<string, string> } {
  const names = new Map<string, string>();
  const notes: string[] = [];
  const taskNs = new Map(doc.tasks.map((t) => [t.label, t.ns]));
  for (const ns of snap.namespaces) {
    const init = ns.init === null ? undefined : snap.processes[ns.init];
    const name = init === undefined ? undefined : taskNs.get(plan.labels.get(init.id) ?? '');
    if (name === undefined) continue;
    names.set(ns.key, name);
    const engineRows = new Map((doc.namespaces.find((n) => n.name === name)?.ps ?? []).map((r) => [r.label, r]));
    const row = (r: { pid: number; ppid: number; pgid: number; sid: number; stat: string }): string =>
      `pid ${r.pid} ppid ${r.ppid} pgid ${r.pgid} sid ${r.sid} ${r.stat}`;
    for (const h of hostPs(snap, ns)) {
      const label = plan.labels.get(h.id);
      const e = label === undefined ? undefined : engineRows.get(label);
      if (label !== undefined) engineRows.delete(label);
      if (e === undefined) continue;
      if (row(e) !== row(h)) notes.push(`${name} ${label}: the copy shows ${row(e)}; the host showed ${row(h)}`);
    }
    for (const extra of engineRows.values()) notes.push(`${name} ${extra.label}: only in the copy (${row(extra)})`);
  }
  return { notes, names };
}

export function takeSnapshot(opts: SnapshotOptions): SnapshotOutcome {
  if (process.platform !== 'linux') return { kind: 'error', message: `snapshot reads /proc, which only Linux has (this is ${process.platform})` };
  const proc = opts.proc ?? '/proc';
  if (!existsSync(`${proc}/self`)) return { kind: 'error', message: `${proc} is not mounted` };
  const root = rootNamespace(proc, opts.pid);
  if (typeof root !== 'string') return { kind: 'error', message: root.error };
  const own = rootNamespace(proc, null) === root;
  let snap: Snapshot;
  try {
    snap = buildSnapshot(readProcesses(proc, opts.threads), root);
  } catch (e) {
    return { kind: 'error', message: `cannot read ${proc}: ${e instanceof Error ? e.message : String(e)}` };
  }
  const exclude = new Set<number>();
  const left: string[] = [...snap.left];
  for (let tries = 0; tries < MAX_TRIES; tries += 1) {
    const plan = planSnapshot(snap, {
      threads: opts.threads, exclude,
      rootPidMax: own ? readNumber(`${proc}/sys/kernel/pid_max`) : null,
      rootLastPid: own ? readNumber(`${proc}/sys/kernel/ns_last_pid`) : null,
    });
    const body = `${plan.statements.join('\n')}\n`;
    const doc = runScenario(body, { steps: true });
    const failed = failedStatement(doc);
    const owner = failed === null ? null : plan.owners[failed];
    if (failed !== null && owner !== null && owner !== undefined && !exclude.has(owner)) {
      exclude.add(owner);
      const why = doc.error?.message ?? `${doc.steps.find((s) => s.line === failed + 1)?.result ?? 'an error'} from \`${plan.statements[failed]}\``;
      left.push(`pid ${owner} is left out: the engine could not rebuild it (${why})`);
      continue;
    }
    if (failed !== null) return { kind: 'error', message: `the snapshot does not run in the engine: line ${failed + 1}: ${doc.error?.message ?? plan.statements[failed]}` };
    const { notes, names } = psNotes(snap, plan, doc);
    const allNotes = [...left, ...plan.notes, ...notes];
    const text = `${[...header(snap, opts.now ?? new Date(), names, allNotes), ...plan.statements].join('\n')}\n`;
    const parsed = parseScenario(text);
    if (parsed.program === null) return { kind: 'error', message: `the snapshot does not parse: line ${parsed.diagnostics[0]?.line}: ${parsed.diagnostics[0]?.message}` };
    return { kind: 'ok', text, notes: allNotes, processes: plan.labels.size, namespaces: names.size };
  }
  return { kind: 'error', message: `the snapshot kept failing in the engine after leaving out ${exclude.size} processes` };
}
