import { describe, expect, it } from 'vitest';
import { tabKey, savedTexts, SAVED_PREFIX } from './autosave.ts';
import { browserStorage } from './browser-storage.ts';
import { readProgress } from './progress.ts';

const blocked = () => browserStorage(() => {
  throw new DOMException("Failed to read the 'sessionStorage' property from 'Window'", 'SecurityError');
});

describe('storage the browser refuses (an embed on another site)', () => {
  it('is a storage that refuses each call, not a throw at start', () => {
    const storage = blocked();
    expect(() => storage.getItem('x')).toThrow(/does not let the page keep/);
    expect(() => storage.length).toThrow();
  });

  it('still lets the page start: a tab key, no saved texts, no progress', () => {
    expect(tabKey(blocked(), () => 'id1')).toBe(`${SAVED_PREFIX}id1`);
    expect(savedTexts(blocked())).toEqual([]);
    expect(readProgress(blocked())).toEqual({});
  });

  it('gives the real storage when there is one', () => {
    const real = { getItem: () => 'v', setItem: () => undefined, removeItem: () => undefined, key: () => null, length: 0 };
    expect(browserStorage(() => real)).toBe(real);
  });
});
