/**
 * "View as": every live task by label, and `everything`. Choosing a task shows only what it can
 * see, with numbers as it sees them.
 */
import type { AppState } from '../../store/store.ts';
import { useApp, useStoreApi } from '../StoreContext.tsx';

const EVERYTHING = 'everything';
const selectTasks = (s: AppState) => s.liveTasks;
const selectViewer = (s: AppState) => s.viewer;

export function ViewAs() {
  const tasks = useApp(selectTasks);
  const viewer = useApp(selectViewer);
  const store = useStoreApi();
  const current = viewer === null ? null : tasks.find((t) => t.id === viewer) ?? null;
  return (
    <label className="view-as">
      View as
      <select
        value={current?.label ?? EVERYTHING}
        onChange={(e) => {
          const label = e.currentTarget.value;
          store.getState().setViewer(label === EVERYTHING ? null : tasks.find((t) => t.label === label)?.id ?? null);
        }}
      >
        <option value={EVERYTHING}>everything</option>
        {tasks.map((t) => <option key={t.id} value={t.label}>{t.label}</option>)}
      </select>
    </label>
  );
}
