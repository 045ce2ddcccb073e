import { describe, expect, it } from 'vitest';
import { buildDocument, exitDoc, resultText } from './document.ts';
import type { DriverEvent, DriverTask, StepInfo } from './types.ts';

function task(over: Partial<DriverTask> & { i: number; label: string }): DriverTask {
  return {
    ev: 'task', thread: 0, leader: over.i, ns: 0, nspid: [1], state: 'S', exiting: 0, exit: null,
    exitSrc: 'none', ppid: -1, pgid: [1], sid: [1], cmd: '/sbin/init', ...over,
  };
}

describe('resultText', () => {
  it('writes results as the language does', () => {
    expect(resultText('i:5')).toBe('5');
    expect(resultText('e:22')).toBe('EINVAL');
    expect(resultText('l:1,2,3')).toBe('1 2 3');
    expect(resultText('l:')).toBe('');
    expect(resultText('n')).toBeNull();
  });
});

describe('exitDoc', () => {
  it('decodes wait statuses', () => {
    expect(exitDoc(7 << 8)).toEqual({ code: 7 });
    expect(exitDoc(9)).toEqual({ signal: 'KILL' });
    expect(exitDoc(null)).toBeNull();
  });
});

describe('buildDocument', () => {
  // ns0 holds init (1) and S (2); S unshared ns1 whose init A is 1 there (3 in ns0); A has B.
  const events: DriverEvent[] = [
    { ev: 'step', i: 0, result: 'i:2' },
    { ev: 'step', i: 1, result: 'b' },
    { ev: 'ns', i: 0, ino: 10, level: 0, parent: -1, created: -1 },
    { ev: 'ns', i: 1, ino: 11, level: 1, parent: 0, created: 1 },
    task({ i: 0, label: 'init' }),
    task({ i: 1, label: 'S', nspid: [2], ppid: 0, cmd: 'sh' }),
    task({ i: 2, label: 'A', ns: 1, nspid: [3, 1], ppid: 1, pgid: [1, 0], sid: [1, 0], exiting: 1 }),
    task({ i: 3, label: 'B', ns: 1, nspid: [4, 2], ppid: 2, pgid: [1, 0], sid: [1, 0], state: 'Z', exit: 9 }),
    task({ i: 4, label: 'C', ns: 1, nspid: [5, 3], ppid: 2, state: 'X', exit: 3 << 8 }),
  ];
  const steps: StepInfo[] = [
    { line: 3, actor: 'init', op: 'fork', expect: '2' },
    { line: 4, actor: 'S', op: 'wait', expect: '3' },
  ];
  const doc = buildDocument({ steps, events, stop: null });

  it('marks a wait still blocked at the end as pending and failed', () => {
    expect(doc.steps[1]).toEqual({ line: 4, actor: 'S', op: 'wait', result: null, expect: '3', pass: false, pending: true });
    expect(doc.ok).toBe(false);
  });

  it('does not call pending a wait whose caller died while blocked', () => {
    const dead = events.map((e) => (e.ev === 'task' && e.label === 'S' ? { ...e, state: 'X' } : e));
    const s = buildDocument({ steps, events: dead, stop: null }).steps[1];
    expect(s).toEqual({ line: 4, actor: 'S', op: 'wait', result: null, expect: '3', pass: false });
  });

  it('translates each namespace table into its own numbers', () => {
    const ns1 = doc.namespaces[1];
    expect(ns1?.ps.map((r) => [r.label, r.pid, r.ppid, r.pgid, r.sid, r.stat])).toEqual([
      ['A', 1, 0, 0, 0, 'S'],
      ['B', 2, 1, 0, 0, 'Z'],
    ]);
    expect(doc.namespaces[0]?.ps.map((r) => [r.label, r.pid, r.ppid])).toEqual([
      ['init', 1, 0], ['S', 2, 1], ['A', 3, 2], ['B', 4, 3],
    ]);
  });

  it('derives namespace and task states', () => {
    expect(doc.namespaces.map((n) => [n.name, n.parent, n.state])).toEqual([['ns0', null, 'active'], ['ns1', 'ns0', 'dying']]);
    expect(doc.tasks.map((t) => [t.label, t.state, t.exit])).toEqual([
      ['init', 'alive', null], ['S', 'alive', null], ['A', 'exiting', null],
      ['B', 'zombie', { signal: 'KILL' }], ['C', 'dead', { code: 3 }],
    ]);
  });

  it('reports the driver error, or the parse stop when the driver had none', () => {
    const err = buildDocument({ steps, events: [...events, { ev: 'error', line: 9, message: 'x' }], stop: null });
    expect(err.error).toEqual({ line: 9, message: 'x' });
    expect(buildDocument({ steps: [], events: [], stop: { line: 2, message: 'bad' } }).error?.line).toBe(2);
  });
});
