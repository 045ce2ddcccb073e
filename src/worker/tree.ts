/**
 * The processes the namespace tree lists under each namespace: those whose own namespace it is
 * (a process shows once, under its innermost namespace, as a file under its directory), ascending
 * by pid there. Only the first `limit` cross to the page; the count tells how many more there are.
 */
import {
  fatalSignalPending, nspidOf, realParentOf, taskActiveNs, type KernelState, type NsId, type PsRow,
} from '../kernel/index.ts';
import { TREE_PROCESSES, type ShowParams, type TreeProcess } from '../protocol/index.ts';

/** the rows of `ns`'s ps table whose process has `ns` as its own namespace */
export function ownRows(state: KernelState, ns: NsId, rows: readonly PsRow[]): PsRow[] {
  return rows.filter((r) => taskActiveNs(state, r.task) === ns);
}

export function treeLimit(params: ShowParams, ns: NsId): number {
  return (params.treeLimits ?? []).find((l) => l.ns === ns)?.count ?? TREE_PROCESSES;
}

export function treeProcesses(state: KernelState, own: readonly PsRow[], limit: number): TreeProcess[] {
  return own.slice(0, Math.max(0, limit)).map((r) => ({
    task: r.task, pid: r.pid, label: r.label, stat: r.stat,
    killed: fatalSignalPending(state, r.task),
    parent: realParentOf(state, r.task),
    nspid: nspidOf(state, r.task),
  }));
}
