/**
 * The read-only player for another site's <iframe> (`?embed`): the caption, a question when the
 * player stopped at one, the player, the namespace tree and the pid tables — no editor, no
 * toolbar, no actions. `Open in pidns-lab` opens the full page on the same step and view, in a
 * new tab (the course page stays where it was).
 */
import type { AppState } from '../../store/store.ts';
import { Alerts } from '../Alerts.tsx';
import { Caption } from '../player/Caption.tsx';
import { Player } from '../player/Player.tsx';
import { StepResult } from '../panels/StepResult.tsx';
import { useCurrentLink } from '../share/useCurrentLink.ts';
import { useApp } from '../StoreContext.tsx';
import { PidTables } from '../tables/PidTables.tsx';
import { Question } from '../teaching/Question.tsx';
import { NamespaceTree } from '../tree/NamespaceTree.tsx';
import './embed.css';

const selectTitle = (s: AppState) => s.loaded?.title ?? null;

export function EmbedView() {
  const title = useApp(selectTitle);
  const full = useCurrentLink(null);
  return (
    <>
      <header className="embed-head">
        <span className="scenario-title">{title ?? 'pidns-lab'}</span>
        <a href={full} target="_blank" rel="noopener">Open in pidns-lab</a>
      </header>
      <Alerts />
      <Player />
      <Caption />
      <StepResult />
      <Question />
      <main className="embed-stage">
        <NamespaceTree />
        <PidTables />
      </main>
    </>
  );
}
