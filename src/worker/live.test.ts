import { describe, expect, it } from 'vitest';
import { LIVE_SHOWN } from '../protocol/index.ts';
import { matchLive, memoMatch } from './live.ts';

const tasks = Array.from({ length: 1000 }, (_, id) => ({ id, label: id === 0 ? 'init' : `w${id}` }));

describe('View as matches', () => {
  it('lists the first LIVE_SHOWN tasks and counts them all without a query', () => {
    const list = matchLive(tasks, '');
    expect(list.tasks).toHaveLength(LIVE_SHOWN);
    expect(list.matching).toBe(1000);
  });

  it('lists the tasks whose label contains the query, the exact match first, any case', () => {
    const list = matchLive(tasks, ' W50 ');
    expect(list.tasks[0]?.label).toBe('w50');
    expect(list.tasks.map((t) => t.label)).toEqual(['w50', 'w500', 'w501', 'w502', 'w503', 'w504', 'w505', 'w506', 'w507', 'w508', 'w509']);
    expect(list.matching).toBe(11);
  });

  it('keeps its answer while neither the tasks nor the query change', () => {
    const match = memoMatch();
    expect(match(tasks, 'w1')).toBe(match(tasks, 'w1'));
    expect(match(tasks, 'w1')).not.toBe(match(tasks, 'w2'));
  });
});
