import { describe, expect, it } from 'vitest';
import { SIGNALS } from './abi.ts';
import { checkInvariants, dispatch, taskView } from './index.ts';
import { Kit } from './__fuzz__/kit.ts';

/** A process P (pid 2) with threads T1 (3) and T2 (4), a child C of P and a child D of T1. */
function threadedProcess(): Kit {
  const k = new Kit();
  k.clone('init', 'P');
  k.clone('P', 'T1', ['THREAD', 'SIGHAND', 'VM']);
  k.clone('P', 'T2', ['THREAD', 'SIGHAND', 'VM']);
  k.clone('P', 'C');
  k.clone('T1', 'D');
  return k;
}

describe('execve in a multi-threaded process (de_thread)', () => {
  it('ends the other threads with exit code 0, not the SIGKILL that ends them', () => {
    const k = threadedProcess();
    expect(k.call('P', { op: 'exec', cmd: '/bin/new' })).toBe('0');
    expect(k.state('T1')).toBe('dead');
    expect(k.exit('T1')).toBe('code 0');
    expect(k.exit('T2')).toBe('code 0');
    expect(k.call('P', { op: 'gettid' })).toBe('2');
  });

  it('gives a non-leader caller the leader pid, its parent, group and children (exchange_tids)', () => {
    const k = threadedProcess();
    expect(k.call('T1', { op: 'exec', cmd: '/bin/new' })).toBe('0');
    expect(k.call('T1', { op: 'getpid' })).toBe('2');
    expect(k.call('T1', { op: 'gettid' })).toBe('2');
    expect(k.call('T1', { op: 'getppid' })).toBe('1');
    expect(k.call('C', { op: 'getppid' })).toBe('2');
    expect(k.call('D', { op: 'getppid' })).toBe('2');
    expect(k.ps(0)).toBe(['1 0 1 1 S init', '2 1 1 1 S T1', '5 2 1 1 S C', '6 2 1 1 S D'].join('\n'));
    expect(taskView(k.s, k.id('T1'))).toMatchObject({ isThread: false, leader: k.id('T1'), nspid: [2], cmd: '/bin/new' });
    // the old leader leaves with the caller's old tid, released at once; its number is free again
    expect(taskView(k.s, k.id('P'))).toMatchObject({ state: 'dead', nspid: [3], exit: { code: 0 } });
    expect(k.call('init', { op: 'kill', sig: 0, target: { kind: 'nr', nr: 3 } })).toBe('ESRCH');
    expect(checkInvariants(k.s)).toEqual([]);
  });

  it('leaves one process that a wait reaps under the leader pid', () => {
    const k = threadedProcess();
    k.call('init', { op: 'reap', mode: 'manual' });
    k.call('T1', { op: 'exec', cmd: '/bin/new' });
    k.call('T1', { op: 'exit', code: 7 });
    expect(k.call('init', { op: 'wait', target: { kind: 'nr', nr: 2 }, nohang: false })).toBe('2');
    expect(k.exit('T1')).toBe('code 7');
    expect(checkInvariants(k.s)).toEqual([]);
  });

  it('moves the global init with the thread that takes its place: it still cannot be killed', () => {
    const k = new Kit();
    k.clone('init', 'it', ['THREAD', 'SIGHAND', 'VM']);
    k.clone('init', 'A');
    expect(k.call('it', { op: 'exec', cmd: '/sbin/init2' })).toBe('0');
    expect(k.call('it', { op: 'getpid' })).toBe('1');
    expect(k.call('A', { op: 'getppid' })).toBe('1');
    expect(k.call('A', { op: 'kill', sig: 9, target: { kind: 'nr', nr: 1 } })).toBe('0');
    expect(k.state('it')).toBe('alive');
    expect(k.call('it', { op: 'exit', code: 0 })).toMatch(/^fault: /);
    expect(checkInvariants(k.s)).toEqual([]);
  });
});

