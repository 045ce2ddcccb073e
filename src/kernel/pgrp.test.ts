/**
 * Process groups and sessions (pgrp.ts, sys.ts: setsid, setpgid, getpgid, getsid, kill of a
 * group, orphaned groups), each rule of kernel/sys.c and kernel/exit.c with the case that breaks it.
 */
import { describe, expect, it } from 'vitest';
import { SIGNALS } from './abi.ts';
import { dispatch } from './index.ts';
import { Kit, nr } from './__fuzz__/kit.ts';

const setpgid = (k: Kit, actor: string, target: string | number, pgid: string | number) =>
  k.call(actor, {
    op: 'setpgid',
    target: typeof target === 'number' ? nr(target) : k.t(target),
    pgid: typeof pgid === 'number' ? nr(pgid) : k.t(pgid),
  });

/** init (1) → sh (2) → a (3), b (4) */
function shell(): Kit {
  const k = new Kit();
  k.clone('init', 'sh');
  k.clone('sh', 'a');
  k.clone('sh', 'b');
  return k;
}

describe('setsid (ksys_setsid)', () => {
  it('makes a new session and group led by the caller, and answers its pid', () => {
    const k = shell();
    expect(k.call('a', { op: 'setsid' })).toBe('3');
    expect(k.ps(0)).toContain('3 2 3 3 S a');
  });
  it('refuses a group leader (EPERM), even of a group of one', () => {
    const k = shell();
    expect(k.call('init', { op: 'setsid' })).toBe('EPERM');
    expect(setpgid(k, 'a', 0, 0)).toBe('0');
    expect(k.call('a', { op: 'setsid' })).toBe('EPERM');
  });
  it('refuses a process whose pid still names a group (EPERM)', () => {
    const k = shell();
    expect(setpgid(k, 'a', 0, 0)).toBe('0');
    expect(setpgid(k, 'sh', 'b', 'a')).toBe('0');
    expect(setpgid(k, 'a', 0, 1)).toBe('0');
    expect(k.call('a', { op: 'setsid' })).toBe('EPERM');
    k.call('b', { op: 'exit', code: 0 });
    k.call('sh', { op: 'wait', target: null, nohang: false });
    expect(k.call('a', { op: 'setsid' })).toBe('3');
  });
});

describe('setpgid', () => {
  it('moves a child into a new group and then into a group of its session', () => {
    const k = shell();
    expect(setpgid(k, 'sh', 'a', 0)).toBe('0');
    expect(setpgid(k, 'sh', 'b', 'a')).toBe('0');
    expect(k.call('b', { op: 'getpgid', target: null })).toBe('3');
    expect(k.ps(0).split('\n').slice(2)).toEqual(['3 2 3 1 S a', '4 2 3 1 S b']);
  });
  it('refuses a negative group (EINVAL), a thread (EINVAL), a stranger (ESRCH) and a missing pid (ESRCH)', () => {
    const k = shell();
    expect(setpgid(k, 'sh', 'a', -1)).toBe('EINVAL');
    k.clone('a', 'th', ['THREAD', 'SIGHAND', 'VM']);
    expect(setpgid(k, 'a', 'th', 0)).toBe('EINVAL');
    expect(setpgid(k, 'a', 'b', 0)).toBe('ESRCH');
    expect(setpgid(k, 'sh', 999, 0)).toBe('ESRCH');
  });
  it('refuses a child in another session (EPERM) and a child that has exec-ed (EACCES)', () => {
    const k = shell();
    k.call('a', { op: 'setsid' });
    expect(setpgid(k, 'sh', 'a', 0)).toBe('EPERM');
    k.call('b', { op: 'exec', cmd: 'x' });
    expect(setpgid(k, 'sh', 'b', 0)).toBe('EACCES');
  });
  it('refuses a session leader (EPERM), a group that does not exist (EPERM) or lives in another session (EPERM)', () => {
    const k = shell();
    expect(setpgid(k, 'init', 0, 0)).toBe('EPERM');
    expect(setpgid(k, 'sh', 'a', 77)).toBe('EPERM');
    k.clone('init', 'other');
    k.call('other', { op: 'setsid' });
    expect(setpgid(k, 'sh', 'a', 'other')).toBe('EPERM');
  });
  it('keeps a group alive while a member is: a reaped leader leaves its number to the others', () => {
    const k = shell();
    setpgid(k, 'sh', 'a', 0);
    setpgid(k, 'sh', 'b', 'a');
    k.call('a', { op: 'exit', code: 0 });
    k.call('sh', { op: 'wait', target: k.t('a'), nohang: false });
    expect(k.call('b', { op: 'getpgid', target: null })).toBe('3');
    expect(setpgid(k, 'sh', 'b', 3)).toBe('0');
  });
});

