/**
 * Inputs at the size limit shaped to hurt: nothing in the parser, expander, interpreter or
 * document may recurse or copy in proportion to them (each case once overflowed the stack, ran
 * out of memory or took minutes).
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from './document.ts';
import { createInterpreter } from './interpreter.ts';
import { MAX_TASKS, MAX_TEXT_BYTES } from './limits.ts';
import { parseScenario } from './parser.ts';

const lines = (n: number, line: (k: number) => string): string => Array.from({ length: n }, (_, k) => line(k)).join('\n');

describe('hostile scenarios', () => {
  it('200,000 captions after one statement end as one trailing narration', () => {
    const text = `init fork\n${'## a\n'.repeat(200_000)}`;
    expect(text.length).toBeLessThan(MAX_TEXT_BYTES);
    const run = createInterpreter(text);
    if ('diagnostics' in run) throw new Error('parse');
    expect(run.next().done).toBe(false);
    const end = run.next();
    expect(end.done && end.narration?.captions.length).toBe(200_000);
  });
  it('200,000 captions before one statement ride on it', () => {
    const doc = runScenario(`${'## a\n'.repeat(200_000)}init getpid => 1\n`);
    expect(doc).toMatchObject({ ok: true, steps: [{ line: 200_001, pass: true }] });
  });
  it('repeats nested 80,000 deep', () => {
    const depth = 80_000;
    const text = `${'repeat 1\n'.repeat(depth)}init getpid => 1\n${'end\n'.repeat(depth)}`;
    expect(text.length).toBeLessThan(MAX_TEXT_BYTES);
    expect(runScenario(text)).toMatchObject({ ok: true, steps: [{ line: depth + 1, pass: true }] });
  });
  it('repeats nested 20,000 deep, each with its own variable used below it', () => {
    const depth = 20_000;
    const text = `${lines(depth, (k) => `repeat 1 v${k}\ninit getpid => {v${k}}`)}\n${'end\n'.repeat(depth)}`;
    expect(text.length).toBeLessThan(MAX_TEXT_BYTES);
    const doc = runScenario(text, { steps: false });
    expect(doc.ok).toBe(true);
  });
  it('an unclosed nest of repeats is reported, not overflowed', () => {
    const { diagnostics } = parseScenario(`${'repeat 2\n'.repeat(100_000)}init getpid\n`);
    expect(diagnostics[0]?.message).toMatch(/`repeat` .*`end`/);
  });
  it('one line of a million characters', () => {
    const doc = runScenario(`init exec "${'x'.repeat(MAX_TEXT_BYTES - 20)}"\n`);
    expect(doc.namespaces[0]?.ps[0]?.cmd).toHaveLength(MAX_TEXT_BYTES - 20);
  });
  it('ps repeated on a big world answers each time, and a changed world gets its new list', () => {
    const doc = runScenario('pid_max: 4194304\nrepeat 20000\ninit fork\nend\nrepeat 50\ninit ps\nend\ninit fork\ninit ps\n');
    const ps = doc.steps.filter((s) => s.op === 'ps').map((s) => s.result?.split(' ').length);
    expect(ps).toEqual([...Array.from({ length: 50 }, () => 20_001), 20_002]);
  });
  it('a run that would pass the task limit is refused before it starts', () => {
    const t0 = performance.now();
    const { diagnostics } = parseScenario(`pid_max: 4194304\nrepeat 1100 i\nrepeat 2000 j\ninit fork\nend\nend\n`);
    expect(diagnostics).toEqual([expect.objectContaining({ line: 2, code: 'SCN1036' })]);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(parseScenario(`repeat ${MAX_TASKS - 1}\ninit fork\nend\n`).diagnostics).toEqual([]);
    expect(parseScenario(`repeat ${MAX_TASKS}\ninit fork\nend\n`).diagnostics[0]?.code).toBe('SCN1036');
  });
});
