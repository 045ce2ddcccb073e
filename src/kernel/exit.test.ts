import { describe, expect, it } from 'vitest';
import { SIGNALS } from './abi.ts';
import { dispatch } from './index.ts';
import { Kit, g1World, nr } from './__fuzz__/kit.ts';

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

describe('the status of a multi-threaded exit (R54, R100)', () => {
  it('after threads leave one by one, the last one\'s code is the process\'s', () => {
    const k = new Kit();
    k.call('init', { op: 'reap', mode: 'manual' });
    k.clone('init', 'p');
    k.clone('p', 't', ['THREAD', 'SIGHAND', 'VM']);
    k.call('p', { op: 'thread-exit', code: 5 });
    expect(k.state('p')).toBe('zombie');
    k.call('t', { op: 'thread-exit', code: 6 });
    expect(k.call('init', { op: 'wait', target: k.t('p'), nohang: false })).toBe('2');
    expect(k.exit('p')).toBe('code 6');
    expect(k.exit('t')).toBe('code 6');
  });
  it('a group exit by a thread after its leader left gives the leader the group\'s code, even released by the kernel', () => {
    const k = new Kit();
    k.clone('init', 'h');
    k.call('h', { op: 'signal', sig: SIGNALS.CHLD, disposition: 'ignore' });
    k.clone('h', 'p');
    k.clone('p', 't', ['THREAD', 'SIGHAND', 'VM']);
    k.call('p', { op: 'thread-exit', code: 1 });
    k.call('t', { op: 'exit', code: 9 });
    expect([k.state('p'), k.exit('p')]).toEqual(['dead', 'code 9']);
  });
  it('exit_group from a thread ends every thread with the group\'s code', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.clone('p', 't1', ['THREAD', 'SIGHAND', 'VM']);
    k.clone('p', 't2', ['THREAD', 'SIGHAND', 'VM']);
    const out = dispatch(k.s, { actor: k.id('t1'), op: 'exit', code: 3 });
    expect(out.events[0]).toEqual({ type: 'task/exited', task: k.id('p'), code: 3 });
    expect([k.exit('p'), k.exit('t1'), k.exit('t2')]).toEqual(['code 3', 'code 3', 'code 3']);
    expect([k.state('t1'), k.state('t2')]).toEqual(['dead', 'dead']);
  });
  it('the init\'s reaper role moves to a live thread when its leader leaves', () => {
    const k = new Kit();
    k.clone('init', 'h');
    k.clone('h', 'x', ['NEWPID']);
    k.clone('x', 't', ['THREAD', 'SIGHAND', 'VM']);
    const out = dispatch(k.s, { actor: k.id('x'), op: 'thread-exit', code: 0 });
    expect(out.events).toContainEqual({ type: 'ns/reaper-changed', ns: 1, task: k.id('t') });
    expect(k.clone('t', 'c')).toBe('3');
    expect(k.call('c', { op: 'getppid' })).toBe('1');
  });
});

describe('where orphans go (R51–R53)', () => {
  it('to another live thread of the exiting thread\'s process first', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.clone('p', 't', ['THREAD', 'SIGHAND', 'VM']);
    k.clone('p', 'c');
    const out = dispatch(k.s, { actor: k.id('p'), op: 'thread-exit', code: 0 });
    expect(out.events).toContainEqual({ type: 'task/reparented', task: k.id('c'), from: k.id('p'), to: k.id('t') });
    expect(k.call('c', { op: 'getppid' })).toBe('2');
    k.call('t', { op: 'thread-exit', code: 0 });
    expect(k.call('c', { op: 'getppid' })).toBe('1');
  });
  it('to a subreaper whose leader left but whose thread lives', () => {
    const k = new Kit();
    k.clone('init', 's');
    k.call('s', { op: 'prctl-subreaper', on: true });
    k.clone('s', 'st', ['THREAD', 'SIGHAND', 'VM']);
    k.clone('s', 'p');
    k.clone('p', 'q');
    k.call('s', { op: 'thread-exit', code: 0 });
    k.call('p', { op: 'exit', code: 0 });
    expect(k.call('q', { op: 'getppid' })).toBe('2');
  });
  it('an adopted zombie tells its new parent at once: a parent ignoring SIGCHLD releases it, another can wait for it', () => {
    const k = new Kit();
    k.clone('init', 's');
    k.call('s', { op: 'prctl-subreaper', on: true });
    k.clone('s', 'p');
    k.clone('p', 'z');
    k.call('z', { op: 'exit', code: 4 });
    k.call('p', { op: 'exit', code: 0 });
    expect(k.state('z')).toBe('zombie');
    expect(k.call('s', { op: 'wait', target: k.t('z'), nohang: false })).toBe('4');
    k.call('s', { op: 'signal', sig: SIGNALS.CHLD, disposition: 'ignore' });
    k.clone('s', 'p2');
    k.clone('p2', 'z2');
    k.call('z2', { op: 'exit', code: 0 });
    k.call('p2', { op: 'exit', code: 0 });
    expect([k.state('z2'), k.state('p2')]).toEqual(['dead', 'dead']);
  });
});

describe('orphaned process groups at exit (POSIX 3.2.2.2)', () => {
  /** sh leads a session; p, its child, leads a group of its own with its child q */
  function sessionWithGroup(): Kit {
    const k = new Kit();
    k.clone('init', 'sh');
    k.call('sh', { op: 'setsid' });
    k.clone('sh', 'p');
    k.call('p', { op: 'setpgid', target: nr(0), pgid: nr(0) });
    k.clone('p', 'q');
    return k;
  }

  it('the exit of the member that kept its group joined to the session: SIGHUP then SIGCONT to the stopped', () => {
    const k = sessionWithGroup();
    k.clone('p', 'r');
    k.call('r', { op: 'signal', sig: SIGNALS.HUP, disposition: 'handle' });
    k.call('sh', { op: 'kill', sig: SIGNALS.STOP, target: k.t('q') });
    k.call('sh', { op: 'kill', sig: SIGNALS.STOP, target: k.t('r') });
    const out = dispatch(k.s, { actor: k.id('p'), op: 'exit', code: 0 });
    expect(k.exit('q')).toBe('signal HUP');
    expect(k.state('r')).toBe('alive');
    expect(out.events).toContainEqual({ type: 'signal/delivered', task: k.id('r'), sig: 'HUP', handled: true });
    expect(out.events).toContainEqual({ type: 'task/continued', task: k.id('r') });
  });
  it('no signal when a member keeps a parent in another group of the session', () => {
    const k = sessionWithGroup();
    k.clone('sh', 'o');
    k.call('sh', { op: 'setpgid', target: k.t('o'), pgid: k.t('p') });
    k.call('sh', { op: 'kill', sig: SIGNALS.STOP, target: k.t('q') });
    k.call('p', { op: 'exit', code: 0 });
    expect(k.state('q')).toBe('stopped');
  });
  it('no signal when the exiting process\'s parent is in its own group or another session', () => {
    const k = new Kit();
    k.clone('init', 'sh');
    k.call('sh', { op: 'setsid' });
    k.clone('sh', 'p');
    k.clone('p', 'q');
    k.call('sh', { op: 'kill', sig: SIGNALS.STOP, target: k.t('q') });
    k.call('p', { op: 'exit', code: 0 });
    expect(k.state('q')).toBe('stopped');
  });
});