describe('getpgid and getsid', () => {
  it('answer in the caller\'s namespace, and ESRCH for a pid it cannot see', () => {
    const k = shell();
    k.clone('a', 'x', ['NEWPID']);
    k.clone('x', 'y');
    expect(k.call('y', { op: 'getpgid', target: null })).toBe('0');
    expect(k.call('sh', { op: 'getsid', target: k.t('y') })).toBe('1');
    expect(k.call('y', { op: 'getsid', target: nr(3) })).toBe('ESRCH');
  });
});

describe('kill of a process group', () => {
  it('reaches every member and only them (zombies answer too), ESRCH once all are reaped', () => {
    const k = shell();
    setpgid(k, 'sh', 'a', 0);
    setpgid(k, 'sh', 'b', 'a');
    expect(k.call('sh', { op: 'kill', sig: SIGNALS.TERM, target: nr(-3) })).toBe('0');
    expect([k.exit('a'), k.exit('b'), k.state('sh')]).toEqual(['signal TERM', 'signal TERM', 'alive']);
    expect(k.call('sh', { op: 'kill', sig: SIGNALS.TERM, target: nr(-3) })).toBe('0');
    k.call('sh', { op: 'wait', target: null, nohang: false });
    k.call('sh', { op: 'wait', target: null, nohang: false });
    expect(k.call('sh', { op: 'kill', sig: SIGNALS.TERM, target: nr(-3) })).toBe('ESRCH');
  });
});

describe('orphaned process groups (will_become_orphaned_pgrp, kill_orphaned_pgrp)', () => {
  it('a group with a stopped member gets SIGHUP then SIGCONT when its last outside parent exits', () => {
    const k = shell();
    setpgid(k, 'sh', 'a', 0);
    k.call('sh', { op: 'kill', sig: SIGNALS.STOP, target: k.t('a') });
    expect(k.state('a')).toBe('stopped');
    k.call('sh', { op: 'exit', code: 0 });
    expect(k.exit('a')).toBe('signal HUP');
  });
  it('a group without a stopped member is left alone', () => {
    const k = shell();
    setpgid(k, 'sh', 'a', 0);
    k.call('sh', { op: 'exit', code: 0 });
    expect(k.state('a')).toBe('alive');
  });
  it('a group that keeps a parent in another group of the session is not orphaned', () => {
    const k = shell();
    setpgid(k, 'sh', 'a', 0);
    k.clone('a', 'c');
    setpgid(k, 'a', 'c', 0);
    k.call('c', { op: 'kill', sig: SIGNALS.STOP, target: nr(0) });
    expect(k.state('c')).toBe('stopped');
    k.call('sh', { op: 'exit', code: 0 });
    expect(k.state('c')).toBe('stopped');
  });
});

describe('a group\'s members as the kernel walks them', () => {
  it('the most recently attached member first (hlist_add_head), in kill(-pgrp)', () => {
    const k = shell();
    setpgid(k, 'a', 0, 0);
    k.call('a', { op: 'signal', sig: SIGNALS.USR1, disposition: 'handle' });
    k.clone('a', 'c1');
    k.clone('a', 'c2');
    const out = dispatch(k.s, { actor: k.id('sh'), op: 'kill', sig: SIGNALS.USR1, target: nr(-3) });
    expect(out.events.map((e) => (e.type === 'signal/delivered' ? k.s.tasks.label[e.task] : e.type))).toEqual(['c2', 'c1', 'a']);
  });
});

/** a session: sh (pid 2, leader of session and group 2) → a (3), b (4), both in the session */
function session(): Kit {
  const k = new Kit();
  k.clone('init', 'sh');
  k.call('sh', { op: 'setsid' });
  k.call('sh', { op: 'reap', mode: 'manual' });
  k.clone('sh', 'a');
  k.clone('sh', 'b');
  setpgid(k, 'sh', 'a', 0);
  k.clone('a', 'q');
  setpgid(k, 'sh', 'b', 'a');
  k.call('sh', { op: 'kill', sig: SIGNALS.STOP, target: k.t('q') });
  return k;
}

describe('will_become_orphaned_pgrp at an exit', () => {
  it('a zombie member does not keep its group joined to the session: the exit orphans the group', () => {
    const k = session();
    k.call('b', { op: 'exit', code: 0 });
    expect(k.state('b')).toBe('zombie');
    k.call('a', { op: 'exit', code: 0 });
    expect(k.exit('q')).toBe('signal HUP');
  });
  it('a live member with its parent in another group of the session keeps it joined', () => {
    const k = session();
    k.call('a', { op: 'exit', code: 0 });
    expect(k.state('q')).toBe('stopped');
  });
});
