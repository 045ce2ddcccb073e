/**
 * The engine's last picture. Rows are kept by id: a row that shows the same as in the frame
 * before keeps that frame's object, so a table row (memoised on its row object) re-renders only
 * when it changed, and the "View as" list keeps its identity while it does not change.
 */
import type { TaskId } from '../../kernel/index.ts';
import type { Frame, LiveList, RowFrame, TableFrame } from '../../protocol/index.ts';
import type { FrameState } from '../state.ts';

export const initialFrameState: FrameState = { frame: null, live: { tasks: [], matching: 0 } };

/** the state after `next` arrived, given what was shown before */
export function receiveFrame(before: FrameState, next: Frame): FrameState {
  const frame = { ...next, tables: next.tables.map((t) => keepRows(before.frame, t)) };
  if (!next.liveTasks) return { frame, live: before.live };
  return { frame, live: sameLive(before.live, next.liveTasks) ? before.live : next.liveTasks };
}

function keepRows(before: Frame | null, table: TableFrame): TableFrame {
  const old = before?.tables.find((t) => t.ns === table.ns);
  if (!old) return table;
  const byTask = new Map(old.rows.map((r) => [r.task, r]));
  return {
    ...table,
    rows: table.rows.map((r) => {
      const kept = byTask.get(r.task);
      return kept && sameRow(kept, r) ? kept : r;
    }),
  };
}

/** rows are flat records of primitives: equal when every field is */
function sameRow(a: RowFrame, b: RowFrame): boolean {
  const keys = Object.keys(a) as (keyof RowFrame)[];
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

function sameLive(a: LiveList, b: LiveList): boolean {
  return a.matching === b.matching && a.tasks.length === b.tasks.length &&
    a.tasks.every((t, i) => t.id === b.tasks[i]?.id && t.label === b.tasks[i]?.label);
}

/** task `id`'s label, as the last frame gave it for the viewer or the inspected task (null: the
 * frame was not asked about it — not yet arrived, or no such task) */
export function frameLabel(frame: Frame | null, id: TaskId | null): string | null {
  return id === null ? null : frame?.labels.find((t) => t.id === id)?.label ?? null;
}

/** what a link takes from the frame, as one comparable value: a link follows it when it changes */
export function frameLabelsKey(frame: Frame | null): string {
  return frame?.labels.map((t) => `${t.id}:${t.label}`).join(' ') ?? '';
}
