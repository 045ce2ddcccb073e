import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createInterpreter } from '../scenario/index.ts';
import { copyPlain } from './copy.ts';

describe('copyPlain', () => {
  it('copies a kernel state exactly, sharing nothing', () => {
    const interp = createInterpreter(readFileSync('scenarios/library/init-death-kills-namespace.pidns', 'utf8'));
    if (!('next' in interp)) throw new Error('does not parse');
    for (let i = 0; i < 6; i++) interp.next();
    const copy = copyPlain(interp.state);
    expect(copy).toEqual(structuredClone(interp.state));
    const before = structuredClone(interp.state);
    for (let i = 0; i < 4; i++) interp.next();
    expect(copy).toEqual(before);
  });

  it('keeps odd keys, nulls and nested arrays', () => {
    const data = { 'a"b': [1, [2, null]], c: { d: null, e: 'x' }, f: [] };
    const copy = copyPlain(data);
    expect(copy).toEqual(data);
    expect(copy.c).not.toBe(data.c);
  });

  it('refuses what is not plain data', () => {
    expect(() => copyPlain({ m: new Map() })).toThrow(TypeError);
  });
});
