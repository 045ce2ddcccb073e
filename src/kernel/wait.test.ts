/**
 * wait4 (wait.ts): the selector read in the caller's namespace (R63), own children only (R64),
 * ECHILD against 0 (R65), blocking and waking, auto-reaping (R56), and `reap auto` (G30).
 */
import { describe, expect, it } from 'vitest';
import { SIGNALS } from './abi.ts';
import { dispatch, taskView } from './index.ts';
import { Kit, nr, ns1InitWorld } from './__fuzz__/kit.ts';

const wait = (k: Kit, who: string, target: number | string | null, nohang = false) =>
  k.call(who, { op: 'wait', target: target === null ? null : typeof target === 'number' ? nr(target) : k.t(target), nohang });

describe('waits of a namespace init (G30)', () => {
  it('no child: ECHILD, even with WNOHANG; a running child: 0 with WNOHANG', () => {
    const k = ns1InitWorld();
    expect(wait(k, 'x', -1, true)).toBe('ECHILD');
    expect(wait(k, 'x', null)).toBe('ECHILD');
    k.clone('x', 'c');
    expect(wait(k, 'x', -1, true)).toBe('0');
    expect(wait(k, 'x', 2, true)).toBe('0');
  });
  it('wait(0) reaps children still in the inherited, invisible group; ECHILD once the child left it', () => {
    const k = ns1InitWorld();
    k.clone('x', 'c');
    k.call('c', { op: 'exit', code: 4 });
    expect(wait(k, 'x', 0)).toBe('2');
    expect(k.exit('c')).toBe('code 4');
    k.clone('x', 'd');
    k.call('d', { op: 'setpgid', target: nr(0), pgid: nr(0) });
    expect(wait(k, 'x', 0, true)).toBe('ECHILD');
    expect(wait(k, 'x', -3, true)).toBe('0');
    k.call('d', { op: 'exit', code: 5 });
    expect(wait(k, 'x', -3)).toBe('3');
  });
  it('with SIGCHLD ignored, children never become zombies and a blocked wait ends with ECHILD (R56)', () => {
    const k = ns1InitWorld();
    k.call('x', { op: 'signal', sig: SIGNALS.CHLD, disposition: 'ignore' });
    k.clone('x', 'c');
    expect(wait(k, 'x', null)).toBe('blocked');
    const out = dispatch(k.s, { actor: k.id('c'), op: 'exit', code: 0 });
    expect(k.state('c')).toBe('dead');
    expect(out.completed).toEqual([{ task: k.id('x'), ret: { kind: 'errno', name: 'ECHILD' } }]);
    expect(taskView(k.s, k.id('x')).waiting).toBe(false);
  });
});

describe('the selector (R63, R64)', () => {
  it('INT_MIN is ESRCH; a number nobody holds or a visible non-child is ECHILD', () => {
    const k = ns1InitWorld();
    k.clone('h', 'c');
    expect(wait(k, 'h', -2147483648, true)).toBe('ESRCH');
    expect(wait(k, 'h', 999, true)).toBe('ECHILD');
    expect(wait(k, 'h', 1, true)).toBe('ECHILD');
    expect(wait(k, 'h', -999, true)).toBe('ECHILD');
    expect(wait(k, 'h', 4, true)).toBe('0');
  });
  it('a pid picks that child only, leaving an older zombie for later', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.call('init', { op: 'reap', mode: 'manual' });
    k.clone('p', 'a');
    k.clone('p', 'b');
    k.call('a', { op: 'exit', code: 1 });
    k.call('b', { op: 'exit', code: 2 });
    expect(wait(k, 'p', 'b')).toBe('4');
    expect(k.state('a')).toBe('zombie');
    expect(wait(k, 'p', null)).toBe('3');
    expect(wait(k, 'p', null, true)).toBe('ECHILD');
  });
  it('wait(-1) reaps the oldest zombie first', () => {
    const k = new Kit();
    k.clone('init', 'p');
    for (const c of ['a', 'b', 'c']) k.clone('p', c);
    k.call('c', { op: 'exit', code: 3 });
    k.call('a', { op: 'exit', code: 1 });
    k.call('b', { op: 'exit', code: 2 });
    expect([wait(k, 'p', null), wait(k, 'p', null), wait(k, 'p', null)]).toEqual(['3', '4', '5']);
  });
  it('a thread reaps the children of the other threads of its process, its own first', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.clone('p', 't', ['THREAD', 'SIGHAND', 'VM']);
    k.clone('p', 'pc');
    k.clone('t', 'tc');
    k.call('pc', { op: 'exit', code: 1 });
    k.call('tc', { op: 'exit', code: 2 });
    expect(wait(k, 't', null)).toBe('5');
    expect(wait(k, 't', 'pc')).toBe('4');
    k.clone('p', 'later');
    expect(wait(k, 't', null, true)).toBe('0');
  });
  it('a thread is no child to wait for by its tid, and a leader with live threads is not reapable yet (R55)', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.clone('p', 'c');
    k.clone('c', 'ct', ['THREAD', 'SIGHAND', 'VM']);
    expect(wait(k, 'p', 'ct', true)).toBe('ECHILD');
    k.call('c', { op: 'thread-exit', code: 3 });
    expect(k.state('c')).toBe('zombie');
    expect(wait(k, 'p', 'c', true)).toBe('0');
    expect(wait(k, 'p', null, true)).toBe('0');
    k.call('ct', { op: 'thread-exit', code: 4 });
    expect(wait(k, 'p', 'c')).toBe('3');
    expect(k.exit('c')).toBe('code 4');
  });
  it('answers the number the waiter sees: an outside parent reaps its init under the root number', () => {
    const k = ns1InitWorld();
    k.call('x', { op: 'exit', code: 9 });
    expect(wait(k, 'h', 'x')).toBe('3');
    expect(k.exit('x')).toBe('code 9');
  });
});

