/**
 * The statements that rebuild a snapshot (snapshot-model.ts) in the engine. Pure.
 *
 * The engine's ns0 stands for everything outside the snapshotted namespace R: its `init` plays
 * the parents, process groups and sessions that lie outside, which R's own ps shows as 0 (R28,
 * R37, R38). R is ns1, made by `init clone NEWPID set_tid=1`. Every process is then made by its
 * parent, with `set_tid` giving it its pid at every level below ns0 (R23), in creation order
 * (parents and namespace inits first), and put in its session and group at once:
 * - a session leader calls `setsid`, a group leader `setpgid 0 0`;
 * - a member inherits its session from its creator (R28), so a process whose session is not its
 *   parent's is made by a *session creator* that is in that session and lives in the parent's
 *   namespace: when the creator exits at the end, the process is adopted by that namespace's
 *   init (R51), which is where a daemon whose session leader is gone sits on a real host;
 * - a group or session whose leader is gone gets a stand-in leader with that pid, which leaves
 *   once its members are in (the number stays taken while a member lives: R3);
 * - a member joins its group with `setpgid` from itself, or from its parent when the group is
 *   not visible in its own namespace (R81).
 * A child in a deeper namespace than its parent is made after `setns` into it (R32); an init
 * whose parent lives further up than its namespace's parent is made by a short-lived helper with
 * CLONE_PARENT (R34). At the end the helpers leave, zombies exit (not reaped), stopped processes
 * get SIGSTOP from ns0's init (R74). Whatever the host shows that this cannot rebuild comes out
 * in the self-check (snapshot.ts), which writes it as a note.
 */
import { SIGNALS } from '../kernel/index.ts';
import { Builder, labelFor, OUTSIDE, quote, reverse, WORLD, type Actor } from './snapshot-builder.ts';
import type { SnapNs, SnapProcess, Snapshot } from './snapshot-model.ts';
import { joinGroup, sessionCreator } from './snapshot-sessions.ts';

const TERMINATING = new Set(['HUP', 'INT', 'QUIT', 'ILL', 'TRAP', 'ABRT', 'BUS', 'FPE', 'KILL', 'USR1', 'SEGV', 'USR2',
  'PIPE', 'ALRM', 'TERM', 'STKFLT', 'XCPU', 'XFSZ', 'VTALRM', 'PROF', 'IO', 'PWR', 'SYS']);
const SIG_NAME = new Map<number, string>(Object.entries(SIGNALS).map(([k, v]) => [v, k]));

export interface PlanOptions {
  threads: boolean;
  /** processes (pids in R) to leave out, with their descendants */
  exclude: ReadonlySet<number>;
  /** R's own pid_max and ns_last_pid, when they could be read */
  rootPidMax: number | null;
  rootLastPid: number | null;
}

export interface Plan {
  statements: string[];
  /** for each statement, the process (pid in R) it was written for, or null */
  owners: (number | null)[];
  labels: Map<number, string>;
  notes: string[];
}

/** Who makes `p`: its parent, or a session creator when it must inherit another session. */
function creatorOf(b: Builder, p: SnapProcess): Actor | null {
  const parent = p.parent === null ? b.actors.get(WORLD) : b.actors.get(labelFor(b.proc(p.parent) as SnapProcess));
  if (parent === undefined) return null;
  const sid = p.sid[0] as number;
  if (sid === p.id || parent.sid === sid) return parent;
  return sessionCreator(b, sid, parent.ns, p, parent) ?? parent;
}

function makeInit(b: Builder, p: SnapProcess, by: Actor, ns: SnapNs, label: string): boolean {
  const up = ns.parent ?? OUTSIDE;
  if (by.ns === up) return b.clone(by, up, 'NEWPID', reverse(p.chain), label, p.cmd);
  // the creator lives further up: a helper in the parent namespace clones it as the creator's child
  const helper = b.helperLabel('helper');
  if (!b.clone(by, up, '', b.spareTids(up), helper, null)) return false;
  b.emit(`${helper} clone NEWPID,PARENT set_tid=${reverse(p.chain).join(',')} as ${label} cmd ${quote(p.cmd)}`);
  b.emit(`${helper} exit`);
  if (by.label !== WORLD) b.emit(`${by.label} wait ${helper}`);
  return true;
}

function makeProcess(b: Builder, p: SnapProcess, threads: boolean): boolean {
  const by = creatorOf(b, p);
  const ns = b.ns(p.ns);
  if (by === null || ns === undefined) return false;
  const label = labelFor(p);
  const isInit = p.chain[ns.level] === 1;
  const made = isInit ? makeInit(b, p, by, ns, label) : b.clone(by, p.ns, '', reverse(p.chain), label, p.cmd);
  if (!made) return false;
  b.labels.set(p.id, label);
  const me: Actor = { label, parent: by.label, ns: p.ns, sid: by.sid, pgid: by.pgid };
  b.actors.set(label, me);
  if (p.sid[0] === p.id) {
    b.emit(`${label} setsid`);
    me.sid = p.id;
    me.pgid = p.id;
  } else if (p.pgid[0] === p.id) {
    b.emit(`${label} setpgid 0 0`);
    me.pgid = p.id;
  } else if (p.pgid[0] !== me.pgid) joinGroup(b, p, me, by);
  if (threads) for (const t of p.threads) b.emit(`${label} clone THREAD,SIGHAND,VM set_tid=${reverse(t).join(',')} as ${label}.t${t[0]}`);
  return true;
}

