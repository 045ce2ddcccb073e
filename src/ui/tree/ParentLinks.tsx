/**
 * Parent → child links between the processes the tree lists, drawn as curves on the left of the
 * rows with an arrow at the child. A link follows its child when the child is re-parented (the
 * path's shape is a CSS property, so the browser animates the move; not under reduced motion).
 */
import type { CSSProperties } from 'react';
import { PROC_H, processAt, type PlacedNode } from './layout.ts';
import type { ShownProcess } from './shape.ts';

const MID = (PROC_H - 3) / 2;

export function linkPaths(list: readonly ShownProcess[], placed: ReadonlyMap<number, PlacedNode>): { child: number; d: string }[] {
  const at = new Map<number, { x: number; y: number }>();
  for (const p of list) {
    const node = placed.get(p.ns);
    if (node) at.set(p.task, processAt(node, p.index));
  }
  return list.flatMap((p) => {
    const from = p.parent === null ? undefined : at.get(p.parent);
    const to = at.get(p.task);
    if (!from || !to) return [];
    const bend = Math.min(from.x, to.x) - 14 - Math.min(40, Math.abs(to.y - from.y) / 8);
    const d = `M${from.x},${from.y + MID}C${bend},${from.y + MID} ${bend},${to.y + MID} ${to.x - 2},${to.y + MID}`;
    return [{ child: p.task, d }];
  });
}

export function ParentLinks({ list, placed }: { list: readonly ShownProcess[]; placed: ReadonlyMap<number, PlacedNode> }) {
  return (
    <g className="parent-links" aria-hidden="true">
      {linkPaths(list, placed).map((l) => (
        <path key={l.child} d={l.d} style={{ d: `path("${l.d}")` } as CSSProperties} markerEnd="url(#parent-arrow)" />
      ))}
    </g>
  );
}
