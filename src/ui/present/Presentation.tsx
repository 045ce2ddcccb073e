/**
 * The presentation of what is on screen, for a projector: the caption as the heading, the
 * namespace tree and the pid tables filling the screen in type sized to the viewport (readable
 * from the back of a room), a question when the player stopped at one, and the player. No
 * editor, no side panels. Loaded on first use (React.lazy), with its styles.
 */
import { useEffect } from 'react';
import type { AppState } from '../../store/store.ts';
import { Alerts } from '../Alerts.tsx';
import { Caption } from '../player/Caption.tsx';
import { Player } from '../player/Player.tsx';
import { StepResult } from '../panels/StepResult.tsx';
import { useApp, useStoreApi } from '../StoreContext.tsx';
import { PidTables } from '../tables/PidTables.tsx';
import { Question } from '../teaching/Question.tsx';
import { NamespaceTree } from '../tree/NamespaceTree.tsx';
import { leavePresentation } from './enter.ts';
import { QrCode } from './QrCode.tsx';
import { usePresenterKeys } from './usePresenterKeys.ts';
import './present.css';

const selectTitle = (s: AppState) => s.loaded?.title ?? null;
const selectQr = (s: AppState) => s.qrShown;
/** no caption yet (the first steps of a scenario) and no teardown act to tell: the title heads the screen */
const selectUntold = (s: AppState) => (s.frame?.caption ?? null) === null && (s.frame?.act ?? null) === null;

export default function Presentation() {
  const store = useStoreApi();
  const title = useApp(selectTitle);
  const qrShown = useApp(selectQr);
  const untold = useApp(selectUntold);
  usePresenterKeys(store);
  useLeaveWithFullScreen();
  return (
    <div className="presentation">
      <header className="present-head">
        <p className="present-title">{untold ? 'pidns-lab' : title ?? 'pidns-lab'}</p>
        <div className="present-caption" role="heading" aria-level={1}>
          {untold ? <p className="caption">{title ?? 'pidns-lab'}</p> : <Caption />}
        </div>
        <div className="present-tools">
          <button type="button" aria-pressed={qrShown} title="QR code of this step (q)" onClick={() => store.getState().toggleQr()}>
            QR code
          </button>
          <button type="button" title="Leave the presentation (Escape)" onClick={() => leavePresentation(store)}>
            Leave presentation
          </button>
        </div>
      </header>
      <Alerts />
      <Question />
      <main className="present-stage">
        <NamespaceTree />
        <PidTables />
      </main>
      <footer className="present-foot">
        <StepResult />
        <Player />
      </footer>
      {qrShown ? <aside className="present-qr" aria-label="QR code"><QrCode /></aside> : null}
    </div>
  );
}

/** Escape in the full screen is the browser's: it ends the full screen, and the presentation with it */
function useLeaveWithFullScreen(): void {
  const store = useStoreApi();
  useEffect(() => {
    function onChange(): void {
      if (document.fullscreenElement === null && store.getState().presenting) leavePresentation(store);
    }
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [store]);
}
