/**
 * Lessons and the address: opening a lesson from the course makes the address `?lesson=NN` (a new
 * history entry, as opening a level is), so a teacher can copy it; an address that asks for a
 * lesson (`?lesson=3`, `?lesson=03` or `#lesson=03`) opens it; leaving the lesson for another
 * scenario takes `?lesson` off the address again, so a reload shows what is on screen.
 */
import type { AppStore } from '../../store/store.ts';
import { findLesson, type LessonEntry } from './lessons.ts';

interface Address {
  pathname: string;
  search: string;
  hash: string;
}

export async function openLesson(store: AppStore, entry: LessonEntry): Promise<void> {
  const text = await entry.load();
  window.history.pushState(null, '', `?lesson=${entry.id}`);
  await store.getState().openLesson(entry.id, text);
}

/** the lesson the address asks for, if any */
export function lessonInAddress(address: Pick<Address, 'search' | 'hash'>): LessonEntry | null {
  const asked = new URLSearchParams(address.search).get('lesson') ?? /^#lesson=(\d+)$/.exec(address.hash)?.[1] ?? null;
  return asked === null ? null : findLesson(asked);
}

/** opens the lesson the address asks for; false when it asks for none */
export async function openLessonInAddress(store: AppStore, address: Address, history: History): Promise<boolean> {
  const entry = lessonInAddress(address);
  if (entry === null) return false;
  history.replaceState(null, '', `${address.pathname}?lesson=${entry.id}`);
  await store.getState().openLesson(entry.id, await entry.load());
  return true;
}

/**
 * Keeps `?lesson=NN` in the address while lesson NN is open, and none otherwise; Back and Forward
 * between lessons open them again. Returns the way to stop.
 */
export function startLessonAddressSync(store: AppStore, page: Window): () => void {
  const { location, history } = page;
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.lesson === prev.lesson) return;
    const wanted = s.lesson === null ? '' : `?lesson=${s.lesson}`;
    if (location.search !== wanted) history.replaceState(null, '', `${location.pathname}${wanted}${location.hash}`);
  });
  const onPop = () => {
    const entry = lessonInAddress(location);
    if (entry !== null && entry.id !== store.getState().lesson) void openLessonInAddress(store, location, history);
  };
  page.addEventListener('popstate', onPop);
  return () => {
    unsubscribe();
    page.removeEventListener('popstate', onPop);
  };
}
