import { describe, expect, it } from 'vitest';
import { countLines, lineMarks, lineOffset, linesInView } from './editorLines.ts';

describe('editor lines', () => {
  it('counts lines and finds where one starts', () => {
    expect(countLines('')).toBe(1);
    expect(countLines('a\nb\n')).toBe(3);
    expect(lineOffset('ab\ncd\nef', 3)).toBe(6);
    expect(lineOffset('ab', 5)).toBe(2);
  });

  it('draws only the lines in view', () => {
    expect(linesInView(0, 100, 20, 1000)).toEqual({ first: 1, last: 7 });
    expect(linesInView(2000, 100, 20, 1000)).toEqual({ first: 99, last: 107 });
    expect(linesInView(19_950, 100, 20, 1000).last).toBe(1000);
  });

  it('marks the line just run and the line that runs next, or the error line at the end', () => {
    const lines = [4, 5, 7];
    expect(lineMarks(lines, 0, null)).toEqual({ ran: null, next: 4 });
    expect(lineMarks(lines, 2, null)).toEqual({ ran: 5, next: 7 });
    expect(lineMarks(lines, 3, null)).toEqual({ ran: 7, next: null });
    expect(lineMarks(lines, 3, { line: 9 })).toEqual({ ran: 7, next: 9 });
  });
});
