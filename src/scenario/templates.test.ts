import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LeafKind, Template } from './ast.ts';
import { parseLeaf, REPEAT_MAX } from './leaves.ts';
import { directValue, makeSlot, Scope, substitute } from './templates.ts';

const scope = new Scope();
scope.push('i');
scope.push('j');

function template(kind: LeafKind, text: string): Template | null {
  const r = makeSlot(kind, text, 1, scope);
  return r.ok && r.slot.kind === 'template' ? r.slot.template : null;
}

const hole = fc.tuple(fc.constantFrom('i', 'j'), fc.constantFrom('', '+', '-'), fc.integer({ min: 0, max: 999_999_999 }))
  .map(([name, sign, k]) => `{${name}${sign === '' ? '' : `${sign}${k}`}}`);
const literal = fc.stringMatching(/^[A-Za-z0-9_.\-+ %{]{0,4}$/);
const leafText = fc.array(fc.oneof(hole, literal), { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));
const env = fc.record({ i: fc.integer({ min: 1, max: REPEAT_MAX }), j: fc.integer({ min: 1, max: REPEAT_MAX }) });

describe('templates with a direct form', () => {
  it('take the value that parsing their substituted text gives, in every iteration', () => {
    const kinds: LeafKind[] = ['actor', 'label', 'target', 'expect', 'text'];
    fc.assert(fc.property(fc.constantFrom(...kinds), leafText, env, (kind, text, values) => {
      const t = template(kind, text);
      if (t === null || t.direct === null) return;
      const parsed = parseLeaf(kind, substitute(t.parts, values));
      expect(parsed.ok).toBe(true);
      expect(directValue(t, values)).toEqual(parsed.ok ? parsed.value : null);
    }), { numRuns: 2000 });
  });
  it('are the labels, targets, lone-number expectations and texts of the fork bomb and its kind', () => {
    expect(template('label', 'ls{i}')?.direct).toBe('text');
    expect(template('actor', 'c_{i}.{j-1}')?.direct).toBe('text');
    expect(template('target', 'ls{i}')?.direct).toBe('target');
    expect(template('expect', '{i+1}')?.direct).toBe('int');
    expect(template('text', 'ls -l {i}')?.direct).toBe('text');
  });
  it('leave to the parser what it may read another way or refuse: a number, a list, a bounded number', () => {
    expect(template('target', '{i}')?.direct).toBeNull();
    expect(template('expect', '{i} {j}')?.direct).toBeNull();
    expect(template('exitCode', '{i}')?.direct).toBeNull();
  });
});
