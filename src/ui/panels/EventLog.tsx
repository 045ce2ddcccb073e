/**
 * The event log (a `log` region named "Events" wrapping a list): one plain sentence per kernel event up to the
 * current step, newest last; each one is a button that jumps to the step that caused it.
 */
import type { AppState } from '../../store/store.ts';
import type { EventLine } from '../../protocol/index.ts';
import { useApp, useStoreApi } from '../StoreContext.tsx';

const NONE: EventLine[] = [];
const selectEvents = (s: AppState) => s.frame?.events ?? NONE;

export function EventLog() {
  const events = useApp(selectEvents);
  const store = useStoreApi();
  return (
    <section className="panel log-panel" aria-labelledby="log-heading">
      <h2 id="log-heading">Events</h2>
      {/* The scroller is column-reverse so it stays at the newest entry without reading layout;
          the list inside keeps chronological order. */}
      <div className="event-scroll" role="log" aria-label="Events">
      {/* list-style none takes list semantics away in some screen readers: say it is a list */}
      <ol className="event-log" role="list">
        {events.length === 0 ? <li className="ns-dim">Nothing has happened yet.</li> : null}
        {events.map((e) => (
          <li key={e.seq}>
            <button type="button" className="event" onClick={() => store.getState().seek(e.step)}>
              <span className="event-step">{e.step}</span> {e.text}
            </button>
          </li>
        ))}
      </ol>
      </div>
    </section>
  );
}
