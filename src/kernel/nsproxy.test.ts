/**
 * unshare(CLONE_NEWPID | CLONE_NEWNS) and setns() into a pid namespace (nsproxy.ts): the golden
 * setns matrix (G26) and what unshare changes and does not (R29–R32, R41).
 */
import { describe, expect, it } from 'vitest';
import { dispatch, nsView, taskView } from './index.ts';
import { Kit, nr } from './__fuzz__/kit.ts';

/** r (pid 2) with x (init of ns1, pid 3) and s (init of ns2, pid 4), siblings; b is pid 2 in x */
function siblings(): Kit {
  const k = new Kit();
  k.clone('init', 'r');
  k.clone('r', 'x', ['NEWPID']);
  k.clone('r', 's', ['NEWPID']);
  k.clone('x', 'b');
  return k;
}

describe('setns into a pid namespace (G26, R32)', () => {
  it('from the root: the next fork lands inside, seeing no parent; the caller keeps its pid', () => {
    const k = siblings();
    expect(k.call('r', { op: 'setns', target: k.t('x') })).toBe('0');
    expect(k.call('r', { op: 'getpid' })).toBe('2');
    expect(k.clone('r', 'j')).toBe('6');
    expect(['getpid', 'getppid'].map((op) => k.call('j', { op } as never))).toEqual(['3', '0']);
    expect(k.clone('r', 'j2', ['NEWPID'])).toBe('EINVAL');
    expect(k.call('r', { op: 'unshare', flags: ['NEWPID'] })).toBe('EINVAL');
    expect(k.clone('r', 'th', ['THREAD', 'SIGHAND', 'VM'])).toBe('EINVAL');
  });
  it('from the root to a sibling of the namespace it entered: allowed (checked against the active one)', () => {
    const k = siblings();
    k.call('r', { op: 'setns', target: k.t('x') });
    expect(k.call('r', { op: 'setns', target: k.t('s') })).toBe('0');
    expect(taskView(k.s, k.id('r')).childrenNs).toBe(2);
  });
  it('from inside: a sibling or an ancestor is EINVAL, its own namespace or a descendant is fine', () => {
    const k = siblings();
    expect(k.call('b', { op: 'setns', target: k.t('s') })).toBe('EINVAL');
    expect(k.call('b', { op: 'setns', target: k.t('init') })).toBe('EINVAL');
    expect(k.call('b', { op: 'setns', target: k.t('x') })).toBe('0');
    k.clone('x', 'y', ['NEWPID']);
    expect(k.call('b', { op: 'setns', target: k.t('y') })).toBe('0');
    expect(k.clone('b', 'in-y')).toBe('4');
    expect(k.call('in-y', { op: 'getpid' })).toBe('2');
  });
  it('a number is looked up in the caller\'s namespace (ESRCH when there is none); a reaped task has no file (ENOENT)', () => {
    const k = siblings();
    expect(k.call('r', { op: 'setns', target: nr(3) })).toBe('0');
    expect(taskView(k.s, k.id('r')).childrenNs).toBe(1);
    expect(k.call('r', { op: 'setns', target: nr(99) })).toBe('ESRCH');
    k.clone('init', 'gone');
    k.call('gone', { op: 'exit', code: 0 });
    expect(k.call('r', { op: 'setns', target: k.t('gone') })).toBe('ENOENT');
  });
  it('needs privilege (EPERM), after finding the file', () => {
    const k = siblings();
    k.clone('init', 'u');
    k.call('u', { op: 'caps-drop' });
    expect(k.call('u', { op: 'setns', target: k.t('x') })).toBe('EPERM');
    expect(k.call('u', { op: 'setns', target: nr(99) })).toBe('ESRCH');
  });
  it('into its own active namespace undoes an unshare: unshare works again (G4)', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.call('p', { op: 'unshare', flags: ['NEWPID'] });
    expect(k.call('p', { op: 'setns', target: k.t('p') })).toBe('0');
    expect(taskView(k.s, k.id('p')).childrenNs).toBe(0);
    expect(k.call('p', { op: 'unshare', flags: ['NEWPID'] })).toBe('0');
    expect(taskView(k.s, k.id('p')).childrenNs).toBe(2);
  });
  it('into a namespace whose init died: allowed, but a fork there fails ENOMEM (R62)', () => {
    const k = siblings();
    k.call('x', { op: 'exit', code: 0 });
    expect(k.call('r', { op: 'setns', target: k.t('x') })).toBe('0');
    expect(k.clone('r', 'late')).toBe('ENOMEM');
  });
});

describe('unshare (R29, R41)', () => {
  it('changes only the caller\'s namespace for children, and reports the new namespace', () => {
    const k = new Kit();
    k.clone('init', 'p');
    const out = dispatch(k.s, { actor: k.id('p'), op: 'unshare', flags: ['NEWPID'] });
    expect(out.events).toEqual([{ type: 'ns/created', ns: 1, by: k.id('p') }]);
    expect(taskView(k.s, k.id('p'))).toMatchObject({ ns: 0, childrenNs: 1, nspid: [2] });
    expect(nsView(k.s, 1)).toMatchObject({ state: 'active', level: 1, parent: 0, init: null, live: 0 });
    expect(k.clone('p', 'first')).toBe('3');
    expect(k.clone('p', 'second')).toBe('4');
    expect(['getpid', 'getppid'].map((op) => k.call('second', { op } as never))).toEqual(['2', '0']);
    expect(taskView(k.s, k.id('second')).parent).toBe(k.id('p'));
    expect(nsView(k.s, 1).init).toBe(k.id('first'));
  });
  it('with NEWNS: a private /proc mount; the parent\'s ps still shows the root namespace (R42, R43)', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.call('p', { op: 'unshare', flags: ['NEWPID'] });
    k.clone('p', 'a');
    expect(k.call('a', { op: 'ps' })).toBe('1 2 3');
    k.call('a', { op: 'unshare', flags: ['NEWNS'] });
    expect(k.call('a', { op: 'mount-proc' })).toBe('0');
    expect(k.call('a', { op: 'ps' })).toBe('1');
    expect(k.call('p', { op: 'ps' })).toBe('1 2 3');
    expect(taskView(k.s, k.id('a')).procNs).toBe(1);
  });
  it('with NEWNS alone, no pid namespace is made', () => {
    const k = new Kit();
    k.clone('init', 'p');
    expect(k.call('p', { op: 'unshare', flags: ['NEWNS'] })).toBe('0');
    expect(k.s.namespaces).toHaveLength(1);
    expect(taskView(k.s, k.id('p')).childrenNs).toBe(0);
  });
});
