/**
 * The browser's storage as the page's savers see it. A page embedded from another site in a
 * browser that blocks third-party storage throws on the mere read of `window.localStorage`
 * (SecurityError): the page must still run, so such a storage becomes one that refuses every
 * call, which the savers already handle (they say that nothing can be kept, and go on).
 */
import type { TextStorage } from './autosave.ts';

function refused(): never {
  throw new Error('this browser does not let the page keep anything here');
}

const REFUSING: TextStorage = {
  getItem: refused,
  setItem: refused,
  removeItem: refused,
  key: refused,
  get length(): number {
    return refused();
  },
};

/** `open()` is `() => window.localStorage` or the like: its own throw is caught here */
export function browserStorage(open: () => TextStorage): TextStorage {
  try {
    return open();
  } catch {
    return REFUSING;
  }
}
