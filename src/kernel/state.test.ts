import { describe, expect, it } from 'vitest';
import { checkInvariants, cloneKernelState, createKernelState, dispatch, psTable, taskCount, taskView, type Syscall } from './index.ts';

const fork = (actor: number, label: string, flags: Syscall extends infer S ? S extends { op: 'clone'; flags: infer F } ? F : never : never = []): Syscall =>
  ({ actor, op: 'clone', flags, setTid: null, label, cmd: null });

function views(s: ReturnType<typeof createKernelState>): unknown {
  return { tasks: Array.from({ length: taskCount(s) }, (_, id) => taskView(s, id)), ps: psTable(s, 0) };
}

describe('the task table', () => {
  it('grows past its first capacity without losing a row', () => {
    const s = createKernelState({ pidMax: 4194304 });
    for (let i = 0; i < 1000; i++) dispatch(s, fork(0, `t${i}`));
    expect(taskCount(s)).toBe(1001);
    expect(taskView(s, 1000)).toMatchObject({ label: 't999', nspid: [1001], parent: 0, state: 'alive' });
    expect(checkInvariants(s)).toEqual([]);
  });

  /** forks, exits and waits in a child namespace: every column and the pid numbers are written */
  function busyRun(opts: Parameters<typeof createKernelState>[0]): ReturnType<typeof createKernelState> {
    const s = createKernelState(opts);
    dispatch(s, fork(0, 'shell', ['NEWPID']));
    for (let i = 0; i < 300; i++) {
      dispatch(s, fork(1, `c${i}`));
      if (i % 3 === 0) dispatch(s, { actor: taskCount(s) - 1, op: 'exit', code: i & 0xff });
    }
    for (let i = 0; i < 50; i++) dispatch(s, { actor: 1, op: 'wait', target: null, nohang: false });
    return s;
  }

  it('runs the same with room made at boot for the tasks to come, fewer or more than created', () => {
    const grown = views(busyRun({ pidMax: 65536 }));
    for (const tasks of [0, 100, 302, 5000]) {
      const s = busyRun({ pidMax: 65536, tasks });
      expect(views(s)).toEqual(grown);
      expect(checkInvariants(s)).toEqual([]);
    }
  });

  it('has room for the expected tasks at boot and grows past them', () => {
    const s = createKernelState({ tasks: 1000 });
    expect(s.tasks.leader.length).toBe(1000);
    expect(s.sighands.reapAuto.length).toBe(1000);
    for (let i = 0; i < 1500; i++) dispatch(s, fork(0, `t${i}`));
    expect(s.tasks.leader.length).toBe(2000);
    expect(taskView(s, 1500)).toMatchObject({ label: 't1499', nspid: [1501], state: 'alive' });
  });
});

describe('cloneKernelState', () => {
  it('copies a state exactly, sharing nothing that a later call changes', () => {
    const s = createKernelState();
    dispatch(s, fork(0, 'a'));
    dispatch(s, fork(1, 'b', ['NEWPID']));
    dispatch(s, fork(2, 'c'));
    dispatch(s, { actor: 3, op: 'exit', code: 4 });
    const copy = cloneKernelState(s);
    expect(views(copy)).toEqual(views(s));
    const before = views(s);
    dispatch(s, { actor: 2, op: 'wait', target: null, nohang: false });
    dispatch(s, { actor: 1, op: 'kill', target: { kind: 'task', task: 2 }, sig: 9 });
    for (let i = 0; i < 100; i++) dispatch(s, fork(0, `x${i}`));
    expect(views(copy)).toEqual(before);
    expect(checkInvariants(copy)).toEqual([]);
  });

  it('gives a copy that runs on exactly as the original does', () => {
    const s = createKernelState();
    dispatch(s, fork(0, 'a'));
    const copy = cloneKernelState(s);
    for (const state of [s, copy]) for (let i = 0; i < 70; i++) dispatch(state, fork(1, `c${i}`));
    expect(views(copy)).toEqual(views(s));
    expect(checkInvariants(copy)).toEqual([]);
  });
});

describe('views of tasks', () => {
  it('refuse a task that does not exist instead of reading past the columns', () => {
    const s = createKernelState();
    expect(() => taskView(s, 1)).toThrow(RangeError);
    expect(() => taskView(s, -1)).toThrow(RangeError);
    expect(() => taskView(s, 0.5)).toThrow(RangeError);
  });
});

describe('cloneKernelState in the middle of a teardown', () => {
  it('a copy taken while an init waits finishes the teardown on its own, as the original does', () => {
    const s = createKernelState();
    dispatch(s, fork(0, 'h'));
    dispatch(s, fork(1, 'x', ['NEWPID']));
    dispatch(s, { actor: 1, op: 'setns', target: { kind: 'task', task: 2 } });
    dispatch(s, fork(1, 'inj'));
    dispatch(s, { actor: 2, op: 'exit', code: 0 });
    const copy = cloneKernelState(s);
    expect(taskView(copy, 2).state).toBe('exiting');
    for (const state of [copy, s]) dispatch(state, { actor: 1, op: 'wait', target: { kind: 'task', task: 3 }, nohang: false });
    expect(views(copy)).toEqual(views(s));
    expect(taskView(copy, 2).state).toBe('zombie');
    expect(checkInvariants(copy)).toEqual([]);
  });

  it('a copy of a state with many handler tables keeps each one', () => {
    const s = createKernelState();
    dispatch(s, fork(0, 'p'));
    dispatch(s, { actor: 1, op: 'signal', sig: 10, disposition: 'handle' });
    for (let i = 0; i < 70; i++) dispatch(s, fork(1, `c${i}`));
    dispatch(s, { actor: 71, op: 'signal', sig: 12, disposition: 'ignore' });
    const copy = cloneKernelState(s);
    expect(taskView(copy, 71)).toMatchObject({ handled: ['USR1', 'CHLD'], ignored: ['USR2'] });
    expect(taskView(copy, 70)).toMatchObject({ handled: ['USR1', 'CHLD'], ignored: [] });
    dispatch(copy, { actor: 70, op: 'signal', sig: 12, disposition: 'ignore' });
    expect(taskView(s, 70).ignored).toEqual([]);
    expect(checkInvariants(copy)).toEqual([]);
  });
});
