import { describe, expect, it } from 'vitest';
import type { PresentationState, SliceContext, StoreDeps } from '../state.ts';
import { createPresentationSlice } from './presentation.ts';

function slice(mode?: StoreDeps['mode']) {
  let state: PresentationState;
  const ctx = {
    get: () => state,
    set: (patch: Partial<PresentationState>) => { state = { ...state, ...patch }; },
    deps: { mode } as StoreDeps,
  } as SliceContext<PresentationState>;
  state = createPresentationSlice(ctx);
  return () => state;
}

describe('presentation slice', () => {
  it('starts on the page, presents, shows the QR code, and leaving hides it', () => {
    const s = slice();
    expect(s()).toMatchObject({ embed: false, presenting: false, qrShown: false });
    s().present();
    s().toggleQr();
    expect(s()).toMatchObject({ presenting: true, qrShown: true });
    s().leavePresentation();
    expect(s()).toMatchObject({ presenting: false, qrShown: false });
  });
  it('a ?present link opens in the presentation', () => {
    expect(slice({ embed: false, present: true })().presenting).toBe(true);
  });
  it('an embedded player never presents, even when asked', () => {
    const s = slice({ embed: true, present: true });
    expect(s().presenting).toBe(false);
    s().present();
    expect(s()).toMatchObject({ embed: true, presenting: false });
  });
});
