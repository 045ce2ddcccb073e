/**
 * One namespace in the tree: a box with its name, level, state, init and counts. The state is
 * written out and drawn by the border (solid active, dashed dying, dotted dead), not by colour
 * alone. It reads only its own namespace from the frame.
 */
import { memo, useCallback } from 'react';
import type { AppState } from '../../store/store.ts';
import { useApp, useStoreApi } from '../StoreContext.tsx';
import { NODE_H, NODE_W } from './layout.ts';

interface Props {
  id: number;
  x: number;
  y: number;
  level: number;
  dimmed: boolean;
  selected: boolean;
  focused: boolean;
}

export const NsNode = memo(function NsNode({ id, x, y, level, dimmed, selected, focused }: Props) {
  const ns = useApp(useCallback((s: AppState) => s.frame?.namespaces.find((n) => n.id === id) ?? null, [id]));
  const hot = useApp(useCallback((s: AppState) => isHot(s, id), [id]));
  const store = useStoreApi();
  if (!ns) return null;
  const init = ns.initLabel === null ? 'no init yet' : `init ${ns.initLabel} (pid ${ns.initPid ?? '–'})`;
  const counts = `${ns.live} live, ${ns.zombies} zombie${ns.zombies === 1 ? '' : 's'}`;
  const label = `${ns.name} level ${ns.level}, ${ns.state}, ${init}, ${counts}`;
  const classes = ['ns-node', `ns-${ns.state}`, dimmed ? 'dimmed' : '', selected ? 'selected' : '', hot ? 'hot' : '']
    .filter(Boolean).join(' ');
  return (
    <g
      role="treeitem"
      aria-label={label}
      aria-level={level + 1}
      aria-selected={selected}
      tabIndex={focused ? 0 : -1}
      data-ns={id}
      className={classes}
      transform={`translate(${x},${y})`}
      onClick={() => {
        const s = store.getState();
        s.selectNs(s.selectedNs === id ? null : id);
      }}
    >
      <rect width={NODE_W} height={NODE_H} rx={6} className="ns-box" />
      <text x={10} y={18} className="ns-title">
        <tspan fontWeight={700}>{ns.name}</tspan>
        <tspan className="ns-dim">{`  level ${ns.level}`}</tspan>
      </text>
      <text x={NODE_W - 10} y={18} textAnchor="end" className="ns-state">{stateMark(ns.state)}</text>
      <text x={10} y={35} className="ns-line">{init}</text>
      <text x={10} y={51} className="ns-line ns-dim">{counts}</text>
    </g>
  );
});

function stateMark(state: string): string {
  if (state === 'active') return '● active';
  if (state === 'dying') return '◐ dying';
  return '○ dead';
}

/** the hovered or selected task has a number in this namespace */
function isHot(s: AppState, ns: number): boolean {
  const task = s.hoveredTask ?? null;
  if (task === null) return false;
  const table = s.frame?.tables.find((t) => t.ns === ns);
  return table?.rows.some((r) => r.task === task) ?? false;
}
