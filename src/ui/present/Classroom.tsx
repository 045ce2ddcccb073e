/**
 * The page shown otherwise than in full: the presentation (loaded on first use) or the embedded
 * read-only player. Like the full page, its root carries the step of the frame on screen.
 */
import { lazy, Suspense } from 'react';
import { EmbedView } from '../embed/EmbedView.tsx';
import { UpdatePrompt } from '../offline/UpdatePrompt.tsx';

const Presentation = lazy(() => import('./Presentation.tsx'));

export function Classroom({ as, frameStep, busy }: { as: 'present' | 'embed'; frameStep: number; busy: boolean }) {
  return (
    <div className={`app ${as === 'present' ? 'presenting' : 'embedded'}`} data-frame-step={frameStep} aria-busy={busy}>
      {as === 'present' ? (
        <Suspense fallback={<p className="opening">Opening the presentation…</p>}>
          <Presentation />
        </Suspense>
      ) : (
        <EmbedView />
      )}
      <UpdatePrompt />
    </div>
  );
}
