import { describe, expect, it } from 'vitest';
import type { Frame, RowFrame } from '../../protocol/index.ts';
import { initialFrameState, receiveFrame } from './frame.ts';

const row = (task: number, stat: RowFrame['stat'] = 'S'): RowFrame => ({
  task, pid: task + 1, ppid: 0, pgid: 1, sid: 1, stat, cmd: 'sh', label: `t${task}`, born: 0, seenAs: null,
});
const frame = (rows: RowFrame[], live: Frame['liveTasks'] = null): Frame => ({
  step: 1, namespaces: [], tables: [{ ns: 0, count: rows.length, start: 0, rows }], liveTasks: live,
  inspected: null, events: [], stepInfo: null, why: null,
} as unknown as Frame);

describe('frame slice', () => {
  it('keeps the object of a row that did not change and takes the new one of a row that did', () => {
    const first = receiveFrame(initialFrameState, frame([row(0), row(1)]));
    const second = receiveFrame(first, frame([row(0), row(1, 'Z'), row(2)]));
    const [a, b, c] = second.frame?.tables[0]?.rows ?? [];
    expect(a).toBe(first.frame?.tables[0]?.rows[0]);
    expect(b).not.toBe(first.frame?.tables[0]?.rows[1]);
    expect(b?.stat).toBe('Z');
    expect(c?.task).toBe(2);
  });

  it('keeps the live-task list while it is the same, and through frames made while playing', () => {
    const list = (label: string) => ({ tasks: [{ id: 0, label }], matching: 1 });
    const first = receiveFrame(initialFrameState, frame([], list('init')));
    const same = receiveFrame(first, frame([], list('init')));
    const playing = receiveFrame(same, frame([]));
    expect(same.live).toBe(first.live);
    expect(playing.live).toBe(first.live);
    expect(receiveFrame(first, frame([], list('a'))).live).toEqual(list('a'));
  });
});
