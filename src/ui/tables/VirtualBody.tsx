/**
 * The body of a pid table above VIRTUAL_FROM rows: only the rows in view are in the document
 * (the engine sends only those); `aria-rowcount` gives the full count. Rows have one fixed
 * height, so the rows in view follow from the scroll position alone (rowWindow.ts): nothing here
 * grows with the table, a million rows cost what fifty do. Loaded only when a table that big is
 * first shown.
 */
import { useContext, useState } from 'react';
import { ViewNamesContext } from '../viewNames.ts';
import { PidRow } from './PidRow.tsx';
import { ROW_H, rowWindow } from './rowWindow.ts';
import { Head, isFresh, useWindow, type BodyProps } from './tableParts.tsx';

const PAGE = 50;
/** rows in view when the scroll box has not been measured yet */
const GUESS_ROWS = 24;

export default function VirtualBody({ table, name, step, seenHead }: BodyProps) {
  const names = useContext(ViewNamesContext);
  const [view, setView] = useState({ top: 0, height: GUESS_ROWS * ROW_H });
  const { first, last, top, bottom } = rowWindow(view.top, view.height, table.count);
  const pageStart = Math.max(0, Math.floor(first / PAGE) * PAGE - PAGE);
  useWindow(table.ns, pageStart, 3 * PAGE);
  const shown = Array.from({ length: Math.max(0, last - first) }, (_, k) => first + k);
  return (
    <div
      className="table-scroll virtual" tabIndex={0} aria-label={`${name} table, scrollable`}
      onScroll={(e) => setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
    >
      <table aria-label={names.table(name)} aria-rowcount={table.count + 1}>
        <Head seenHead={seenHead} />
        <tbody>
          {top > 0 ? <tr aria-hidden="true" style={{ height: top }} /> : null}
          {shown.map((index) => {
            const row = table.rows[index - table.start];
            return row
              ? <PidRow key={row.task} row={row} index={index} fresh={isFresh(row, step)} showSeen={seenHead !== null} />
              : <tr key={`gap-${index}`} aria-rowindex={index + 2} className="loading-row"><td colSpan={7}>…</td></tr>;
          })}
          {bottom > 0 ? <tr aria-hidden="true" style={{ height: bottom }} /> : null}
        </tbody>
      </table>
    </div>
  );
}
