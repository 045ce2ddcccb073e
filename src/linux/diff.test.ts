import { describe, expect, it } from 'vitest';
import { allowed, type AllowEntry } from './allow-list.ts';
import { diffDocuments } from './diff.ts';
import type { RunDocument } from './types.ts';

const base: RunDocument = {
  ok: true,
  error: null,
  steps: [{ line: 3, actor: 'init', op: 'fork', result: '2', expect: '2', pass: true }],
  namespaces: [{
    name: 'ns0', level: 0, parent: null, state: 'active',
    ps: [{ pid: 1, ppid: 0, pgid: 1, sid: 1, stat: 'S', cmd: '/sbin/init', label: 'init' }],
  }],
  tasks: [{ label: 'init', ns: 'ns0', nspid: [1], state: 'alive', exit: null }],
};

function changed(f: (d: RunDocument) => void): RunDocument {
  const d = structuredClone(base);
  f(d);
  return d;
}

describe('diffDocuments', () => {
  it('finds nothing in identical documents', () => {
    expect(diffDocuments(base, structuredClone(base))).toEqual([]);
  });

  it('names the field, the line and both values', () => {
    const k = changed((d) => {
      const s = d.steps[0];
      if (s) s.result = 'EAGAIN';
    });
    expect(diffDocuments(base, k)).toEqual([{ path: 'steps[0].result', line: 3, engine: '2', kernel: 'EAGAIN' }]);
  });

  it('keys ps rows and tasks by label, and reports missing ones', () => {
    const k = changed((d) => {
      d.tasks.push({ label: 'x', ns: 'ns0', nspid: [2], state: 'zombie', exit: { code: 0 } });
      const row = d.namespaces[0]?.ps[0];
      if (row) row.stat = 'Z';
    });
    expect(diffDocuments(base, k).map((x) => x.path)).toEqual(['namespaces[ns0].ps[init].stat', 'tasks[x]']);
  });

  it('compares an error by its line only', () => {
    const e = changed((d) => (d.error = { line: 4, message: 'engine words' }));
    const k = changed((d) => (d.error = { line: 4, message: 'runner words' }));
    expect(diffDocuments(e, k)).toEqual([]);
    expect(diffDocuments(e, changed((d) => (d.error = { line: 5, message: '' })))[0]?.path).toBe('error');
  });
});

describe('allow-list matching', () => {
  const d = { path: 'steps[4].result', line: 8, engine: 'EINVAL', kernel: 'EEXIST' };
  const entry = (over: Partial<AllowEntry>): AllowEntry => ({ scenario: 's', category: 'host-imposed', reason: 'r', ...over });
  it('narrows by scenario, line, fromLine and path', () => {
    expect(allowed(entry({}), 's', d)).toBe(true);
    expect(allowed(entry({}), 'other', d)).toBe(false);
    expect(allowed(entry({ line: 9 }), 's', d)).toBe(false);
    expect(allowed(entry({ fromLine: 8 }), 's', d)).toBe(true);
    expect(allowed(entry({ fromLine: 9 }), 's', d)).toBe(false);
    expect(allowed(entry({ fromLine: 9 }), 's', { ...d, line: null })).toBe(true);
    expect(allowed(entry({ path: '\\.pending$' }), 's', d)).toBe(false);
  });
});
