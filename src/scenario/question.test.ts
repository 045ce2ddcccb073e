import { describe, expect, it } from 'vitest';
import { runScenario } from './document.ts';
import { createInterpreter, type StepRecord } from './interpreter.ts';
import { judgeAnswer, questionAnswer } from './question.ts';

function records(text: string): readonly StepRecord[] {
  const run = createInterpreter(text);
  if ('diagnostics' in run) throw new Error(run.diagnostics[0]?.message);
  while (!run.next().done);
  return run.records;
}

describe('the question of a step', () => {
  it('is the caption just before the statement', () => {
    const [r] = records('## first\n## Which pid does init see?\ninit getpid => ?');
    expect(r).toMatchObject({ question: 'Which pid does init see?', expect: null, pass: null, result: '1' });
  });
  it('is asked with the statement when no caption comes before it', () => {
    const [, r] = records('## about fork\ninit fork as A\nA getppid => ?');
    expect(r?.question).toBe('What will «A getppid» return?');
  });
  it('is asked in every iteration of a repeat, with the values of that iteration', () => {
    const got = records('repeat 2\n  init fork as c{i} => ?\nend').map((r) => [r.question, questionAnswer(r)]);
    expect(got).toEqual([['What will «init fork as c1» return?', '2'], ['What will «init fork as c2» return?', '3']]);
  });
  it('is null on steps that ask nothing', () => {
    expect(records('init getpid => 1\ninit getpid').map((r) => r.question)).toEqual([null, null]);
  });
  it('never changes a run document\'s ok: the step has expect "?" and pass null', () => {
    const doc = runScenario('init fork as A => ?\nA kill KILL 77 => ?');
    expect(doc.ok).toBe(true);
    expect(doc.steps).toEqual([
      { line: 1, actor: 'init', op: 'fork', result: '2', expect: '?', pass: null, question: true },
      { line: 2, actor: 'A', op: 'kill', result: 'ESRCH', expect: '?', pass: null, question: true },
    ]);
  });
});

describe('questionAnswer', () => {
  it('is the result, `blocked` for a wait that blocked, `none` for no result', () => {
    const rs = records('init fork as A\nA fork as B\nA wait => ?\nB exit 0\ninit fork as C\nC fork as D\nC wait => ?\ninit kill KILL C');
    const waits = rs.filter((r) => r.op === 'wait');
    expect(waits.map((r) => r.result)).toEqual(['3', null]);
    expect(questionAnswer({ result: null, pending: true })).toBe('blocked');
    expect(questionAnswer(waits[1] as StepRecord)).toBe('none');
    expect(questionAnswer({ result: '1 2 3', pending: undefined })).toBe('1 2 3');
  });
});

describe('judgeAnswer', () => {
  it('accepts the result written as in the language, spaces collapsed, errno names in any case', () => {
    expect(judgeAnswer('1', '1')).toBe(true);
    expect(judgeAnswer('  1   2 3 ', '1 2 3')).toBe(true);
    expect(judgeAnswer('esrch', 'ESRCH')).toBe(true);
    expect(judgeAnswer('01', '1')).toBe(true);
    expect(judgeAnswer('Blocked', 'blocked')).toBe(true);
  });
  it('refuses another value, another order, a partial list and an empty answer', () => {
    expect(judgeAnswer('2', '1')).toBe(false);
    expect(judgeAnswer('3 2 1', '1 2 3')).toBe(false);
    expect(judgeAnswer('1 2', '1 2 3')).toBe(false);
    expect(judgeAnswer('EPERM', 'ESRCH')).toBe(false);
    expect(judgeAnswer('   ', 'none')).toBe(false);
    expect(judgeAnswer('1,2,3', '1 2 3')).toBe(false);
  });
});
