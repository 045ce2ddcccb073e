/**
 * The library of built-in scenarios: a disclosure button listing each one by title and about;
 * choosing one loads it at its first step (the visitor's own text it replaces is offered back). Escape
 * closes the list. The entries are fetched when the list is first opened.
 */
import { useRef, useState } from 'react';
import { useStoreApi } from './StoreContext.tsx';
import { loadLibrary, type LibraryEntry } from './library.ts';

export function LibraryMenu() {
  const store = useStoreApi();
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const [entries, setEntries] = useState<LibraryEntry[] | null>(null);
  return (
    <details
      className="menu" ref={detailsRef}
      onToggle={(e) => {
        if (e.currentTarget.open && entries === null) void loadLibrary().then(setEntries);
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !detailsRef.current?.open) return;
        detailsRef.current.open = false;
        detailsRef.current.querySelector('summary')?.focus();
      }}
    >
      <summary>Library</summary>
      <ul className="menu-list" aria-label="Built-in scenarios">
        {entries === null ? <li className="ns-dim">Loading…</li> : null}
        {(entries ?? []).map((entry) => (
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
