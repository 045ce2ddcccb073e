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
import type { SnapNs, SnapProcess, Snapshot } from './snapshot-model.ts';

/** The engine's ns0: outside the snapshot. */
const OUTSIDE = '';
const WORLD = 'init';
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

export function labelFor(p: SnapProcess): string {
  const base = p.comm.replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^[^A-Za-z_]/, '_$&').slice(0, 24);
  return `${base === '' ? 'p' : base}_${p.id}`;
}

export function quote(text: string): string {
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, '?').slice(0, 400);
  return `"${clean.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

interface Actor {
  label: string;
  /** the label of the task that made it (its parent until it is adopted) */
  parent: string;
  ns: string;
  /** session and group as pids in R; 0 = outside R */
  sid: number;
  pgid: number;
}

interface Leaving {
  label: string;
  /** who must reap it (null: ns0's init reaps by itself) */
  reaper: string | null;
}

/** Where the snapshot lives while its statements are written. */
class Builder {
  readonly statements: string[] = [];
  readonly owners: (number | null)[] = [];
  readonly labels = new Map<number, string>();
  readonly notes: string[] = [];
  readonly actors = new Map<string, Actor>([[WORLD, { label: WORLD, parent: WORLD, ns: OUTSIDE, sid: 0, pgid: 0 }]]);
  /** helpers that leave at the end, in order: group stand-ins, session helpers, session stand-ins */
  readonly leaving: Leaving[][] = [[], [], []];
  readonly creators = new Map<string, Actor>();
  readonly pendingJoins = new Map<number, SnapProcess[]>();
  readonly subreapers = new Set<string>();
  private readonly nss: Map<string, SnapNs>;
  private readonly procs: Map<number, SnapProcess>;
  private readonly spare: number[] = [];
  private helpers = 0;
  owner: number | null = null;

  constructor(readonly snap: Snapshot) {
    this.nss = new Map(snap.namespaces.map((n) => [n.key, n]));
    this.procs = new Map(snap.processes.map((p) => [p.id, p]));
    for (const p of snap.processes)
      for (const chain of [p.chain, p.pgid, p.sid, ...p.threads])
        chain.forEach((n, level) => (this.spare[level] = Math.max(this.spare[level] ?? 0, n)));
  }

  emit(line: string): void {
    this.statements.push(line);
    this.owners.push(this.owner);
  }

  ns(key: string): SnapNs | undefined {
    return this.nss.get(key);
  }

  proc(id: number): SnapProcess | undefined {
    return this.procs.get(id);
  }

  level(ns: string): number {
    return ns === OUTSIDE ? -1 : (this.nss.get(ns)?.level ?? -1);
  }

  /** `outer` is `inner` or one of its ancestors (OUTSIDE is everyone's) */
  contains(outer: string, inner: string): boolean {
    for (let k: string | null = inner; k !== null; k = this.nss.get(k)?.parent ?? null) if (k === outer) return true;
    return outer === OUTSIDE;
  }

  /** the ancestor of `ns` at `level` */
  ancestorAt(ns: string, level: number): string {
    let k = ns;
    while (this.level(k) > level) k = this.nss.get(k)?.parent ?? OUTSIDE;
    return k;
  }

  /** a live task to `setns` into namespace `ns` by */
  entry(ns: string): string | null {
    const n = this.nss.get(ns);
    const init = n?.init === null || n === undefined ? undefined : this.snap.processes[n.init];
    if (init !== undefined && this.actors.has(labelFor(init))) return labelFor(init);
    return [...this.actors.values()].find((a) => a.ns === ns)?.label ?? null;
  }

  /** unused pids for a helper in `ns`, innermost first */
  spareTids(ns: string): number[] {
    const tids: number[] = [];
    for (let level = 0; level <= this.level(ns); level += 1) {
      this.spare[level] = (this.spare[level] ?? 0) + 1;
      tids.unshift(this.spare[level] as number);
    }
    return tids;
  }

  helperLabel(kind: string): string {
    this.helpers += 1;
    return `${kind}_${this.helpers}`;
  }

  /**
   * `by` makes a task in namespace `ns` (by `setns` first when `ns` lies below its own), or a
   * new namespace's init when `flags` has NEWPID (then `ns` is that namespace's parent).
   */
  clone(by: Actor, ns: string, flags: string, tids: readonly number[], label: string, cmd: string | null): boolean {
    const newNs = flags.includes('NEWPID');
    if (newNs ? by.ns !== ns : !this.contains(by.ns, ns)) return false;
    const enter = !newNs && by.ns !== ns ? this.entry(ns) : null;
    if (!newNs && by.ns !== ns && enter === null) return false;
    if (enter !== null) this.emit(`${by.label} setns ${enter}`);
    const f = flags === '' ? '' : ` ${flags}`;
    this.emit(`${by.label} clone${f} set_tid=${tids.join(',')} as ${label}${cmd === null ? '' : ` cmd ${quote(cmd)}`}`);
    if (enter !== null) this.emit(`${by.label} setns ${by.label}`);
    return true;
  }
}

function reverse(xs: readonly number[]): number[] {
  return [...xs].reverse();
}

/** the innermost level at which `chain` (a pgid or sid chain) is still visible */
function deepestVisible(chain: readonly number[]): number {
  let j = 0;
  while (j + 1 < chain.length && chain[j + 1] !== 0) j += 1;
  return j;
}

function isNsInit(b: Builder, a: Actor): boolean {
  const n = b.ns(a.ns);
  const init = n === undefined || n.init === null ? undefined : b.snap.processes[n.init];
  return init !== undefined && labelFor(init) === a.label;
}

function isAncestor(b: Builder, older: string, of: Actor): boolean {
  for (let a: Actor | undefined = of; a !== undefined && a.label !== WORLD; a = b.actors.get(a.parent)) if (a.parent === older) return true;
  return false;
}

/**
 * A process that is not the one that made its child, and not its namespace's init, can only
 * have adopted it as a child subreaper (R51, R84): it is marked one, so that the helper's exit
 * hands the child to it.
 */
function becomeSubreaper(b: Builder, a: Actor): void {
  if (b.subreapers.has(a.label)) return;
  b.subreapers.add(a.label);
  b.emit(`${a.label} prctl SUBREAPER 1`);
  b.notes.push(`${a.label} is made a child subreaper: on the host it is the parent of processes of another session, which only adoption gives`);
}

/**
 * A task in session `sid` living in namespace `ns`, made on first use, for a member whose parent
 * is `adopter`: when the task leaves, the member is adopted by `adopter` if that is the
 * namespace's init or a subreaper above the task.
 */
function sessionCreator(b: Builder, sid: number, ns: string, member: SnapProcess, adopter: Actor): Actor | null {
  const key = `${sid}@${ns}`;
  const known = b.creators.get(key);
  if (known !== undefined) return known;
  const leader = sid === 0 ? b.actors.get(WORLD) : sessionLeader(b, sid, member, adopter);
  if (leader === undefined || leader === null) return null;
  // a stand-in leaves at the end, so what it makes is adopted; a real leader stays
  if (leader.ns === ns && leader.label === `session_${sid}`) return leader;
  const label = b.helperLabel(`session_${sid}_helper`);
  if (!b.clone(leader, ns, '', b.spareTids(ns), label, null)) return null;
  const helper: Actor = { label, parent: leader.label, ns, sid: leader.sid, pgid: leader.pgid };
  b.actors.set(label, helper);
  b.creators.set(key, helper);
  (b.leaving[1] as Leaving[]).push({ label, reaper: leader.label === WORLD ? null : leader.label });
  if (adopter.ns === ns && !isNsInit(b, adopter) && isAncestor(b, adopter.label, helper)) becomeSubreaper(b, adopter);
  return helper;
}

/**
 * The session's leader, or a stand-in with its pid when the leader is gone: made by `adopter`
 * when it lives where the session did (it then adopts what the stand-in makes), else by ns0's init.
 */
function sessionLeader(b: Builder, sid: number, member: SnapProcess, adopter: Actor): Actor | null {
  const real = b.proc(sid);
  if (real !== undefined) return b.actors.get(labelFor(real)) ?? null;
  const label = `session_${sid}`;
  const known = b.actors.get(label);
  if (known !== undefined) return known;
  const j = deepestVisible(member.sid);
  const home = b.ancestorAt(member.ns, j);
  const by = adopter.ns === home && adopter.label !== WORLD && !isNsInit(b, adopter) ? adopter : (b.actors.get(WORLD) as Actor);
  if (!b.clone(by, home, '', reverse(member.sid.slice(0, j + 1)), label, null)) return null;
  b.emit(`${label} setsid`);
  const actor: Actor = { label, parent: by.label, ns: home, sid, pgid: sid };
  b.actors.set(label, actor);
  (b.leaving[2] as Leaving[]).push({ label, reaper: by.label === WORLD ? null : by.label });
  if (by !== b.actors.get(WORLD)) becomeSubreaper(b, by);
  return actor;
}

/** A stand-in leader with the pid of a group whose leader is gone. */
function groupStandIn(b: Builder, member: SnapProcess): Actor | null {
  const pgid = member.pgid[0] as number;
  const label = `group_${pgid}`;
  const known = b.actors.get(label);
  if (known !== undefined) return known;
  const j = deepestVisible(member.pgid);
  const home = b.ancestorAt(member.ns, j);
  const sid = member.sid[0] as number;
  const leader = sid === 0 ? null : b.proc(sid);
  const leaderActor = leader === undefined || leader === null ? undefined : b.actors.get(labelFor(leader));
  const world = b.actors.get(WORLD) as Actor;
  const by = leaderActor !== undefined && b.contains(leaderActor.ns, home) ? leaderActor : sessionCreator(b, sid, home, member, world);
  if (by === null || !b.clone(by, home, '', reverse(member.pgid.slice(0, j + 1)), label, null)) return null;
  b.emit(`${label} setpgid 0 0`);
  const actor: Actor = { label, parent: by.label, ns: home, sid, pgid };
  b.actors.set(label, actor);
  (b.leaving[0] as Leaving[]).push({ label, reaper: by.label === WORLD ? null : by.label });
  return actor;
}

/** `p` (just made by `by`) moves into its group, now or once the group's leader exists. */
function joinGroup(b: Builder, p: SnapProcess, me: Actor, by: Actor): void {
  const pgid = p.pgid[0] as number;
  if (pgid === 0) return;
  const leader = b.proc(pgid);
  if (leader !== undefined && !b.actors.has(labelFor(leader))) {
    b.pendingJoins.set(pgid, [...(b.pendingJoins.get(pgid) ?? []), p]);
    return;
  }
  if (leader === undefined && groupStandIn(b, p) === null) return;
  const own = p.pgid[b.level(me.ns)] ?? 0;
  const fromParent = p.pgid[b.level(by.ns)] ?? 0;
  if (own !== 0) b.emit(`${me.label} setpgid 0 ${own}`);
  else if (by.label !== WORLD && fromParent !== 0) b.emit(`${by.label} setpgid ${me.label} ${fromParent}`);
  else return;
  me.pgid = pgid;
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
