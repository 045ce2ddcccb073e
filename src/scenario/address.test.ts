import { describe, expect, it } from 'vitest';
import { pageAddress } from './address.ts';

describe('page address of a share link', () => {
  const base = 'https://example.org/courses/os/pidns/';
  it('adds, swaps or drops the mode, fragment dropped', () => {
    expect(pageAddress(`${base}#v1.zAB.cd`, 'embed')).toBe(`${base}?embed`);
    expect(pageAddress(`${base}?embed#v1.zAB.cd`, 'present')).toBe(`${base}?present`);
    expect(pageAddress(`${base}?present`, null)).toBe(base);
  });
  it('keeps the path, the file and other parameters', () => {
    expect(pageAddress(`${base}index.html?lang=en&embed`, null)).toBe(`${base}index.html?lang=en`);
    expect(pageAddress(`${base}index.html?lang=en`, 'embed')).toBe(`${base}index.html?lang=en&embed`);
    expect(pageAddress('file:///home/t/pidns/index.html#v1.p.x', 'embed')).toBe('file:///home/t/pidns/index.html?embed');
  });
  it('keeps a query written by hand as it was, and a value given to a mode drops it too', () => {
    expect(pageAddress(`${base}?a=%20b&embed=1&present`, null)).toBe(`${base}?a=%20b`);
  });
  it('refuses an address that is not absolute', () => {
    for (const bad of ['pidns/', '/courses/pidns/', '', 'https:']) expect(() => pageAddress(bad, null)).toThrow(RangeError);
  });
});
