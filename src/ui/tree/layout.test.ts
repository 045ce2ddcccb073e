import { describe, expect, it } from 'vitest';
import { INDENT, NODE_H, NODE_W, PROC_H, ROW_GAP, layoutTree, processAt } from './layout.ts';

describe('layoutTree', () => {
  it('indents children under their parent in creation order, like a directory listing', () => {
    const placed = layoutTree([
      { id: 0, parent: null },
      { id: 1, parent: 0 },
      { id: 2, parent: 1 },
      { id: 3, parent: 0 },
    ]);
    expect(placed.nodes.map((n) => [n.id, n.depth, n.x, n.y / (NODE_H + ROW_GAP)])).toEqual([
      [0, 0, 0, 0],
      [1, 1, INDENT, 1],
      [2, 2, 2 * INDENT, 2],
      [3, 1, INDENT, 3],
    ]);
    expect(placed.links.map((l) => [l.from, l.to])).toEqual([[0, 1], [0, 3], [1, 2]]);
    expect(placed.width).toBe(3 * INDENT + NODE_W);
  });

  it('lists process rows under a namespace before the namespaces below it', () => {
    const placed = layoutTree([{ id: 0, parent: null }, { id: 1, parent: 0 }], (id) => (id === 0 ? 3 : 0));
    const [ns0, ns1] = placed.nodes;
    expect(ns1?.y).toBe(NODE_H + ROW_GAP + 3 * PROC_H + 4);
    expect(processAt(ns0!, 2)).toEqual({ x: INDENT, y: NODE_H + 4 + 2 * PROC_H });
    expect(placed.height).toBe((ns1?.y ?? 0) + NODE_H);
  });

  it('roots a namespace whose parent is not shown (what a viewer inside it sees)', () => {
    const placed = layoutTree([{ id: 4, parent: 2 }, { id: 5, parent: 4 }]);
    expect(placed.nodes.map((n) => [n.id, n.depth])).toEqual([[4, 0], [5, 1]]);
    expect(placed.links).toHaveLength(1);
  });

  it('grows a 32-deep chain in width only by the indent', () => {
    const chain = Array.from({ length: 33 }, (_, i) => ({ id: i, parent: i === 0 ? null : i - 1 }));
    const placed = layoutTree(chain);
    expect(placed.width).toBe(33 * INDENT + NODE_W);
    expect(placed.nodes[32]?.depth).toBe(32);
  });

  it('draws an elbow from under the parent to the child left edge', () => {
    const placed = layoutTree([{ id: 0, parent: null }, { id: 1, parent: 0 }]);
    const y = NODE_H + ROW_GAP + NODE_H / 2;
    expect(placed.links[0]?.d).toBe(`M${INDENT / 2},${NODE_H}V${y}H${INDENT}`);
  });

  it('lays out nothing for no namespaces', () => {
    expect(layoutTree([])).toEqual({ nodes: [], links: [], width: 0, height: 0 });
  });
});
