/**
 * The read-only views (describe.ts): who may act, ps rows, task and namespace views, as user space
 * would see them (R40, R45, R49, R61, R96).
 */
import { describe, expect, it } from 'vitest';
import { SIGNALS } from './abi.ts';
import {
  actorProblem, nsCount, nspidOf, nsView, pidNrAs, psTable, realParentOf, taskActiveNs, taskCount, taskView,
  visibleNamespaces,
} from './index.ts';
import { g1World, Kit } from './__fuzz__/kit.ts';

/** G2's world: s unshared, a (init of ns1) and d (pid 2 in ns1, child of s) */
function g2World(): Kit {
  const k = new Kit();
  k.clone('init', 's');
  k.call('s', { op: 'unshare', flags: ['NEWPID'] });
  k.clone('s', 'a');
  k.clone('s', 'd');
  return k;
}

describe('who may make a call (actorProblem)', () => {
  it('names what stops each task', () => {
    const k = g2World();
    k.clone('init', 'w');
    k.clone('w', 'wc');
    k.call('w', { op: 'wait', target: null, nohang: false });
    k.clone('init', 'st');
    k.call('init', { op: 'kill', sig: SIGNALS.STOP, target: k.t('st') });
    k.call('a', { op: 'exit', code: 0 });
    expect(actorProblem(k.s, 99)).toBe('no such task');
    expect(actorProblem(k.s, k.id('a'))).toBe("is exiting in its namespace's teardown");
    expect(actorProblem(k.s, k.id('d'))).toBe('has exited');
    expect(actorProblem(k.s, k.id('w'))).toBe('is blocked in wait');
    expect(actorProblem(k.s, k.id('st'))).toBe('is stopped');
    expect(actorProblem(k.s, k.id('s'))).toBeNull();
    k.call('s', { op: 'wait', target: k.t('d'), nohang: false });
    expect(actorProblem(k.s, k.id('d'))).toBe('has exited');
    expect(actorProblem(k.s, k.id('a'))).toBe('has exited');
  });
  it('a thread of a stopped process is stopped too', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.clone('p', 't', ['THREAD', 'SIGHAND', 'VM']);
    k.call('init', { op: 'kill', sig: SIGNALS.STOP, target: k.t('p') });
    expect(actorProblem(k.s, k.id('t'))).toBe('is stopped');
    expect(k.state('t')).toBe('stopped');
  });
});

describe('ps rows (R49, R61)', () => {
  it('show S, T and Z, the init waiting in its teardown as S, and numbers seen from the namespace', () => {
    const k = g2World();
    k.clone('init', 'st');
    k.call('init', { op: 'kill', sig: SIGNALS.STOP, target: k.t('st') });
    k.call('a', { op: 'exit', code: 0 });
    expect(k.ps(0)).toBe(['1 0 1 1 S init', '2 1 1 1 S s', '3 2 1 1 S a', '4 2 1 1 Z d', '5 1 1 1 T st'].join('\n'));
    expect(psTable(k.s, 1).map((r) => [r.pid, r.ppid, r.cmd])).toEqual([[1, 0, '/sbin/init'], [2, 0, '/sbin/init']]);
    expect(psTable(k.s, 0)[3]).toMatchObject({ task: k.id('d'), label: 'd' });
  });
});

describe('task views (R45, R96)', () => {
  it('an exit code, a killing signal, and a thread\'s own code', () => {
    const k = new Kit();
    k.call('init', { op: 'reap', mode: 'manual' });
    k.clone('init', 'p');
    k.clone('p', 't', ['THREAD', 'SIGHAND', 'VM']);
    k.clone('init', 'q');
    k.call('t', { op: 'thread-exit', code: 3 });
    k.call('p', { op: 'exit', code: 258 });
    k.call('init', { op: 'kill', sig: SIGNALS.TERM, target: k.t('q') });
    expect([k.exit('t'), k.exit('p'), k.exit('q')]).toEqual(['code 3', 'code 2', 'signal TERM']);
    expect(taskView(k.s, k.id('p')).state).toBe('zombie');
    expect(taskView(k.s, k.id('init')).exit).toBeNull();
  });
  it('a rebooted init released by the kernel (its parent ignores SIGCHLD) shows its own SIGKILL, as pidfd exit info does', () => {
    const k = new Kit();
    k.clone('init', 'h');
    k.call('h', { op: 'signal', sig: SIGNALS.CHLD, disposition: 'ignore' });
    k.clone('h', 'x', ['NEWPID']);
    k.clone('x', 'b');
    k.call('b', { op: 'reboot', cmd: 'RESTART' });
    expect(k.state('x')).toBe('dead');
    expect(k.exit('x')).toBe('signal KILL');
  });
  it('show relations, signals and flags', () => {
    const k = new Kit();
    k.clone('init', 'h');
    k.call('h', { op: 'prctl-subreaper', on: true });
    k.call('h', { op: 'setsid' });
    k.clone('h', 'x', ['NEWPID']);
    k.call('x', { op: 'signal', sig: SIGNALS.USR1, disposition: 'ignore' });
    k.call('x', { op: 'sigmask', block: true, sig: SIGNALS.TERM });
    k.call('h', { op: 'kill', sig: SIGNALS.TERM, target: k.t('x') });
    const v = taskView(k.s, k.id('x'));
    expect(v).toMatchObject({
      label: 'x', ns: 1, childrenNs: 1, nspid: [3, 1], state: 'alive', leader: k.id('x'), isThread: false,
      parent: k.id('h'), pgrpLeaderNspid: [2], sessionLeaderNspid: [2], pending: ['TERM'], blocked: ['TERM'],
      ignored: ['USR1'], subreaper: false, uid: 0, privileged: true, waiting: false, procNs: 0,
    });
    expect(taskView(k.s, k.id('h')).subreaper).toBe(true);
    expect(taskView(k.s, 0).parent).toBeNull();
  });
  it('refuse a task that does not exist', () => {
    const k = new Kit();
    for (const view of [nspidOf, taskActiveNs, realParentOf, visibleNamespaces]) expect(() => view(k.s, 5)).toThrow(RangeError);
    expect(() => pidNrAs(k.s, 0, 5)).toThrow(RangeError);
    expect(() => pidNrAs(k.s, 5, 0)).toThrow(RangeError);
  });
});

