import { describe, expect, it } from 'vitest';
import { gateStep, judge, rightAnswer, verdictText } from './questions.ts';

describe('gateStep', () => {
  const none = () => false;
  it('stops just before the first unanswered question at or before the wanted step', () => {
    expect(gateStep(9, [3, 6], none)).toEqual({ step: 2, asking: 3 });
    expect(gateStep(3, [3, 6], none)).toEqual({ step: 2, asking: 3 });
  });
  it('lets the player reach a step before a question, and pass answered ones', () => {
    expect(gateStep(2, [3, 6], none)).toEqual({ step: 2, asking: null });
    expect(gateStep(9, [3, 6], (q) => q === 3)).toEqual({ step: 5, asking: 6 });
    expect(gateStep(9, [3, 6], () => true)).toEqual({ step: 9, asking: null });
  });
});

describe('answers', () => {
  const step = (result: string | null, settledAt: number | null = null, op = 'getpid') => ({ op, result, settledAt });
  it('the right answer is the result, `blocked` for a wait that blocked, `none` without one', () => {
    expect(rightAnswer(step('1 5'))).toBe('1 5');
    expect(rightAnswer(step('3', 7, 'wait'))).toBe('blocked');
    expect(rightAnswer(step(null, null, 'wait'))).toBe('blocked');
    expect(rightAnswer(step(null, null, 'reboot'))).toBe('none');
  });
  it('compare as the language does: spaces collapse, errno names in any case', () => {
    expect(judge(' 1  5', '1 5', null).right).toBe(true);
    expect(judge('Esrch', 'ESRCH', null).right).toBe(true);
    expect(judge('2', '1', null).right).toBe(false);
    expect(judge(null, '1', null).right).toBe(false);
  });
  it('a verdict starts with Correct or Not quite, names the answer and gives the rule', () => {
    expect(verdictText(judge('1', '1', 'getpid is the number in its own namespace'))).toBe(
      'Correct: 1 — getpid is the number in its own namespace');
    expect(verdictText(judge('3 ', '1', null))).toBe('Not quite: the answer is 1, not 3');
    expect(verdictText(judge(null, 'ESRCH', null))).toBe('The answer is ESRCH');
  });

  it('keeps the rule ids (R12, R39) out of what the student reads', () => {
    expect(verdictText(judge('4', '4', 'fork returns the child\'s number (R12, R39)'))).toBe(
      "Correct: 4 — fork returns the child's number",
    );
    expect(verdictText(judge(null, 'ESRCH', 'no such process (R7)'))).toBe('The answer is ESRCH — no such process');
  });
});
