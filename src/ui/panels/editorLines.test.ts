import { describe, expect, it } from 'vitest';
import { changedSpan, countLines, lineMarks, lineOffset, linesInView } from './editorLines.ts';

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

  it('finds the one span that changed, so a long text is not replaced whole', () => {
    expect(changedSpan('a\nb\n', 'a\nb\nshell fork\n')).toEqual({ from: 4, to: 4, insert: 'shell fork\n' });
    expect(changedSpan('abcXdef', 'abcdef')).toEqual({ from: 3, to: 4, insert: '' });
    expect(changedSpan('aaa', 'aa')).toEqual({ from: 2, to: 3, insert: '' });
    expect(changedSpan('same', 'same')).toEqual({ from: 4, to: 4, insert: '' });
    expect(changedSpan('old text', '')).toEqual({ from: 0, to: 8, insert: '' });
    const before = 'x'.repeat(5000);
    const after = `${before.slice(0, 2500)}new${before.slice(2500)}`;
    const { from, to, insert } = changedSpan(before, after);
    expect(before.slice(0, from) + insert + before.slice(to)).toBe(after);
    expect([to - from, insert.length]).toEqual([0, 3]);
  });
});