describe('numbers and namespaces seen by a task (R11, R40)', () => {
  it('pidNrAs: a task\'s number as a viewer sees it, 0 when invisible or reaped', () => {
    const k = g1World();
    expect(pidNrAs(k.s, k.id('b'), k.id('init'))).toBe(4);
    expect(pidNrAs(k.s, k.id('b'), k.id('c'))).toBe(2);
    expect(pidNrAs(k.s, k.id('s'), k.id('c'))).toBe(0);
    k.call('c', { op: 'exit', code: 0 });
    k.call('b', { op: 'wait', target: null, nohang: false });
    expect(pidNrAs(k.s, k.id('c'), k.id('init'))).toBe(0);
  });
  it('each task sees its namespace and those below it; parents, namespaces and numbers read back', () => {
    const k = g1World();
    k.clone('c', 'y', ['NEWPID']);
    k.clone('init', 'z', ['NEWPID']);
    expect(visibleNamespaces(k.s, k.id('init'))).toEqual([0, 1, 2, 3]);
    expect(visibleNamespaces(k.s, k.id('b'))).toEqual([1, 2]);
    expect(visibleNamespaces(k.s, k.id('y'))).toEqual([2]);
    expect([realParentOf(k.s, k.id('y')), realParentOf(k.s, 0)]).toEqual([k.id('c'), null]);
    expect([taskActiveNs(k.s, k.id('s')), taskActiveNs(k.s, k.id('y'))]).toEqual([0, 2]);
    expect(nspidOf(k.s, k.id('y'))).toEqual([6, 4, 1]);
    expect([taskCount(k.s), nsCount(k.s)]).toEqual([7, 4]);
  });
  it('a thread\'s parent is its process\'s parent process', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.clone('p', 'pt', ['THREAD', 'SIGHAND', 'VM']);
    k.clone('pt', 'c');
    expect(realParentOf(k.s, k.id('c'))).toBe(k.id('p'));
    expect(taskView(k.s, k.id('c')).parent).toBe(k.id('p'));
  });
});

describe('namespace views', () => {
  it('count live processes and zombies, and follow the namespace from active to dying to dead', () => {
    const k = g2World();
    k.clone('a', 'b');
    k.call('b', { op: 'exit', code: 0 });
    expect(nsView(k.s, 1)).toMatchObject({ name: 'ns1', state: 'active', init: k.id('a'), live: 2, zombies: 1, lastPid: 3 });
    k.call('a', { op: 'exit', code: 0 });
    expect(nsView(k.s, 1)).toMatchObject({ state: 'dying', live: 1, zombies: 1 });
    k.call('s', { op: 'wait', target: k.t('d'), nohang: false });
    expect(nsView(k.s, 1)).toMatchObject({ state: 'dying', live: 0, zombies: 1 });
    k.call('s', { op: 'wait', target: k.t('a'), nohang: false });
    expect(nsView(k.s, 1)).toMatchObject({ state: 'dead', live: 0, zombies: 0, init: k.id('a') });
  });
  it('an unshared namespace with no process yet is active, with no init and nothing handed out', () => {
    const k = new Kit();
    k.clone('init', 's');
    k.call('s', { op: 'unshare', flags: ['NEWPID'] });
    expect(nsView(k.s, 1)).toMatchObject({ state: 'active', init: null, lastPid: 0, pidMax: 4194304, level: 1, parent: 0 });
    expect(nsView(k.s, 0)).toMatchObject({ state: 'active', parent: null, lastPid: 2, pidMax: 32768 });
  });
  it('a multi-threaded init keeps its namespace active while a thread lives', () => {
    const k = new Kit();
    k.clone('init', 'x', ['NEWPID']);
    k.clone('x', 't', ['THREAD', 'SIGHAND', 'VM']);
    k.call('x', { op: 'thread-exit', code: 0 });
    expect(nsView(k.s, 1).state).toBe('active');
    expect(taskView(k.s, k.id('x')).state).toBe('zombie');
  });
});
