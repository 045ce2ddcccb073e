/**
 * Entering and leaving the presentation from a control. Entering asks for the full screen too
 * (a projector shows nothing else); the browser may refuse, and the presentation works without
 * it. Leaving ends the full screen, and drops `?present` from the address so that a reload
 * opens the page as it now is.
 */
import { pageAddress } from '../../scenario/index.ts';
import type { AppStore } from '../../store/store.ts';

export function enterPresentation(store: AppStore): void {
  store.getState().present();
  if (document.fullscreenElement === null && document.fullscreenEnabled) {
    document.documentElement.requestFullscreen().catch(() => undefined);
  }
}

export function leavePresentation(store: AppStore): void {
  store.getState().leavePresentation();
  if (document.fullscreenElement !== null) document.exitFullscreen().catch(() => undefined);
  const plain = `${pageAddress(window.location.href, null)}${window.location.hash}`;
  if (plain !== window.location.href) window.history.replaceState(null, '', plain);
}
