/**
 * The syscall entry (syscalls.ts): a headless run records nothing but changes the state the same
 * way; a refused call changes nothing; completions are reported either way.
 */
import { describe, expect, it } from 'vitest';
import { SIGNALS } from './abi.ts';
import { dispatch, nsView, type Syscall, type TeardownAct } from './index.ts';
import { g1World, Kit } from './__fuzz__/kit.ts';

/** G1's calls, then a's exit, by task id */
function g1Calls(k: Kit): Syscall[] {
  return [
    { actor: k.id('a'), op: 'exit', code: 7 },
    { actor: k.id('s'), op: 'wait', target: null, nohang: false },
    { actor: k.id('s'), op: 'clone', flags: [], setTid: null, label: 'd', cmd: null },
  ];
}

describe('dispatch', () => {
  it('without events records none and reaches the state a run with events reaches', () => {
    const withEvents = g1World();
    const headless = g1World();
    for (const call of g1Calls(withEvents)) dispatch(withEvents.s, call);
    const outs = g1Calls(headless).map((call) => dispatch(headless.s, call, { events: false }));
    expect(outs.map((o) => o.events)).toEqual([[], [], []]);
    expect(outs.map((o) => o.ret)).toEqual([{ kind: 'none' }, { kind: 'int', value: 3 }, { kind: 'errno', name: 'ENOMEM' }]);
    expect(JSON.stringify(headless.s)).toBe(JSON.stringify(withEvents.s));
  });
  it('without events still tells an observer each teardown act, with no events counted', () => {
    const k = g1World();
    const acts: TeardownAct[] = [];
    dispatch(k.s, { actor: k.id('a'), op: 'exit', code: 7 }, { events: false, onAct: (a) => acts.push(a) });
    expect(acts).toEqual([
      { act: 'killed', ns: 1, events: 0 }, { act: 'reaped', ns: 1, events: 0 }, { act: 'init-zombie', ns: 1, events: 0 },
    ]);
  });
  it('without events still reports the blocked waits a call completed', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.clone('p', 'c');
    k.call('p', { op: 'wait', target: null, nohang: false });
    const out = dispatch(k.s, { actor: k.id('c'), op: 'exit', code: 1 }, { events: false });
    expect(out.completed).toEqual([{ task: k.id('p'), ret: { kind: 'int', value: 3 } }]);
    const next = dispatch(k.s, { actor: k.id('p'), op: 'getpid' });
    expect(next.completed).toEqual([]);
  });
  it('a refused call changes nothing and says why', () => {
    const k = new Kit();
    k.clone('init', 'p');
    const before = JSON.stringify(k.s);
    expect(dispatch(k.s, { actor: 9, op: 'getpid' })).toEqual({ ret: { kind: 'none' }, events: [], completed: [], fault: 'no such task' });
    expect(dispatch(k.s, { actor: 0, op: 'exit', code: 0 }).fault).toMatch(/can never end/);
    expect(JSON.stringify(k.s)).toBe(before);
  });
  it('a call after a teardown starts from empty queues: nothing of the last call runs again', () => {
    const k = g1World();
    k.call('a', { op: 'exit', code: 7 });
    k.call('s', { op: 'signal', sig: SIGNALS.USR1, disposition: 'handle' });
    const out = dispatch(k.s, { actor: k.id('s'), op: 'kill', sig: SIGNALS.USR1, target: k.t('s') });
    expect(out.events).toEqual([{ type: 'signal/delivered', task: k.id('s'), sig: 'USR1', handled: true }]);
    expect(out.completed).toEqual([]);
    expect(nsView(k.s, 1).state).toBe('dying');
  });
  it('thread-exit reports the low byte of its code', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.clone('p', 't', ['THREAD', 'SIGHAND', 'VM']);
    const out = dispatch(k.s, { actor: k.id('t'), op: 'thread-exit', code: 513 });
    expect(out.events).toEqual([
      { type: 'task/exited', task: k.id('t'), code: 1 },
      { type: 'task/reaped', task: k.id('t'), by: null },
    ]);
    expect(out.ret).toEqual({ kind: 'none' });
  });
});

describe('views of a namespace that does not exist', () => {
  it('are refused by name', () => {
    const k = new Kit();
    expect(() => nsView(k.s, 3)).toThrow('kernel: no namespace 3');
  });
});
