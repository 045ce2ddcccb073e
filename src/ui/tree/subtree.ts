/**
 * What a namespace can see: itself and every namespace below it (pid visibility only ever looks
 * down the tree). Components select the tree's shape as a flat number array (id, parent or -1,
 * id, parent, …) so that shallow comparison tells when it changed.
 */
import type { AppState } from '../../store/store.ts';
import type { LayoutInput } from './layout.ts';

export const selectShape = (s: AppState): number[] =>
  (s.frame?.namespaces ?? []).flatMap((n) => [n.id, n.parent ?? -1]);

export function pairsOf(shape: readonly number[]): LayoutInput[] {
  const out: LayoutInput[] = [];
  for (let i = 0; i + 1 < shape.length; i += 2) {
    const parent = shape[i + 1] ?? -1;
    out.push({ id: shape[i] ?? 0, parent: parent < 0 ? null : parent });
  }
  return out;
}

export function subtreeOf(list: readonly LayoutInput[], root: number): Set<number> {
  const children = new Map<number, number[]>();
  for (const n of list) {
    if (n.parent === null) continue;
    const siblings = children.get(n.parent) ?? [];
    siblings.push(n.id);
    children.set(n.parent, siblings);
  }
  const seen = new Set<number>();
  const todo = [root];
  for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    for (const c of children.get(id) ?? []) todo.push(c);
  }
  return seen;
}
