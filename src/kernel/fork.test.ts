/**
 * kernel_clone / copy_process (fork.ts) and alloc_pid's set_tid (pid.ts): the golden clone3 set_tid
 * matrix (G22), the flag matrix (G25), the depth limit (G24) and what a child inherits (R27, R28, R94).
 */
import { describe, expect, it } from 'vitest';
import { SIGNALS } from './abi.ts';
import { type CloneFlag, checkInvariants, dispatch, taskView } from './index.ts';
import { Kit, ns1World } from './__fuzz__/kit.ts';

const THREAD: CloneFlag[] = ['THREAD', 'SIGHAND', 'VM'];

describe('clone3 set_tid from the root namespace (G22)', () => {
  it('gives a free number and leaves the cursor alone (R26)', () => {
    const k = new Kit();
    expect(k.clone('init', 'a', [], [50])).toBe('50');
    expect(k.clone('init', 'b')).toBe('2');
    expect(k.call('a', { op: 'getpid' })).toBe('50');
  });
  it('refuses a taken number (EEXIST), 0, a negative one and pid_max (EINVAL), and more levels than there are', () => {
    const k = new Kit();
    expect(k.clone('init', 'a', [], [1])).toBe('EEXIST');
    expect(k.clone('init', 'a', [], [0])).toBe('EINVAL');
    expect(k.clone('init', 'a', [], [-3])).toBe('EINVAL');
    expect(k.clone('init', 'a', [], [32768])).toBe('EINVAL');
    expect(k.clone('init', 'a', [], [32767])).toBe('32767');
    expect(k.clone('init', 'b', [], [5, 6])).toBe('EINVAL');
    expect(k.clone('init', 'c', [], [2.5])).toBe('EINVAL');
  });
  it('needs privilege (EPERM), but a bad value is EINVAL first', () => {
    const k = new Kit();
    k.clone('init', 'u');
    k.call('u', { op: 'caps-drop' });
    expect(k.clone('u', 'a', [], [60])).toBe('EPERM');
    expect(k.clone('u', 'a', [], [0])).toBe('EINVAL');
    expect(k.clone('u', 'a')).toBe('3');
  });
});

describe('clone3 set_tid with CLONE_NEWPID (G22)', () => {
  it('{1, n} gives pid 1 inside and n outside; {1} alone lets the outer level allocate', () => {
    const k = new Kit();
    expect(k.clone('init', 'x', ['NEWPID'], [1, 40])).toBe('40');
    expect(k.call('x', { op: 'getpid' })).toBe('1');
    expect(k.clone('init', 'y', ['NEWPID'], [1])).toBe('2');
    expect(taskView(k.s, k.id('y')).nspid).toEqual([2, 1]);
  });
  it('refuses a number other than 1 before the namespace has an init, {1, 1} and three levels', () => {
    const k = new Kit();
    expect(k.clone('init', 'x', ['NEWPID'], [5])).toBe('EINVAL');
    expect(k.clone('init', 'x', ['NEWPID'], [1, 1])).toBe('EEXIST');
    expect(k.clone('init', 'x', ['NEWPID'], [1, 2, 3])).toBe('EINVAL');
    // none of the failures left a namespace behind
    expect(k.clone('init', 'x', ['NEWPID'])).toBe('2');
    expect(taskView(k.s, k.id('x')).ns).toBe(1);
  });
  it('inside a namespace: {77} is 77 there, {78, n} picks both, {1} is taken', () => {
    const k = ns1World();
    expect(k.clone('x', 'a', [], [77])).toBe('77');
    expect(k.clone('x', 'c', [], [78, 500])).toBe('78');
    expect(taskView(k.s, k.id('c')).nspid).toEqual([500, 78]);
    expect(k.clone('x', 'd', [], [1])).toBe('EEXIST');
    expect(k.clone('x', 'e')).toBe('3');
  });
  it('a failure at an outer level frees the numbers taken inside (R16)', () => {
    const k = ns1World();
    expect(k.clone('x', 'a', [], [78, 1])).toBe('EEXIST');
    expect(k.clone('x', 'a', [], [78])).toBe('78');
    expect(checkInvariants(k.s)).toEqual([]);
  });
});

