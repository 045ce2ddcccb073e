/**
 * The kernel's property guard can fail: with a deliberate bug (a mutant) switched on — change_pid
 * that forgets to drop its reference to the old struct pid — the random runs break an invariant.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RANDOM_SEEDS, runSeed } from './random-syscalls.ts';

const mutant = vi.hoisted(() => ({ on: false }));

vi.mock('../pgrp.ts', async (load) => {
  const pgrp = await load<typeof import('../pgrp.ts')>();
  const { getPid } = await import('../pid.ts');
  return {
    ...pgrp,
    changePid: (...args: Parameters<typeof pgrp.changePid>) => {
      if (!mutant.on) return pgrp.changePid(...args);
      const [ctx, p, type, pid] = args;
      if (ctx.s.tasks[type][p] === pid) return;
      getPid(ctx, pid);
      ctx.s.tasks[type][p] = pid;
    },
  };
});

afterEach(() => {
  mutant.on = false;
});

describe('the invariant guard', () => {
  it('catches a leaked struct pid reference', () => {
    mutant.on = true;
    const caught = RANDOM_SEEDS.map((seed) => runSeed(seed).violation).find((v) => v !== null);
    expect(caught).toMatch(/use count|links/);
  });
  it('passes the same seeds without the mutant', () => {
    expect(RANDOM_SEEDS.slice(0, 5).map((seed) => runSeed(seed).violation)).toEqual([null, null, null, null, null]);
  });
});
