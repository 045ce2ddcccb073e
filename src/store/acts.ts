/**
 * Step forward and back through the stops inside a step: a step that tears a namespace down
 * (`Loaded.actSteps`) is entered act by act (k.1, k.2, …) before its whole step k. The number of
 * acts of a step is known once its first act's frame arrived (`ActFrame.count`); until then the
 * player moves one act at a time.
 */
import type { ActFrame } from '../protocol/index.ts';

/** a place of the player: a whole step (act 0), or inside step `step` at its act `act` (-1: the last) */
export interface Place {
  step: number;
  act: number;
}

/**
 * Where one press of Step forward (+1) or Step back (-1) goes from `at`. `shown` is the act of
 * the frame on screen when it belongs to `at`'s step (it tells how many acts there are).
 */
export function stepPlace(
  at: Place, delta: 1 | -1, actSteps: readonly number[] | Int32Array, total: number, shown: ActFrame | null,
): Place {
  const index = at.act === -1 ? shown?.index ?? 1 : at.act;
  if (delta > 0) {
    if (index > 0) return shown !== null && index < shown.count ? { step: at.step, act: index + 1 } : { step: at.step, act: 0 };
    const next = Math.min(total, at.step + 1);
    return next !== at.step && actSteps.includes(next) ? { step: next, act: 1 } : { step: next, act: 0 };
  }
  if (index > 1) return { step: at.step, act: index - 1 };
  if (index === 1) return { step: at.step - 1, act: 0 };
  return actSteps.includes(at.step) ? { step: at.step, act: -1 } : { step: Math.max(0, at.step - 1), act: 0 };
}

/** `Step 5 of 15`, or inside step 5 at its second act, `Step 5.2 of 15` */
export function stepText(step: number, total: number, shown: ActFrame | null): string {
  return shown === null ? `Step ${step} of ${total}` : `Step ${step}.${shown.index} of ${total}`;
}
