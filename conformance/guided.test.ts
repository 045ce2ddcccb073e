import { describe, expect, it } from 'vitest';
import { loadEngine } from '../src/linux/engine-run.ts';
import { generateGuided } from './guided.ts';

const engine = await loadEngine();

describe.skipIf(engine === null)('generateGuided', () => {
  it('is deterministic per seed and only keeps statements the engine runs without error', () => {
    if (engine === null) return;
    const a = generateGuided(7, 30, engine);
    expect(generateGuided(7, 30, engine)).toBe(a);
    for (let seed = 1; seed <= 10; seed++) {
      const text = generateGuided(seed, 30, engine);
      expect(engine(text).error).toBeNull();
      expect(text.split('\n').filter((l) => l !== '').length).toBeGreaterThan(10);
    }
  });

  it('never asks for more set_tid levels than the scenario has (host-imposed otherwise)', () => {
    if (engine === null) return;
    let seen = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const lines = generateGuided(seed, 40, engine).split('\n');
      lines.forEach((line, i) => {
        const tids = line.match(/set_tid=([-\d,]+)/)?.[1];
        if (tids === undefined) return;
        seen++;
        const actor = line.split(' ')[0];
        const doc = engine(`${lines.slice(0, i).join('\n')}\n`);
        const levels = doc.tasks.find((t) => t.label === actor)?.nspid.length ?? 0;
        expect(tids.split(',').length, line).toBeLessThanOrEqual(levels + (line.includes('NEWPID') ? 1 : 0));
      });
    }
    expect(seen).toBeGreaterThan(0);
  });
});
