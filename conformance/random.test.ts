import { describe, expect, it } from 'vitest';
import { parseScenario } from '../src/scenario/index.ts';
import { generateScenario } from './random.ts';

describe('generateScenario', () => {
  it('is deterministic per seed and always parses', () => {
    expect(generateScenario(42)).toBe(generateScenario(42));
    for (let seed = 1; seed <= 50; seed++) expect(parseScenario(generateScenario(seed)).diagnostics).toEqual([]);
  });
});
