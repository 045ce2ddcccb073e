import { describe, expect, it } from 'vitest';
import { ROW_H, rowWindow } from './rowWindow.ts';

describe('rowWindow', () => {
  it('draws the rows in view and a few around them, the spacers making up the rest', () => {
    const w = rowWindow(100 * ROW_H, 20 * ROW_H, 3000);
    expect(w).toEqual({ first: 92, last: 128, top: 92 * ROW_H, bottom: (3000 - 128) * ROW_H });
  });

  it('reaches the last row of a table too tall to lay out, drawing only a screenful', () => {
    const height = 600;
    const end = rowWindow(8_000_000 - height, height, 1_000_000);
    expect(end.last).toBe(1_000_000);
    expect(end.last - end.first).toBeLessThan(50);
    expect(end.top + (end.last - end.first) * ROW_H + end.bottom).toBeLessThanOrEqual(8_000_000 + ROW_H);
    const middle = rowWindow(4_000_000, height, 1_000_000);
    expect(Math.abs(middle.first - 500_000)).toBeLessThan(100);
  });
});
