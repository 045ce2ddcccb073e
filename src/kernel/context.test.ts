import { describe, expect, it } from 'vitest';
import { IdQueue } from './context.ts';

describe('IdQueue', () => {
  it('holds only what was queued since it was last cleared, though it keeps its storage', () => {
    const q = new IdQueue();
    [4, 5, 6].forEach((id) => q.push(id));
    expect([q.size, q.at(0), q.at(2)]).toEqual([3, 4, 6]);
    q.clear();
    q.push(9);
    expect([q.size, q.at(0)]).toEqual([1, 9]);
    q.push(7);
    q.push(8);
    q.push(10);
    expect([q.size, q.at(1), q.at(3)]).toEqual([4, 7, 10]);
  });
});
