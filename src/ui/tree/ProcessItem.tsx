/**
 * One process in the tree, under its own namespace: its pid there and its label (`1 wrap`), its
 * pids in the outer namespaces on demand, and its state in words (zombie, killed, stopped).
 * Rows move with a transition when the list changes (a reaped process leaves a gap that closes),
 * and a row flashes when its process gets a new parent.
 */
import { memo, useCallback, useEffect, useRef, type CSSProperties } from 'react';
import type { TreeProcess } from '../../protocol/index.ts';
import type { AppState } from '../../store/store.ts';
import { frameNs } from '../frameIndex.ts';
import { useApp, useStoreApi } from '../StoreContext.tsx';
import { NODE_W, INDENT, PROC_H } from './layout.ts';

interface Props {
  ns: number;
  index: number;
  x: number;
  y: number;
  level: number;
  focused: boolean;
  /** the names of the shown namespaces from the top of the tree down to this one */
  levelNames: readonly (string | null)[];
  showOuter: boolean;
}

export const ProcessItem = memo(function ProcessItem({ ns, index, x, y, level, focused, levelNames, showOuter }: Props) {
  const p = useApp(useCallback((s: AppState) => frameNs(s.frame, ns)?.processes[index] ?? null, [ns, index]));
  const task = p?.task ?? -1;
  const selected = useApp(useCallback((s: AppState) => s.selectedTask === task, [task]));
  const hovered = useApp(useCallback((s: AppState) => s.hoveredTask === task, [task]));
  const store = useStoreApi();
  // a new parent (re-parenting) flashes the row once
  const parentBefore = useRef(p?.parent);
  const reparented = p !== null && parentBefore.current !== undefined && parentBefore.current !== p.parent;
  useEffect(() => {
    parentBefore.current = p?.parent;
  }, [p?.parent]);
  if (p === null) return null;
  const text = processText(p, levelNames, showOuter);
  const classes = ['proc', p.stat === 'Z' ? 'zombie' : '', p.killed ? 'killed' : '', selected || hovered ? 'hot' : '', reparented ? 'reparented' : '']
    .filter(Boolean).join(' ');
  return (
    <g
      role="treeitem" aria-label={text} aria-level={level + 2} aria-selected={selected} tabIndex={focused ? 0 : -1}
      data-child-item="" data-task={p.task} className={classes} style={{ transform: `translate(${x}px, ${y}px)` } as CSSProperties}
      onClick={() => store.getState().selectTask(p.task)}
      onMouseEnter={() => store.getState().hoverTask(p.task)}
      onMouseLeave={() => store.getState().hoverTask(null)}
    >
      <rect className="proc-box" width={NODE_W - INDENT} height={PROC_H - 3} rx={3} />
      <text x={6} y={14}>{text}</text>
    </g>
  );
});

/** `1 wrap`, then `(4 in ns0)` on demand, then the state in words: the visible text and the name */
export function processText(p: TreeProcess, levelNames: readonly (string | null)[], showOuter: boolean): string {
  // names are by level down to this namespace; a viewer's tree may start below the root
  const offset = levelNames.length - p.nspid.length;
  const outer = showOuter
    ? p.nspid.slice(0, -1).flatMap((pid, level) => {
      const name = levelNames[level + offset];
      return name ? [`${pid} in ${name}`] : [];
    }).reverse()
    : [];
  const state = p.killed ? 'killed' : p.stat === 'Z' ? 'zombie' : p.stat === 'T' ? 'stopped' : '';
  return [`${p.pid} ${p.label}`, outer.length > 0 ? `(${outer.join(', ')})` : '', state].filter(Boolean).join(' ');
}