describe('blocked waits', () => {
  it('block until a matching child exits; a child of another group does not wake a group wait', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.clone('p', 'a');
    k.clone('p', 'b');
    k.call('b', { op: 'setpgid', target: nr(0), pgid: nr(0) });
    expect(wait(k, 'p', -4)).toBe('blocked');
    expect(k.call('p', { op: 'getpid' })).toBe('fault: is blocked in wait');
    const other = dispatch(k.s, { actor: k.id('a'), op: 'exit', code: 1 });
    expect(other.completed).toEqual([]);
    expect(k.state('a')).toBe('zombie');
    const mine = dispatch(k.s, { actor: k.id('b'), op: 'exit', code: 2 });
    expect(mine.completed).toEqual([{ task: k.id('p'), ret: { kind: 'int', value: 4 } }]);
    expect(mine.events).toContainEqual({ type: 'wait/completed', task: k.id('p'), ret: { kind: 'int', value: 4 } });
    expect(k.state('b')).toBe('dead');
    expect(k.state('a')).toBe('zombie');
  });
  it('a blocked wait reports itself, and hands back the child it reaped with the exit code', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.clone('p', 'c');
    const out = dispatch(k.s, { actor: k.id('p'), op: 'wait', target: null, nohang: false });
    expect(out.ret).toEqual({ kind: 'blocked' });
    expect(out.events).toEqual([{ type: 'wait/blocked', task: k.id('p') }]);
    const exit = dispatch(k.s, { actor: k.id('c'), op: 'exit', code: 12 });
    expect(exit.completed).toEqual([{ task: k.id('p'), ret: { kind: 'int', value: 3 } }]);
    expect(k.exit('c')).toBe('code 12');
    expect(taskView(k.s, k.id('p')).waiting).toBe(false);
  });
  it('a stopped parent finishes its wait only once continued', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.clone('p', 'c');
    k.clone('init', 'o');
    expect(wait(k, 'p', null)).toBe('blocked');
    k.call('o', { op: 'kill', sig: SIGNALS.STOP, target: k.t('p') });
    k.call('c', { op: 'exit', code: 6 });
    expect(k.state('c')).toBe('zombie');
    const out = dispatch(k.s, { actor: k.id('o'), op: 'kill', sig: SIGNALS.CONT, target: k.t('p') });
    expect(out.completed).toEqual([{ task: k.id('p'), ret: { kind: 'int', value: 3 } }]);
    expect(k.state('c')).toBe('dead');
  });
  it('a handled signal does not end a blocked wait (SA_RESTART)', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.clone('p', 'c');
    k.call('p', { op: 'signal', sig: SIGNALS.USR1, disposition: 'handle' });
    expect(wait(k, 'p', null)).toBe('blocked');
    k.call('c', { op: 'kill', sig: SIGNALS.USR1, target: k.t('p') });
    expect(taskView(k.s, k.id('p')).waiting).toBe(true);
  });
});

