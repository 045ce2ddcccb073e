import { describe, expect, it } from 'vitest';
import type { NsView, TaskView } from '../kernel/index.ts';
import { eventTasks, nameTask, sentence, type World } from './sentences.ts';

const nsv = (id: number, parent: number | null): NsView => ({
  id, name: `ns${id}`, level: parent === null ? 0 : 1, parent, state: 'active', init: null, live: 0, zombies: 0, pidMax: 32768, lastPid: 1,
});
const task = (id: number, label: string, ns: number, nspid: number[]): TaskView => ({
  id, label, cmd: 'x', ns, childrenNs: ns, nspid, state: 'alive', exit: null, leader: id, isThread: false, parent: 0,
  pgrpLeaderNspid: [], sessionLeaderNspid: [], pending: [], blocked: [], handled: [], ignored: [], subreaper: false,
  reapAuto: false, uid: 0, privileged: true, waiting: false, procNs: ns,
});
const tasks = [task(0, 'init', 0, [1]), task(1, 'A', 1, [3, 1]), task(2, 'B', 1, [4, 2])];
const world: World = {
  task: (id) => tasks[id] ?? tasks[0]!,
  ns: (id) => (id === 0 ? nsv(0, null) : nsv(1, 0)),
};

describe('sentences', () => {
  it('names a task by label and every number, innermost first', () => {
    expect(nameTask(world, 2)).toBe('B (pid 2 in ns1, 4 in ns0)');
    expect(nameTask(world, 0)).toBe('init (pid 1)');
  });

  it('says why a task was killed in a namespace teardown', () => {
    expect(sentence(world, { type: 'task/killed', task: 2, sig: 'KILL', reason: 'ns-teardown' }))
      .toBe("B (pid 2 in ns1, 4 in ns0) was killed by SIGKILL: ns1's init exited");
  });

  it('writes forks, reaps and dropped signals as plain sentences', () => {
    expect(sentence(world, { type: 'task/created', task: 1, parent: 0, thread: false })).toBe('init forked A (pid 1 in ns1, 3 in ns0)');
    expect(sentence(world, { type: 'task/reaped', task: 2, by: 1 })).toBe('B (pid 2 in ns1, 4 in ns0) was reaped by A');
    expect(sentence(world, { type: 'signal/dropped', task: 1, sig: 'TERM', why: 'init-protected' }))
      .toBe('SIGTERM to A was dropped: a namespace init gets from inside only the signals it handles');
    expect(sentence(world, { type: 'wait/completed', task: 1, ret: { kind: 'int', value: 2 } })).toBe("A's wait returned 2");
    expect(sentence(world, { type: 'task/took-over', task: 2, from: 1 }))
      .toBe("B (pid 2 in ns1, 4 in ns0) exec'd and took over the pid of its thread-group leader A, which is gone");
  });

  it('lists the tasks an event is about', () => {
    expect(eventTasks({ type: 'task/reparented', task: 2, from: 1, to: 0 })).toEqual([2, 1, 0]);
    expect(eventTasks({ type: 'ns/created', ns: 1, by: 0 })).toEqual([0]);
    expect(eventTasks({ type: 'task/reaped', task: 2, by: null })).toEqual([2]);
  });
});
