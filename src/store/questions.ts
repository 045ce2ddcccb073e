/**
 * Questions (`=> ?`), kept pure: which step the player may show while questions wait, the right
 * answer of a question's step, and the verdict's words. Invariant: the player never shows a step
 * at or past a question nobody has answered yet — it stops just before it and asks — so no
 * table, log, timeline or address can give the answer away.
 */
import type { Step } from '../protocol/index.ts';
import { BLOCKED_ANSWER, judgeAnswer, NO_RESULT_ANSWER } from '../scenario/index.ts';

/** what the viewer said (null: they asked to see the answer) and what the step returned */
export interface Verdict {
  given: string | null;
  right: boolean;
  answer: string;
  /** the rule behind the answer, in one line */
  reason: string | null;
}

export interface Gated {
  step: number;
  /** the question the player stopped before, if the wanted step is past one still unanswered */
  asking: number | null;
}

/**
 * The step to show when `wanted` is asked for: `wanted` itself, or the step just before the
 * first unanswered question at or before it. `questions` holds the steps that show a question's
 * answer, ascending.
 */
export function gateStep(wanted: number, questions: Iterable<number>, answered: (q: number) => boolean): Gated {
  for (const q of questions) {
    if (q > wanted) break;
    if (!answered(q)) return { step: q - 1, asking: q };
  }
  return { step: wanted, asking: null };
}

/** the answer to a question, as the language writes results: a wait that blocked answers `blocked` */
export function rightAnswer(step: Pick<Step, 'op' | 'result' | 'settledAt'>): string {
  if (step.settledAt !== null || (step.op === 'wait' && step.result === null)) return BLOCKED_ANSWER;
  return step.result ?? NO_RESULT_ANSWER;
}

export function judge(given: string | null, answer: string, reason: string | null): Verdict {
  return { given, right: given !== null && judgeAnswer(given, answer), answer, reason };
}

// The engine's reasons end with the kernel-semantics rule ids, e.g. `(R12, R39)`: a reference for
// whoever checks the engine, noise for a student.
const RULE_IDS = /\s*\(R\d+(?:,\s*R\d+)*\)\s*$/;

/** the reason for a student: the rule in words, without the rule ids */
function studentReason(reason: string): string {
  return reason.replace(RULE_IDS, '');
}

/** the verdict in words: it starts with `Correct` or `Not quite` for an answer given */
export function verdictText(v: Verdict): string {
  const because = v.reason ? ` — ${studentReason(v.reason)}` : '';
  if (v.given === null) return `The answer is ${v.answer}${because}`;
  if (v.right) return `Correct: ${v.answer}${because}`;
  return `Not quite: the answer is ${v.answer}, not ${v.given.trim()}${because}`;
}