describe('reap auto: a SIGCHLD handler that reaps every zombie child', () => {
  it('reaps the zombies there are when installed, and each child as it dies', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.clone('p', 'a');
    k.clone('p', 'b');
    k.call('a', { op: 'exit', code: 0 });
    expect(k.state('a')).toBe('zombie');
    expect(k.call('p', { op: 'reap', mode: 'auto' })).toBe('0');
    expect(k.state('a')).toBe('dead');
    expect(taskView(k.s, k.id('p'))).toMatchObject({ reapAuto: true, handled: ['CHLD'] });
    k.call('b', { op: 'exit', code: 0 });
    expect(k.state('b')).toBe('dead');
  });
  it('manual: zombies wait for a wait; the handler and an ignore are gone', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.call('p', { op: 'signal', sig: SIGNALS.CHLD, disposition: 'ignore' });
    k.call('p', { op: 'reap', mode: 'manual' });
    expect(taskView(k.s, k.id('p'))).toMatchObject({ reapAuto: false, handled: [], ignored: [] });
    k.clone('p', 'a');
    k.call('a', { op: 'exit', code: 0 });
    expect(k.state('a')).toBe('zombie');
  });
  it('does not run while every thread blocks SIGCHLD; runs when one unblocks it', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.call('p', { op: 'reap', mode: 'auto' });
    k.call('p', { op: 'sigmask', block: true, sig: SIGNALS.CHLD });
    k.clone('p', 'a');
    k.call('a', { op: 'exit', code: 0 });
    expect(k.state('a')).toBe('zombie');
    k.call('p', { op: 'sigmask', block: false, sig: SIGNALS.CHLD });
    expect(k.state('a')).toBe('dead');
  });
  it('runs in a thread that does not block SIGCHLD when the leader does', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.call('p', { op: 'reap', mode: 'auto' });
    k.call('p', { op: 'sigmask', block: true, sig: SIGNALS.CHLD });
    k.clone('p', 't', ['THREAD', 'SIGHAND', 'VM']);
    k.call('t', { op: 'sigmask', block: false, sig: SIGNALS.CHLD });
    k.clone('p', 'a');
    k.call('a', { op: 'exit', code: 0 });
    expect(k.state('a')).toBe('dead');
  });
  it('runs in a live thread when the leader has left', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.call('p', { op: 'reap', mode: 'auto' });
    k.clone('p', 't', ['THREAD', 'SIGHAND', 'VM']);
    k.clone('t', 'a');
    k.call('p', { op: 'thread-exit', code: 0 });
    k.call('a', { op: 'exit', code: 0 });
    expect(k.state('a')).toBe('dead');
  });
  it('ends when SIGCHLD gets another disposition', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.call('p', { op: 'reap', mode: 'auto' });
    k.call('p', { op: 'signal', sig: SIGNALS.CHLD, disposition: 'handle' });
    expect(taskView(k.s, k.id('p')).reapAuto).toBe(false);
    k.clone('p', 'a');
    k.call('a', { op: 'exit', code: 0 });
    expect(k.state('a')).toBe('zombie');
  });
  it('a child\'s exit sends SIGCHLD to a parent that handles it, and reports the zombie', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.call('p', { op: 'reap', mode: 'manual' });
    k.call('p', { op: 'signal', sig: SIGNALS.CHLD, disposition: 'handle' });
    k.clone('p', 'a');
    const out = dispatch(k.s, { actor: k.id('a'), op: 'thread-exit', code: 257 });
    expect(out.events).toEqual([
      { type: 'task/exited', task: k.id('a'), code: 1 },
      { type: 'signal/delivered', task: k.id('p'), sig: 'CHLD', handled: true },
      { type: 'task/zombie', task: k.id('a'), parent: k.id('p') },
    ]);
  });
  it('the root init reaps orphans it adopts', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.clone('p', 'c');
    k.call('c', { op: 'exit', code: 0 });
    k.call('p', { op: 'exit', code: 0 });
    expect([k.state('p'), k.state('c')]).toEqual(['dead', 'dead']);
  });
});
