import { describe, expect, it } from 'vitest';
import { buildFrame } from './frame.ts';
import { FAILED_LINES_LISTED, recordRun } from './record.ts';
import { stateAt } from './timeline.ts';

const load = async (text: string) => {
  const run = await recordRun(text, async () => true);
  if (!run) throw new Error('run abandoned');
  return run;
};
const frameAt = (run: Awaited<ReturnType<typeof load>>, step: number) =>
  buildFrame(run.timeline, stateAt(run.timeline, step), { step, viewer: null, inspect: null, windows: [], idle: false });

describe('what a loaded run tells the page', () => {
  it('keeps a loop\'s captions in the worker: each frame carries the narration of its step', async () => {
    const run = await load('## first\ninit getpid\nrepeat 3 i\n  ## round {i}\n  init getpid\nend\n## the end\n');
    expect(run.loaded).not.toHaveProperty('captions');
    // the narration after the last statement is shown with that statement's own
    expect([0, 1, 2, 3, 4].map((k) => frameAt(run, k).caption)).toEqual([null, 'first', 'round 1', 'round 2', 'round 3 the end']);
  });

  it('keeps the questions\' texts in the worker: a frame carries the one the page asks for', async () => {
    const run = await load('init getpid => ?\nrepeat 3 i\n  ## Round {i}?\n  init getppid => ?\nend\n');
    expect([...run.loaded.questionSteps]).toEqual([1, 2, 3, 4]);
    const asked = (step: number, question?: number) => buildFrame(run.timeline, stateAt(run.timeline, step), {
      step, viewer: null, inspect: null, windows: [], idle: true, ...(question === undefined ? {} : { question }),
    }).question;
    expect(asked(2, 3)).toEqual({ step: 3, text: 'Round 2?' });
    expect(asked(0, 1)).toEqual({ step: 1, text: 'What will «init getpid» return?' });
    expect(asked(0, 5)).toBeNull();
    expect(asked(1)).toBeNull();
  });

  it('tells one failed expectation per line, with how many more, and counts them all', async () => {
    const run = await load('repeat 1000\n  init getpid => 5\nend\ninit getpid => 1\ninit getppid => 7\n');
    expect(run.loaded.failed).toBe(1001);
    expect(run.loaded.diagnostics).toEqual([
      { line: 2, severity: 'warning', message: 'expected 5, got 1 (and 999 more times on this line)' },
      { line: 5, severity: 'warning', message: 'expected 7, got 0' },
    ]);
  });

  it('tells the failed expectations of the first lines only, however many lines fail', async () => {
    const text = Array.from({ length: FAILED_LINES_LISTED + 20 }, () => 'init getpid => 9').join('\n');
    const run = await load(text);
    expect(run.loaded.failed).toBe(FAILED_LINES_LISTED + 20);
    expect(run.loaded.diagnostics).toHaveLength(FAILED_LINES_LISTED);
    expect(run.loaded.diagnostics.at(-1)?.line).toBe(FAILED_LINES_LISTED);
  });
});
