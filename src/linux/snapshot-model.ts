/**
 * The pid namespaces and processes one namespace can see, from what /proc showed (proc-read.ts).
 * Pure. Numbers are re-based on the snapshot's root namespace R: level 0 is R, `chain[0]` a
 * process's pid in R, `chain[k]` its pid k levels further in.
 *
 * A namespace's parent is not in /proc (NS_GET_PARENT is an ioctl); it is the namespace of its
 * init's parent when that lies one level up: the creator of a namespace lives in its parent
 * (R27, R29), and an init that lost its creator is adopted inside the creator's namespace (R51).
 * Otherwise the one namespace one level up that the parent's namespace contains is taken.
 */
import type { HostProcess } from './proc-read.ts';

export interface SnapNs {
  key: string;
  /** level below R (R is 0) */
  level: number;
  parent: string | null;
  /** index in `processes` of its pid 1, or null when it has none (it is dying) */
  init: number | null;
}

export interface SnapProcess {
  /** pid in R: unique, and the label's number */
  id: number;
  ns: string;
  /** pids from R inward */
  chain: number[];
  pgid: number[];
  sid: number[];
  /** the parent's pid in R, or null when the parent lies outside R */
  parent: number | null;
  state: string;
  cmd: string;
  comm: string;
  start: number;
  exitStatus: number;
  threads: number[][];
  threadCount: number;
}

export interface Snapshot {
  root: string;
  namespaces: SnapNs[];
  processes: SnapProcess[];
  /** what could not be taken in, for `# note:` lines */
  left: string[];
}

interface ViewNs {
  key: string;
  level: number;
  members: HostProcess[];
}

/**
 * The namespace of a process whose /proc/PID/ns/pid cannot be read (even root may be refused,
 * e.g. for a non-dumpable pid 1): at the mount's level there is only the mount's namespace; a
 * process on its parent's level lives in its parent's namespace (a child is never in an
 * ancestor's namespace); a pid 1 below is its own namespace's init.
 */
function withNamespaces(procs: readonly HostProcess[]): HostProcess[] {
  const mountNs = procs.find((p) => p.nspid.length === 1 && p.ns !== null)?.ns ?? 'pid:[this /proc]';
  const byPid = new Map(procs.map((p) => [p.pid, { ...p }]));
  for (const p of byPid.values()) {
    if (p.ns !== null) continue;
    if (p.nspid.length === 1) p.ns = mountNs;
    else if (p.nspid.at(-1) === 1) p.ns = `pid:[init ${p.pid}]`;
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of byPid.values()) {
      const parent = byPid.get(p.ppid);
      if (p.ns !== null || parent?.ns === null || parent === undefined || parent.nspid.length !== p.nspid.length) continue;
      p.ns = parent.ns;
      changed = true;
    }
  }
  return [...byPid.values()];
}

function namespacesInView(procs: readonly HostProcess[]): Map<string, ViewNs> {
  const out = new Map<string, ViewNs>();
  for (const p of procs) {
    if (p.ns === null) continue;
    const ns = out.get(p.ns) ?? { key: p.ns, level: p.nspid.length - 1, members: [] };
    ns.members.push(p);
    out.set(p.ns, ns);
  }
  return out;
}

function parentsOf(view: Map<string, ViewNs>, byPid: Map<number, HostProcess>): Map<string, string | null> {
  const parents = new Map<string, string | null>();
  const initOf = (ns: ViewNs): HostProcess | undefined => ns.members.find((p) => p.nspid[ns.level] === 1);
  for (const ns of view.values()) {
    if (ns.level === 0) {
      parents.set(ns.key, null);
      continue;
    }
    const up = [...view.values()].filter((n) => n.level === ns.level - 1);
    const creator = byPid.get(initOf(ns)?.ppid ?? 0);
    const direct = creator !== undefined && creator.ns !== null && view.get(creator.ns)?.level === ns.level - 1 ? creator.ns : null;
    parents.set(ns.key, direct ?? (up.length === 1 ? (up[0] as ViewNs).key : null));
  }
  return parents;
}

