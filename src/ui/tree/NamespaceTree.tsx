/**
 * The namespace tree (role `tree`, name "Namespace tree"), drawn like the RFC's chroot diagram:
 * each namespace lists its own processes under it, and the namespaces below it nest inside it.
 * It subscribes to the shape of the tree only; each box and row reads its own part of the frame.
 * Choosing a namespace dims what it cannot see. Keys: see keys.ts; Enter or Space chooses.
 * Two switches show each process's pids in the outer namespaces and the parent → child links.
 */
import { useContext, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AppState } from '../../store/store.ts';
import { useApp, useStoreApi } from '../StoreContext.tsx';
import { ViewNamesContext } from '../viewNames.ts';
import { GoToNamespace } from './GoToNamespace.tsx';
import { isTreeKey, nextItem } from './keys.ts';
import { layoutTree, type PlacedNode } from './layout.ts';
import { NsNode, type TreeContext } from './NsNode.tsx';
import { ParentLinks } from './ParentLinks.tsx';
import { processesOf, rowsOf, selectCutNamespaces, selectProcesses, selectRows } from './shape.ts';
import { createTreeZoom, type TreeZoom } from './zoom.ts';
import { pairsOf, selectShape, subtreeOf } from './subtree.ts';

const selectChosen = (s: AppState) => s.selectedNs;

export function NamespaceTree() {
  const shape = useApp(useShallow(selectShape));
  const rowsFlat = useApp(useShallow(selectRows));
  const procsFlat = useApp(useShallow(selectProcesses));
  const cut = useApp(useShallow(selectCutNamespaces));
  const chosen = useApp(selectChosen);
  const names = useContext(ViewNamesContext);
  const store = useStoreApi();
  const svgRef = useRef<SVGSVGElement>(null);
  const gRef = useRef<SVGGElement>(null);
  const zoomRef = useRef<TreeZoom | null>(null);
  const [focusKey, setFocusKey] = useState('');
  const [showOuter, setShowOuter] = useState(false);
  const [showLinks, setShowLinks] = useState(false);

  const list = useMemo(() => pairsOf(shape), [shape]);
  const rows = useMemo(() => rowsOf(rowsFlat), [rowsFlat]);
  const procs = useMemo(() => processesOf(procsFlat), [procsFlat]);
  const placed = useMemo(() => layoutTree(list, (id) => rows.get(id) ?? 0), [list, rows]);
  const byId = useMemo(() => new Map<number, PlacedNode>(placed.nodes.map((n) => [n.id, n])), [placed]);
  const lit = useMemo(() => (chosen === null ? null : subtreeOf(list, chosen)), [list, chosen]);
  const { roots, children, levelNames } = useMemo(() => hierarchy(list), [list]);
  const liveKey = focusKey !== '' && keyExists(focusKey, list, procs, rows, cut) ? focusKey : `ns:${roots[0] ?? 0}`;
  const tree: TreeContext = useMemo(
    () => ({ placed: byId, children, lit, chosen, focusKey: liveKey, levelNames, showOuter }),
    [byId, children, lit, chosen, liveKey, levelNames, showOuter],
  );

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
    const svg = svgRef.current;
    const from = event.target instanceof Element ? event.target.closest('[role="treeitem"]') : null;
    if (!svg || !from) return;
    if (isTreeKey(event.key)) {
      const to = nextItem(svg, from, event.key);
      if (to instanceof SVGElement) {
        setFocusKey(keyOf(to));
        to.focus();
      }
    } else if (event.key === 'Enter' || event.key === ' ') {
      choose(from);
    } else return;
    event.preventDefault();
    event.stopPropagation();
  }

  function choose(item: Element): void {
    // Enter twice in a row toggles: read the choice from the store, not from the last render.
    const s = store.getState();
    const ns = item.getAttribute('data-ns');
    const task = item.getAttribute('data-task');
    const more = item.getAttribute('data-more');
    const moreNs = item.getAttribute('data-more-ns');
    if (ns !== null) s.selectNs(s.selectedNs === Number(ns) ? null : Number(ns));
    else if (task !== null) s.selectTask(Number(task));
    else if (more !== null) s.showMoreProcesses(Number(more));
    else if (moreNs !== null) s.showMoreNamespaces(Number(moreNs));
  }

  return (
    <section className="panel tree-panel" aria-labelledby={names.landmarks ? `${names.ids}tree-heading` : undefined}>
      <div className="panel-head">
        <h2 id={`${names.ids}tree-heading`}>{names.namespaces}</h2>
        {names.interactive ? <div className="zoom-buttons">
          {cut.length > 0 ? <GoToNamespace idPrefix={names.ids} /> : null}
          <label className="switch"><input type="checkbox" checked={showOuter} onChange={(e) => setShowOuter(e.currentTarget.checked)} /> Outer pids</label>
          <label className="switch"><input type="checkbox" checked={showLinks} onChange={(e) => setShowLinks(e.currentTarget.checked)} /> Parent links</label>
          <button type="button" onClick={() => zoomRef.current?.zoomBy(1.25)} aria-label="Zoom in +" title="Zoom in">+</button>
          <button type="button" onClick={() => zoomRef.current?.zoomBy(0.8)} aria-label="Zoom out −" title="Zoom out">−</button>
          <button type="button" onClick={() => zoomRef.current?.fit(placed.width, placed.height)}>Fit</button>
        </div> : null}
      </div>
      <svg
        ref={svgRef} role="tree" aria-label={names.tree} className="tree-svg" onKeyDown={onKey} id={`${names.ids}ns-tree-svg`}
        onFocus={(e) => {
          const item = e.target instanceof Element ? e.target.closest('[role="treeitem"]') : null;
          if (item) setFocusKey(keyOf(item));
        }}
      >
        <defs>
          <marker id={`${names.ids}parent-arrow`} viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto">
            <path d="M0,0L8,4L0,8z" className="parent-arrow" />
          </marker>
        </defs>
        <g ref={gRef}>
          {placed.links.map((l) => (
            <path key={`${l.from}-${l.to}`} d={l.d} className={`tree-link${lit && !lit.has(l.to) ? ' dimmed' : ''}`} />
          ))}
          {showLinks ? <ParentLinks list={procs} placed={byId} /> : null}
          {roots.map((id) => <NsNode key={id} id={id} tree={tree} />)}
        </g>
      </svg>
    </section>
  );
}