describe('copy_process flag checks (G25, R31, R34)', () => {
  it('refuses THREAD with NEWPID, THREAD without SIGHAND, SIGHAND without VM, NEWNS with FS', () => {
    const k = new Kit();
    k.clone('init', 'p');
    expect(k.clone('p', 'a', ['THREAD', 'SIGHAND', 'VM', 'NEWPID'])).toBe('EINVAL');
    expect(k.clone('p', 'a', ['THREAD', 'VM'])).toBe('EINVAL');
    expect(k.clone('p', 'a', ['SIGHAND'])).toBe('EINVAL');
    expect(k.clone('p', 'a', ['NEWNS', 'FS'])).toBe('EINVAL');
    expect(k.clone('p', 'a', ['NEWPID', 'VM'])).toBe('3');
    expect(k.clone('p', 'b', ['NEWPID', 'SIGHAND', 'VM'])).toBe('4');
    expect(k.clone('p', 'c', ['NEWNS'])).toBe('5');
    expect(k.clone('p', 'd', ['FS'])).toBe('6');
  });
  it('refuses more than 32 set_tid entries even where 33 levels exist', () => {
    const k = new Kit();
    let top = 'init';
    for (let level = 1; level <= 31; level++) {
      expect(k.clone(top, `n${level}`, ['NEWPID'])).not.toMatch(/^E/);
      top = `n${level}`;
    }
    expect(k.clone(top, 'deep', ['NEWPID'], Array.from({ length: 33 }, (_, i) => (i === 0 ? 1 : 1000 + i)))).toBe('EINVAL');
    expect(k.clone(top, 'deep', ['NEWPID'], [1])).toBe('2');
    expect(taskView(k.s, k.id('deep')).nspid).toHaveLength(33);
    expect(k.clone('deep', 'deeper', ['NEWPID'])).toBe('ENOSPC');
    expect(k.call('deep', { op: 'unshare', flags: ['NEWPID'] })).toBe('ENOSPC');
  });
  it('a namespace init may not use CLONE_PARENT; another process may, and its parent adopts the child (G25)', () => {
    const k = ns1World();
    expect(k.clone('x', 'sib', ['PARENT'])).toBe('EINVAL');
    expect(k.clone('x', 'sib', ['PARENT', 'NEWPID'])).toBe('EINVAL');
    expect(k.clone('b', 'sib', ['PARENT'])).toBe('3');
    expect(k.call('sib', { op: 'getppid' })).toBe('1');
    expect(k.clone('h', 'y', ['NEWPID', 'PARENT'])).toBe('6');
    expect(taskView(k.s, k.id('y')).parent).toBe(k.id('init'));
    expect(k.call('y', { op: 'getpid' })).toBe('1');
  });
  it('without privilege CLONE_NEWPID and CLONE_NEWNS are EPERM, a plain fork is fine', () => {
    const k = new Kit();
    k.clone('init', 'u');
    k.call('u', { op: 'caps-drop' });
    expect(k.clone('u', 'a', ['NEWPID'])).toBe('EPERM');
    expect(k.clone('u', 'a', ['NEWNS'])).toBe('EPERM');
    expect(k.call('u', { op: 'unshare', flags: ['NEWPID'] })).toBe('EPERM');
    expect(k.clone('u', 'a')).toBe('3');
    expect(taskView(k.s, k.id('a')).privileged).toBe(false);
  });
  it('after unshare: no second namespace, no thread; a thread of the same process still may (G4, G35)', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.clone('p', 't', THREAD);
    expect(k.call('p', { op: 'unshare', flags: ['NEWPID'] })).toBe('0');
    expect(k.call('p', { op: 'unshare', flags: ['NEWPID'] })).toBe('EINVAL');
    expect(k.clone('p', 'a', ['NEWPID'])).toBe('EINVAL');
    expect(k.clone('p', 'a', THREAD)).toBe('EINVAL');
    expect(k.clone('t', 'outer')).toBe('4');
    expect(k.call('outer', { op: 'getppid' })).toBe('2');
    expect(k.clone('p', 'inner')).toBe('5');
    expect(k.call('inner', { op: 'getpid' })).toBe('1');
    expect(k.call('inner', { op: 'getppid' })).toBe('0');
  });
});

