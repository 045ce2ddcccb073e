/**
 * The /proc views and the pid sysctls (proc.ts): ps through a mount (R42, R43), ns_last_pid and
 * pid_max per namespace (R8, R20, R95) and the golden allocation scenarios G18–G21.
 */
import { describe, expect, it } from 'vitest';
import { checkInvariants, nsView } from './index.ts';
import { Kit, ns1InitWorld } from './__fuzz__/kit.ts';

describe('ps through /proc', () => {
  it('lists the processes of the namespace the mount shows, not threads, not reaped ones (R42, G5, G6)', () => {
    const k = ns1InitWorld();
    k.clone('x', 'b');
    k.clone('x', 't', ['THREAD', 'SIGHAND', 'VM']);
    k.clone('x', 'c');
    // the root /proc: the thread t (root pid 5) is no directory of its own
    expect(k.call('b', { op: 'ps' })).toBe('1 2 3 4 6');
    expect(k.call('x', { op: 'mount-proc' })).toBe('0');
    expect(k.call('b', { op: 'ps' })).toBe('1 2 4');
    k.call('c', { op: 'exit', code: 0 });
    expect(k.call('b', { op: 'ps' })).toBe('1 2 4');
    k.call('x', { op: 'wait', target: null, nohang: false });
    expect(k.call('b', { op: 'ps' })).toBe('1 2');
    // x mounted over the /proc of the mount namespace it shares with h
    expect(k.call('h', { op: 'ps' })).toBe('1 2');
  });
  it('mounting needs privilege (EPERM)', () => {
    const k = ns1InitWorld();
    k.call('x', { op: 'caps-drop' });
    expect(k.call('x', { op: 'mount-proc' })).toBe('EPERM');
  });
  it('a mount of a dead namespace lists nothing (R48)', () => {
    const k = ns1InitWorld();
    k.call('x', { op: 'mount-proc' });
    k.clone('x', 'b');
    k.call('b', { op: 'exit', code: 0 });
    k.call('x', { op: 'wait', target: null, nohang: false });
    k.clone('x', 'c');
    k.call('c', { op: 'exit', code: 0 });
    expect(k.call('x', { op: 'ps' })).toBe('1 3');
  });
});

describe('ns_last_pid (R20, G18, G19)', () => {
  it('sets where the next fork looks: a fresh namespace counts 2 3 4, then 101 after 100, then 3 after 2', () => {
    const k = ns1InitWorld();
    for (const want of ['2', '3', '4']) {
      const label = `c${want}`;
      expect(k.clone('x', label)).toBe(want);
      k.call(label, { op: 'exit', code: 0 });
      k.call('x', { op: 'wait', target: null, nohang: false });
    }
    expect(nsView(k.s, 1).lastPid).toBe(4);
    expect(k.call('x', { op: 'write-ns-last-pid', value: 100 })).toBe('0');
    expect(nsView(k.s, 1).lastPid).toBe(100);
    expect(k.clone('x', 'd')).toBe('101');
    expect(k.call('x', { op: 'write-ns-last-pid', value: 2 })).toBe('0');
    expect(k.clone('x', 'e')).toBe('3');
  });
  it('belongs to the writer\'s active namespace: the root one is untouched', () => {
    const k = ns1InitWorld();
    k.call('x', { op: 'write-ns-last-pid', value: 50 });
    expect(k.clone('h', 'o')).toBe('4');
    expect(nsView(k.s, 0).lastPid).toBe(4);
  });
  it('accepts 0 to pid_max, refuses what lies outside (EINVAL) and writers without privilege (EPERM)', () => {
    const k = ns1InitWorld();
    expect(k.call('x', { op: 'write-ns-last-pid', value: -1 })).toBe('EINVAL');
    expect(k.call('x', { op: 'write-ns-last-pid', value: 4194305 })).toBe('EINVAL');
    expect(k.call('x', { op: 'write-ns-last-pid', value: 1.5 })).toBe('EINVAL');
    expect(k.call('x', { op: 'write-ns-last-pid', value: 4194304 })).toBe('0');
    expect(k.call('h', { op: 'write-ns-last-pid', value: 32768 })).toBe('0');
    expect(k.call('h', { op: 'write-ns-last-pid', value: 32769 })).toBe('EINVAL');
    expect(k.call('x', { op: 'write-ns-last-pid', value: 0 })).toBe('0');
    expect(k.clone('x', 'a')).toBe('2');
    k.call('x', { op: 'caps-drop' });
    expect(k.call('x', { op: 'write-ns-last-pid', value: 10 })).toBe('EPERM');
    expect(k.call('x', { op: 'write-ns-last-pid', value: -1 })).toBe('EPERM');
  });
});

