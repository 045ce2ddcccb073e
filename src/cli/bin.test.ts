/**
 * bin/pidns-lab.mjs reads a scenario file itself (not through a stream): a regular file, a pipe
 * named as a file (which has no size to ask), and a file over the limit, read only up to it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/pidns-lab.mjs', import.meta.url));
const SCENARIO = 'init fork as A => 2\nA getpid => 2\n';

interface Result {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[]): Result {
  const { status, stdout, stderr } = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status, stdout, stderr };
}

/** `pidns-lab run --no-steps <(…)`: the shell names a pipe holding `text` as /dev/fd/N */
function cliOnPipe(text: string): Result {
  const { status, stdout, stderr } = spawnSync('bash', ['-c', '"$0" "$1" run --no-steps <(cat)', process.execPath, BIN], {
    encoding: 'utf8', input: text, timeout: 60_000,
  });
  return { status, stdout, stderr };
}

describe('the pidns-lab command reading a file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pidns-bin-'));

  it('runs a regular file and a pipe named as a file alike', { timeout: 120_000 }, () => {
    const file = join(dir, 'a.pidns');
    writeFileSync(file, SCENARIO);
    const fromFile = cli(['run', '--no-steps', file]);
    expect(fromFile).toMatchObject({ status: 0, stderr: '' });
    expect(fromFile.stdout).toContain('2 steps, 2 expectations held');
    expect(cliOnPipe(SCENARIO)).toEqual(fromFile);
  });

  it('refuses a file over the size limit, as standard input', { timeout: 120_000 }, () => {
    const file = join(dir, 'big.pidns');
    writeFileSync(file, `${'## padding\n'.repeat(100_000)}init getpid\n`);
    const r = cli(['run', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`pidns-lab: ${file} is over 1 MiB (1048576 bytes), the size limit of a scenario — split it into smaller scenarios\n`);
  });
});
