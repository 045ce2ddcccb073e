/**
 * kernel/sys.c as the model has it (sys.ts): identity seen from a namespace (R36–R38), setsid and
 * setpgid inside a namespace (G36), PR_SET_CHILD_SUBREAPER (R83–R85, G7–G10), credentials.
 */
import { describe, expect, it } from 'vitest';
import { SIGNALS } from './abi.ts';
import { taskView } from './index.ts';
import { Kit, nr, ns1World } from './__fuzz__/kit.ts';

const setpgid = (k: Kit, who: string, pid: number, pgid: number) =>
  k.call(who, { op: 'setpgid', target: nr(pid), pgid: nr(pgid) });

describe('identity seen from a namespace (R36–R38)', () => {
  it('getpid, gettid and getppid answer in the caller\'s namespace; a thread has the process\'s parent', () => {
    const k = ns1World();
    k.clone('b', 'bt', ['THREAD', 'SIGHAND', 'VM']);
    expect(['getpid', 'gettid', 'getppid'].map((op) => k.call('bt', { op } as never))).toEqual(['2', '3', '1']);
    expect(k.call('init', { op: 'getppid' })).toBe('0');
    expect(k.call('h', { op: 'getpid' })).toBe('2');
  });
  it('a child whose parent thread is a thread of another process reports that process', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.clone('p', 't', ['THREAD', 'SIGHAND', 'VM']);
    k.clone('t', 'c');
    expect(k.call('c', { op: 'getppid' })).toBe('2');
  });
  it('getpgid and getsid of another process, by number or by task; 0 is the caller; ESRCH for a stranger', () => {
    const k = ns1World();
    k.call('b', { op: 'setsid' });
    expect(k.call('x', { op: 'getsid', target: nr(2) })).toBe('2');
    expect(k.call('x', { op: 'getpgid', target: k.t('b') })).toBe('2');
    expect(k.call('b', { op: 'getpgid', target: nr(0) })).toBe('2');
    expect(k.call('h', { op: 'getsid', target: k.t('b') })).toBe('4');
    expect(k.call('b', { op: 'getsid', target: k.t('h') })).toBe('ESRCH');
    expect(k.call('b', { op: 'getpgid', target: nr(77) })).toBe('ESRCH');
  });
  it('a reaped task named by label is a pid that does not exist', () => {
    const k = ns1World();
    k.clone('x', 'gone');
    k.call('gone', { op: 'exit', code: 0 });
    k.call('x', { op: 'wait', target: k.t('gone'), nohang: false });
    expect(k.call('x', { op: 'getpgid', target: k.t('gone') })).toBe('ESRCH');
    expect(k.call('x', { op: 'nspid', target: k.t('gone') })).toBe('ESRCH');
  });
  it('nspid lists every number outermost first; 0 is no /proc entry, no target is the caller', () => {
    const k = ns1World();
    expect(k.call('b', { op: 'nspid', target: null })).toBe('4 2');
    expect(k.call('h', { op: 'nspid', target: nr(4) })).toBe('4 2');
    expect(k.call('b', { op: 'nspid', target: nr(0) })).toBe('ESRCH');
    expect(k.call('b', { op: 'nspid', target: nr(9) })).toBe('ESRCH');
    expect(k.call('b', { op: 'nspid', target: k.t('h') })).toBe('ESRCH');
  });
});

