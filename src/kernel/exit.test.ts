import { describe, expect, it } from 'vitest';
import { g1World, Kit } from './__fuzz__/kit.ts';

const nr = (n: number) => ({ kind: 'nr' as const, nr: n });

describe('exit, orphans and the namespace teardown (R50–R62)', () => {
  it('G1: the init exits, the namespace is killed and reaped by it, forks then fail ENOMEM', () => {
    const k = g1World();
    k.call('a', { op: 'exit', code: 7 });
    expect([k.exit('b'), k.exit('c'), k.state('b'), k.state('c')]).toEqual(['signal KILL', 'signal KILL', 'dead', 'dead']);
    expect(k.call('s', { op: 'wait', target: k.t('a'), nohang: false })).toBe('3');
    expect(k.exit('a')).toBe('code 7');
    expect(k.clone('s', 'd')).toBe('ENOMEM');
    expect(k.ns(1)).toBe('dead');
  });

  it('G2: the teardown waits for a zombie whose parent is outside', () => {
    const k = new Kit();
    k.clone('init', 's');
    k.call('s', { op: 'unshare', flags: ['NEWPID'] });
    k.clone('s', 'a');
    k.clone('s', 'd');
    k.call('a', { op: 'exit', code: 7 });
    expect(k.state('a')).toBe('exiting');
    expect(k.ns(1)).toBe('dying');
    expect(k.call('s', { op: 'wait', target: k.t('a'), nohang: true })).toBe('0');
    expect(k.ps(1)).toBe('1 0 0 0 S a\n2 0 0 0 Z d');
    expect(k.call('s', { op: 'wait', target: k.t('d'), nohang: false })).toBe('4');
    expect(k.state('a')).toBe('zombie');
    expect(k.call('s', { op: 'wait', target: k.t('a'), nohang: false })).toBe('3');
    expect(k.ns(1)).toBe('dead');
  });

  it('a blocked wait on the init completes when another step lets the teardown finish', () => {
    const k = new Kit();
    k.clone('init', 'h');
    k.clone('h', 'x', ['NEWPID']);
    k.clone('init', 'j');
    k.call('j', { op: 'setns', target: k.t('x') });
    k.clone('j', 'inj');
    expect(k.call('h', { op: 'wait', target: k.t('x'), nohang: false })).toBe('blocked');
    k.call('x', { op: 'exit', code: 1 });
    expect([k.state('inj'), k.state('x'), k.state('h')]).toEqual(['zombie', 'exiting', 'alive']);
    expect(k.call('j', { op: 'wait', target: null, nohang: false })).toBe('5');
    expect([k.state('x'), k.exit('x')]).toEqual(['dead', 'code 1']);
    expect(k.call('h', { op: 'getpid' })).toBe('2');
  });

  it('orphans go to a live subreaper in the same namespace, else to its init (R51, G7–G9)', () => {
    const k = new Kit();
    k.clone('init', 'h');
    k.call('h', { op: 'prctl-subreaper', on: true });
    k.clone('h', 'x', ['NEWPID']);
    k.clone('x', 's');
    k.call('s', { op: 'prctl-subreaper', on: true });
    k.clone('s', 'p');
    k.clone('p', 'q');
    k.clone('x', 'p2');
    k.clone('p2', 'q2');
    k.call('p', { op: 'exit', code: 0 });
    k.call('p2', { op: 'exit', code: 0 });
    expect(k.call('q', { op: 'getppid' })).toBe('2');
    expect(k.call('q2', { op: 'getppid' })).toBe('1');
  });

  it('the init of a namespace ignores SIGCHLD during the teardown and reaps what it had', () => {
    const k = new Kit();
    k.clone('init', 'h');
    k.clone('h', 'x', ['NEWPID']);
    k.clone('x', 'z');
    k.call('z', { op: 'exit', code: 3 });
    expect(k.ps(1)).toBe('1 0 0 0 S x\n2 1 0 0 Z z');
    k.call('h', { op: 'kill', sig: 9, target: k.t('x') });
    expect(k.state('z')).toBe('dead');
    expect(k.exit('x')).toBe('signal KILL');
    expect(k.ps(0)).toBe('1 0 1 1 S init\n2 1 1 1 S h\n3 2 1 1 Z x');
  });

  it('a multi-threaded init keeps its namespace alive until its last thread exits (R54, G27)', () => {
    const k = new Kit();
    k.clone('init', 'h');
    k.clone('h', 'x', ['NEWPID']);
    k.clone('x', 't2', ['THREAD', 'SIGHAND', 'VM']);
    k.clone('x', 'p');
    k.clone('p', 'q');
    k.call('x', { op: 'thread-exit', code: 0 });
    expect(k.ns(1)).toBe('active');
    k.call('p', { op: 'exit', code: 0 });
    expect(k.call('q', { op: 'getppid' })).toBe('1');
    k.call('t2', { op: 'thread-exit', code: 0 });
    expect(k.ns(1)).toBe('dying');
    expect(k.call('h', { op: 'wait', target: nr(-1), nohang: false })).toBe('3');
    expect(k.exit('x')).toBe('code 0');
  });

  it('reboot inside a namespace: the caller exits 0, the init is reported killed by SIGHUP (R90, R96)', () => {
    const k = new Kit();
    k.clone('init', 'h');
    k.clone('h', 'x', ['NEWPID']);
    k.clone('x', 'b');
    expect(k.call('b', { op: 'reboot', cmd: 'CAD_ON' })).toBe('EINVAL');
    expect(k.call('b', { op: 'reboot', cmd: 'RESTART' })).toBe('');
    expect(k.exit('b')).toBe('code 0');
    expect(k.call('h', { op: 'wait', target: k.t('x'), nohang: false })).toBe('3');
    expect(k.exit('x')).toBe('signal HUP');
    expect(k.call('h', { op: 'reboot', cmd: 'RESTART' })).toMatch(/^fault/);
  });

  it('the root init can never end', () => {
    const k = new Kit();
    expect(k.call('init', { op: 'exit', code: 0 })).toMatch(/^fault/);
    expect(k.call('init', { op: 'fault' })).toMatch(/^fault/);
    expect(k.state('init')).toBe('alive');
  });
});
