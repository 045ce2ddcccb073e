/**
 * checkInvariants() can fail: each promise it checks, broken by hand in a sound state, is reported.
 * (The property tests rely on it; a check that never fires would let any bug through.)
 */
import { describe, expect, it } from 'vitest';
import { checkInvariants, type KernelState } from './index.ts';
import { g1World } from './__fuzz__/kit.ts';

/** A sound world (G1's, with a zombie and a thread), broken by `breakIt`; the violations it shows. */
function broken(breakIt: (s: KernelState, id: (label: string) => number) => void): string[] {
  const k = g1World();
  k.clone('c', 't', ['THREAD', 'SIGHAND', 'VM']);
  k.clone('c', 'z');
  k.call('z', { op: 'exit', code: 0 });
  expect(checkInvariants(k.s)).toEqual([]);
  breakIt(k.s, (label) => k.id(label));
  return checkInvariants(k.s);
}

describe('checkInvariants', () => {
  it('reports a number held by nothing (a leaked struct pid)', () => {
    expect(broken((s, id) => { s.tasks.pidRefs[id('z')] = 0; })).toEqual(expect.arrayContaining([
      'ns0: 7 is held by nothing (leak)', 'z: pid used 0 times, links say 2',
    ]));
  });
  it('reports an idr entry that is not its owner\'s number, and a number missing from its namespace', () => {
    const out = broken((s, id) => {
      s.namespaces[1].idr[9] = id('b');
      s.namespaces[1].count++;
    });
    expect(out).toEqual(['ns1: 9 is not b\'s number there']);
    const missing = broken((s) => {
      delete s.namespaces[1].idr[2];
      s.namespaces[1].count--;
    });
    expect(missing).toEqual(['b: number 2 missing from ns1']);
  });
  it('reports an entry pointing at no task, a wrong count and a wrong count of high numbers', () => {
    expect(broken((s) => { s.namespaces[0].idr[50] = 99; s.namespaces[0].count++; })).toEqual(['ns0: 50 points at nothing']);
    expect(broken((s) => { s.namespaces[0].count++; })).toEqual(['ns0: count 8 but 7 numbers']);
    expect(broken((s) => { s.namespaces[0].high = 1; })).toEqual(['ns0: high 1 but 0 numbers from 300']);
  });
  it('reports a broken thread list, both ways', () => {
    expect(broken((s, id) => { s.tasks.prevThread[id('t')] = id('b'); })).toEqual(['c: thread list broken at t']);
    expect(broken((s, id) => { s.tasks.lastThread[id('c')] = id('c'); })).toEqual(['c: thread list ends at t, tail says c']);
  });
  it('reports a live process whose parent is gone, and an active namespace whose reaper is gone', () => {
    expect(broken((s, id) => { s.tasks.realParent[id('b')] = id('z'); })).toEqual(['b: parent z is gone']);
    const reaperGone = broken((s, id) => {
      s.namespaces[1].reaper = id('t');
      s.tasks.exiting[id('t')] = 1;
    });
    expect(reaperGone).toEqual(['ns1: active but its reaper is gone']);
  });
  it('reports columns of the wrong size, labels, command lines and handler tables that do not exist', () => {
    expect(broken((s) => { s.tasks.exiting = new Uint8Array(3); })).toEqual(['tasks.exiting has room for 3, not 64 rows']);
    expect(broken((s) => { s.tasks.label.push('ghost'); })).toEqual(['8 labels for 7 tasks']);
    expect(broken((s, id) => { s.tasks.cmd[id('b')] = 5; })).toEqual(['b: no command line 5']);
    expect(broken((s, id) => { s.tasks.sighand[id('b')] = -1; })).toEqual(['b: no sighand -1']);
    expect(broken((s) => { s.tasks.nrCount = s.tasks.nrs.length + 1; })).toEqual(['65 pid numbers in room for 64']);
    expect(broken((s) => { s.tasks.count = 65; s.tasks.label.length = 65; })).toContain('tasks: 65 rows in room for 64');
  });
});
