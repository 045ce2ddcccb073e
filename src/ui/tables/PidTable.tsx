/**
 * The pid table of one namespace: what `ps -e -o pid,ppid,pgid,sid,stat,cmd` shows inside it,
 * ascending by pid. Up to VIRTUAL_FROM rows it is a plain table; beyond, only the rows in view
 * are in the document (the engine sends only those), and `aria-rowcount` gives the full count.
 */
import { memo, useCallback, useContext, useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { AppState } from '../../store/store.ts';
import type { RowFrame, TableFrame } from '../../protocol/index.ts';
import { useApp, useStoreApi } from '../StoreContext.tsx';
import { ViewNamesContext } from '../viewNames.ts';
import { PidRow } from './PidRow.tsx';

export const VIRTUAL_FROM = 200;
const ROW_H = 25;
const PAGE = 50;

const selectStep = (s: AppState) => s.frame?.step ?? 0;
const selectViewerLabel = (s: AppState) =>
  s.viewer === null ? null : (s.loaded?.labels[s.viewer] ?? `task ${s.viewer}`);

export const PidTable = memo(function PidTable({ ns, name, dimmed }: { ns: number; name: string; dimmed: boolean }) {
  const table = useApp(useCallback((s: AppState) => s.frame?.tables.find((t) => t.ns === ns) ?? null, [ns]));
  const step = useApp(selectStep);
  const viewerLabel = useApp(selectViewerLabel);
  if (!table) return null;
  const showSeen = viewerLabel !== null && table.rows.some((r) => r.seenAs !== null);
  return (
    <figure className={`pid-table${dimmed ? ' dimmed' : ''}`} data-ns={ns}>
      <figcaption>
        {name} <span className="ns-dim">{table.count} process{table.count === 1 ? '' : 'es'}</span>
      </figcaption>
      {table.count > VIRTUAL_FROM
        ? <VirtualBody table={table} name={name} step={step} seenHead={showSeen ? viewerLabel : null} />
        : <PlainBody table={table} name={name} step={step} seenHead={showSeen ? viewerLabel : null} />}
    </figure>
  );
});

interface BodyProps {
  table: TableFrame;
  name: string;
  step: number;
  seenHead: string | null;
}

function Head({ seenHead }: { seenHead: string | null }) {
  return (
    <thead>
      <tr aria-rowindex={1}>
        {['PID', 'PPID', 'PGID', 'SID', 'STAT', 'CMD', 'TASK'].map((h) => <th key={h} scope="col">{h}</th>)}
        {seenHead !== null ? <th scope="col">{`PID for ${seenHead}`}</th> : null}
      </tr>
    </thead>
  );
}

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

function VirtualBody({ table, name, step, seenHead }: BodyProps) {
  const names = useContext(ViewNamesContext);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: table.count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_H,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const pageStart = Math.max(0, Math.floor(first / PAGE) * PAGE - PAGE);
  useWindow(table.ns, pageStart, 3 * PAGE);
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <div className="table-scroll virtual" ref={scrollRef} tabIndex={0} aria-label={`${name} table, scrollable`}>
      <table aria-label={names.table(name)} aria-rowcount={table.count + 1}>
        <Head seenHead={seenHead} />
        <tbody>
          {top > 0 ? <tr aria-hidden="true" style={{ height: top }} /> : null}
          {items.map((item) => {
            const row = rowAt(table, item.index);
            return row
              ? <PidRow key={row.task} row={row} index={item.index} fresh={isFresh(row, step)} showSeen={seenHead !== null} />
              : <tr key={`gap-${item.index}`} aria-rowindex={item.index + 2} className="loading-row"><td colSpan={7}>…</td></tr>;
          })}
          {bottom > 0 ? <tr aria-hidden="true" style={{ height: bottom }} /> : null}
        </tbody>
      </table>
    </div>
  );
}

function useWindow(ns: number, start: number, count: number): void {
  const store = useStoreApi();
  useEffect(() => store.getState().setWindow({ ns, start, count }), [store, ns, start, count]);
}

function rowAt(table: TableFrame, index: number): RowFrame | undefined {
  return table.rows[index - table.start];
}

function isFresh(row: RowFrame, step: number): boolean {
  return step > 0 && row.born === step;
}