describe('execve and signal handlers (R94)', () => {
  it('resets handled signals to default and keeps ignored ones, the mask and the pending set', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.call('p', { op: 'signal', sig: SIGNALS.USR1, disposition: 'handle' });
    k.call('p', { op: 'signal', sig: SIGNALS.USR2, disposition: 'ignore' });
    k.call('p', { op: 'sigmask', block: true, sig: SIGNALS.TERM });
    k.call('init', { op: 'kill', sig: SIGNALS.TERM, target: k.t('p') });
    k.call('p', { op: 'reap', mode: 'auto' });
    k.call('p', { op: 'exec', cmd: '/bin/new' });
    expect(taskView(k.s, k.id('p'))).toMatchObject({
      handled: [], ignored: ['USR2'], blocked: ['TERM'], pending: ['TERM'], reapAuto: false, cmd: '/bin/new',
    });
  });
  it('a process sharing its handler table (CLONE_SIGHAND) gets its own copy: the other keeps its handlers', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.call('p', { op: 'clone', flags: ['SIGHAND', 'VM'], setTid: null, label: 'c', cmd: null });
    k.call('p', { op: 'signal', sig: SIGNALS.USR1, disposition: 'handle' });
    expect(taskView(k.s, k.id('c')).handled).toContain('USR1');
    k.call('c', { op: 'exec', cmd: '/bin/new' });
    expect(taskView(k.s, k.id('c')).handled).toEqual([]);
    expect(taskView(k.s, k.id('p')).handled).toContain('USR1');
    k.call('p', { op: 'signal', sig: SIGNALS.USR2, disposition: 'ignore' });
    expect(taskView(k.s, k.id('c')).ignored).toEqual([]);
  });
  it('a process whose sharer is gone resets its own table', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.call('p', { op: 'clone', flags: ['SIGHAND', 'VM'], setTid: null, label: 'c', cmd: null });
    k.call('p', { op: 'signal', sig: SIGNALS.USR1, disposition: 'handle' });
    k.call('c', { op: 'exit', code: 0 });
    k.call('p', { op: 'exec', cmd: '/bin/new' });
    expect(taskView(k.s, k.id('p')).handled).toEqual([]);
  });
  it('a thread taking over the leader keeps the process\'s session, group, subreaper mark and pending signals', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.call('p', { op: 'setsid' });
    k.call('p', { op: 'prctl-subreaper', on: true });
    k.call('p', { op: 'sigmask', block: true, sig: SIGNALS.USR1 });
    k.call('init', { op: 'kill', sig: SIGNALS.USR1, target: k.t('p') });
    k.clone('p', 't', ['THREAD', 'SIGHAND', 'VM']);
    const out = dispatch(k.s, { actor: k.id('t'), op: 'exec', cmd: '/bin/new' });
    expect(out.events).toContainEqual({ type: 'task/took-over', task: k.id('t'), from: k.id('p') });
    expect(taskView(k.s, k.id('t'))).toMatchObject({ subreaper: true, pending: ['USR1'], sessionLeaderNspid: [2], pgrpLeaderNspid: [2] });
    expect(k.call('t', { op: 'setsid' })).toBe('EPERM');
    expect(k.call('t', { op: 'getsid', target: null })).toBe('2');
  });
  it('the other threads\' children go to the caller', () => {
    const k = threadedProcess();
    k.call('P', { op: 'exec', cmd: '/bin/new' });
    expect(taskView(k.s, k.id('D')).parent).toBe(k.id('P'));
    expect(k.call('D', { op: 'getppid' })).toBe('2');
    expect(k.ps(0)).toBe(['1 0 1 1 S init', '2 1 1 1 S P', '5 2 1 1 S C', '6 2 1 1 S D'].join('\n'));
  });
});

describe('the takeover keeps the family in order', () => {
  it('the new leader stands where the old one stood among its siblings: waits reap in the same order', () => {
    const k = new Kit();
    k.call('init', { op: 'reap', mode: 'manual' });
    k.clone('init', 'A');
    k.clone('init', 'P');
    k.clone('P', 'T', ['THREAD', 'SIGHAND', 'VM']);
    k.clone('init', 'B');
    k.call('T', { op: 'exec', cmd: '/bin/new' });
    for (const label of ['B', 'T', 'A']) k.call(label, { op: 'exit', code: 0 });
    const order = [1, 2, 3].map(() => k.call('init', { op: 'wait', target: null, nohang: false }));
    expect(order).toEqual(['2', '3', '5']);
    expect(checkInvariants(k.s)).toEqual([]);
  });
  it('after the takeover the threads still form one sound list that the process\'s exit ends', () => {
    const k = new Kit();
    k.clone('init', 'P');
    for (const t of ['T1', 'T2', 'T3']) k.clone('P', t, ['THREAD', 'SIGHAND', 'VM']);
    k.call('T2', { op: 'thread-exit', code: 0 });
    expect(checkInvariants(k.s)).toEqual([]);
    k.clone('T1', 'T4', ['THREAD', 'SIGHAND', 'VM']);
    k.call('T3', { op: 'exec', cmd: '/bin/new' });
    expect(checkInvariants(k.s)).toEqual([]);
    expect(['T1', 'T4', 'P'].map((t) => k.state(t))).toEqual(['dead', 'dead', 'dead']);
    k.clone('T3', 'T5', ['THREAD', 'SIGHAND', 'VM']);
    expect(k.call('T5', { op: 'getpid' })).toBe('2');
    k.call('T5', { op: 'exit', code: 1 });
    expect([k.state('T3'), k.state('T5'), k.exit('T3')]).toEqual(['dead', 'dead', 'code 1']);
    expect(checkInvariants(k.s)).toEqual([]);
  });
});

describe('execve after the leader has left', () => {
  it('a parent blocked in a wait for the process by its pid gets it when the new leader exits', () => {
    const k = new Kit();
    k.clone('init', 'h');
    k.clone('h', 'P');
    k.clone('P', 'T', ['THREAD', 'SIGHAND', 'VM']);
    expect(k.call('h', { op: 'wait', target: k.t('P'), nohang: false })).toBe('blocked');
    k.call('T', { op: 'exec', cmd: '/bin/new' });
    const out = dispatch(k.s, { actor: k.id('T'), op: 'exit', code: 3 });
    expect(out.completed).toEqual([{ task: k.id('h'), ret: { kind: 'int', value: 3 } }]);
    expect(k.exit('T')).toBe('code 3');
  });
  it('a thread whose leader already exited takes its place; the old leader is released once', () => {
    const k = new Kit();
    k.clone('init', 'P');
    k.clone('P', 'T', ['THREAD', 'SIGHAND', 'VM']);
    k.call('P', { op: 'thread-exit', code: 7 });
    expect(k.state('P')).toBe('zombie');
    expect(k.call('T', { op: 'exec', cmd: '/bin/new' })).toBe('0');
    expect([k.state('P'), k.call('T', { op: 'getpid' })]).toEqual(['dead', '2']);
    expect(k.ps(0)).toBe('1 0 1 1 S init\n2 1 1 1 S T');
    expect(checkInvariants(k.s)).toEqual([]);
  });
});
