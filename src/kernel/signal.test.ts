import { describe, expect, it } from 'vitest';
import { SIGNALS } from './abi.ts';
import { dispatch, sigName, taskView } from './index.ts';
import { Kit, nr, ns1World } from './__fuzz__/kit.ts';

describe('signals and pid namespaces (R69–R78)', () => {
  it('an init drops default-action signals from inside, even SIGKILL (R73, G11)', () => {
    const k = ns1World();
    for (const sig of [SIGNALS.TERM, SIGNALS.KILL, SIGNALS.STOP]) {
      expect(k.call('b', { op: 'kill', sig, target: nr(1) })).toBe('0');
    }
    expect(k.state('x')).toBe('alive');
  });

  it('from the parent namespace only SIGKILL and SIGSTOP get through (R74, G12)', () => {
    const k = ns1World();
    k.call('h', { op: 'kill', sig: SIGNALS.TERM, target: k.t('x') });
    expect(k.state('x')).toBe('alive');
    k.call('h', { op: 'kill', sig: SIGNALS.STOP, target: k.t('x') });
    expect(k.state('x')).toBe('stopped');
    k.call('b', { op: 'kill', sig: SIGNALS.CONT, target: nr(1) });
    expect(k.state('x')).toBe('alive');
    k.call('h', { op: 'kill', sig: SIGNALS.KILL, target: k.t('x') });
    expect(k.exit('x')).toBe('signal KILL');
  });

  it('a blocked signal stays pending and an init drops it at unblock (R75, G29)', () => {
    const k = ns1World();
    k.call('x', { op: 'sigmask', block: true, sig: SIGNALS.TERM });
    k.call('b', { op: 'kill', sig: SIGNALS.TERM, target: nr(1) });
    k.call('x', { op: 'sigmask', block: false, sig: SIGNALS.TERM });
    expect(k.state('x')).toBe('alive');
    k.call('b', { op: 'sigmask', block: true, sig: SIGNALS.TERM });
    k.call('x', { op: 'kill', sig: SIGNALS.TERM, target: nr(2) });
    expect(k.state('b')).toBe('alive');
    expect(k.call('b', { op: 'sigmask', block: false, sig: SIGNALS.TERM })).toBe('0');
    expect(k.exit('b')).toBe('signal TERM');
  });

  it('a fault kills even an init with SIGSEGV ignored (R76, R99)', () => {
    const k = ns1World();
    k.call('x', { op: 'signal', sig: SIGNALS.SEGV, disposition: 'ignore' });
    k.call('x', { op: 'fault' });
    expect(k.exit('x')).toBe('signal SEGV');
  });

  it('kill(-1) skips the sender and its own init, reaches nested inits (R72, G13, G14)', () => {
    const k = ns1World();
    expect(k.call('b', { op: 'kill', sig: SIGNALS.USR2, target: nr(-1) })).toBe('ESRCH');
    k.clone('x', 'y', ['NEWPID']);
    k.clone('x', 'killer');
    expect(k.call('killer', { op: 'kill', sig: SIGNALS.KILL, target: nr(-1) })).toBe('0');
    expect([k.state('x'), k.exit('b'), k.exit('y')]).toEqual(['alive', 'signal KILL', 'signal KILL']);
  });

  it('kill(0) reaches the outside members of an inherited process group (R70, G15)', () => {
    const k = ns1World();
    k.call('h', { op: 'signal', sig: SIGNALS.USR2, disposition: 'ignore' });
    k.clone('init', 'o');
    expect(k.call('b', { op: 'kill', sig: SIGNALS.USR2, target: nr(0) })).toBe('0');
    expect(k.exit('o')).toBe('signal USR2');
    expect(k.state('h')).toBe('alive');
  });

  it('unprivileged kill needs a matching uid; SIGCONT is allowed in the same session (R69)', () => {
    const k = ns1World();
    k.clone('x', 'u');
    k.call('u', { op: 'setuid', uid: 1000 });
    expect(k.call('u', { op: 'kill', sig: SIGNALS.TERM, target: nr(2) })).toBe('EPERM');
    expect(k.call('u', { op: 'kill', sig: SIGNALS.CONT, target: nr(2) })).toBe('0');
    expect(k.call('u', { op: 'kill', sig: 0, target: nr(-1) })).toBe('0');
  });
});

