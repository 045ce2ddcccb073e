/**
 * The scenario-level property guards can fail: with a deliberate bug (a mutant) switched on in
 * the kernel, the random runs of __fuzz__/scenarios.ts catch it — an exception inside setsid
 * (not turned into a scenario error), and a change_pid that leaks its old struct pid.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { keepsInvariants, runsTheSameTwice, scenario } from './scenarios.ts';

const mutant = vi.hoisted(() => ({ kind: null as 'throws' | 'leaks' | null }));

vi.mock('../../kernel/pgrp.ts', async (load) => {
  const pgrp = await load<typeof import('../../kernel/pgrp.ts')>();
  const { getPid } = await import('../../kernel/pid.ts');
  return {
    ...pgrp,
    changePid: (...args: Parameters<typeof pgrp.changePid>) => {
      const [ctx, p, type, pid] = args;
      if (mutant.kind === 'throws') throw new Error('mutant: change_pid throws');
      if (mutant.kind !== 'leaks') return pgrp.changePid(...args);
      if (ctx.s.tasks[type][p] === pid) return;
      getPid(ctx, pid);
      ctx.s.tasks[type][p] = pid;
    },
  };
});

afterEach(() => {
  mutant.kind = null;
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
    mutant.kind = 'throws';
    expect(fails(runsTheSameTwice)).toBe(true);
  });
  it('"keep the invariants" fails when the kernel leaks a reference', () => {
    mutant.kind = 'leaks';
    expect(fails(keepsInvariants)).toBe(true);
  });
  it('both pass without a mutant', () => {
    expect(fails(runsTheSameTwice) || fails(keepsInvariants)).toBe(false);
  });
});