describe('pid_max per namespace (R8, R95, G20, G21)', () => {
  it('a new namespace starts at 4194304 while the root keeps its own', () => {
    const k = ns1InitWorld();
    expect(nsView(k.s, 1).pidMax).toBe(4194304);
    expect(nsView(k.s, 0).pidMax).toBe(32768);
    expect(k.call('x', { op: 'write-ns-last-pid', value: 99999 })).toBe('0');
    expect(k.clone('x', 'b')).toBe('100000');
    expect(k.call('h', { op: 'nspid', target: k.t('b') })).toBe('4 100000');
  });
  it('lowered below the cursor: the next number wraps to 300', () => {
    const k = ns1InitWorld();
    k.call('x', { op: 'write-ns-last-pid', value: 99999 });
    k.clone('x', 'b');
    expect(k.call('x', { op: 'write-pid-max', value: 1000 })).toBe('0');
    expect(k.clone('x', 'c')).toBe('300');
  });
  it('wraps at pid_max to 300 and is exhausted when 300–309 are taken, though 2–299 are free (G20)', () => {
    const k = ns1InitWorld();
    k.call('x', { op: 'write-pid-max', value: 310 });
    k.call('x', { op: 'write-ns-last-pid', value: 305 });
    const got = Array.from({ length: 10 }, (_, i) => k.clone('x', `c${i}`));
    expect(got).toEqual(['306', '307', '308', '309', '300', '301', '302', '303', '304', '305']);
    expect(k.clone('x', 'c10')).toBe('EAGAIN');
    expect(k.call('x', { op: 'write-ns-last-pid', value: 10 })).toBe('0');
    expect([k.clone('x', 'd'), k.clone('x', 'e')]).toEqual(['11', '12']);
    expect(checkInvariants(k.s)).toEqual([]);
  });
  it('with the cursor at exactly 300 the low range is still in play: a full 300–309 wraps to the lowest free', () => {
    const k = ns1InitWorld();
    k.call('x', { op: 'write-pid-max', value: 310 });
    k.call('x', { op: 'write-ns-last-pid', value: 299 });
    const high = Array.from({ length: 10 }, (_, i) => k.clone('x', `c${i}`));
    expect(high[0]).toBe('300');
    expect(k.clone('x', 'full')).toBe('EAGAIN');
    k.call('x', { op: 'write-ns-last-pid', value: 299 });
    expect(k.clone('x', 'low')).toBe('2');
    expect(checkInvariants(k.s)).toEqual([]);
  });
  it('a full root level fails a fork inside a namespace that has room (R15)', () => {
    const k = new Kit(305);
    k.clone('init', 'h');
    k.clone('h', 'x', ['NEWPID']);
    k.call('h', { op: 'write-ns-last-pid', value: 299 });
    const root = Array.from({ length: 5 }, (_, i) => k.clone('h', `r${i}`));
    expect(root).toEqual(['300', '301', '302', '303', '304']);
    expect(k.clone('x', 'in')).toBe('EAGAIN');
    k.call('r0', { op: 'exit', code: 0 });
    k.call('h', { op: 'wait', target: k.t('r0'), nohang: false });
    // the failed fork had taken 2 inside: that cursor is not rewound (R16)
    expect(k.clone('x', 'in')).toBe('3');
    expect(k.call('h', { op: 'nspid', target: k.t('in') })).toBe('300 3');
  });
  it('accepts 301 to 4194304 (EINVAL outside) from uid 0 only, with or without capabilities (EACCES)', () => {
    const k = ns1InitWorld();
    expect(k.call('x', { op: 'write-pid-max', value: 300 })).toBe('EINVAL');
    expect(k.call('x', { op: 'write-pid-max', value: 5000000 })).toBe('EINVAL');
    expect(k.call('x', { op: 'write-pid-max', value: 4194305 })).toBe('EINVAL');
    expect(k.call('x', { op: 'write-pid-max', value: 400.5 })).toBe('EINVAL');
    expect(k.call('x', { op: 'write-pid-max', value: 301 })).toBe('0');
    expect(k.call('x', { op: 'write-pid-max', value: 4194304 })).toBe('0');
    k.call('x', { op: 'caps-drop' });
    expect(k.call('x', { op: 'write-pid-max', value: 5000 })).toBe('0');
    expect(nsView(k.s, 1).pidMax).toBe(5000);
    expect(nsView(k.s, 0).pidMax).toBe(32768);
    k.call('x', { op: 'setuid', uid: 0 });
    k.clone('h', 'u');
    k.call('u', { op: 'setuid', uid: 1000 });
    expect(k.call('u', { op: 'write-pid-max', value: 5000 })).toBe('EACCES');
    expect(k.call('u', { op: 'write-pid-max', value: 1 })).toBe('EACCES');
  });
});
