/**
 * Which rows of a tall table are drawn for a scroll position, with rows of one fixed height:
 * the answer follows from the scroll offset alone, so nothing grows with the table. A table
 * taller than MAX_HEIGHT pixels (browsers stop laying out at about 33 million) is scaled: the
 * scroll offset then maps to rows proportionally.
 */
export const ROW_H = 25;
/** rows drawn above and below the view */
const OVERSCAN = 8;
const MAX_HEIGHT = 8_000_000;

export interface RowWindow {
  /** rows first … last−1 are drawn */
  first: number;
  last: number;
  /** spacer heights above and below them */
  top: number;
  bottom: number;
}

export function rowWindow(scrollTop: number, viewHeight: number, count: number): RowWindow {
  const fits = count * ROW_H <= MAX_HEIGHT;
  const height = fits ? count * ROW_H : MAX_HEIGHT;
  const rowsInView = Math.ceil(viewHeight / ROW_H);
  const firstInView = Math.min(Math.max(0, count - 1), fits
    ? Math.floor(scrollTop / ROW_H)
    : Math.floor((scrollTop / Math.max(1, height - viewHeight)) * Math.max(0, count - rowsInView)));
  const first = Math.max(0, firstInView - OVERSCAN);
  const last = Math.min(count, firstInView + rowsInView + OVERSCAN);
  const top = fits ? first * ROW_H : Math.max(0, scrollTop - (firstInView - first) * ROW_H);
  return { first, last, top, bottom: Math.max(0, height - top - (last - first) * ROW_H) };
}
