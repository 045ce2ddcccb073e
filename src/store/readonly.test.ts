import { describe, expect, it } from 'vitest';
import type { AppState } from './state.ts';
import { stillStore } from './readonly.ts';

describe('stillStore', () => {
  it('shows the state with the patch over it, and its actions change nothing', () => {
    let called = false;
    const from = { step: 3, selectedNs: 1, selectNs: () => { called = true; } } as unknown as AppState;
    const still = stillStore(from, { selectedNs: null });
    expect(still.getState()).toMatchObject({ step: 3, selectedNs: null });
    still.getState().selectNs(2);
    expect(called).toBe(false);
    expect(still.getState().selectedNs).toBeNull();
  });
});
