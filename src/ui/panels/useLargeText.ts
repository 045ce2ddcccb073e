/**
 * The large-text editor (LargeText, CodeMirror), fetched the first time a text needs it: the
 * first load of the page does not carry it. If it cannot be fetched (offline before it was
 * ever cached), the textarea takes its place: slow on a long text, but the text stays editable.
 */
import { useEffect, useState, type ComponentType } from 'react';
import { PlainText } from './PlainText.tsx';
import type { SurfaceProps } from './textSurface.ts';

type Surface = ComponentType<SurfaceProps>;

let fetched: Surface | null = null;

export function useLargeText(wanted: boolean): Surface | null {
  const [large, setLarge] = useState<Surface | null>(fetched);
  useEffect(() => {
    if (!wanted || large) return undefined;
    let live = true;
    const settle = (surface: Surface) => {
      if (live) setLarge(() => surface);
    };
    import('./LargeText.tsx').then((m) => {
      fetched = m.LargeText;
      settle(m.LargeText);
    }, () => settle(PlainText));
    return () => {
      live = false;
    };
  }, [wanted, large]);
  return large;
}
