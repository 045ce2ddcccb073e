/**
 * The scenario's `##` narration at the current step: the captions of the last point at or
 * before it.
 */
import type { AppState } from '../../store/store.ts';
import { useApp } from '../StoreContext.tsx';

const selectCaption = (s: AppState): string | null => captionAt(s.loaded?.captions ?? [], s.step);

/** the captions of the last point reached (several `##` lines in a row are shown together) */
export function captionAt(captions: readonly { step: number; text: string }[], step: number): string | null {
  let at = -1;
  for (const c of captions) {
    if (c.step > step) break;
    at = c.step;
  }
  const shown = captions.filter((c) => c.step === at).map((c) => c.text);
  return shown.length === 0 ? null : shown.join(' ');
}

export function Caption() {
  const caption = useApp(selectCaption);
  return (
    <p className="caption" aria-live="polite">
      {caption ?? '\u00a0'}
    </p>
  );
}
