/**
 * Which namespaces a frame carries, so that a world of many namespaces costs the page what it
 * draws, not the world: the tree lists the first TREE_NAMESPACES namespaces below each one (more
 * on request), FRAME_NAMESPACES in all beyond those asked for, in tree order (depth first, each
 * level in creation order); pid tables go with the first FRAME_TABLES of them, the chosen
 * namespace's and the viewer's. The chosen namespace and those above it are always in the tree.
 * A world inside these caps is carried whole. One pass over the namespaces, none over the tasks.
 */
import { nsParentOf, type KernelState, type NsId } from '../kernel/index.ts';
import { FRAME_NAMESPACES, FRAME_TABLES, TREE_NAMESPACES, type ShowParams } from '../protocol/index.ts';

export interface NsWindow {
  /** the namespaces the tree shows, ascending by id */
  tree: NsId[];
  /** for each shown namespace, how many of the namespaces just below it are not shown */
  hidden: Map<NsId, number>;
  /** the namespaces whose pid table the frame carries, ascending by id */
  tables: NsId[];
}

/** `visible` ascending by id (a parent is always made before its children) */
export function namespaceWindow(
  state: KernelState, visible: readonly NsId[], params: ShowParams, viewerNs: NsId | null,
): NsWindow {
  const { present, roots, children } = hierarchy(state, visible);
  const limits = new Map((params.nsLimits ?? []).map((l) => [l.ns, l.count]));
  const listed = (id: NsId): NsId[] => (children.get(id) ?? []).slice(0, Math.max(0, limits.get(id) ?? TREE_NAMESPACES));
  const order = depthFirst(roots, listed, FRAME_NAMESPACES + askedBeyondDefault(limits));
  const shown = new Set(order);
  const chosen = params.chosenNs ?? null;
  for (const id of chosen !== null && present.has(chosen) ? chainTo(state, chosen, present) : []) {
    if (!shown.has(id)) order.push(id);
    shown.add(id);
  }
  const hidden = new Map<NsId, number>();
  for (const id of shown) hidden.set(id, (children.get(id) ?? []).filter((c) => !shown.has(c)).length);
  const tabled = new Set(order.slice(0, FRAME_TABLES));
  for (const id of [chosen, viewerNs]) if (id !== null && shown.has(id)) tabled.add(id);
  return { tree: ascending(shown), hidden, tables: ascending(tabled) };
}

function ascending(ids: Iterable<NsId>): NsId[] {
  return [...ids].sort((a, b) => a - b);
}

/** the extra namespaces the visitor asked the tree to list */
function askedBeyondDefault(limits: ReadonlyMap<NsId, number>): number {
  let extra = 0;
  for (const count of limits.values()) extra += Math.max(0, count - TREE_NAMESPACES);
  return extra;
}

/** the visible namespaces whose parent is not visible, and the children of each, in id order */
function hierarchy(state: KernelState, visible: readonly NsId[]) {
  const present = new Set(visible);
  const roots: NsId[] = [];
  const children = new Map<NsId, NsId[]>();
  for (const id of visible) {
    const parent = nsParentOf(state, id);
    if (parent === null || !present.has(parent)) roots.push(id);
    else {
      const siblings = children.get(parent) ?? [];
      siblings.push(id);
      children.set(parent, siblings);
    }
  }
  return { present, roots, children };
}

/** the first `budget` namespaces of a depth-first walk (an explicit stack: a chain is 33 deep
 * at most, but the walk must not recurse on input) */
function depthFirst(roots: readonly NsId[], listed: (id: NsId) => NsId[], budget: number): NsId[] {
  const order: NsId[] = [];
  const todo = [...roots].reverse();
  for (let id = todo.pop(); id !== undefined && order.length < budget; id = todo.pop()) {
    order.push(id);
    const below = listed(id);
    for (let i = below.length - 1; i >= 0; i--) todo.push(below[i] as NsId);
  }
  return order;
}

/** a visible namespace and those above it that are visible, outermost first */
function chainTo(state: KernelState, chosen: NsId, present: ReadonlySet<NsId>): NsId[] {
  const chain: NsId[] = [];
  for (let at: NsId | null = chosen; at !== null && present.has(at); at = nsParentOf(state, at)) chain.unshift(at);
  return chain;
}
