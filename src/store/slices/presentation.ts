/**
 * The presentation: entered and left (Present, `p`, Escape; a `?present` link opens in it), and
 * the QR code of the current link shown on request. An embedded page (`?embed`) stays a
 * read-only player: it never presents.
 */
import type { PresentationState, SliceContext } from '../state.ts';

export function createPresentationSlice(ctx: SliceContext<PresentationState>): PresentationState {
  const mode = ctx.deps.mode ?? { embed: false, present: false };
  return {
    embed: mode.embed,
    presenting: mode.present && !mode.embed,
    qrShown: false,
    present() {
      if (!ctx.get().embed) ctx.set({ presenting: true });
    },
    leavePresentation() {
      ctx.set({ presenting: false, qrShown: false });
    },
    toggleQr() {
      ctx.set({ qrShown: !ctx.get().qrShown });
    },
  };
}
