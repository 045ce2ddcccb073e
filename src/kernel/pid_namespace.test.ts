/**
 * The teardown of a namespace whose init dies (pid_namespace.ts, zap_pid_ns_processes, R59–R61):
 * what it kills and reaps, what it waits for, and when it is over.
 */
import { describe, expect, it } from 'vitest';
import { SIGNALS } from './abi.ts';
import { dispatch, nsView, taskView } from './index.ts';
import { ns1InitWorld } from './__fuzz__/kit.ts';

describe('zap_pid_ns_processes (R60, R61)', () => {
  it('kills every other process of the namespace, nested ones and injected ones included, and says why', () => {
    const k = ns1InitWorld();
    k.clone('x', 'b');
    k.clone('x', 'y', ['NEWPID']);
    k.clone('y', 'yc');
    k.clone('init', 'j');
    k.call('j', { op: 'setns', target: k.t('x') });
    k.clone('j', 'inj');
    const out = dispatch(k.s, { actor: k.id('x'), op: 'exit', code: 0 });
    const killed = out.events.flatMap((e) => (e.type === 'task/killed' ? [[e.task, e.reason]] : []));
    expect(killed).toEqual([[k.id('b'), 'ns-teardown'], [k.id('y'), 'ns-teardown'], [k.id('yc'), 'ns-teardown'], [k.id('inj'), 'ns-teardown']]);
    expect(out.events).toContainEqual({ type: 'ns/zap-started', ns: 1, init: k.id('x') });
    // the victims die after the init has begun to wait: four struct pids besides its own remain then
    expect(out.events).toContainEqual({ type: 'ns/zap-waiting', ns: 1, init: k.id('x'), remaining: 4 });
    expect(k.state('inj')).toBe('zombie');
    expect(k.call('j', { op: 'wait', target: null, nohang: false })).toBe('8');
    expect([k.state('x'), k.ns(1), k.ns(2)]).toEqual(['zombie', 'dying', 'dead']);
  });
  it('sets the init\'s SIGCHLD to ignored, so its children that die meanwhile are not left as zombies', () => {
    const k = ns1InitWorld();
    k.call('x', { op: 'reap', mode: 'auto' });
    k.clone('init', 'j');
    k.call('j', { op: 'setns', target: k.t('x') });
    k.clone('j', 'inj');
    k.call('x', { op: 'exit', code: 0 });
    expect(taskView(k.s, k.id('x'))).toMatchObject({ ignored: ['CHLD'], handled: [], reapAuto: false, state: 'exiting' });
  });
  it('reaps the zombies the init already had, of every thread, before it waits', () => {
    const k = ns1InitWorld();
    k.clone('x', 't', ['THREAD', 'SIGHAND', 'VM']);
    k.clone('x', 'z1');
    k.clone('t', 'z2');
    k.call('z1', { op: 'exit', code: 0 });
    k.call('z2', { op: 'exit', code: 0 });
    expect([k.state('z1'), k.state('z2')]).toEqual(['zombie', 'zombie']);
    k.call('x', { op: 'exit', code: 2 });
    expect([k.state('z1'), k.state('z2'), k.exit('z1')]).toEqual(['dead', 'dead', 'code 0']);
    expect(k.call('h', { op: 'wait', target: k.t('x'), nohang: false })).toBe('3');
    expect(k.ns(1)).toBe('dead');
  });
  it('when a non-leader thread is the last to leave, the zombie leader\'s number 1 does not hold it up', () => {
    const k = ns1InitWorld();
    k.clone('x', 't', ['THREAD', 'SIGHAND', 'VM']);
    k.clone('x', 'b');
    k.call('x', { op: 'thread-exit', code: 0 });
    k.call('t', { op: 'thread-exit', code: 4 });
    expect([k.exit('b'), k.state('b')]).toEqual(['signal KILL', 'dead']);
    expect(k.call('h', { op: 'wait', target: k.t('x'), nohang: false })).toBe('3');
    expect([k.exit('x'), k.ns(1)]).toEqual(['code 4', 'dead']);
  });
  it('a process that is already dying is not killed twice', () => {
    const k = ns1InitWorld();
    k.clone('x', 'b');
    k.call('b', { op: 'sigmask', block: true, sig: SIGNALS.TERM });
    const out = dispatch(k.s, { actor: k.id('h'), op: 'kill', sig: SIGNALS.KILL, target: k.t('x') });
    expect(out.events.filter((e) => e.type === 'task/killed').length).toBe(2);
    expect(nsView(k.s, 1).state).toBe('dying');
  });
  it('an outside member of an inner group holds the teardown until it leaves the group (G34)', () => {
    const k = ns1InitWorld();
    k.clone('x', 'l');
    k.call('l', { op: 'setpgid', target: { kind: 'nr', nr: 0 }, pgid: { kind: 'nr', nr: 0 } });
    k.clone('init', 'p');
    k.call('p', { op: 'setpgid', target: { kind: 'nr', nr: 0 }, pgid: k.t('l') });
    k.call('x', { op: 'exit', code: 0 });
    expect(k.call('h', { op: 'wait', target: k.t('x'), nohang: true })).toBe('0');
    expect(k.state('x')).toBe('exiting');
    k.call('p', { op: 'setpgid', target: { kind: 'nr', nr: 0 }, pgid: { kind: 'nr', nr: 0 } });
    expect(k.call('h', { op: 'wait', target: k.t('x'), nohang: true })).toBe('3');
    expect(k.ns(1)).toBe('dead');
  });
});
