/**
 * The scenario's `##` narration at the current step: the last caption at or before it.
 */
import type { AppState } from '../../store/store.ts';
import { useApp } from '../StoreContext.tsx';

const selectCaption = (s: AppState): string | null => captionAt(s.loaded?.captions ?? [], s.step);

export function captionAt(captions: readonly { step: number; text: string }[], step: number): string | null {
  let found: string | null = null;
  for (const c of captions) {
    if (c.step > step) break;
    found = c.text;
  }
  return found;
}

export function Caption() {
  const caption = useApp(selectCaption);
  return (
    <p className="caption" aria-live="polite">
      {caption ?? '\u00a0'}
    </p>
  );
}
