import { describe, expect, it } from 'vitest';
import { expandProgram, parseScenario, type ConcreteStep } from '../scenario/index.ts';
import { driverLine, expectText, flagMask } from './to-driver.ts';

function steps(text: string): ConcreteStep[] {
  const p = parseScenario(text);
  if (p.program === null) throw new Error(p.diagnostics[0]?.message);
  return [...expandProgram(p.program)].filter((s): s is ConcreteStep => s.kind === 'step');
}

describe('driverLine', () => {
  it('passes labels for the driver to resolve and numbers as written', () => {
    const s = steps('init fork as A cmd "a b"\nA kill TERM -1\nA kill 0 init\nA wait WNOHANG\nA clone NEWPID,NEWNS set_tid=1,-1\nA fork\n');
    expect(s.map(driverLine)).toEqual([
      `0 1 init clone 0 - A ${Buffer.from('a b').toString('hex')}`,
      '1 2 A kill 15 n:-1',
      '2 3 A kill 0 l:init',
      '3 4 A wait - 1',
      `4 5 A clone ${0x20000000 | 0x20000} 1,-1 - -`,
      '5 6 A clone 0 - - -',
    ]);
  });

  it('maps the language ops onto the driver ops', () => {
    const s = steps('init prctl SUBREAPER 1\ninit write pid_max 500\ninit caps drop\ninit sigmask block TERM\ninit reboot CAD_ON\n');
    expect(s.map(driverLine)).toEqual([
      '0 1 init subreaper 1', '1 2 init pid_max 500', '2 3 init capsdrop', '3 4 init sigmask 1 15',
      `4 5 init reboot ${0x89abcdef}`,
    ]);
  });

  it('writes expectations as the language does', () => {
    expect(steps('init ps => 1 2\ninit getpid => 1\ninit setsid => EPERM\n').map((x) => expectText(x.expect))).toEqual(['1 2', '1', 'EPERM']);
    expect(flagMask(['THREAD', 'SIGHAND', 'VM'])).toBe(0x10900);
  });
});

