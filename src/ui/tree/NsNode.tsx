/**
 * One namespace in the tree and everything under it, as the chroot diagram lists a directory: a
 * box with its name, level, state, init and counts, then its own processes (pid there and label),
 * then the namespaces below it, nested inside it (role `group`). The state is written out and
 * drawn by the border (solid active, dashed dying, dotted dead), not by colour alone.
 */
import { memo, useCallback } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AppState } from '../../store/store.ts';
import { frameNs, frameTable } from '../frameIndex.ts';
import { useApp, useStoreApi } from '../StoreContext.tsx';
import { NODE_H, NODE_W, PROC_H, processAt, type PlacedNode } from './layout.ts';
import { MoreItem } from './MoreItem.tsx';
import { ProcessItem } from './ProcessItem.tsx';
import { useLeaving } from './useLeaving.ts';

export interface TreeContext {
  placed: ReadonlyMap<number, PlacedNode>;
  children: ReadonlyMap<number, readonly number[]>;
  lit: ReadonlySet<number> | null;
  chosen: number | null;
  focusKey: string;
  /** for each namespace, the names of the shown namespaces from the top down to it */
  levelNames: ReadonlyMap<number, readonly (string | null)[]>;
  showOuter: boolean;
}

const NO_NAMES: readonly (string | null)[] = [];

export const NsNode = memo(function NsNode({ id, tree }: { id: number; tree: TreeContext }) {
  const ns = useApp(useCallback((s: AppState) => frameNs(s.frame, id), [id]));
  const hot = useApp(useCallback((s: AppState) => isHot(s, id), [id]));
  const position = useApp(useShallow((s: AppState) => [s.frame?.step ?? 0, s.frame?.act?.index ?? 0]));
  const ghosts = useLeaving(ns?.processes ?? [], (position[0] ?? 0) * 100 + (position[1] ?? 0));
  const store = useStoreApi();
  const node = tree.placed.get(id);
  if (!ns || !node) return null;
  const init = ns.initLabel === null ? 'no init yet' : `init ${ns.initLabel} (pid ${ns.initPid ?? '–'})`;
  const counts = `${ns.live} live, ${ns.zombies} zombie${ns.zombies === 1 ? '' : 's'}`;
  const label = `${ns.name} level ${ns.level}, ${ns.state}, ${init}, ${counts}`;
  const dimmed = tree.lit !== null && !tree.lit.has(id);
  const selected = tree.chosen === id;
  const classes = ['ns-node', `ns-${ns.state}`, dimmed ? 'dimmed' : '', selected ? 'selected' : '', hot ? 'hot' : '']
    .filter(Boolean).join(' ');
  const hidden = ns.processCount - ns.processes.length;
  const names = tree.levelNames.get(id) ?? NO_NAMES;
  return (
    <g
      role="treeitem" aria-label={label} aria-level={node.depth + 1} aria-selected={selected} aria-expanded
      tabIndex={tree.focusKey === `ns:${id}` ? 0 : -1} data-ns={id} data-ns-item="" className={classes}
    >
      <g
        className="ns-head" transform={`translate(${node.x},${node.y})`}
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
      <g role="group">
        {ns.processes.map((p, i) => {
          const at = processAt(node, i);
          return (
            <ProcessItem
              key={p.task} ns={id} index={i} x={at.x} y={at.y} level={node.depth} levelNames={names}
              showOuter={tree.showOuter} focused={tree.focusKey === `p:${p.task}`}
            />
          );
        })}
        {hidden > 0 ? (
          <MoreItem
            ns={id} hidden={hidden} what="processes" level={node.depth} focused={tree.focusKey === `more:${id}`}
            {...processAt(node, ns.processes.length)}
          />
        ) : null}
        {ns.hiddenChildren > 0 ? (
          <MoreItem
            ns={id} hidden={ns.hiddenChildren} what="namespaces" level={node.depth} focused={tree.focusKey === `nsmore:${id}`}
            {...processAt(node, ns.processes.length + (hidden > 0 ? 1 : 0))}
          />
        ) : null}
        {ghosts.map((g) => {
          const at = processAt(node, g.index);
          return (
            <g key={`gone-${g.task}`} className="proc leaving" aria-hidden="true" transform={`translate(${at.x},${at.y})`}>
              <rect className="proc-box" width={NODE_W - 30} height={PROC_H - 3} rx={3} />
              <text x={6} y={14}>{`${g.text} reaped`}</text>
            </g>
          );
        })}
        {(tree.children.get(id) ?? []).map((child) => <NsNode key={child} id={child} tree={tree} />)}
      </g>
    </g>
  );
});

function stateMark(state: string): string {
  if (state === 'active') return '● active';
  if (state === 'dying') return '◐ dying';
  return '○ dead';
}

/** the hovered task has a number in this namespace */
function isHot(s: AppState, ns: number): boolean {
  const task = s.hoveredTask ?? null;
  if (task === null) return false;
  return frameTable(s.frame ?? null, ns)?.rows.some((r) => r.task === task) ?? false;
}
