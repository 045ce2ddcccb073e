/**
 * Lays the namespace tree out like the chroot directory diagram of the 2007 pid-namespace RFC:
 * one box per namespace, children indented under their parent in creation order, joined by
 * elbow lines (`└──`). Pure: namespaces in, positions out. Depth costs width only and breadth
 * height only, so a 32-level chain and a 1000-wide fan both stay readable under zoom.
 */
import { stratify, type HierarchyNode } from 'd3-hierarchy';

export interface LayoutInput {
  id: number;
  parent: number | null;
}

export interface PlacedNode {
  id: number;
  depth: number;
  x: number;
  y: number;
}

export interface Placed {
  nodes: PlacedNode[];
  /** elbow paths, parent → child */
  links: { from: number; to: number; d: string }[];
  width: number;
  height: number;
}

export const NODE_W = 250;
export const NODE_H = 58;
export const ROW_GAP = 12;
export const INDENT = 30;
/** one process listed under its namespace's box */
export const PROC_H = 22;

/** where the `index`-th process row under a namespace placed at `node` sits */
export function processAt(node: PlacedNode, index: number): { x: number; y: number } {
  return { x: node.x + INDENT, y: node.y + NODE_H + 4 + index * PROC_H };
}

/**
 * Places namespaces whose parent is absent from `list` at the top level (a viewer sees its own
 * namespace as the root of what it can see). `rowsUnder(id)` process rows are listed under a
 * namespace's box, before the namespaces below it, as files before subdirectories.
 */
export function layoutTree(list: readonly LayoutInput[], rowsUnder: (id: number) => number = () => 0): Placed {
  if (list.length === 0) return { nodes: [], links: [], width: 0, height: 0 };
  const present = new Set(list.map((n) => n.id));
  const root = stratify<LayoutInput | { id: -1; parent: null }>()
    .id((d) => String(d.id))
    .parentId((d) => (d.id === -1 ? null : String(d.parent !== null && present.has(d.parent) ? d.parent : -1)))(
      [{ id: -1, parent: null }, ...list],
    );
  const nodes: PlacedNode[] = [];
  let y = 0;
  root.eachBefore((n) => {
    if (n.data.id === -1) return;
    nodes.push({ id: n.data.id, depth: n.depth - 1, x: (n.depth - 1) * INDENT, y });
    const rows = rowsUnder(n.data.id);
    y += NODE_H + ROW_GAP + (rows > 0 ? rows * PROC_H + 4 : 0);
  });
  const at = new Map(nodes.map((n) => [n.id, n]));
  const links = collectLinks(root, at);
  const maxDepth = nodes.reduce((m, n) => Math.max(m, n.depth), -Infinity);
  return { nodes, links, width: maxDepth * INDENT + NODE_W + INDENT, height: y - ROW_GAP };
}

type Node = HierarchyNode<LayoutInput | { id: -1; parent: null }>;

function collectLinks(root: Node, at: Map<number, PlacedNode>): Placed['links'] {
  const links: Placed['links'] = [];
  root.each((n) => {
    const parent = n.parent;
    if (!parent || parent.data.id === -1) return;
    const p = at.get(parent.data.id);
    const c = at.get(n.data.id);
    if (!p || !c) return;
    const x = p.x + INDENT / 2;
    links.push({ from: p.id, to: c.id, d: `M${x},${p.y + NODE_H}V${c.y + NODE_H / 2}H${c.x}` });
  });
  return links;
}
