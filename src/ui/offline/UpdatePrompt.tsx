/**
 * A new version of the page has been downloaded: say so, and reload on request (never on its
 * own: the visitor may be in the middle of something).
 */
import { useWaitingUpdate } from './updates.ts';
import './offline.css';

export function UpdatePrompt() {
  const reload = useWaitingUpdate();
  if (reload === null) return null;
  return (
    // not role=status: the page has one status, the step counter
    <p className="update-prompt" aria-live="polite">
      A new version of pidns-lab is ready.{' '}
      <button type="button" onClick={reload}>Reload to update</button>
    </p>
  );
}
