/**
 * Whole-process operations (process.ts): reboot(2) in a namespace (R90, R96, G28), the parent-death
 * signal (R97), faults (R76, R99, G29) and the calls refused because the machine would panic (R50).
 */
import { describe, expect, it } from 'vitest';
import { SIGNALS } from './abi.ts';
import { dispatch, taskView } from './index.ts';
import { Kit, ns1World } from './__fuzz__/kit.ts';

describe('reboot(2) inside a namespace (R90, R96, G28)', () => {
  for (const [cmd, sig] of [['HALT', 'INT'], ['POWER_OFF', 'INT'], ['RESTART', 'HUP']] as const) {
    it(`${cmd}: the caller exits 0, the parent sees the init killed by SIG${sig}`, () => {
      const k = ns1World();
      expect(k.call('b', { op: 'reboot', cmd })).toBe('');
      expect(k.state('b')).toBe('dead');
      expect(k.exit('b')).toBe('code 0');
      expect(k.call('h', { op: 'wait', target: k.t('x'), nohang: false })).toBe('3');
      expect(k.exit('x')).toBe(`signal ${sig}`);
    });
  }
  it('by the init itself: the same status, and the teardown takes the other processes', () => {
    const k = ns1World();
    const out = dispatch(k.s, { actor: k.id('x'), op: 'reboot', cmd: 'HALT' });
    expect(out.ret).toEqual({ kind: 'none' });
    expect(out.events[0]).toEqual({ type: 'task/killed', task: k.id('x'), sig: 'KILL', reason: 'reboot' });
    expect(k.exit('b')).toBe('signal KILL');
    expect(k.call('h', { op: 'wait', target: k.t('x'), nohang: false })).toBe('3');
    expect(k.exit('x')).toBe('signal INT');
  });
  it('by a thread of the init: its other threads end too', () => {
    const k = ns1World();
    k.clone('x', 't', ['THREAD', 'SIGHAND', 'VM']);
    k.call('t', { op: 'reboot', cmd: 'RESTART' });
    expect([k.state('x'), k.state('t')]).toEqual(['zombie', 'dead']);
    expect(k.call('h', { op: 'wait', target: k.t('x'), nohang: false })).toBe('3');
    expect(k.exit('x')).toBe('signal HUP');
  });
  it('the exit event of the init still says SIGKILL; a plain exit of the caller is reported', () => {
    const k = ns1World();
    const out = dispatch(k.s, { actor: k.id('b'), op: 'reboot', cmd: 'RESTART' });
    expect(out.events.slice(0, 1)).toEqual([{ type: 'task/exited', task: k.id('b'), code: 0 }]);
    expect(out.events).toContainEqual({ type: 'task/killed', task: k.id('x'), sig: 'KILL', reason: 'reboot' });
  });
  it('CAD_ON is EINVAL and changes nothing; without privilege EPERM', () => {
    const k = ns1World();
    expect(k.call('b', { op: 'reboot', cmd: 'CAD_ON' })).toBe('EINVAL');
    k.call('b', { op: 'caps-drop' });
    expect(k.call('b', { op: 'reboot', cmd: 'RESTART' })).toBe('EPERM');
    expect([k.state('b'), k.state('x')]).toEqual(['alive', 'alive']);
    k.call('x', { op: 'exit', code: 4 });
    k.call('h', { op: 'wait', target: k.t('x'), nohang: false });
    expect(k.exit('x')).toBe('code 4');
  });
  it('in the root namespace: refused when privileged (the machine would reboot), EPERM otherwise', () => {
    const k = new Kit();
    k.clone('init', 'a');
    expect(k.call('a', { op: 'reboot', cmd: 'RESTART' })).toMatch(/^fault: reboot/);
    expect(k.call('init', { op: 'reboot', cmd: 'RESTART' })).toMatch(/^fault: reboot/);
    k.call('a', { op: 'caps-drop' });
    expect(k.call('a', { op: 'reboot', cmd: 'RESTART' })).toBe('EPERM');
  });
});

