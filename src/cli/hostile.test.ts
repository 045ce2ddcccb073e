/**
 * Hostile input to the CLI: output far longer than the longest string, control characters in
 * every text the report prints, input over the size limit, and a whole-run limit found before
 * the run.
 */
import { describe, expect, it } from 'vitest';
import { main, type CliIo } from './main.ts';
import { runCli } from './testing.ts';

/** An io that keeps only the size of what is written and the longest single write. */
function countingIo(stdin: string): { io: CliIo; written: { bytes: number; writes: number; longest: number } } {
  const written = { bytes: 0, writes: 0, longest: 0 };
  const io: CliIo = {
    stdout: (t) => {
      written.bytes += t.length;
      written.writes += 1;
      written.longest = Math.max(written.longest, t.length);
    },
    stderr: () => undefined,
    readStdin: async () => stdin,
    readFile: async () => stdin,
  };
  return { io, written };
}

describe('the CLI on hostile input', () => {
  it('streams a report longer than the longest string (6,000 tasks with a 100 KB cmd)', async () => {
    const text = `pid_max: 10000\ninit fork as A\nA exec "${'x'.repeat(100_000)}"\nrepeat 6000\nA fork\nend\n`;
    const { io, written } = countingIo(text);
    expect(await main(['run', '-', '--no-steps'], io)).toBe(0);
    expect(written.bytes).toBeGreaterThan(600_000_000);
    expect(written.longest).toBeLessThan(300_000);
  }, 120_000);
  it('shows control characters as ? in titles, captions, cmds and messages, as procps ps does', async () => {
    const esc = '\u001b]0;owned\u0007\u001b[2J';
    const text = `title: T${esc}\n## C${esc}\ninit fork as A cmd "c${esc}\u009b\u007f"\n`;
    const r = await runCli(['run', '-'], { stdin: text });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(r.stdout).toContain('T?]0;owned??[2J\n');
    expect(r.stdout).toContain('## C?]0;owned??[2J');
    expect(r.stdout).toContain('c?]0;owned??[2J??');
    const bad = await runCli(['run', '-'], { stdin: `init fork as A${esc}` });
    expect(bad.stderr).toBe('line 1: `A?]0;owned??[2J` is not a label; a label starts with a letter or `_` and goes on with letters, digits, `_`, `.` or `-` (e.g. `web-1`)\n');
  });
  it('writes control characters in the JSON document as \\u escapes', async () => {
    const r = await runCli(['run', '--json', '-'], { stdin: 'init fork as A cmd "a\u001b\u009b\u007fb"\n' });
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(r.stdout).toContain('"cmd":"a\\u001b\\u009b\\u007fb"');
    expect(JSON.parse(r.stdout)).toMatchObject({ namespaces: [{ ps: [{}, { cmd: 'a\u001b\u009b\u007fb' }] }] });
  });
  it('stops reading input past the size limit and says so', async () => {
    let asked = 0;
    const io: CliIo = {
      stdout: () => undefined,
      stderr: (t) => void (stderrText += t),
      readStdin: async (limit) => {
        asked = limit;
        return 'x'.repeat(limit);
      },
      readFile: async () => '',
    };
    let stderrText = '';
    expect(await main(['run', '-'], io)).toBe(2);
    expect(asked).toBe(1024 * 1024 + 1);
    expect(stderrText).toBe('pidns-lab: standard input is over 1 MiB (1048576 bytes), the size limit of a scenario — split it into smaller scenarios\n');
  });
});
