/**
 * The pid table of one namespace: what `ps -e -o pid,ppid,pgid,sid,stat,cmd` shows inside it,
 * ascending by pid. Up to VIRTUAL_FROM rows it is a plain table; beyond, only the rows in view
 * are in the document (VirtualBody.tsx, loaded when first needed), and `aria-rowcount` gives the
 * full count.
 */
import { lazy, memo, Suspense, useCallback, useContext } from 'react';
import { frameLabel } from '../../store/slices/frame.ts';
import { frameTable } from '../frameIndex.ts';
import type { AppState } from '../../store/store.ts';
import { useApp } from '../StoreContext.tsx';
import { ViewNamesContext } from '../viewNames.ts';
import { PidRow } from './PidRow.tsx';
import { Head, isFresh, useWindow, type BodyProps } from './tableParts.tsx';

export const VIRTUAL_FROM = 200;
const VirtualBody = lazy(() => import('./VirtualBody.tsx'));

const selectStep = (s: AppState) => s.frame?.step ?? 0;
const selectViewerLabel = (s: AppState) => (s.viewer === null ? null : frameLabel(s.frame, s.viewer) ?? `task ${s.viewer}`);

export const PidTable = memo(function PidTable({ ns, name, dimmed }: { ns: number; name: string; dimmed: boolean }) {
  const table = useApp(useCallback((s: AppState) => frameTable(s.frame, ns), [ns]));
  const step = useApp(selectStep);
  const viewerLabel = useApp(selectViewerLabel);
  if (!table) return null;
  const showSeen = viewerLabel !== null && table.rows.some((r) => r.seenAs !== null);
  return (
    <figure className={`pid-table${dimmed ? ' dimmed' : ''}`} data-ns={ns}>
      <figcaption>
        {name} <span className="ns-dim">{table.count} process{table.count === 1 ? '' : 'es'}</span>
      </figcaption>
      {table.count > VIRTUAL_FROM ? (
        <Suspense fallback={<p className="ns-dim">Loading the table…</p>}>
          <VirtualBody table={table} name={name} step={step} seenHead={showSeen ? viewerLabel : null} />
        </Suspense>
      ) : <PlainBody table={table} name={name} step={step} seenHead={showSeen ? viewerLabel : null} />}
    </figure>
  );
});

function PlainBody({ table, name, step, seenHead }: BodyProps) {
  const names = useContext(ViewNamesContext);
  useWindow(table.ns, 0, VIRTUAL_FROM);
  return (
    <div className="table-scroll">
      <table aria-label={names.table(name)} aria-rowcount={table.count + 1}>
        <Head seenHead={seenHead} />
        <tbody>
          {table.rows.map((r, i) => (
            <PidRow key={r.task} row={r} index={i} fresh={isFresh(r, step)} showSeen={seenHead !== null} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
