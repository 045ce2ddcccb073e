/**
 * Random well-formed scenarios (__fuzz__/scenarios.ts): the interpreter (and the kernel model
 * under it) must keep the kernel's invariants, must never throw, must end every run with a
 * document, and must be deterministic. __fuzz__/guards.test.ts shows each check failing on a bug.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { keepsInvariants, runsTheSameTwice, scenario } from './__fuzz__/scenarios.ts';

describe('random scenarios', () => {
  it('keep the kernel invariants after every step', () => {
    fc.assert(fc.property(scenario, keepsInvariants), { numRuns: 200 });
  });
  it('never throw and are deterministic', () => {
    fc.assert(fc.property(scenario, runsTheSameTwice), { numRuns: 400 });
  });
});
