import { describe, expect, it } from 'vitest';
import { readPageMode, withMode } from './mode.ts';

describe('page modes in the address', () => {
  it('reads ?embed and ?present, bare or with a value, among other parameters', () => {
    expect(readPageMode('')).toEqual({ embed: false, present: false });
    expect(readPageMode('?embed')).toEqual({ embed: true, present: false });
    expect(readPageMode('?lang=en&present=1')).toEqual({ embed: false, present: true });
  });
  it('adds, swaps or drops the mode and keeps the path and other parameters, fragment dropped', () => {
    const base = 'https://example.org/courses/os/pidns/';
    expect(withMode(`${base}#v1.zAB.cd`, 'embed')).toBe(`${base}?embed`);
    expect(withMode(`${base}?embed#v1.zAB.cd`, 'present')).toBe(`${base}?present`);
    expect(withMode(`${base}?present`, null)).toBe(base);
    expect(withMode(`${base}index.html?lang=en&embed`, null)).toBe(`${base}index.html?lang=en`);
    expect(withMode(`${base}index.html?lang=en`, 'embed')).toBe(`${base}index.html?lang=en&embed`);
  });
  it('works from a file on disk too', () => {
    expect(withMode('file:///home/t/pidns/index.html#v1.p.x', 'embed')).toBe('file:///home/t/pidns/index.html?embed');
  });
});
