/**
 * Long texts kept in IndexedDB rather than localStorage. `localStorage.setItem` copies the value
 * to the browser synchronously: for a mebibyte it held the page 44–220 ms (Chromium, loaded
 * machine), at each pause in typing. An IndexedDB `put` only clones the string on the page's
 * thread (8–20 ms for the same mebibyte) and writes it to disk off the thread; the write is
 * confirmed by the transaction's `complete`. Everything here is asynchronous and may fail (no
 * IndexedDB, a private window, a full disk): the autosave then writes to localStorage as before.
 */

/** where each tab's long text lives, under the same key as its localStorage entry */
export interface BulkTexts {
  /** resolves once the text is on disk */
  put(key: string, text: string): Promise<void>;
  get(key: string): Promise<string | null>;
  remove(key: string): Promise<void>;
}

const DATABASE = 'pidns-lab';
const TEXTS = 'texts';

/** texts in the browser's IndexedDB; `factory()` is `() => window.indexedDB` (it may throw, or
 * be undefined, where the browser refuses the page storage: each call then fails) */
export function indexedTexts(factory: () => IDBFactory | undefined): BulkTexts {
  let opened: Promise<IDBDatabase> | null = null;
  const database = () => (opened ??= openDatabase(factory));
  async function run<T>(mode: IDBTransactionMode, ask: (texts: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const tx = (await database()).transaction(TEXTS, mode);
    const request = ask(tx.objectStore(TEXTS));
    return new Promise((resolve, reject) => {
      tx.oncomplete = () => resolve(request.result);
      tx.onabort = () => reject(tx.error ?? new Error('the browser gave up keeping the text'));
      tx.onerror = () => reject(tx.error ?? new Error('the browser could not keep the text'));
    });
  }
  return {
    put: async (key, text) => void (await run('readwrite', (t) => t.put(text, key))),
    get: async (key) => {
      const value: unknown = await run('readonly', (t) => t.get(key));
      return typeof value === 'string' ? value : null;
    },
    remove: async (key) => void (await run('readwrite', (t) => t.delete(key))),
  };
}

function openDatabase(factory: () => IDBFactory | undefined): Promise<IDBDatabase> {
  // a throw in here (reading or opening a refused IndexedDB) rejects the promise
  return new Promise((resolve, reject) => {
    const databases = factory();
    if (databases === undefined) {
      reject(new Error('this browser has no IndexedDB'));
      return;
    }
    const request = databases.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(TEXTS);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
    request.onblocked = () => reject(new Error('IndexedDB is held by an older page'));
  });
}
