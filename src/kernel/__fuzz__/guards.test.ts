/**
 * The kernel's property guard can fail: with a deliberate bug (a mutant) switched on — change_pid
 * that forgets to drop its reference to the old struct pid — the random runs break an invariant.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fault } from './faults.ts';
import { RANDOM_SEEDS, runSeed } from './random-syscalls.ts';

vi.mock('../pgrp.ts', async (load) => {
  const { faultyPgrp } = await import('./faults.ts');
  return faultyPgrp(await load(), await import('../pid.ts'));
});

afterEach(() => {
  fault.kind = null;
});

describe('the invariant guard', () => {
  it('catches a leaked struct pid reference', () => {
    fault.kind = 'leaks';
    const caught = RANDOM_SEEDS.map((seed) => runSeed(seed).violation).find((v) => v !== null);
    expect(caught).toMatch(/use count|links/);
  });
  it('passes the same seeds without the mutant', () => {
    expect(RANDOM_SEEDS.slice(0, 5).map((seed) => runSeed(seed).violation)).toEqual([null, null, null, null, null]);
  });
});
