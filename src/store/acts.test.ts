import { describe, expect, it } from 'vitest';
import { stepPlace, stepText } from './acts.ts';

const acts = (index: number, count = 2) => ({ index, count, act: 'killed' as const, ns: 'ns1' });

describe('stepping through the acts of a teardown', () => {
  it('enters a teardown step at its first act, then goes act by act to the whole step', () => {
    expect(stepPlace({ step: 5, act: 0 }, 1, [6], 9, null)).toEqual({ step: 6, act: 1 });
    expect(stepPlace({ step: 6, act: 1 }, 1, [6], 9, acts(1))).toEqual({ step: 6, act: 2 });
    expect(stepPlace({ step: 6, act: 2 }, 1, [6], 9, acts(2))).toEqual({ step: 6, act: 0 });
    expect(stepPlace({ step: 6, act: 0 }, 1, [6], 9, null)).toEqual({ step: 7, act: 0 });
  });

  it('goes back the same way: the whole step, its last act, …, the step before', () => {
    expect(stepPlace({ step: 6, act: 0 }, -1, [6], 9, null)).toEqual({ step: 6, act: -1 });
    expect(stepPlace({ step: 6, act: -1 }, -1, [6], 9, acts(2))).toEqual({ step: 6, act: 1 });
    expect(stepPlace({ step: 6, act: 1 }, -1, [6], 9, acts(1))).toEqual({ step: 5, act: 0 });
    expect(stepPlace({ step: 3, act: 0 }, -1, [6], 9, null)).toEqual({ step: 2, act: 0 });
  });

  it('stays at the ends', () => {
    expect(stepPlace({ step: 9, act: 0 }, 1, [6], 9, null)).toEqual({ step: 9, act: 0 });
    expect(stepPlace({ step: 0, act: 0 }, -1, [6], 9, null)).toEqual({ step: 0, act: 0 });
  });

  it('counts whole steps as Step N of M and acts as Step N.i of M', () => {
    expect(stepText(6, 9, null)).toBe('Step 6 of 9');
    expect(stepText(6, 9, acts(2))).toBe('Step 6.2 of 9');
  });
});
