import { describe, expect, it } from 'vitest';
import { LabelTable } from './labels.ts';

const bound = (table: LabelTable, label: string): number | string => {
  const v = table.lookup(label);
  return typeof v === 'number' ? v : v[1];
};

describe('LabelTable', () => {
  it('keeps numbered labels apart from their stems and from the same number with a leading zero', () => {
    const t = new LabelTable();
    t.bind('ls1', 1, 3);
    t.bind('ls', 2, 4);
    t.bind('ls01', 3, 5);
    t.bind('l1', 4, 6);
    t.bind('ls0', 5, 7);
    expect([bound(t, 'ls1'), bound(t, 'ls'), bound(t, 'ls01'), bound(t, 'l1'), bound(t, 'ls0')]).toEqual([1, 2, 3, 4, 5]);
    expect(bound(t, 'ls2')).toMatch(/ls2/);
    expect(bound(t, 's1')).toMatch(/s1/);
  });

  it('finds labels under many stems, whichever stem was met last', () => {
    const t = new LabelTable();
    for (let i = 1; i <= 50; i++) {
      t.bind(`a${i}`, 2 * i, i);
      t.bind(`b.${i}`, 2 * i + 1, i);
    }
    for (let i = 50; i >= 1; i--) {
      expect(bound(t, `b.${i}`)).toBe(2 * i + 1);
      expect(bound(t, `a${i}`)).toBe(2 * i);
    }
    expect(t.labelOf(7)).toBe('b.3');
  });

  it('handles numbers too long for an array slot, and digits alone, as plain names', () => {
    const t = new LabelTable();
    t.bind('x123456789', 1, 2);
    t.bind('x16777217', 2, 3);
    t.bind('x16777216', 3, 4);
    expect([bound(t, 'x123456789'), bound(t, 'x16777217'), bound(t, 'x16777216')]).toEqual([1, 2, 3]);
    expect(bound(t, 'x12345678')).toMatch(/x12345678/);
  });

  it('reports a label taken by a failed call, and a reused label with the line that bound it', () => {
    const t = new LabelTable();
    t.bind('c7', null, 9);
    t.bind('d7', 4, 11);
    expect(bound(t, 'c7')).toMatch(/9/);
    expect(t.checkFree('c7')?.[1]).toMatch(/9/);
    expect(t.checkFree('d7')?.[1]).toMatch(/11/);
    expect(t.checkFree('d8')).toBeNull();
    expect(t.checkFree('init')).not.toBeNull();
  });

  it('numbers automatic labels per actor, skipping a name already written with as', () => {
    const t = new LabelTable();
    t.bind('shell.1', 1, 2);
    const next = t.automatic('shell');
    expect(next).toBe('shell.2');
    t.bindAutomatic('shell', next, 2, 3);
    expect(t.automatic('shell')).toBe('shell.3');
    expect(bound(t, 'shell.2')).toBe(2);
    expect(t.checkFree('shell.2')?.[1]).not.toMatch(/line/);
  });
});