describe('what a child starts with (R27, R28, R94)', () => {
  it('a CLONE_NEWPID child is pid 1 with the outside group and session, seen as 0 (G37)', () => {
    const k = new Kit();
    k.clone('init', 'h');
    k.call('h', { op: 'setsid' });
    expect(k.clone('h', 'x', ['NEWPID'])).toBe('3');
    expect(['getpid', 'getppid'].map((op) => k.call('x', { op } as never))).toEqual(['1', '0']);
    expect(k.call('x', { op: 'getpgid', target: null })).toBe('0');
    expect(k.call('x', { op: 'getsid', target: null })).toBe('0');
    expect(k.call('h', { op: 'getpgid', target: k.t('x') })).toBe('2');
    expect(k.call('x', { op: 'setsid' })).toBe('1');
  });
  it('inherits dispositions, the mask, uid and command; CLONE_SIGHAND shares the table', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.call('p', { op: 'signal', sig: SIGNALS.USR1, disposition: 'handle' });
    k.call('p', { op: 'signal', sig: SIGNALS.USR2, disposition: 'ignore' });
    k.call('p', { op: 'sigmask', block: true, sig: SIGNALS.TERM });
    k.call('p', { op: 'exec', cmd: '/bin/sh' });
    k.call('p', { op: 'signal', sig: SIGNALS.HUP, disposition: 'handle' });
    k.call('p', { op: 'setuid', uid: 1000 });
    k.clone('p', 'c');
    k.call('p', { op: 'clone', flags: ['SIGHAND', 'VM'], setTid: null, label: 's', cmd: '/bin/other' });
    const c = taskView(k.s, k.id('c'));
    expect([c.handled, c.ignored, c.blocked, c.uid, c.cmd, c.privileged]).toEqual([['HUP'], ['USR2'], ['TERM'], 1000, '/bin/sh', false]);
    expect(taskView(k.s, k.id('s')).cmd).toBe('/bin/other');
    k.call('s', { op: 'signal', sig: SIGNALS.INT, disposition: 'ignore' });
    expect(taskView(k.s, k.id('p')).ignored).toEqual(['INT', 'USR2']);
    k.call('c', { op: 'signal', sig: SIGNALS.QUIT, disposition: 'ignore' });
    expect(taskView(k.s, k.id('p')).ignored).toEqual(['INT', 'USR2']);
  });
  it('a forked child does not run its parent\'s `reap auto` handler', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.call('p', { op: 'reap', mode: 'auto' });
    k.clone('p', 'c');
    expect(taskView(k.s, k.id('c')).reapAuto).toBe(false);
    k.clone('c', 'g');
    k.call('g', { op: 'exit', code: 0 });
    expect(k.state('g')).toBe('zombie');
  });
  it('a thread joins its creator\'s process: same pid, same parent, own tid (R36)', () => {
    const k = new Kit();
    k.clone('init', 'p');
    expect(k.clone('p', 't', THREAD)).toBe('3');
    expect(['getpid', 'gettid', 'getppid'].map((op) => k.call('t', { op } as never))).toEqual(['2', '3', '1']);
    expect(taskView(k.s, k.id('t'))).toMatchObject({ isThread: true, leader: k.id('p'), parent: 0 });
    expect(k.ps(0)).toBe('1 0 1 1 S init\n2 1 1 1 S p');
  });
  it('CLONE_NEWNS gives the child a mount namespace of its own: its /proc mount is not its parent\'s', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.clone('p', 'x', ['NEWPID', 'NEWNS']);
    k.clone('x', 'b');
    expect(k.call('x', { op: 'mount-proc' })).toBe('0');
    expect([k.call('b', { op: 'ps' }), k.call('p', { op: 'ps' })]).toEqual(['1 2', '1 2 3 4']);
    k.clone('p', 'plain');
    expect(k.call('plain', { op: 'ps' })).toBe('1 2 3 4 5');
  });
  it('reports its creation and namespace as events', () => {
    const k = new Kit();
    const out = dispatch(k.s, { actor: 0, op: 'clone', flags: ['NEWPID'], setTid: null, label: 'x', cmd: null });
    expect(out.events).toEqual([
      { type: 'ns/created', ns: 1, by: 0 },
      { type: 'task/created', task: 1, parent: 0, thread: false },
    ]);
    const t = dispatch(k.s, { actor: 1, op: 'clone', flags: THREAD, setTid: null, label: 't', cmd: null });
    expect(t.events).toEqual([{ type: 'task/created', task: 2, parent: 0, thread: true }]);
  });
  it('a fork into a dying namespace fails ENOMEM and leaves no number behind (R17, G3)', () => {
    const k = new Kit();
    k.clone('init', 's');
    k.call('s', { op: 'unshare', flags: ['NEWPID'] });
    k.clone('s', 'first');
    k.call('first', { op: 'exit', code: 0 });
    expect(k.clone('s', 'second')).toBe('ENOMEM');
    // the root number 4 was taken and given back; the cursor had moved past it (R16)
    expect(k.clone('init', 'o')).toBe('5');
    expect(k.call('init', { op: 'kill', sig: 0, target: { kind: 'nr', nr: 4 } })).toBe('ESRCH');
    expect(checkInvariants(k.s)).toEqual([]);
  });
});
