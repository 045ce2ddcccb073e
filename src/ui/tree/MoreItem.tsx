/**
 * The last row under a namespace whose processes are not all listed: `and K more`; choosing it
 * lists more of them (the engine sends only the rows the tree draws). The same for the
 * namespaces below it: `and K more namespaces`.
 */
import type { CSSProperties } from 'react';
import { useStoreApi } from '../StoreContext.tsx';
import { INDENT, NODE_W, PROC_H } from './layout.ts';

interface Props {
  ns: number;
  hidden: number;
  what: 'processes' | 'namespaces';
  x: number;
  y: number;
  level: number;
  focused: boolean;
}

export function MoreItem({ ns, hidden, what, x, y, level, focused }: Props) {
  const store = useStoreApi();
  const text = `and ${hidden.toLocaleString('en')} more${what === 'namespaces' ? ' namespaces' : ''}`;
  const data = what === 'namespaces' ? { 'data-more-ns': ns } : { 'data-more': ns };
  return (
    <g
      role="treeitem" aria-label={text} aria-level={level + 2} tabIndex={focused ? 0 : -1} data-child-item="" {...data}
      className="proc more" style={{ transform: `translate(${x}px, ${y}px)` } as CSSProperties}
      onClick={() => (what === 'namespaces' ? store.getState().showMoreNamespaces(ns) : store.getState().showMoreProcesses(ns))}
    >
      <rect className="proc-box" width={NODE_W - INDENT} height={PROC_H - 3} rx={3} />
      <text x={6} y={14}>{text}</text>
    </g>
  );
}
