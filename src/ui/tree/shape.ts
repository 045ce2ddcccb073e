/**
 * What the tree draws, selected from the frame as flat number arrays so that shallow comparison
 * tells when it changed: each namespace's shown process rows, and every shown process with its
 * namespace and parent (for the parent links and the keyboard).
 */
import type { AppState } from '../../store/store.ts';

/** id, shown process rows (the "more" rows of processes and of namespaces included) — per namespace */
export const selectRows = (s: AppState): number[] =>
  (s.frame?.namespaces ?? []).flatMap((n) => [
    n.id, n.processes.length + (n.processCount > n.processes.length ? 1 : 0) + (n.hiddenChildren > 0 ? 1 : 0),
  ]);

/** the namespaces with namespaces below them left out of the frame (each has a "more" row) */
export const selectCutNamespaces = (s: AppState): number[] =>
  (s.frame?.namespaces ?? []).filter((n) => n.hiddenChildren > 0).map((n) => n.id);

/** ns, index, task, parent (-1: none) — per shown process */
export const selectProcesses = (s: AppState): number[] =>
  (s.frame?.namespaces ?? []).flatMap((n) => n.processes.flatMap((p, i) => [n.id, i, p.task, p.parent ?? -1]));

export interface ShownProcess {
  ns: number;
  index: number;
  task: number;
  parent: number | null;
}

export function processesOf(flat: readonly number[]): ShownProcess[] {
  const out: ShownProcess[] = [];
  for (let i = 0; i + 3 < flat.length; i += 4) {
    const parent = flat[i + 3] ?? -1;
    out.push({ ns: flat[i] ?? 0, index: flat[i + 1] ?? 0, task: flat[i + 2] ?? 0, parent: parent < 0 ? null : parent });
  }
  return out;
}

export function rowsOf(flat: readonly number[]): Map<number, number> {
  const rows = new Map<number, number>();
  for (let i = 0; i + 1 < flat.length; i += 2) rows.set(flat[i] ?? 0, flat[i + 1] ?? 0);
  return rows;
}
