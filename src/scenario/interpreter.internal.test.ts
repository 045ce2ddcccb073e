/**
 * A kernel model that throws in the middle of a call (a bug) must leave the run exactly as it was
 * before that statement and stop it with an EngineFault, never a scenario error. The fault is
 * injected between the two halves of setsid: the session has changed, the group not yet.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fault } from '../kernel/__fuzz__/faults.ts';
import { psTable } from '../kernel/index.ts';
import { runScenario } from './document.ts';
import { EngineFault } from './fault.ts';
import { createInterpreter } from './interpreter.ts';

vi.mock('../kernel/pgrp.ts', async (load) => {
  const { faultyPgrp } = await import('../kernel/__fuzz__/faults.ts');
  return faultyPgrp(await load(), await import('../kernel/pid.ts'));
});

afterEach(() => {
  fault.kind = null;
});

const TEXT = 'init fork as A\nA fork as B\nA setsid\nA getpid';

/** a run of TEXT up to setsid, whose next step throws inside setsid; the state before it */
function faultAtSetsid(options?: { records: boolean }) {
  const run = createInterpreter(TEXT, options);
  if ('diagnostics' in run) throw new Error('parse');
  run.next();
  run.next();
  const before = JSON.stringify(run.state);
  fault.kind = 'throws';
  return { run, before };
}

describe('a kernel exception in the middle of a call', () => {
  it('leaves the world, the labels and the records of the step before, and throws EngineFault', () => {
    const { run, before } = faultAtSetsid();
    expect(() => run.next()).toThrow(EngineFault);
    expect(JSON.stringify(run.state)).toBe(before);
    expect(psTable(run.state, 0).find((r) => r.label === 'A')).toMatchObject({ pgid: 1, sid: 1 });
    expect(run.records.map((r) => r.line)).toEqual([1, 2]);
    expect(run.labels.lookup('B')).toBe(2);
  });
  it('puts the tally back too when the run keeps no records', () => {
    const { run, before } = faultAtSetsid({ records: false });
    expect(() => run.next()).toThrow(EngineFault);
    expect(JSON.stringify(run.state)).toBe(before);
    expect(run.tally).toEqual({ steps: 2, checked: 0, failed: 0 });
  });
  it('names its line, and every later call throws the same fault', () => {
    const run = createInterpreter(TEXT);
    if ('diagnostics' in run) throw new Error('parse');
    fault.kind = 'throws';
    let thrown: unknown = null;
    try {
      while (!run.next().done);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(EngineFault);
    expect((thrown as EngineFault).message).toBe('internal error at line 3: boom');
    expect(() => run.next()).toThrow(thrown as EngineFault);
  });
  it('is not a scenario error: a whole-run document throws it too', () => {
    fault.kind = 'throws';
    expect(() => runScenario(TEXT)).toThrow(EngineFault);
  });
});
