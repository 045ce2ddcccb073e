/**
 * A short guide on a first visit: the player, the tables, the library. Dismissed once, it stays
 * dismissed (localStorage); it is never shown in a presentation or an embedded player, and a
 * browser that refuses storage simply shows it until it is closed.
 */
import { useState } from 'react';
import './guide.css';

export const GUIDE_SEEN_KEY = 'pidns-lab:guide-seen';

function seen(): boolean {
  try {
    return window.localStorage.getItem(GUIDE_SEEN_KEY) !== null;
  } catch {
    return false;
  }
}

function remember(): void {
  try {
    window.localStorage.setItem(GUIDE_SEEN_KEY, '1');
  } catch {
    // storage refused (private mode, full): the guide closes for this visit only
  }
}

export function FirstVisitGuide() {
  const [open, setOpen] = useState(() => !seen());
  if (!open) return null;
  return (
    <section className="guide" aria-label="Getting started">
      <h2>New here? Three things</h2>
      <ol>
        <li><strong>The player</strong> runs the scenario one statement at a time: Play, or step with ← and →.</li>
        <li><strong>The pid tables</strong> show what <code>ps</code> prints inside each namespace: one process, a pid per namespace.</li>
        <li><strong>The library</strong> at the top has ready-made scenarios; change the scenario text to make your own.</li>
      </ol>
      <button
        type="button" className="primary"
        onClick={() => {
          remember();
          setOpen(false);
        }}
      >
        Got it
      </button>
    </section>
  );
}
