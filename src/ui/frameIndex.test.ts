import { describe, expect, it } from 'vitest';
import type { Frame, NsFrame } from '../protocol/index.ts';
import { frameNs, frameTable } from './frameIndex.ts';

const ns = (id: number, live: number) => ({ id, name: `ns${id}`, live }) as NsFrame;
const frame = (lives: number[]): Frame => ({
  step: 1, namespaces: lives.map((live, id) => ns(id, live)),
  tables: lives.map((live, id) => ({ ns: id, count: live, start: 0, rows: [] })),
  liveTasks: null, inspected: null, events: [], act: null, stepInfo: null, why: null, caption: null, question: null, labels: [],
});

describe('a frame\'s namespaces and tables by id', () => {
  it('finds each by id, and nothing for an id the frame does not carry', () => {
    const f = frame([3, 1, 4]);
    expect(frameNs(f, 2)?.live).toBe(4);
    expect(frameTable(f, 1)?.count).toBe(1);
    expect(frameNs(f, 9)).toBeNull();
    expect(frameTable(null, 0)).toBeNull();
  });

  it('answers from the frame asked about, not from the one indexed before', () => {
    expect(frameNs(frame([3, 1]), 1)?.live).toBe(1);
    expect(frameNs(frame([3, 5]), 1)?.live).toBe(5);
  });
});
