import { describe, expect, it } from 'vitest';
import { checkInvariants, taskView } from './index.ts';
import { Kit } from './__fuzz__/kit.ts';

/** A process P (pid 2) with threads T1 (3) and T2 (4), a child C of P and a child D of T1. */
function threadedProcess(): Kit {
  const k = new Kit();
  k.clone('init', 'P');
  k.clone('P', 'T1', ['THREAD', 'SIGHAND', 'VM']);
  k.clone('P', 'T2', ['THREAD', 'SIGHAND', 'VM']);
  k.clone('P', 'C');
  k.clone('T1', 'D');
  return k;
}

describe('execve in a multi-threaded process (de_thread)', () => {
  it('ends the other threads with exit code 0, not the SIGKILL that ends them', () => {
    const k = threadedProcess();
    expect(k.call('P', { op: 'exec', cmd: '/bin/new' })).toBe('0');
    expect(k.state('T1')).toBe('dead');
    expect(k.exit('T1')).toBe('code 0');
    expect(k.exit('T2')).toBe('code 0');
    expect(k.call('P', { op: 'gettid' })).toBe('2');
  });

  it('gives a non-leader caller the leader pid, its parent, group and children (exchange_tids)', () => {
    const k = threadedProcess();
    expect(k.call('T1', { op: 'exec', cmd: '/bin/new' })).toBe('0');
    expect(k.call('T1', { op: 'getpid' })).toBe('2');
    expect(k.call('T1', { op: 'gettid' })).toBe('2');
    expect(k.call('T1', { op: 'getppid' })).toBe('1');
    expect(k.call('C', { op: 'getppid' })).toBe('2');
    expect(k.call('D', { op: 'getppid' })).toBe('2');
    expect(k.ps(0)).toBe(['1 0 1 1 S init', '2 1 1 1 S T1', '5 2 1 1 S C', '6 2 1 1 S D'].join('\n'));
    expect(taskView(k.s, k.id('T1'))).toMatchObject({ isThread: false, leader: k.id('T1'), nspid: [2], cmd: '/bin/new' });
    // the old leader leaves with the caller's old tid, released at once; its number is free again
    expect(taskView(k.s, k.id('P'))).toMatchObject({ state: 'dead', nspid: [3], exit: { code: 0 } });
    expect(k.call('init', { op: 'kill', sig: 0, target: { kind: 'nr', nr: 3 } })).toBe('ESRCH');
    expect(checkInvariants(k.s)).toEqual([]);
  });

  it('leaves one process that a wait reaps under the leader pid', () => {
    const k = threadedProcess();
    k.call('init', { op: 'reap', mode: 'manual' });
    k.call('T1', { op: 'exec', cmd: '/bin/new' });
    k.call('T1', { op: 'exit', code: 7 });
    expect(k.call('init', { op: 'wait', target: { kind: 'nr', nr: 2 }, nohang: false })).toBe('2');
    expect(k.exit('T1')).toBe('code 7');
    expect(checkInvariants(k.s)).toEqual([]);
  });

  it('moves the global init with the thread that takes its place: it still cannot be killed', () => {
    const k = new Kit();
    k.clone('init', 'it', ['THREAD', 'SIGHAND', 'VM']);
    k.clone('init', 'A');
    expect(k.call('it', { op: 'exec', cmd: '/sbin/init2' })).toBe('0');
    expect(k.call('it', { op: 'getpid' })).toBe('1');
    expect(k.call('A', { op: 'getppid' })).toBe('1');
    expect(k.call('A', { op: 'kill', sig: 9, target: { kind: 'nr', nr: 1 } })).toBe('0');
    expect(k.state('it')).toBe('alive');
    expect(k.call('it', { op: 'exit', code: 0 })).toMatch(/^fault: /);
    expect(checkInvariants(k.s)).toEqual([]);
  });
});
