/**
 * The state the snapshot's statements are written from (snapshot-plan.ts): the tasks made so far
 * in the engine ("actors": their namespace, session and group there), the helpers that leave at
 * the end, spare pids for them, and the statements with the process each was written for. Pure.
 */
import type { SnapNs, SnapProcess, Snapshot } from './snapshot-model.ts';

/** The engine's ns0: outside the snapshot. */
export const OUTSIDE = '';
/** ns0's init, which plays the parents, groups and sessions that lie outside */
export const WORLD = 'init';

/** the command name and the pid in R: `sshd_812` (a label is `[A-Za-z_][A-Za-z0-9_.-]*`) */
export function labelFor(p: SnapProcess): string {
  const base = p.comm.replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^[^A-Za-z_]/, '_$&').slice(0, 24);
  return `${base === '' ? 'p' : base}_${p.id}`;
}

/** a command line as the language's `"…"`: control characters become `?`, at most 400 */
export function quote(text: string): string {
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, '?').slice(0, 400);
  return `"${clean.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export interface Actor {
  label: string;
  /** the label of the task that made it (its parent until it is adopted) */
  parent: string;
  ns: string;
  /** session and group as pids in R; 0 = outside R */
  sid: number;
  pgid: number;
}

export interface Leaving {
  label: string;
  /** who must reap it (null: ns0's init reaps by itself) */
  reaper: string | null;
}

/** Where the snapshot lives while its statements are written. */
export class Builder {
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

export function reverse(xs: readonly number[]): number[] {
  return [...xs].reverse();
}

/** the innermost level at which `chain` (a pgid or sid chain) is still visible */
export function deepestVisible(chain: readonly number[]): number {
  let j = 0;
  while (j + 1 < chain.length && chain[j + 1] !== 0) j += 1;
  return j;
}
