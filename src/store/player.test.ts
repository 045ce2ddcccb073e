import { describe, expect, it } from 'vitest';
import { advance, firstPauseIn } from './player.ts';

const clock = { step: 0, total: 10, speed: 2, carry: 0, pauses: [] as number[] };

describe('advance', () => {
  it('moves by speed × time and carries the fraction', () => {
    expect(advance(clock, 750)).toEqual({ step: 1, carry: 0.5, stop: false });
    expect(advance({ ...clock, step: 1, carry: 0.5 }, 250)).toEqual({ step: 2, carry: 0, stop: false });
  });

  it('stops on the last step', () => {
    expect(advance({ ...clock, step: 9 }, 5000)).toEqual({ step: 10, carry: 0, stop: true });
  });

  it('stops on a pause point and can go on from it', () => {
    const paused = { ...clock, pauses: [3, 7] };
    expect(advance({ ...paused, step: 2 }, 5000)).toEqual({ step: 3, carry: 0, stop: true });
    expect(advance({ ...paused, step: 3 }, 1000)).toEqual({ step: 5, carry: 0, stop: false });
  });
});

describe('firstPauseIn', () => {
  it('finds the first pause strictly after from and at most to', () => {
    const pauses = [2, 4, 8];
    expect(firstPauseIn(pauses, 2, 8)).toBe(4);
    expect(firstPauseIn(pauses, 0, 1)).toBeNull();
    expect(firstPauseIn(pauses, 8, 100)).toBeNull();
    expect(firstPauseIn(pauses, 1, 2)).toBe(2);
  });
});
