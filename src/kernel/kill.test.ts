/**
 * kill(2) in its four forms (kill.ts, kill_something_info): a pid, a group, the caller's group and
 * every process (R69–R72), with the golden scenarios G13–G17.
 */
import { describe, expect, it } from 'vitest';
import { SIGNALS } from './abi.ts';
import { dispatch, type KernelEvent } from './index.ts';
import { Kit, nr } from './__fuzz__/kit.ts';

const kill = (k: Kit, who: string, sig: number, target: number | string) =>
  k.call(who, { op: 'kill', sig, target: typeof target === 'number' ? nr(target) : k.t(target) });
/** who ran a handler for `sig` */
const delivered = (events: KernelEvent[], sig: string) =>
  events.flatMap((e) => (e.type === 'signal/delivered' && e.sig === sig ? [e.task] : []));

/** G13's world: h → x (init of ns1, USR1 handled) → b (USR1 handled), y (init of ns2) → yc, killer */
function g13(): Kit {
  const k = new Kit();
  k.clone('init', 'h');
  k.clone('h', 'x', ['NEWPID']);
  k.call('x', { op: 'signal', sig: SIGNALS.USR1, disposition: 'handle' });
  k.clone('x', 'b');
  k.clone('x', 'y', ['NEWPID']);
  k.call('y', { op: 'signal', sig: SIGNALS.USR1, disposition: 'default' });
  k.clone('y', 'yc');
  k.clone('x', 'killer');
  return k;
}

describe('kill(-1) (R72, G13, G14)', () => {
  it('reaches every process numbered above 1 in the caller\'s namespace but the caller; nested inits drop DFL signals', () => {
    const k = g13();
    const out = dispatch(k.s, { actor: k.id('killer'), op: 'kill', sig: SIGNALS.USR1, target: nr(-1) });
    expect(out.ret).toEqual({ kind: 'int', value: 0 });
    expect(delivered(out.events, 'USR1')).toEqual([k.id('b')]);
    expect([k.state('x'), k.state('y'), k.state('h')]).toEqual(['alive', 'alive', 'alive']);
    expect(k.exit('yc')).toBe('signal USR1');
    expect(k.state('killer')).toBe('alive');
  });
  it('with SIGKILL: b and the nested init die (and its namespace), the caller\'s own init does not', () => {
    const k = g13();
    expect(kill(k, 'killer', SIGNALS.KILL, -1)).toBe('0');
    expect([k.exit('b'), k.exit('y'), k.exit('yc')]).toEqual(['signal KILL', 'signal KILL', 'signal KILL']);
    // y is x's zombie now, holding number 1 of ns2 until x reaps it
    expect([k.state('x'), k.state('killer'), k.ns(2)]).toEqual(['alive', 'alive', 'dying']);
    expect(k.call('x', { op: 'wait', target: k.t('y'), nohang: false })).toBe('3');
    expect(k.ns(2)).toBe('dead');
  });
  it('with nobody to signal: ESRCH; a stranger\'s EPERM counts as success', () => {
    const k = new Kit();
    k.clone('init', 'h');
    k.clone('h', 'x', ['NEWPID']);
    k.clone('x', 'b');
    expect(kill(k, 'b', SIGNALS.USR2, -1)).toBe('ESRCH');
    k.clone('x', 'c');
    k.call('b', { op: 'setuid', uid: 65534 });
    expect(kill(k, 'b', 0, -1)).toBe('0');
    expect(kill(k, 'b', SIGNALS.TERM, -1)).toBe('0');
    expect(k.state('c')).toBe('alive');
    expect(kill(k, 'b', 0, 1)).toBe('EPERM');
  });
  it('an invalid signal is EINVAL', () => {
    const k = g13();
    expect(kill(k, 'killer', 65, -1)).toBe('EINVAL');
    expect(kill(k, 'killer', -1, 'b')).toBe('EINVAL');
    expect(kill(k, 'killer', 65, 0)).toBe('EINVAL');
    expect(k.state('b')).toBe('alive');
  });
});

