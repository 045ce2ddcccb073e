import { describe, expect, it } from 'vitest';
import { readPageMode } from './mode.ts';

describe('page modes in the address', () => {
  it('reads ?embed and ?present, bare or with a value, among other parameters', () => {
    expect(readPageMode('')).toEqual({ embed: false, present: false });
    expect(readPageMode('?embed')).toEqual({ embed: true, present: false });
    expect(readPageMode('?lang=en&present=1')).toEqual({ embed: false, present: true });
  });
});
