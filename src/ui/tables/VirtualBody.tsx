/**
 * The body of a pid table above VIRTUAL_FROM rows: only the rows in view are in the document
 * (the engine sends only those); `aria-rowcount` gives the full count. Loaded only when a table
 * that big is first shown (the virtualiser is not in the page's first load).
 */
import { useContext, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { RowFrame, TableFrame } from '../../protocol/index.ts';
import { ViewNamesContext } from '../viewNames.ts';
import { PidRow } from './PidRow.tsx';
import { Head, isFresh, useWindow, type BodyProps } from './tableParts.tsx';

const ROW_H = 25;
const PAGE = 50;

export default function VirtualBody({ table, name, step, seenHead }: BodyProps) {
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

function rowAt(table: TableFrame, index: number): RowFrame | undefined {
  return table.rows[index - table.start];
}
