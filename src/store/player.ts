/**
 * Autoplay arithmetic, kept pure so it can be tested without a clock: given where the player is
 * and how much time passed, where it should be next. Invariant: autoplay never passes a `pause`
 * point (it stops on it) nor the last step.
 */

export interface PlayClock {
  step: number;
  total: number;
  /** steps per second */
  speed: number;
  /** fraction of a step carried over from the previous tick */
  carry: number;
  /** sorted steps where autoplay stops */
  pauses: ArrayLike<number>;
}

export interface Advanced {
  step: number;
  carry: number;
  stop: boolean;
}

export function advance(clock: PlayClock, elapsedMs: number): Advanced {
  const budget = clock.carry + (clock.speed * Math.max(0, elapsedMs)) / 1000;
  const whole = Math.floor(budget);
  const target = Math.min(clock.total, clock.step + whole);
  const pause = firstPauseIn(clock.pauses, clock.step, target);
  if (pause !== null) return { step: pause, carry: 0, stop: true };
  if (target >= clock.total) return { step: clock.total, carry: 0, stop: true };
  return { step: target, carry: budget - whole, stop: false };
}

/** the first pause point p with from < p <= to, by binary search (pauses may be many) */
export function firstPauseIn(pauses: ArrayLike<number>, from: number, to: number): number | null {
  let lo = 0;
  let hi = pauses.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((pauses[mid] ?? Infinity) <= from) lo = mid + 1;
    else hi = mid;
  }
  const p = pauses[lo];
  return p !== undefined && p <= to ? p : null;
}

/** the speeds offered, in steps per second */
export const SPEEDS = [1, 2, 5, 20, 100, 1000, 20000] as const;
export const DEFAULT_SPEED = 2;
