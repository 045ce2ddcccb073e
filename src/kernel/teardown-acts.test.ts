import { describe, expect, it } from 'vitest';
import { g1World, Kit } from './__fuzz__/kit.ts';
import { cloneKernelState, dispatch, fatalSignalPending, psTable, taskView, type KernelState, type TeardownAct } from './index.ts';


function exitWithActs(k: Kit): { acts: TeardownAct[]; states: KernelState[]; events: number } {
  const acts: TeardownAct[] = [];
  const states: KernelState[] = [];
  const out = dispatch(k.s, { actor: k.id('a'), op: 'exit', code: 7 }, {
    events: true,
    onAct: (act) => {
      acts.push(act);
      states.push(cloneKernelState(k.s));
    },
  });
  return { acts, states, events: out.events.length };
}

const stat = (s: KernelState, ns: number) => psTable(s, ns).map((r) => `${r.pid} ${r.stat} ${r.label}`).join(', ');

describe('the acts of a namespace teardown (zap_pid_ns_processes)', () => {
  it('are heard in order: killed, reaped, init a zombie', () => {
    const { acts, events } = exitWithActs(g1World());
    expect(acts.map((a) => `${a.act} ns${a.ns}`)).toEqual(['killed ns1', 'reaped ns1', 'init-zombie ns1']);
    expect(acts.map((a) => a.events)).toEqual([...acts.map((a) => a.events)].sort((x, y) => x - y));
    expect(acts.at(-1)?.events).toBe(events);
  });

  it('show the victims marked by SIGKILL, then gone, then the init a zombie', () => {
    const k = g1World();
    const { states } = exitWithActs(k);
    const [killed, reaped, zombie] = states as [KernelState, KernelState, KernelState];
    expect(stat(killed, 1)).toBe('1 S a, 2 S b, 3 S c');
    expect([k.id('b'), k.id('c')].map((t) => fatalSignalPending(killed, t))).toEqual([true, true]);
    expect(fatalSignalPending(killed, k.id('a'))).toBe(false);
    expect(stat(reaped, 1)).toBe('1 S a');
    expect(taskView(reaped, k.id('a')).exit).toBeNull();
    expect(taskView(reaped, k.id('b')).state).toBe('dead');
    expect(taskView(zombie, k.id('a')).state).toBe('zombie');
    expect(stat(zombie, 0)).toContain('3 Z a');
  });

  it('are the same on every run of the same call, and change nothing without an observer', () => {
    const first = exitWithActs(g1World());
    const second = exitWithActs(g1World());
    expect(second.acts).toEqual(first.acts);
    expect(second.states.map((s) => stat(s, 0))).toEqual(first.states.map((s) => stat(s, 0)));
    const plain = g1World();
    dispatch(plain.s, { actor: plain.id('a'), op: 'exit', code: 7 });
    expect(stat(plain.s, 0)).toBe(stat(first.states.at(-1) as KernelState, 0));
  });

  it('wait for an outside parent: the reaped act comes with the call that frees the last pid', () => {
    const k = new Kit();
    k.clone('init', 's');
    k.call('s', { op: 'unshare', flags: ['NEWPID'] });
    k.clone('s', 'a');
    k.clone('s', 'd');
    expect(exitWithActs(k).acts.map((a) => a.act)).toEqual(['killed']);
    const acts: string[] = [];
    dispatch(k.s, { actor: k.id('s'), op: 'wait', target: k.t('d'), nohang: false }, { events: true, onAct: (a) => acts.push(a.act) });
    expect(acts).toEqual(['reaped', 'init-zombie']);
  });

  it('nest: an inner init killed by the outer teardown runs its own acts inside the outer ones', () => {
    const k = g1World();
    k.clone('b', 'y', ['NEWPID']);
    k.clone('y', 'z');
    expect(exitWithActs(k).acts.map((a) => `${a.act} ns${a.ns}`)).toEqual([
      'killed ns1', 'killed ns2', 'reaped ns2', 'init-zombie ns2', 'reaped ns1', 'init-zombie ns1',
    ]);
  });
});