describe('setsid and setpgid inside a namespace (G36, R80, R81)', () => {
  it('the init: 0 and 0, then setsid makes it 1 and 1; a second setsid and setpgid(0, 0) are EPERM', () => {
    const k = ns1World();
    expect(k.call('x', { op: 'getpgid', target: null })).toBe('0');
    expect(k.call('x', { op: 'setsid' })).toBe('1');
    expect([k.call('x', { op: 'getpgid', target: null }), k.call('x', { op: 'getsid', target: null })]).toEqual(['1', '1']);
    expect(k.call('x', { op: 'setsid' })).toBe('EPERM');
    expect(setpgid(k, 'x', 0, 0)).toBe('EPERM');
    expect(k.ps(1)).toBe('1 0 1 1 S x\n2 1 0 0 S b');
  });
  it('a child: the harness group is EPERM, group 1 before the init leads one is EPERM, strangers ESRCH', () => {
    const k = ns1World();
    k.call('h', { op: 'setpgid', target: nr(0), pgid: nr(0) });
    expect(k.call('b', { op: 'setpgid', target: nr(0), pgid: k.t('h') })).toBe('EPERM');
    expect(setpgid(k, 'b', 0, 5)).toBe('EPERM');
    expect(setpgid(k, 'b', 0, 1)).toBe('EPERM');
    expect(setpgid(k, 'b', 99999, 0)).toBe('ESRCH');
    expect(setpgid(k, 'b', 1, 1)).toBe('ESRCH');
    expect(k.call('b', { op: 'setsid' })).toBe('2');
  });
  it('a parent moves its child into its own group; the same group again is fine', () => {
    const k = new Kit();
    k.clone('init', 'sh');
    k.call('sh', { op: 'setsid' });
    k.clone('sh', 'a');
    k.clone('sh', 'b');
    expect(setpgid(k, 'sh', 3, 0)).toBe('0');
    expect(setpgid(k, 'sh', 3, 3)).toBe('0');
    expect(setpgid(k, 'sh', 3, 2)).toBe('0');
    expect(k.call('a', { op: 'getpgid', target: null })).toBe('2');
    expect(setpgid(k, 'b', 0, 4)).toBe('0');
    expect(k.ps(0).split('\n').slice(1)).toEqual(['2 1 2 2 S sh', '3 2 2 2 S a', '4 2 4 2 S b']);
  });
  it('setsid leaves the old group and session: they live on in the other members', () => {
    const k = new Kit();
    k.clone('init', 'a');
    k.clone('init', 'b');
    expect(k.call('a', { op: 'setsid' })).toBe('2');
    expect(k.ps(0)).toBe('1 0 1 1 S init\n2 1 2 2 S a\n3 1 1 1 S b');
    expect(k.call('a', { op: 'kill', sig: 0, target: nr(-1) })).toBe('0');
  });
  it('setpgid of a zombie child answers as for any child (its group link still stands)', () => {
    const k = new Kit();
    k.clone('init', 'sh');
    k.clone('sh', 'z');
    k.call('z', { op: 'exit', code: 0 });
    expect(setpgid(k, 'sh', 3, 0)).toBe('0');
    expect(k.call('sh', { op: 'kill', sig: 0, target: nr(-3) })).toBe('0');
  });
});

describe('PR_SET_CHILD_SUBREAPER (R83–R85)', () => {
  it('G8: an in-namespace subreaper adopts its orphaned grandchild and reaps it; the mark is not inherited', () => {
    const k = ns1World();
    k.clone('x', 's');
    expect(k.call('s', { op: 'prctl-subreaper', on: true })).toBe('0');
    k.clone('s', 'p');
    k.clone('p', 'q');
    k.call('p', { op: 'exit', code: 0 });
    expect(k.call('q', { op: 'getppid' })).toBe('3');
    k.call('q', { op: 'exit', code: 2 });
    expect(k.call('s', { op: 'wait', target: null, nohang: false })).toBe('4');
    expect(k.call('s', { op: 'wait', target: null, nohang: false })).toBe('5');
    expect(taskView(k.s, k.id('p')).subreaper).toBe(false);
    expect(taskView(k.s, k.id('s')).subreaper).toBe(true);
  });
  it('G9: an exiting subreaper is skipped, the next one up adopts', () => {
    const k = new Kit();
    k.clone('init', 'top');
    k.call('top', { op: 'prctl-subreaper', on: true });
    k.clone('top', 's2');
    k.call('s2', { op: 'prctl-subreaper', on: true });
    k.clone('s2', 'p3');
    k.clone('p3', 'q3');
    k.call('s2', { op: 'exit', code: 0 });
    expect(k.call('p3', { op: 'getppid' })).toBe('2');
    k.call('p3', { op: 'exit', code: 0 });
    expect(k.call('q3', { op: 'getppid' })).toBe('2');
  });
  it('switched off, it adopts nothing: orphans go to the init', () => {
    const k = new Kit();
    k.clone('init', 's');
    k.call('s', { op: 'prctl-subreaper', on: true });
    k.clone('s', 'p');
    k.clone('p', 'q');
    expect(k.call('s', { op: 'prctl-subreaper', on: false })).toBe('0');
    k.call('p', { op: 'exit', code: 0 });
    expect(k.call('q', { op: 'getppid' })).toBe('1');
  });
  it('marks the descendants that already exist, down to a namespace init but not through it', () => {
    const k = new Kit();
    k.clone('init', 's');
    k.clone('s', 'p');
    k.clone('p', 'q');
    k.clone('s', 'x', ['NEWPID']);
    k.clone('x', 'xp');
    k.clone('xp', 'xq');
    k.call('s', { op: 'prctl-subreaper', on: true });
    k.call('p', { op: 'exit', code: 0 });
    expect(k.call('q', { op: 'getppid' })).toBe('2');
    k.call('xp', { op: 'exit', code: 0 });
    expect(k.call('xq', { op: 'getppid' })).toBe('1');
  });
  it('marks the children of every thread of the descendants', () => {
    const k = new Kit();
    k.clone('init', 's');
    k.clone('s', 'p');
    k.clone('p', 'pt', ['THREAD', 'SIGHAND', 'VM']);
    k.clone('pt', 'c');
    k.clone('c', 'g');
    k.call('s', { op: 'prctl-subreaper', on: true });
    k.call('c', { op: 'exit', code: 0 });
    expect(k.call('g', { op: 'getppid' })).toBe('2');
  });
  it('G10: a child injected by setns is adopted across the boundary by an outside subreaper, still seeing 0', () => {
    const k = new Kit();
    k.clone('init', 'H');
    k.call('H', { op: 'prctl-subreaper', on: true });
    k.clone('H', 'x', ['NEWPID']);
    k.clone('H', 'hp');
    k.call('hp', { op: 'setns', target: k.t('x') });
    k.clone('hp', 'c');
    k.call('hp', { op: 'exit', code: 0 });
    expect(taskView(k.s, k.id('c')).parent).toBe(k.id('H'));
    expect(k.call('c', { op: 'getppid' })).toBe('0');
    k.call('c', { op: 'exit', code: 0 });
    expect(k.call('H', { op: 'wait', target: k.t('c'), nohang: false })).toBe('5');
  });
  it('G7: a subreaper outside the namespace never adopts orphans whose parent lived inside', () => {
    const k = new Kit();
    k.clone('init', 'H');
    k.call('H', { op: 'prctl-subreaper', on: true });
    k.clone('H', 'x', ['NEWPID']);
    k.clone('x', 'p');
    k.clone('p', 'q');
    k.call('p', { op: 'exit', code: 0 });
    expect(k.call('q', { op: 'getppid' })).toBe('1');
    expect(taskView(k.s, k.id('q')).parent).toBe(k.id('x'));
  });
});

