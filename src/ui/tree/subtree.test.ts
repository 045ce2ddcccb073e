import { describe, expect, it } from 'vitest';
import { pairsOf, subtreeOf } from './subtree.ts';

describe('subtreeOf', () => {
  it('holds the namespace and everything below it, not its parent or siblings', () => {
    const list = [
      { id: 0, parent: null }, { id: 1, parent: 0 }, { id: 2, parent: 1 }, { id: 3, parent: 0 }, { id: 4, parent: 2 },
    ];
    expect([...subtreeOf(list, 1)].sort()).toEqual([1, 2, 4]);
    expect([...subtreeOf(list, 3)]).toEqual([3]);
    expect(subtreeOf(list, 0).size).toBe(5);
  });
});

describe('pairsOf', () => {
  it('reads the flat shape back into ids and parents', () => {
    expect(pairsOf([0, -1, 1, 0, 2, 1])).toEqual([{ id: 0, parent: null }, { id: 1, parent: 0 }, { id: 2, parent: 1 }]);
  });
});
