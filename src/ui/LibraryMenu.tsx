/**
 * The library of built-in scenarios: a disclosure button listing each one by title and about;
 * choosing one loads it at its first step (the visitor's own text it replaces is offered back). Escape
 * closes the list.
 */
import { useRef } from 'react';
import { useStoreApi } from './StoreContext.tsx';
import { LIBRARY } from './library.ts';

export function LibraryMenu() {
  const store = useStoreApi();
  const detailsRef = useRef<HTMLDetailsElement>(null);
  return (
    <details
      className="menu" ref={detailsRef}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !detailsRef.current?.open) return;
        detailsRef.current.open = false;
        detailsRef.current.querySelector('summary')?.focus();
      }}
    >
      <summary>Library</summary>
      <ul className="menu-list" aria-label="Built-in scenarios">
        {LIBRARY.map((entry) => (
          <li key={entry.file}>
            <button
              type="button"
              onClick={() => {
                if (detailsRef.current) detailsRef.current.open = false;
                void store.getState().replaceText(entry.text, 'first', { viewer: null, selectedTask: null, selectedNs: null });
              }}
            >
              <strong>{entry.title}</strong>
              <span className="ns-dim">{entry.about}</span>
              {entry.checked !== null ? <span className="checked">✓ checked against {entry.checked}</span> : null}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