describe('stop and continue (G38, R74)', () => {
  it('SIGSTOP from the parent stops an init; SIGCONT from inside resumes it', () => {
    const k = ns1World();
    const stop = dispatch(k.s, { actor: k.id('h'), op: 'kill', sig: SIGNALS.STOP, target: k.t('x') });
    expect(stop.events).toContainEqual({ type: 'task/stopped', task: k.id('x'), sig: 'STOP' });
    expect(k.ps(0).split('\n')[2]).toBe('3 2 1 1 T x');
    expect(k.call('x', { op: 'getpid' })).toBe('fault: is stopped');
    const cont = dispatch(k.s, { actor: k.id('b'), op: 'kill', sig: SIGNALS.CONT, target: nr(1) });
    expect(cont.events).toContainEqual({ type: 'task/continued', task: k.id('x') });
    expect(k.state('x')).toBe('alive');
  });
  it('a stopped process acts on nothing but SIGKILL and SIGCONT; what came meanwhile acts at SIGCONT', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.clone('init', 'o');
    k.call('o', { op: 'kill', sig: SIGNALS.STOP, target: k.t('p') });
    expect(k.state('p')).toBe('stopped');
    k.call('o', { op: 'kill', sig: SIGNALS.TERM, target: k.t('p') });
    expect(k.state('p')).toBe('stopped');
    expect(taskView(k.s, k.id('p')).pending).toEqual(['TERM']);
    k.call('o', { op: 'kill', sig: SIGNALS.CONT, target: k.t('p') });
    expect(k.exit('p')).toBe('signal TERM');
  });
  it('SIGKILL ends a stopped process', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.clone('init', 'o');
    k.call('o', { op: 'kill', sig: SIGNALS.STOP, target: k.t('p') });
    k.call('o', { op: 'kill', sig: SIGNALS.KILL, target: k.t('p') });
    expect(k.exit('p')).toBe('signal KILL');
  });
  it('a stop signal discards a pending SIGCONT and SIGCONT discards pending stop signals', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.call('p', { op: 'signal', sig: SIGNALS.CONT, disposition: 'handle' });
    k.call('p', { op: 'sigmask', block: true, sig: SIGNALS.CONT });
    k.call('p', { op: 'sigmask', block: true, sig: SIGNALS.TSTP });
    k.call('init', { op: 'kill', sig: SIGNALS.CONT, target: k.t('p') });
    expect(taskView(k.s, k.id('p')).pending).toEqual(['CONT']);
    k.call('init', { op: 'kill', sig: SIGNALS.TSTP, target: k.t('p') });
    expect(taskView(k.s, k.id('p')).pending).toEqual(['TSTP']);
    k.call('init', { op: 'kill', sig: SIGNALS.CONT, target: k.t('p') });
    expect(taskView(k.s, k.id('p')).pending).toEqual(['CONT']);
  });
  it('SIGTSTP is dropped by a process of an orphaned group; SIGSTOP still stops it', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.call('p', { op: 'setsid' });
    k.call('init', { op: 'kill', sig: SIGNALS.TSTP, target: k.t('p') });
    expect(k.state('p')).toBe('alive');
    k.call('init', { op: 'kill', sig: SIGNALS.STOP, target: k.t('p') });
    expect(k.state('p')).toBe('stopped');
  });
  it('SIGTSTP, SIGTTIN and SIGTTOU stop a process whose group is not orphaned', () => {
    for (const sig of [SIGNALS.TSTP, SIGNALS.TTIN, SIGNALS.TTOU]) {
      const k = new Kit();
      k.clone('init', 'sh');
      k.call('sh', { op: 'setsid' });
      k.clone('sh', 'job');
      k.call('sh', { op: 'setpgid', target: k.t('job'), pgid: nr(0) });
      const out = dispatch(k.s, { actor: k.id('sh'), op: 'kill', sig, target: k.t('job') });
      expect(out.events).toEqual([{ type: 'task/stopped', task: k.id('job'), sig: sigName(sig) }]);
    }
  });
  it('the global init never gets SIGKILL or SIGSTOP (R77)', () => {
    const k = new Kit();
    k.clone('init', 'a');
    const out = dispatch(k.s, { actor: k.id('a'), op: 'kill', sig: SIGNALS.KILL, target: nr(1) });
    expect(out.events).toEqual([{ type: 'signal/dropped', task: 0, sig: 'KILL', why: 'global-init' }]);
    k.call('a', { op: 'kill', sig: SIGNALS.STOP, target: nr(1) });
    expect(k.state('init')).toBe('alive');
  });
});

