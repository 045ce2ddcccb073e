/**
 * One pid table per namespace the viewer can see, in creation order (a namespace's name is
 * `ns<id>`, fixed by the kernel ABI). A chosen namespace dims the tables of those it cannot see.
 */
import { useContext, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AppState } from '../../store/store.ts';
import { useApp } from '../StoreContext.tsx';
import { ViewNamesContext } from '../viewNames.ts';
import { pairsOf, selectShape, subtreeOf } from '../tree/subtree.ts';
import { PidTable } from './PidTable.tsx';

const selectTableIds = (s: AppState): number[] => (s.frame?.tables ?? []).map((t) => t.ns);
const selectChosen = (s: AppState) => s.selectedNs;

export function PidTables() {
  const shape = useApp(useShallow(selectShape));
  const ids = useApp(useShallow(selectTableIds));
  const chosen = useApp(selectChosen);
  const names = useContext(ViewNamesContext);
  const lit = useMemo(() => (chosen === null ? null : subtreeOf(pairsOf(shape), chosen)), [shape, chosen]);
  return (
    <section className="panel tables-panel" aria-labelledby={names.landmarks ? `${names.ids}tables-heading` : undefined}>
      <h2 id={`${names.ids}tables-heading`}>{names.tables}</h2>
      <div className="tables">
        {ids.map((ns) => <PidTable key={ns} ns={ns} name={`ns${ns}`} dimmed={lit !== null && !lit.has(ns)} />)}
      </div>
    </section>
  );
}
