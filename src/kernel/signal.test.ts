import { describe, expect, it } from 'vitest';
import { SIGNALS } from './abi.ts';
import { Kit } from './__fuzz__/kit.ts';

const nr = (n: number) => ({ kind: 'nr' as const, nr: n });

function withNamespace(): Kit {
  const k = new Kit();
  k.clone('init', 'h');
  k.clone('h', 'x', ['NEWPID']);
  k.clone('x', 'b');
  return k;
}

describe('signals and pid namespaces (R69–R78)', () => {
  it('an init drops default-action signals from inside, even SIGKILL (R73, G11)', () => {
    const k = withNamespace();
    for (const sig of [SIGNALS.TERM, SIGNALS.KILL, SIGNALS.STOP]) {
      expect(k.call('b', { op: 'kill', sig, target: nr(1) })).toBe('0');
    }
    expect(k.state('x')).toBe('alive');
  });

  it('from the parent namespace only SIGKILL and SIGSTOP get through (R74, G12)', () => {
    const k = withNamespace();
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
    const k = withNamespace();
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
    const k = withNamespace();
    k.call('x', { op: 'signal', sig: SIGNALS.SEGV, disposition: 'ignore' });
    k.call('x', { op: 'fault' });
    expect(k.exit('x')).toBe('signal SEGV');
  });

  it('kill(-1) skips the sender and its own init, reaches nested inits (R72, G13, G14)', () => {
    const k = withNamespace();
    expect(k.call('b', { op: 'kill', sig: SIGNALS.USR2, target: nr(-1) })).toBe('ESRCH');
    k.clone('x', 'y', ['NEWPID']);
    k.clone('x', 'killer');
    expect(k.call('killer', { op: 'kill', sig: SIGNALS.KILL, target: nr(-1) })).toBe('0');
    expect([k.state('x'), k.exit('b'), k.exit('y')]).toEqual(['alive', 'signal KILL', 'signal KILL']);
  });

  it('kill(0) reaches the outside members of an inherited process group (R70, G15)', () => {
    const k = withNamespace();
    k.call('h', { op: 'signal', sig: SIGNALS.USR2, disposition: 'ignore' });
    k.clone('init', 'o');
    expect(k.call('b', { op: 'kill', sig: SIGNALS.USR2, target: nr(0) })).toBe('0');
    expect(k.exit('o')).toBe('signal USR2');
    expect(k.state('h')).toBe('alive');
  });

  it('unprivileged kill needs a matching uid; SIGCONT is allowed in the same session (R69)', () => {
    const k = withNamespace();
    k.clone('x', 'u');
    k.call('u', { op: 'setuid', uid: 1000 });
    expect(k.call('u', { op: 'kill', sig: SIGNALS.TERM, target: nr(2) })).toBe('EPERM');
    expect(k.call('u', { op: 'kill', sig: SIGNALS.CONT, target: nr(2) })).toBe('0');
    expect(k.call('u', { op: 'kill', sig: 0, target: nr(-1) })).toBe('0');
  });
});
