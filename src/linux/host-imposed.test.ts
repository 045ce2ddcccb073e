import { describe, expect, it } from 'vitest';
import { hostImposed } from './host-imposed.ts';
import type { RunDocument, StepDoc } from './types.ts';

function doc(steps: [number, string, string | null][]): RunDocument {
  const s: StepDoc[] = steps.map(([line, op, result]) => ({ line, actor: 'a', op, result, expect: null, pass: null }));
  return { ok: true, error: null, steps: s, namespaces: [], tasks: [] };
}

describe('hostImposed', () => {
  it('allows everything from a 32nd namespace that Linux refuses one level early', () => {
    const e = doc([[3, 'fork', '2'], [4, 'clone', '34'], [5, 'getpid', '1']]);
    const k = doc([[3, 'fork', '2'], [4, 'clone', 'ENOSPC'], [5, 'getpid', 'ESRCH']]);
    expect(hostImposed('f', e, k)).toEqual([expect.objectContaining({ scenario: 'f', fromLine: 4, category: 'host-imposed' })]);
  });
  it('allows a set_tid the engine finds too long and the host level answers', () => {
    const e = doc([[6, 'clone', 'EINVAL']]);
    expect(hostImposed('f', e, doc([[6, 'clone', 'EEXIST']]))[0]?.reason).toMatch(/set_tid/);
  });
  it('allows nothing when the first difference is anything else', () => {
    expect(hostImposed('f', doc([[1, 'kill', '0'], [2, 'clone', '3']]), doc([[1, 'kill', 'ESRCH'], [2, 'clone', 'ENOSPC']]))).toEqual([]);
    expect(hostImposed('f', doc([[1, 'clone', 'EINVAL']]), doc([[1, 'clone', 'EINVAL']]))).toEqual([]);
  });
});