describe('the parent-death signal (R97)', () => {
  it('is sent when the creating thread exits, though its process lives on', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.clone('p', 't', ['THREAD', 'SIGHAND', 'VM']);
    k.clone('t', 'c');
    expect(k.call('c', { op: 'pdeathsig', sig: SIGNALS.USR1 })).toBe('0');
    k.call('t', { op: 'thread-exit', code: 0 });
    expect(k.state('p')).toBe('alive');
    expect(k.exit('c')).toBe('signal USR1');
  });
  it('0 clears it; an invalid signal is EINVAL', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.clone('p', 'c');
    k.call('c', { op: 'pdeathsig', sig: SIGNALS.TERM });
    expect(k.call('c', { op: 'pdeathsig', sig: 65 })).toBe('EINVAL');
    expect(k.call('c', { op: 'pdeathsig', sig: 0 })).toBe('0');
    k.call('p', { op: 'exit', code: 0 });
    expect(k.state('c')).toBe('alive');
  });
  it('comes from outside a namespace init: SIGKILL kills it, SIGTERM without a handler does not', () => {
    const k = new Kit();
    k.clone('init', 'h');
    k.clone('h', 'x', ['NEWPID']);
    k.clone('init', 'h2');
    k.clone('h2', 'x2', ['NEWPID']);
    k.call('x', { op: 'pdeathsig', sig: SIGNALS.KILL });
    k.call('x2', { op: 'pdeathsig', sig: SIGNALS.TERM });
    k.call('h', { op: 'exit', code: 0 });
    k.call('h2', { op: 'exit', code: 0 });
    expect(k.exit('x')).toBe('signal KILL');
    expect(k.state('x2')).toBe('alive');
  });
  it('reaches a thread of the orphan: its process dies', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.clone('p', 'c');
    k.clone('c', 'ct', ['THREAD', 'SIGHAND', 'VM']);
    k.call('ct', { op: 'pdeathsig', sig: SIGNALS.TERM });
    k.call('p', { op: 'exit', code: 0 });
    expect([k.exit('c'), k.state('ct')]).toEqual(['signal TERM', 'dead']);
  });
});

describe('faults (R76, R99, G29)', () => {
  it('a handler that is installed and not blocked runs: the process lives', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.call('p', { op: 'signal', sig: SIGNALS.SEGV, disposition: 'handle' });
    expect(k.call('p', { op: 'fault' })).toBe('');
    expect(k.state('p')).toBe('alive');
    expect(taskView(k.s, k.id('p')).handled).toContain('SEGV');
  });
  it('blocked, the fault resets the handler and kills', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.call('p', { op: 'signal', sig: SIGNALS.SEGV, disposition: 'handle' });
    k.call('p', { op: 'sigmask', block: true, sig: SIGNALS.SEGV });
    k.call('p', { op: 'fault' });
    expect(k.exit('p')).toBe('signal SEGV');
  });
  it('a namespace init dies of it and its namespace is torn down; kill -SEGV from inside is dropped', () => {
    const k = ns1World();
    k.call('b', { op: 'kill', sig: SIGNALS.SEGV, target: { kind: 'nr', nr: 1 } });
    expect(k.state('x')).toBe('alive');
    k.call('x', { op: 'sigmask', block: true, sig: SIGNALS.SEGV });
    k.call('x', { op: 'fault' });
    expect([k.exit('x'), k.exit('b'), k.ns(1)]).toEqual(['signal SEGV', 'signal KILL', 'dying']);
  });
  it('in the root init: refused unless a handler would run; a handler runs', () => {
    const k = new Kit();
    expect(k.call('init', { op: 'fault' })).toMatch(/^fault: a fault in init/);
    k.call('init', { op: 'signal', sig: SIGNALS.SEGV, disposition: 'handle' });
    expect(k.call('init', { op: 'fault' })).toBe('');
    k.call('init', { op: 'sigmask', block: true, sig: SIGNALS.SEGV });
    expect(k.call('init', { op: 'fault' })).toMatch(/^fault: a fault in init/);
  });
});

describe('what the root init may not do (R50)', () => {
  it('exit, or let its last thread exit; a thread of it may leave while another lives', () => {
    const k = new Kit();
    k.clone('init', 't', ['THREAD', 'SIGHAND', 'VM']);
    expect(k.call('t', { op: 'exit', code: 0 })).toMatch(/can never end/);
    expect(k.call('t', { op: 'thread-exit', code: 0 })).toBe('');
    expect(k.call('init', { op: 'thread-exit', code: 0 })).toMatch(/can never end/);
    expect(k.state('init')).toBe('alive');
  });
  it('the leader may leave while a thread lives; that thread is then the one that may not', () => {
    const k = new Kit();
    k.clone('init', 't', ['THREAD', 'SIGHAND', 'VM']);
    k.clone('init', 'a');
    expect(k.call('init', { op: 'thread-exit', code: 0 })).toBe('');
    expect(k.call('t', { op: 'thread-exit', code: 0 })).toMatch(/can never end/);
    k.call('t', { op: 'reap', mode: 'manual' });
    k.call('a', { op: 'exit', code: 0 });
    expect(k.state('a')).toBe('zombie');
    expect(k.call('t', { op: 'wait', target: null, nohang: false })).toBe('3');
  });
});
