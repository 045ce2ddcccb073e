import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioTitle } from './vite-scenario-title.ts';

function load(id: string): unknown {
  const hook = scenarioTitle().load as (this: { addWatchFile(f: string): void }, id: string) => unknown;
  return hook.call({ addWatchFile: () => undefined }, id);
}

describe('a scenario title at build time', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pidns-title-'));

  it('gives the title header alone, as a module', () => {
    const file = join(dir, '03-x.pidns');
    writeFileSync(file, 'title: One process, "two" pids\nabout: …\ninit fork\n');
    expect(load(`${file}?title`)).toBe('export default "One process, \\"two\\" pids";');
  });

  it('names a scenario without a title by its file', () => {
    const file = join(dir, '04-untitled.pidns');
    writeFileSync(file, 'init fork\n');
    expect(load(`${file}?title`)).toBe('export default "04-untitled";');
  });

  it('leaves every other import alone', () => {
    expect(load(join(dir, '03-x.pidns'))).toBeNull();
    expect(load(`${join(dir, '03-x.pidns')}?raw`)).toBeNull();
  });
});