function keyOf(item: Element): string {
  const ns = item.getAttribute('data-ns');
  if (ns !== null) return `ns:${ns}`;
  const task = item.getAttribute('data-task');
  if (task !== null) return `p:${task}`;
  const moreNs = item.getAttribute('data-more-ns');
  return moreNs !== null ? `nsmore:${moreNs}` : `more:${item.getAttribute('data-more') ?? ''}`;
}

function keyExists(
  key: string, list: readonly { id: number }[], procs: readonly { ns: number; task: number }[], rows: ReadonlyMap<number, number>,
  cut: readonly number[],
): boolean {
  const [kind, value] = key.split(':');
  const n = Number(value);
  if (kind === 'ns') return list.some((ns) => ns.id === n);
  if (kind === 'p') return procs.some((p) => p.task === n);
  if (kind === 'nsmore') return cut.includes(n);
  // the "and K more" row of processes: more rows than listed processes (and the namespaces' row)
  return (rows.get(n) ?? 0) > procs.filter((p) => p.ns === n).length + (cut.includes(n) ? 1 : 0);
}

/** the roots (namespaces whose parent is not shown), children in order, and names by level */
function hierarchy(list: readonly { id: number; parent: number | null }[]) {
  const present = new Map(list.map((n) => [n.id, n]));
  const roots: number[] = [];
  const children = new Map<number, number[]>();
  for (const n of list) {
    if (n.parent === null || !present.has(n.parent)) roots.push(n.id);
    else {
      const siblings = children.get(n.parent) ?? [];
      siblings.push(n.id);
      children.set(n.parent, siblings);
    }
  }
  const levelNames = new Map<number, (string | null)[]>();
  const namesOf = (id: number): (string | null)[] => {
    const known = levelNames.get(id);
    if (known) return known;
    const parent = present.get(id)?.parent ?? null;
    const names = [...(parent !== null && present.has(parent) ? namesOf(parent) : []), `ns${id}`];
    levelNames.set(id, names);
    return names;
  };
  for (const n of list) namesOf(n.id);
  return { roots, children, levelNames };
}
