/**
 * What a namespace can see: itself and every namespace below it (pid visibility only ever looks
 * down the tree).
 */
import type { LayoutInput } from './layout.ts';

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
    todo.push(...(children.get(id) ?? []));
  }
  return seen;
}
