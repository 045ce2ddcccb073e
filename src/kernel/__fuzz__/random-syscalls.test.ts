/**
 * Seeded property tests: long random syscall sequences with the invariants checked after every
 * step; the same seed gives byte-identical state; a state survives structuredClone unchanged.
 * A failing seed prints its call list; pin it in PINNED_SEEDS once fixed.
 */
import { describe, expect, it } from 'vitest';
import { checkInvariants, createKernelState, dispatch, type Syscall } from '../index.ts';
import { prng, randomCall } from './random-syscalls.ts';

/**
 * Seeds that once broke an invariant are pinned here (none has yet; the engine bugs the random
 * runs found were differences from Linux, pinned as conformance/regressions/*.pidns).
 */
const PINNED_SEEDS: number[] = [];
const RANDOM_SEEDS = Array.from({ length: 40 }, (_, i) => 1000 + i * 7919);
const STEPS = 400;

function runSeed(seed: number): { json: string; calls: Syscall[]; violation: string | null } {
  const r = prng(seed);
  const s = createKernelState({ pidMax: 400 });
  const calls: Syscall[] = [];
  for (let step = 0; step < STEPS; step++) {
    const call = randomCall(r, s);
    if (call === null) break;
    calls.push(call);
    dispatch(s, call);
    const broken = checkInvariants(s);
    if (broken.length > 0) return { json: '', calls, violation: `step ${step}: ${broken.join('; ')}` };
  }
  return { json: JSON.stringify(s), calls, violation: null };
}

describe('random syscall sequences keep every invariant', () => {
  for (const seed of [...PINNED_SEEDS, ...RANDOM_SEEDS]) {
    it(`seed ${seed}`, () => {
      const { calls, violation } = runSeed(seed);
      if (violation !== null) {
        throw new Error(`${violation}\ncalls:\n${calls.map((c) => JSON.stringify(c)).join('\n')}`);
      }
    });
  }
});

describe('determinism', () => {
  it('the same seed gives byte-identical state', () => {
    for (const seed of [3, 99, 2024]) expect(runSeed(seed).json).toBe(runSeed(seed).json);
  });

  it('a state is plain data: it survives structuredClone and JSON unchanged', () => {
    const { json } = runSeed(5);
    expect(JSON.stringify(JSON.parse(json))).toBe(json);
    expect(JSON.stringify(structuredClone(JSON.parse(json)))).toBe(json);
  });

  it('replaying the calls on a fresh state reaches the same state', () => {
    const { json, calls } = runSeed(11);
    const s = createKernelState({ pidMax: 400 });
    for (const c of calls) dispatch(s, c);
    expect(JSON.stringify(s)).toBe(json);
  });
});