describe('credentials', () => {
  it('setuid: privileged to any uid (dropping capabilities unless 0), unprivileged only to its own', () => {
    const k = new Kit();
    k.clone('init', 'a');
    expect(k.call('a', { op: 'setuid', uid: 0 })).toBe('0');
    expect(taskView(k.s, k.id('a')).privileged).toBe(true);
    expect(k.call('a', { op: 'setuid', uid: 1000 })).toBe('0');
    expect(taskView(k.s, k.id('a'))).toMatchObject({ uid: 1000, privileged: false });
    expect(k.call('a', { op: 'setuid', uid: 1000 })).toBe('0');
    expect(k.call('a', { op: 'setuid', uid: 0 })).toBe('EPERM');
    expect(k.call('a', { op: 'setuid', uid: -1 })).toBe('EINVAL');
    expect(k.call('a', { op: 'setuid', uid: 4294967295 })).toBe('EINVAL');
    expect(k.call('a', { op: 'setuid', uid: 1.5 })).toBe('EINVAL');
  });
  it('setuid to uid 0 keeps the capabilities; the largest uid is accepted', () => {
    const k = new Kit();
    k.clone('init', 'a');
    expect(k.call('a', { op: 'setuid', uid: 4294967294 })).toBe('0');
    k.clone('init', 'b');
    k.call('b', { op: 'setuid', uid: 5 });
    k.clone('init', 'r');
    expect(k.call('r', { op: 'setuid', uid: 0 })).toBe('0');
    expect(taskView(k.s, k.id('r')).privileged).toBe(true);
  });
  it('a change of uid clears the parent-death signal; setting the same uid does not (R97)', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.clone('p', 'c');
    k.call('c', { op: 'pdeathsig', sig: SIGNALS.TERM });
    k.call('c', { op: 'setuid', uid: 0 });
    k.clone('init', 'p2');
    k.clone('p2', 'c2');
    k.call('c2', { op: 'pdeathsig', sig: SIGNALS.TERM });
    k.call('c2', { op: 'setuid', uid: 7 });
    k.call('p', { op: 'exit', code: 0 });
    k.call('p2', { op: 'exit', code: 0 });
    expect(k.exit('c')).toBe('signal TERM');
    expect(k.state('c2')).toBe('alive');
  });
  it('caps-drop is per thread', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.clone('p', 't', ['THREAD', 'SIGHAND', 'VM']);
    expect(k.call('t', { op: 'caps-drop' })).toBe('0');
    expect([taskView(k.s, k.id('t')).privileged, taskView(k.s, k.id('p')).privileged]).toEqual([false, true]);
  });
});
