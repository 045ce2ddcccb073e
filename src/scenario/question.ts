/**
 * Questions (`=> ?`): the answer to a question is the step's own result, written as in the
 * language. `questionAnswer(record)` gives it from the step's record, taken right after the step
 * ran; `judgeAnswer(answer, right)` says whether what the learner typed is that answer: white space
 * collapses, errno names (and the words `blocked`, `none`) are case-insensitive, integers compare
 * by value (`01` is `1`). Pure.
 */
import type { StepRecord } from './interpreter.ts';

/** What a step that returned nothing answers (`reboot` that succeeded, a wait whose caller died). */
export const NO_RESULT_ANSWER = 'none';
/** What a `wait` that blocked answers: its result arrives only at a later step. */
export const BLOCKED_ANSWER = 'blocked';

/** The right answer to the question of `record`, as the language writes results. */
export function questionAnswer(record: Pick<StepRecord, 'result' | 'pending'>): string {
  if (record.pending === true) return BLOCKED_ANSWER;
  return record.result ?? NO_RESULT_ANSWER;
}

const INTEGER = /^[+-]?[0-9]+$/;

function normalWord(word: string): string {
  if (INTEGER.test(word)) return BigInt(word).toString();
  return word.toUpperCase();
}

/** The answer in one canonical spelling: words upper case, integers in decimal, one space apart. */
export function normalAnswer(text: string): string {
  return text.trim().split(/\s+/).filter((w) => w !== '').map(normalWord).join(' ');
}

/** Whether `answer` (what the learner typed) is `right` (from `questionAnswer`). */
export function judgeAnswer(answer: string, right: string): boolean {
  const given = normalAnswer(answer);
  return given !== '' && given === normalAnswer(right);
}
