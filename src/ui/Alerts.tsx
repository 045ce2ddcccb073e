/**
 * The one `alert` region: a scenario error (with its line), an internal error of the engine (a
 * bug: the steps before it still play), a bad link, an engine crash. It is rendered only when
 * there is something to say, so an empty alert never shows.
 */
import type { AppState } from '../store/store.ts';
import { useApp, useStoreApi } from './StoreContext.tsx';

const selectNotice = (s: AppState) => s.notice;
const selectError = (s: AppState) => s.loaded?.error ?? null;
const selectInternal = (s: AppState) => s.loaded?.internal ?? null;

export function Alerts() {
  const notice = useApp(selectNotice);
  const error = useApp(selectError);
  const internal = useApp(selectInternal);
  const store = useStoreApi();
  if (notice === null && error === null && internal === null) return null;
  return (
    <div role="alert" className="alert">
      {error ? <p>Scenario error: line {error.line}: {error.message}</p> : null}
      {internal ? <p>{internal.message} (a bug in pidns-lab, not in the scenario; the steps before it still play)</p> : null}
      {notice ? (
        <p>
          {notice}{' '}
          <button type="button" className="link" onClick={() => store.getState().setNotice(null)}>Dismiss</button>
        </p>
      ) : null}
    </div>
  );
}
