/**
 * The event log (role `log`, name "Events"): one plain sentence per kernel event up to the
 * current step, newest last; each one is a button that jumps to the step that caused it.
 */
import { useEffect, useRef } from 'react';
import type { AppState } from '../../store/store.ts';
import type { EventLine } from '../../worker/protocol.ts';
import { useApp, useStoreApi } from '../StoreContext.tsx';

const NONE: EventLine[] = [];
const selectEvents = (s: AppState) => s.frame?.events ?? NONE;

export function EventLog() {
  const events = useApp(selectEvents);
  const store = useStoreApi();
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [events]);
  return (
    <section className="panel log-panel" aria-labelledby="log-heading">
      <h2 id="log-heading">Events</h2>
      <ol role="log" aria-label="Events" className="event-log" ref={listRef}>
        {events.length === 0 ? <li className="ns-dim">Nothing has happened yet.</li> : null}
        {events.map((e, i) => (
          <li key={`${e.step}-${i}`}>
            <button type="button" className="event" onClick={() => store.getState().seek(e.step)}>
              <span className="event-step">{e.step}</span> {e.text}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
