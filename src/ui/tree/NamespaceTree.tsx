/**
 * The namespace tree (role `tree`, name "Namespace tree"), drawn like the RFC's chroot diagram.
 * It subscribes to the shape of the tree only (ids and parents); each box reads its own
 * namespace. Choosing a namespace dims what it cannot see. Arrow keys move between namespaces,
 * Enter or Space chooses one; the wheel and a drag zoom and pan, and so do the buttons.
 */
import { useContext, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AppState } from '../../store/store.ts';
import { useApp, useStoreApi } from '../StoreContext.tsx';
import { ViewNamesContext } from '../viewNames.ts';
import { layoutTree } from './layout.ts';
import { NsNode } from './NsNode.tsx';
import { createTreeZoom, type TreeZoom } from './zoom.ts';
import { pairsOf, selectShape, subtreeOf } from './subtree.ts';

const selectChosen = (s: AppState) => s.selectedNs;

export function NamespaceTree() {
  const shape = useApp(useShallow(selectShape));
  const chosen = useApp(selectChosen);
  const names = useContext(ViewNamesContext);
  const store = useStoreApi();
  const svgRef = useRef<SVGSVGElement>(null);
  const gRef = useRef<SVGGElement>(null);
  const zoomRef = useRef<TreeZoom | null>(null);
  const [focus, setFocus] = useState(0);

  const list = useMemo(() => pairsOf(shape), [shape]);
  const placed = useMemo(() => layoutTree(list), [list]);
  const lit = useMemo(() => (chosen === null ? null : subtreeOf(list, chosen)), [list, chosen]);

  useEffect(() => {
    if (!svgRef.current || !gRef.current) return undefined;
    const z = createTreeZoom(svgRef.current, gRef.current);
    zoomRef.current = z;
    return () => z.destroy();
  }, []);
  useEffect(() => {
    zoomRef.current?.fit(placed.width, placed.height);
  }, [placed.width, placed.height]);

  function onKey(event: KeyboardEvent<SVGSVGElement>): void {
    const move = { ArrowDown: 1, ArrowUp: -1, Home: -Infinity, End: Infinity }[event.key];
    // Keys can arrive faster than React re-renders, so the box that has the focus decides, not the state.
    const from = focusedIndex(event.target, placed.nodes) ?? focus;
    const current = placed.nodes[from];
    if (move !== undefined) {
      const next = Math.max(0, Math.min(placed.nodes.length - 1, from + move));
      setFocus(next);
      svgRef.current?.querySelector<SVGGElement>(`[data-ns="${placed.nodes[next]?.id}"]`)?.focus();
    } else if ((event.key === 'Enter' || event.key === ' ') && current) {
      // Enter twice in a row toggles: read the choice from the store, not from the last render.
      const s = store.getState();
      s.selectNs(s.selectedNs === current.id ? null : current.id);
    } else return;
    event.preventDefault();
    event.stopPropagation();
  }

  return (
    <section className="panel tree-panel" aria-labelledby="tree-heading">
      <div className="panel-head">
        <h2 id="tree-heading">Namespaces</h2>
        <div className="zoom-buttons">
          <button type="button" onClick={() => zoomRef.current?.zoomBy(1.25)} aria-label="Zoom in">+</button>
          <button type="button" onClick={() => zoomRef.current?.zoomBy(0.8)} aria-label="Zoom out">−</button>
          <button type="button" onClick={() => zoomRef.current?.fit(placed.width, placed.height)}>Fit</button>
        </div>
      </div>
      <svg ref={svgRef} role="tree" aria-label={names.tree} className="tree-svg" onKeyDown={onKey} id="ns-tree-svg">
        <g ref={gRef}>
          {placed.links.map((l) => (
            <path key={`${l.from}-${l.to}`} d={l.d} className={`tree-link${lit && !lit.has(l.to) ? ' dimmed' : ''}`} />
          ))}
          {placed.nodes.map((n, i) => (
            <NsNode
              key={n.id} id={n.id} x={n.x} y={n.y} level={n.depth}
              dimmed={lit !== null && !lit.has(n.id)} selected={chosen === n.id} focused={i === focus}
            />
          ))}
        </g>
      </svg>
    </section>
  );
}

function focusedIndex(target: EventTarget, nodes: readonly { id: number }[]): number | null {
  const ns = target instanceof Element ? target.closest('[data-ns]')?.getAttribute('data-ns') : null;
  if (ns === null || ns === undefined) return null;
  const index = nodes.findIndex((n) => n.id === Number(ns));
  return index < 0 ? null : index;
}
