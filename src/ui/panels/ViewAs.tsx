/**
 * "View as": the live tasks by label, and `everything`. Choosing a task shows only what it can
 * see, with numbers as it sees them. The list holds at most LIVE_SHOWN tasks, whatever the
 * world's size; when more are alive, a search field narrows it (the engine does the matching).
 */
import { frameLabel } from '../../store/slices/frame.ts';
import type { AppState } from '../../store/store.ts';
import { useApp, useStoreApi } from '../StoreContext.tsx';

const EVERYTHING = 'everything';
const selectLive = (s: AppState) => s.live;
const selectQuery = (s: AppState) => s.taskQuery;
const selectViewer = (s: AppState) => s.viewer;
const selectViewerLabel = (s: AppState) => frameLabel(s.frame, s.viewer);

export function ViewAs() {
  const live = useApp(selectLive);
  const query = useApp(selectQuery);
  const viewer = useApp(selectViewer);
  const viewerLabel = useApp(selectViewerLabel);
  const store = useStoreApi();
  const listed = viewer === null || live.tasks.some((t) => t.id === viewer) ? live.tasks
    : [{ id: viewer, label: viewerLabel ?? `task ${viewer}` }, ...live.tasks];
  const searchable = live.matching > live.tasks.length || query !== '';
  return (
    <div className="view-as">
      <label>
        View as
        <select
          value={viewer === null ? EVERYTHING : listed.find((t) => t.id === viewer)?.label ?? EVERYTHING}
          onChange={(e) => {
            const label = e.currentTarget.value;
            store.getState().setViewer(label === EVERYTHING ? null : listed.find((t) => t.label === label)?.id ?? null);
          }}
        >
          <option value={EVERYTHING}>everything</option>
          {listed.map((t) => <option key={t.id} value={t.label}>{t.label}</option>)}
        </select>
      </label>
      {searchable ? (
        <>
          <input
            type="search"
            aria-label="Find a task to view as"
            placeholder="find a task"
            value={query}
            onChange={(e) => store.getState().findTasks(e.currentTarget.value)}
          />
          <span className="view-as-count" aria-live="polite">
            {live.matching > live.tasks.length ? `${live.tasks.length} of ${live.matching} listed` : `${live.matching} found`}
          </span>
        </>
      ) : null}
    </div>
  );
}