describe('kill(pid) (R69)', () => {
  it('looks the number up in the sender\'s namespace: an outside pid is ESRCH, a zombie answers 0', () => {
    const k = new Kit();
    k.clone('init', 'h');
    k.clone('h', 'x', ['NEWPID']);
    k.clone('x', 'b');
    expect(kill(k, 'b', 0, 2)).toBe('0');
    expect(kill(k, 'b', 0, 99999)).toBe('ESRCH');
    expect(kill(k, 'b', 0, 'h')).toBe('ESRCH');
    expect(kill(k, 'b', 0, -2147483648)).toBe('ESRCH');
    k.clone('b', 'z');
    k.call('z', { op: 'exit', code: 0 });
    expect(k.state('z')).toBe('zombie');
    expect(kill(k, 'b', SIGNALS.TERM, 'z')).toBe('0');
  });
  it('a thread\'s tid reaches its whole process', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.clone('p', 't', ['THREAD', 'SIGHAND', 'VM']);
    expect(kill(k, 'init', SIGNALS.TERM, 3)).toBe('0');
    expect([k.state('p'), k.state('t'), k.exit('p')]).toEqual(['dead', 'dead', 'signal TERM']);
  });
  it('a handled signal from outside runs the handler (G17); SIGTERM to the group by its root number kills', () => {
    const k = new Kit();
    k.clone('init', 'h');
    k.clone('h', 'x', ['NEWPID']);
    k.clone('x', 'b');
    k.call('b', { op: 'signal', sig: SIGNALS.USR1, disposition: 'handle' });
    k.call('b', { op: 'setpgid', target: nr(0), pgid: nr(0) });
    const out = dispatch(k.s, { actor: k.id('h'), op: 'kill', sig: SIGNALS.USR1, target: k.t('b') });
    expect(out.events).toEqual([{ type: 'signal/delivered', task: k.id('b'), sig: 'USR1', handled: true }]);
    expect(kill(k, 'h', SIGNALS.TERM, -4)).toBe('0');
    expect(k.exit('b')).toBe('signal TERM');
  });
});

describe('kill(0) and kill(-pgrp) (R70, R71, G15, G16)', () => {
  it('kill(0) from inside a namespace reaches the outside members of the inherited group', () => {
    const k = new Kit();
    k.clone('init', 'h');
    k.call('h', { op: 'setpgid', target: nr(0), pgid: nr(0) });
    k.call('h', { op: 'signal', sig: SIGNALS.USR2, disposition: 'handle' });
    k.clone('h', 'o');
    k.call('o', { op: 'signal', sig: SIGNALS.USR2, disposition: 'handle' });
    k.clone('h', 'x', ['NEWPID']);
    k.clone('x', 'in');
    const out = dispatch(k.s, { actor: k.id('in'), op: 'kill', sig: SIGNALS.USR2, target: nr(0) });
    expect(out.ret).toEqual({ kind: 'int', value: 0 });
    // x and in inherited h's handler and its group; h and o are outside, invisible to in
    expect(delivered(out.events, 'USR2').sort()).toEqual([k.id('h'), k.id('o'), k.id('x'), k.id('in')]);
    k.call('o', { op: 'setpgid', target: nr(0), pgid: nr(0) });
    const again = dispatch(k.s, { actor: k.id('in'), op: 'kill', sig: SIGNALS.USR2, target: nr(0) });
    expect(delivered(again.events, 'USR2').sort()).toEqual([k.id('h'), k.id('x'), k.id('in')]);
  });
  it('an outside group number is ESRCH from inside', () => {
    const k = new Kit();
    k.clone('init', 'h');
    k.call('h', { op: 'setpgid', target: nr(0), pgid: nr(0) });
    k.clone('h', 'x', ['NEWPID']);
    expect(kill(k, 'x', 0, -2)).toBe('ESRCH');
    expect(kill(k, 'init', 0, -2)).toBe('0');
  });
  it('a group answers 0 if one member could be signalled, EPERM if none could', () => {
    const k = new Kit();
    k.clone('init', 'sh');
    k.call('sh', { op: 'setpgid', target: nr(0), pgid: nr(0) });
    k.clone('sh', 'mine');
    k.clone('sh', 'root');
    k.call('mine', { op: 'setuid', uid: 1000 });
    k.clone('init', 'u');
    k.call('u', { op: 'setuid', uid: 1000 });
    expect(kill(k, 'u', 0, -2)).toBe('0');
    k.call('mine', { op: 'exit', code: 0 });
    k.call('sh', { op: 'wait', target: k.t('mine'), nohang: false });
    expect(kill(k, 'u', 0, -2)).toBe('EPERM');
    expect(k.state('root')).toBe('alive');
  });
});

describe('permission (R69)', () => {
  it('an unprivileged sender may signal its own uid and its own process; SIGCONT in its session', () => {
    const k = new Kit();
    k.clone('init', 'a');
    k.clone('init', 'b');
    k.clone('init', 'other');
    k.call('other', { op: 'setsid' });
    k.call('a', { op: 'setuid', uid: 1000 });
    expect(kill(k, 'a', 0, 'b')).toBe('EPERM');
    expect(kill(k, 'a', SIGNALS.CONT, 'b')).toBe('0');
    expect(kill(k, 'a', SIGNALS.CONT, 'other')).toBe('EPERM');
    expect(kill(k, 'a', 0, 'a')).toBe('0');
    k.call('b', { op: 'setuid', uid: 1000 });
    expect(kill(k, 'a', SIGNALS.TERM, 'b')).toBe('0');
    expect(k.exit('b')).toBe('signal TERM');
  });
  it('a privileged thread of an unprivileged uid may signal anyone', () => {
    const k = new Kit();
    k.clone('init', 'a');
    k.clone('init', 'b');
    k.call('b', { op: 'setuid', uid: 1000 });
    expect(kill(k, 'a', SIGNALS.TERM, 'b')).toBe('0');
    expect(k.exit('b')).toBe('signal TERM');
  });
});
