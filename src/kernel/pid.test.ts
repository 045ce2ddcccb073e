import { describe, expect, it } from 'vitest';
import { Kit } from './__fuzz__/kit.ts';

describe('alloc_pid: the cyclic allocator (R13–R16)', () => {
  it('hands out increasing numbers and never reuses before the wrap', () => {
    const k = new Kit();
    expect(k.clone('init', 'a')).toBe('2');
    k.call('a', { op: 'exit', code: 0 });
    expect(k.clone('init', 'b')).toBe('3');
  });

  it('wraps to RESERVED_PIDS (300), not 1, and then fails with EAGAIN (R14, R15)', () => {
    const k = new Kit(310);
    k.clone('init', 'h');
    expect(k.call('h', { op: 'write-ns-last-pid', value: 305 })).toBe('0');
    const got = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((i) => k.clone('h', `c${i}`));
    expect(got).toEqual(['306', '307', '308', '309', '300', '301', '302', '303', '304', '305']);
    expect(k.clone('h', 'c11')).toBe('EAGAIN');
  });

  it('a fresh namespace whose first fork failed still gives pid 1 next (R16)', () => {
    const k = new Kit();
    k.clone('init', 's');
    expect(k.call('s', { op: 'unshare', flags: ['NEWPID'] })).toBe('0');
    expect(k.clone('s', 'x', [], [1, 1])).toBe('EEXIST');
    expect(k.clone('s', 'y', [], [7])).toBe('EINVAL');
    expect(k.clone('s', 'a')).toBe('3');
    expect(k.call('a', { op: 'getpid' })).toBe('1');
  });

  it('a process group keeps its leader number busy after the leader is reaped (R3, G19)', () => {
    const k = new Kit();
    k.clone('init', 'h');
    k.clone('h', 'g');
    k.call('g', { op: 'setpgid', target: { kind: 'nr', nr: 0 }, pgid: { kind: 'nr', nr: 0 } });
    k.clone('g', 'm');
    k.call('g', { op: 'exit', code: 0 });
    expect(k.call('h', { op: 'wait', target: k.t('g'), nohang: false })).toBe('3');
    expect(k.call('h', { op: 'kill', sig: 0, target: { kind: 'nr', nr: 3 } })).toBe('ESRCH');
    expect(k.call('h', { op: 'kill', sig: 0, target: { kind: 'nr', nr: -3 } })).toBe('0');
    expect(k.call('h', { op: 'write-ns-last-pid', value: 2 })).toBe('0');
    expect(k.clone('h', 'n')).toBe('5');
  });

  it('set_tid: checks per level, innermost first, and never moves the cursor (R22–R26)', () => {
    const k = new Kit();
    k.clone('init', 'r');
    expect(k.clone('r', 'a', ['NEWPID'], [5])).toBe('EINVAL');
    expect(k.clone('r', 'b', ['NEWPID'], [1, 1])).toBe('EEXIST');
    expect(k.clone('r', 'c', ['NEWPID'], [1, 1, 1])).toBe('EINVAL');
    expect(k.clone('r', 'x', ['NEWPID'], [1])).toBe('3');
    expect(k.clone('x', 'app', [], [42])).toBe('42');
    expect(k.clone('x', 'next')).toBe('2');
    expect(k.clone('x', 'big', [], [4194304])).toBe('EINVAL');
  });
});
