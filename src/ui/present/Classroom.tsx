/**
 * The page shown otherwise than in full: the presentation or the embedded read-only player
 * (each loaded when first shown: the full page's first load carries neither). Like the full
 * page, its root carries the step of the frame on screen.
 */
import { lazy, Suspense } from 'react';
import { UpdatePrompt } from '../offline/UpdatePrompt.tsx';

const Presentation = lazy(() => import('./Presentation.tsx'));
const EmbedView = lazy(() => import('../embed/EmbedView.tsx').then((m) => ({ default: m.EmbedView })));

export function Classroom({ as, frameStep, busy }: { as: 'present' | 'embed'; frameStep: number; busy: boolean }) {
  return (
    <div className={`app ${as === 'present' ? 'presenting' : 'embedded'}`} data-frame-step={frameStep} aria-busy={busy}>
      {as === 'present' ? (
        <Suspense fallback={<p className="opening">Opening the presentation…</p>}>
          <Presentation />
        </Suspense>
      ) : (
        <Suspense fallback={<p className="opening">Opening the player…</p>}>
          <EmbedView />
        </Suspense>
      )}
      <UpdatePrompt />
    </div>
  );
}
