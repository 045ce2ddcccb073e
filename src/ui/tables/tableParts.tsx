/**
 * What both bodies of a pid table share: the header row, the window of rows the table asks the
 * engine for, and the brief highlight of a row created by the step shown.
 */
import { useEffect } from 'react';
import type { RowFrame, TableFrame } from '../../protocol/index.ts';
import { useStoreApi } from '../StoreContext.tsx';

export interface BodyProps {
  table: TableFrame;
  name: string;
  step: number;
  seenHead: string | null;
}

export function Head({ seenHead }: { seenHead: string | null }) {
  return (
    <thead>
      <tr aria-rowindex={1}>
        {['PID', 'PPID', 'PGID', 'SID', 'STAT', 'CMD', 'TASK'].map((h) => <th key={h} scope="col">{h}</th>)}
        {seenHead !== null ? <th scope="col">{`PID for ${seenHead}`}</th> : null}
      </tr>
    </thead>
  );
}

export function useWindow(ns: number, start: number, count: number): void {
  const store = useStoreApi();
  useEffect(() => store.getState().setWindow({ ns, start, count }), [store, ns, start, count]);
}

export function isFresh(row: RowFrame, step: number): boolean {
  return step > 0 && row.born === step;
}
