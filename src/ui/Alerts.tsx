/**
 * The one `alert` region: a scenario error (with its line), a bad link, an engine crash. It is
 * rendered only when there is something to say, so an empty alert never shows.
 */
import type { AppState } from '../store/store.ts';
import { useApp, useStoreApi } from './StoreContext.tsx';

const selectNotice = (s: AppState) => s.notice;
const selectError = (s: AppState) => s.loaded?.error ?? null;

export function Alerts() {
  const notice = useApp(selectNotice);
  const error = useApp(selectError);
  const store = useStoreApi();
  if (notice === null && error === null) return null;
  return (
    <div role="alert" className="alert">
      {error ? <p>Scenario error: line {error.line}: {error.message}</p> : null}
      {notice ? (
        <p>
          {notice}{' '}
          <button type="button" className="link" onClick={() => store.getState().setNotice(null)}>Dismiss</button>
        </p>
      ) : null}
    </div>
  );
}
