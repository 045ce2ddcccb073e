/**
 * One row of a pid table. It re-renders when its own row changes (the store keeps an unchanged
 * row's object from frame to frame) or when it becomes (or stops being) the hovered or selected
 * task; hovering or focusing it highlights the same task in every table and in the tree.
 */
import { memo, useCallback, useContext } from 'react';
import type { AppState } from '../../store/store.ts';
import type { RowFrame } from '../../protocol/index.ts';
import { useApp, useStoreApi } from '../StoreContext.tsx';
import { ViewNamesContext } from '../viewNames.ts';

interface Props {
  row: RowFrame;
  index: number;
  fresh: boolean;
  showSeen: boolean;
}

export const PidRow = memo(function PidRow({ row, index, fresh, showSeen }: Props) {
  const hot = useApp(useCallback((s: AppState) => s.hoveredTask === row.task, [row.task]));
  const chosen = useApp(useCallback((s: AppState) => s.selectedTask === row.task, [row.task]));
  const store = useStoreApi();
  const { interactive } = useContext(ViewNamesContext);
  const classes = [row.stat === 'Z' ? 'zombie' : '', row.stat === 'T' ? 'stopped' : '', hot ? 'hot' : '',
    chosen ? 'chosen' : '', fresh ? 'fresh' : ''].filter(Boolean).join(' ');
  const hover = (on: boolean) => () => store.getState().hoverTask(on ? row.task : null);
  return (
    <tr
      aria-rowindex={index + 2}
      aria-selected={chosen}
      className={classes}
      onMouseEnter={hover(true)}
      onMouseLeave={hover(false)}
      onClick={() => store.getState().selectTask(row.task)}
    >
      <td className="num">{row.pid}</td>
      <td className="num">{row.ppid}</td>
      <td className="num">{row.pgid}</td>
      <td className="num">{row.sid}</td>
      <td className="stat">{row.stat}</td>
      <td className="cmd" title={row.cmd}>{row.cmd}</td>
      <td>
        {interactive ? (
          <button type="button" className="link" onFocus={hover(true)} onBlur={hover(false)} aria-label={`Inspect ${row.label}`}>
            {row.label}
          </button>
        ) : row.label}
      </td>
      {showSeen ? <td className="num">{row.seenAs ?? ''}</td> : null}
    </tr>
  );
});
