/**
 * Line arithmetic for the scenario editor, kept cheap for a text of a mebibyte: counting lines is
 * one pass of indexOf, finding a line's offset stops at that line, and the gutter and the notes
 * draw only the lines in view.
 */

export function countLines(text: string): number {
  let n = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) n++;
  return n;
}

/** the offset of the first character of 1-based `line` (the text's end past the last line) */
export function lineOffset(text: string, line: number): number {
  let at = 0;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf('\n', at);
    if (next === -1) return text.length;
    at = next + 1;
  }
  return at;
}

/** the 1-based lines drawn for a view scrolled to `scrollTop`, with a little margin */
export function linesInView(scrollTop: number, height: number, lineHeight: number, lineCount: number): { first: number; last: number } {
  const first = Math.max(1, Math.floor(scrollTop / lineHeight) - 1);
  const last = Math.min(lineCount, Math.ceil((scrollTop + height) / lineHeight) + 2);
  return { first, last };
}

/**
 * Python Tutor's two arrows: the line of the step just run, and the line the next step runs
 * (the error line when the run stops there). Null when there is none.
 */
export function lineMarks(
  lines: ArrayLike<number>, step: number, error: { line: number } | null,
): { ran: number | null; next: number | null } {
  const ran = step > 0 ? lines[step - 1] ?? null : null;
  const next = step < lines.length ? lines[step] ?? null : error?.line ?? null;
  return { ran, next };
}

/**
 * The part of `before` that differs from `after`: `after` is `before` with [from, to) replaced by
 * `insert`. An action appends a line to a long text: the editor then changes that line, not the
 * whole text, and keeps the caret and the scroll.
 */
export function changedSpan(before: string, after: string): { from: number; to: number; insert: string } {
  const shorter = Math.min(before.length, after.length);
  let from = 0;
  while (from < shorter && before.charCodeAt(from) === after.charCodeAt(from)) from++;
  let same = 0;
  while (same < shorter - from && before.charCodeAt(before.length - 1 - same) === after.charCodeAt(after.length - 1 - same)) same++;
  return { from, to: before.length - same, insert: after.slice(from, after.length - same) };
}
