/**
 * The scenario-level property guards can fail: with a deliberate bug (a mutant) switched on in
 * the kernel (kernel/__fuzz__/faults.ts), the random runs of __fuzz__/scenarios.ts catch it — an
 * exception inside setsid (not turned into a scenario error), and a change_pid that leaks its old
 * struct pid.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fault } from '../../kernel/__fuzz__/faults.ts';
import { keepsInvariants, runsTheSameTwice, scenario } from './scenarios.ts';

vi.mock('../../kernel/pgrp.ts', async (load) => {
  const { faultyPgrp } = await import('../../kernel/__fuzz__/faults.ts');
  return faultyPgrp(await load(), await import('../../kernel/pid.ts'));
});

afterEach(() => {
  fault.kind = null;
});

const fails = (check: (text: string) => void): boolean => {
  try {
    fc.assert(fc.property(scenario, check), { numRuns: 400, seed: 42 });
    return false;
  } catch {
    return true;
  }
};

describe('the scenario guards', () => {
  it('"never throw" fails when the kernel throws', () => {
    fault.kind = 'throws';
    expect(fails(runsTheSameTwice)).toBe(true);
  });
  it('"keep the invariants" fails when the kernel leaks a reference', () => {
    fault.kind = 'leaks';
    expect(fails(keepsInvariants)).toBe(true);
  });
  it('both pass without a mutant', () => {
    expect(fails(runsTheSameTwice) || fails(keepsInvariants)).toBe(false);
  });
});
