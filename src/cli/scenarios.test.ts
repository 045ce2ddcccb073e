/**
 * Every scenario that must pass: the shared public ones (../shared/scenarios, beside the
 * repository) and the repository's own (scenarios/**), each run through the CLI in-process.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './testing.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SHARED = resolve(ROOT, '..', 'shared', 'scenarios');

function pidnsFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.pidns'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

function runAll(files: readonly string[]): void {
  for (const file of files) {
    it(relative(ROOT, file), async () => {
      const r = await runCli(['run', '--no-steps', file]);
      const detail = r.code === 0 ? '' : (await runCli(['run', file])).stdout.split('\n').filter((l) => l.includes('FAIL')).join('\n') + r.stderr;
      expect(r.code, detail).toBe(0);
      expect(readFileSync(file, 'utf8').length).toBeGreaterThan(0);
    });
  }
}

describe('shared scenarios', () => {
  const files = pidnsFiles(SHARED);
  if (files.length === 0) {
    console.warn(`WARNING: ${SHARED} is absent; the shared scenarios were not run`);
    it.skip('shared scenarios (folder absent)', () => {});
  }
  runAll(files);
});

describe('repository scenarios', () => {
  const files = pidnsFiles(join(ROOT, 'scenarios'));
  it('exist', () => expect(files.length).toBeGreaterThan(0));
  runAll(files);
});