describe('dispositions and the pending set', () => {
  it('ignoring a signal discards it when sent and drops it from the pending set', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.call('p', { op: 'sigmask', block: true, sig: SIGNALS.USR1 });
    k.call('init', { op: 'kill', sig: SIGNALS.USR1, target: k.t('p') });
    expect(taskView(k.s, k.id('p')).pending).toEqual(['USR1']);
    k.call('p', { op: 'signal', sig: SIGNALS.USR1, disposition: 'ignore' });
    expect(taskView(k.s, k.id('p')).pending).toEqual([]);
    k.call('p', { op: 'sigmask', block: false, sig: SIGNALS.USR1 });
    const out = dispatch(k.s, { actor: 0, op: 'kill', sig: SIGNALS.USR1, target: k.t('p') });
    expect(out.events).toEqual([{ type: 'signal/dropped', task: k.id('p'), sig: 'USR1', why: 'ignored' }]);
    expect(k.state('p')).toBe('alive');
  });
  it('back to default, a pending signal whose default is to ignore is discarded; a fatal one stays', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.call('p', { op: 'signal', sig: SIGNALS.WINCH, disposition: 'handle' });
    for (const sig of [SIGNALS.WINCH, SIGNALS.USR2]) {
      k.call('p', { op: 'sigmask', block: true, sig });
      k.call('init', { op: 'kill', sig, target: k.t('p') });
    }
    k.call('p', { op: 'signal', sig: SIGNALS.WINCH, disposition: 'default' });
    k.call('p', { op: 'signal', sig: SIGNALS.USR2, disposition: 'default' });
    expect(taskView(k.s, k.id('p')).pending).toEqual(['USR2']);
  });
  it('SIGKILL and SIGSTOP cannot be caught, and 0 or 65 is no signal (EINVAL); masking them is a silent no-op', () => {
    const k = new Kit();
    k.clone('init', 'p');
    for (const sig of [SIGNALS.KILL, SIGNALS.STOP, 0, 65]) {
      expect(k.call('p', { op: 'signal', sig, disposition: 'handle' })).toBe('EINVAL');
    }
    expect(k.call('p', { op: 'sigmask', block: true, sig: SIGNALS.KILL })).toBe('0');
    expect(k.call('p', { op: 'sigmask', block: true, sig: 0 })).toBe('EINVAL');
    expect(k.call('p', { op: 'sigmask', block: true, sig: 65 })).toBe('EINVAL');
    expect(taskView(k.s, k.id('p')).blocked).toEqual([]);
    expect(k.call('p', { op: 'sigmask', block: true, sig: 64 })).toBe('0');
    expect(taskView(k.s, k.id('p')).blocked).toEqual(['RTMIN+30']);
  });
  it('a default-ignored signal does nothing; a handled one runs once; a real-time one kills by default', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.call('init', { op: 'kill', sig: SIGNALS.URG, target: k.t('p') });
    k.call('init', { op: 'kill', sig: SIGNALS.CHLD, target: k.t('p') });
    expect(k.state('p')).toBe('alive');
    k.call('init', { op: 'kill', sig: 40, target: k.t('p') });
    expect(k.exit('p')).toBe('signal RTMIN+6');
  });
  it('pending signals act lowest first, a synchronous one before any other (next_signal)', () => {
    const k = new Kit();
    k.clone('init', 'p');
    const sigs = [SIGNALS.USR2, 35, SIGNALS.HUP, SIGNALS.SEGV, SIGNALS.USR1];
    for (const sig of sigs) k.call('p', { op: 'signal', sig, disposition: 'handle' });
    k.call('init', { op: 'kill', sig: SIGNALS.STOP, target: k.t('p') });
    for (const sig of sigs) k.call('init', { op: 'kill', sig, target: k.t('p') });
    expect(taskView(k.s, k.id('p')).pending).toEqual(['HUP', 'USR1', 'SEGV', 'USR2', 'RTMIN+1']);
    const out = dispatch(k.s, { actor: 0, op: 'kill', sig: SIGNALS.CONT, target: k.t('p') });
    const order = out.events.flatMap((e) => (e.type === 'signal/delivered' ? [e.sig] : []));
    expect(order).toEqual(['SEGV', 'HUP', 'USR1', 'USR2', 'RTMIN+1']);
    expect(taskView(k.s, k.id('p')).pending).toEqual([]);
  });
  it('a fatal signal let through by unblocking kills on the way out of sigprocmask (R98)', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.call('p', { op: 'sigmask', block: true, sig: 35 });
    k.call('init', { op: 'kill', sig: 35, target: k.t('p') });
    expect(k.state('p')).toBe('alive');
    const out = dispatch(k.s, { actor: k.id('p'), op: 'sigmask', block: false, sig: 35 });
    expect(out.events).toContainEqual({ type: 'task/killed', task: k.id('p'), sig: 'RTMIN+1', reason: 'unblocked' });
    expect(k.exit('p')).toBe('signal RTMIN+1');
  });
  it('a signal blocked in one thread is taken by another thread that does not block it', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.call('p', { op: 'signal', sig: SIGNALS.USR1, disposition: 'handle' });
    k.call('p', { op: 'sigmask', block: true, sig: SIGNALS.USR1 });
    k.clone('p', 't', ['THREAD', 'SIGHAND', 'VM']);
    k.call('t', { op: 'sigmask', block: false, sig: SIGNALS.USR1 });
    const out = dispatch(k.s, { actor: 0, op: 'kill', sig: SIGNALS.USR1, target: k.t('p') });
    expect(out.events).toEqual([{ type: 'signal/delivered', task: k.id('p'), sig: 'USR1', handled: true }]);
    expect(taskView(k.s, k.id('p')).pending).toEqual([]);
  });
  it('a process that blocks a fatal signal in every thread keeps it pending', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.call('p', { op: 'sigmask', block: true, sig: SIGNALS.TERM });
    const out = dispatch(k.s, { actor: 0, op: 'kill', sig: SIGNALS.TERM, target: k.t('p') });
    expect(out.events).toEqual([{ type: 'signal/pending', task: k.id('p'), sig: 'TERM' }]);
    expect(k.state('p')).toBe('alive');
  });
  it('a core-dumping signal kills with its own status', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.call('init', { op: 'kill', sig: SIGNALS.QUIT, target: k.t('p') });
    expect(k.exit('p')).toBe('signal QUIT');
  });
  it('a dying process takes no further signal', () => {
    const k = new Kit();
    k.clone('init', 'p');
    k.clone('p', 't', ['THREAD', 'SIGHAND', 'VM']);
    k.clone('init', 'o');
    const out = dispatch(k.s, { actor: k.id('o'), op: 'kill', sig: SIGNALS.KILL, target: nr(-1) });
    expect(out.events.filter((e) => e.type === 'task/killed' && e.task === k.id('p'))).toHaveLength(1);
    expect(k.exit('p')).toBe('signal KILL');
  });
});
