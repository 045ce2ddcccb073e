/** A kernel model that throws must stop the run with a diagnostic, never crash the caller. */
import { describe, expect, it, vi } from 'vitest';
import { createInterpreter } from './interpreter.ts';

vi.mock('../kernel/index.ts', async (load) => {
  const kernel = await load<typeof import('../kernel/index.ts')>();
  return {
    ...kernel,
    dispatch: (...args: Parameters<typeof kernel.dispatch>) => {
      if (args[1].op === 'setsid') throw new Error('boom');
      return kernel.dispatch(...args);
    },
  };
});

describe('a kernel exception', () => {
  it('becomes a scenario error at its line, keeping the steps before it', () => {
    const run = createInterpreter('init fork as A\nA setsid\nA getpid');
    if ('diagnostics' in run) throw new Error('parse');
    let end = run.next();
    while (!end.done) end = run.next();
    expect(end.error).toMatchObject({ line: 2, code: 'SCN1099', message: expect.stringContaining('boom') });
    expect(run.records).toHaveLength(1);
  });
});