function within(parents: Map<string, string | null>, key: string, root: string): boolean {
  for (let k: string | null = key; k !== null; k = parents.get(k) ?? null) if (k === root) return true;
  return false;
}

/** The snapshot of namespace `root` (a `pid:[INODE]`) and everything below it. */
export function buildSnapshot(read: readonly HostProcess[], root: string): Snapshot {
  const procs = withNamespaces(read);
  const byPid = new Map(procs.map((p) => [p.pid, p]));
  const view = namespacesInView(procs);
  const rootNs = view.get(root);
  if (rootNs === undefined) throw new Error(`no process of ${root} is visible in /proc`);
  const parents = parentsOf(view, byPid);
  const left: string[] = [];
  const base = rootNs.level;
  const inside = procs.filter((p) => p.ns !== null && within(parents, p.ns, root));
  for (const p of procs) {
    if (p.ns === null && p.nspid.length > base) left.push(`pid ${p.nspid[base]} (${p.comm}) is left out: its pid namespace could not be read or inferred`);
  }
  for (const ns of view.values()) {
    if (ns.key !== root && parents.get(ns.key) === null && ns.level > base) left.push(`${ns.key}: its parent namespace is not known, so it is left out`);
  }
  for (const p of inside) {
    if (p.ppid !== 0 && !byPid.has(p.ppid)) left.push(`pid ${p.nspid[base]} (${p.comm}): its parent (pid ${p.ppid} here) ended while /proc was read, so ns0's init stands in for it`);
  }
  const processes: SnapProcess[] = inside.map((p) => {
    const parent = byPid.get(p.ppid);
    const parentInside = parent !== undefined && parent.ns !== null && within(parents, parent.ns, root);
    return {
      id: p.nspid[base] as number, ns: p.ns as string,
      chain: p.nspid.slice(base), pgid: p.nspgid.slice(base), sid: p.nssid.slice(base),
      parent: parentInside ? (parent.nspid[base] as number) : null,
      state: p.state, cmd: p.cmd, comm: p.comm, start: p.start, exitStatus: p.exitStatus,
      threads: p.threads.map((t) => t.nspid.slice(base)), threadCount: p.threadCount,
    };
  });
  const namespaces: SnapNs[] = [...view.values()]
    .filter((ns) => within(parents, ns.key, root))
    .map((ns) => {
      const level = ns.level - base;
      const init = processes.findIndex((p) => p.ns === ns.key && p.chain[level] === 1);
      return { key: ns.key, level, parent: ns.key === root ? null : (parents.get(ns.key) ?? null), init: init === -1 ? null : init };
    });
  return { root, namespaces, processes, left };
}

export interface HostPsRow {
  pid: number;
  ppid: number;
  pgid: number;
  sid: number;
  stat: string;
  /** the label the snapshot gives the process */
  id: number;
}

/** ps's STAT as the engine writes it: S alive, T stopped, Z zombie */
export function statLetter(state: string): string {
  if (state === 'Z') return 'Z';
  return state === 'T' || state === 't' ? 'T' : 'S';
}

/** What `ps -e` run in namespace `ns` with its own /proc showed (R40, R45, R46). */
export function hostPs(snap: Snapshot, ns: SnapNs): HostPsRow[] {
  const byKey = new Map(snap.namespaces.map((n) => [n.key, n]));
  const sees = (p: SnapProcess): boolean => {
    for (let k: string | null = p.ns; k !== null; k = byKey.get(k)?.parent ?? null) if (k === ns.key) return true;
    return false;
  };
  const byId = new Map(snap.processes.map((p) => [p.id, p]));
  const L = ns.level;
  return snap.processes
    .filter(sees)
    .map((p) => {
      const parent = p.parent === null ? undefined : byId.get(p.parent);
      return {
        pid: p.chain[L] as number,
        ppid: parent !== undefined && sees(parent) ? (parent.chain[L] as number) : 0,
        pgid: p.pgid[L] ?? 0, sid: p.sid[L] ?? 0, stat: statLetter(p.state), id: p.id,
      };
    })
    .sort((a, b) => a.pid - b.pid);
}