/** parents and namespace inits before the rest, otherwise by start time */
function creationOrder(snap: Snapshot, exclude: ReadonlySet<number>): SnapProcess[] {
  const byId = new Map(snap.processes.map((p) => [p.id, p]));
  const nsInit = new Map(snap.namespaces.map((n) => [n.key, n.init === null ? null : snap.processes[n.init]]));
  const out: SnapProcess[] = [];
  const state = new Map<number, 'visiting' | 'done' | 'dropped'>();
  const visit = (p: SnapProcess): boolean => {
    const s = state.get(p.id);
    if (s !== undefined) return s === 'done';
    state.set(p.id, 'visiting');
    const deps = [p.parent === null ? undefined : byId.get(p.parent), nsInit.get(p.ns) ?? undefined].filter(
      (d): d is SnapProcess => d !== undefined && d.id !== p.id,
    );
    const ok = !exclude.has(p.id) && (nsInit.get(p.ns) ?? null) !== null && deps.every(visit);
    state.set(p.id, ok ? 'done' : 'dropped');
    if (ok) out.push(p);
    return ok;
  };
  [...snap.processes].sort((a, b) => a.start - b.start || a.id - b.id).forEach(visit);
  return out;
}

function leave(b: Builder): void {
  for (const group of b.leaving) {
    for (const { label, reaper } of group) {
      b.emit(`${label} exit`);
      if (reaper !== null) b.emit(`${reaper} wait ${label}`);
    }
  }
}

function writeCursors(b: Builder, opts: PlanOptions, made: readonly SnapProcess[]): void {
  for (const ns of b.snap.namespaces) {
    const init = ns.init === null ? undefined : b.snap.processes[ns.init];
    if (init === undefined || !b.labels.has(init.id)) continue;
    const label = labelFor(init);
    const root = ns.parent === null;
    if (root && opts.rootPidMax !== null) b.emit(`${label} write pid_max ${opts.rootPidMax}`);
    const guess = Math.max(...made.filter((p) => p.ns === ns.key).map((p) => p.chain[ns.level] as number));
    const last = root && opts.rootLastPid !== null ? opts.rootLastPid : guess;
    b.emit(`${label} write ns_last_pid ${last}`);
  }
}

function endStates(b: Builder, made: readonly SnapProcess[]): void {
  const zombies = made.filter((p) => p.state === 'Z');
  if (zombies.some((p) => p.parent === null)) b.emit(`${WORLD} reap manual`);
  for (const p of zombies) {
    b.owner = p.id;
    const label = labelFor(p);
    const sig = SIG_NAME.get(p.exitStatus & 0x7f);
    const nsInit = p.chain.at(-1) === 1;
    if (p.threadCount > 1) {
      if (p.threads.length === 0) b.emit(`${label} clone THREAD,SIGHAND,VM as ${label}.thread`);
      b.emit(`${label} thread-exit ${(p.exitStatus >> 8) & 0xff}`);
    } else if (sig !== undefined && TERMINATING.has(sig) && (!nsInit || sig === 'KILL')) b.emit(`${WORLD} kill ${sig} ${label}`);
    else b.emit(`${label} exit ${(p.exitStatus >> 8) & 0xff}`);
  }
  for (const p of made.filter((q) => q.state === 'T' || q.state === 't')) {
    b.owner = p.id;
    b.emit(`${WORLD} kill STOP ${labelFor(p)}`);
  }
}

export function planSnapshot(snap: Snapshot, opts: PlanOptions): Plan {
  const b = new Builder(snap);
  const made: SnapProcess[] = [];
  for (const p of creationOrder(snap, opts.exclude)) {
    b.owner = p.id;
    if (!makeProcess(b, p, opts.threads)) {
      b.notes.push(`pid ${p.id} (${p.comm}) is left out: no task can make it in its namespace, session and group`);
      continue;
    }
    made.push(p);
    const waiting = b.pendingJoins.get(p.id) ?? [];
    b.pendingJoins.delete(p.id);
    for (const member of waiting) {
      const me = b.actors.get(labelFor(member)) as Actor;
      b.owner = member.id;
      joinGroup(b, member, me, b.actors.get(me.parent) as Actor);
    }
  }
  for (const p of snap.processes.filter((q) => !made.includes(q) && !opts.exclude.has(q.id))) {
    const ns = snap.namespaces.find((n) => n.key === p.ns);
    if (ns?.init === null) b.notes.push(`pid ${p.id} (${p.comm}) is left out: its namespace ${p.ns} has no init left (it is being torn down)`);
  }
  b.owner = null;
  leave(b);
  writeCursors(b, opts, made);
  endStates(b, made);
  return { statements: b.statements, owners: b.owners, labels: b.labels, notes: b.notes };
}
