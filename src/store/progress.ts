/**
 * A learner's progress through the lessons, kept in the browser (localStorage) per lesson across
 * reloads and tabs until they reset it: which questions they answered (and which right), whether
 * they solved the exercise, and their own attempt text. Storage may be full or disabled: then
 * progress lives for the visit only, never an error.
 */

export const PROGRESS_KEY = 'pidns-lab:lessons';

export interface LessonProgress {
  /** steps of the questions answered (any answer) and of those answered right */
  answered: number[];
  right: number[];
  /** how many questions the lesson asks; known once it has been opened */
  questions: number;
  exercise: boolean;
  solved: boolean;
  /** the learner's own attempt, as last typed */
  attempt: string | null;
  /** the attempt that was checked and solved: opened unchanged, it shows Solved again */
  solvedAttempt: string | null;
  /** how many of the exercise's hints the learner has seen */
  hints: number;
}

export type Progress = Record<string, LessonProgress>;

export interface ProgressStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function emptyProgress(): LessonProgress {
  return { answered: [], right: [], questions: 0, exercise: false, solved: false, attempt: null, solvedAttempt: null, hints: 0 };
}

/** done: its exercise solved (if it has one) and every one of its questions answered */
export function lessonDone(p: LessonProgress | undefined): boolean {
  if (!p || (!p.exercise && p.questions === 0)) return false;
  return (!p.exercise || p.solved) && p.answered.length >= p.questions;
}

export function readProgress(storage: ProgressStorage): Progress {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(PROGRESS_KEY) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).flatMap(([id, p]) => {
      const read = readLesson(p);
      return read ? [[id, read]] : [];
    }));
  } catch {
    return {};
  }
}

/** a stored entry written by an older or tampered page keeps only what has the right shape */
function readLesson(value: unknown): LessonProgress | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const steps = (x: unknown) => (Array.isArray(x) ? x.filter((n): n is number => Number.isInteger(n)) : []);
  return {
    answered: steps(v['answered']),
    right: steps(v['right']),
    questions: Number.isInteger(v['questions']) ? (v['questions'] as number) : 0,
    exercise: v['exercise'] === true,
    solved: v['solved'] === true,
    attempt: typeof v['attempt'] === 'string' ? v['attempt'] : null,
    solvedAttempt: typeof v['solvedAttempt'] === 'string' ? v['solvedAttempt'] : null,
    hints: Number.isInteger(v['hints']) && (v['hints'] as number) > 0 ? (v['hints'] as number) : 0,
  };
}

export function writeProgress(storage: ProgressStorage, progress: Progress): void {
  try {
    if (Object.keys(progress).length === 0) storage.removeItem(PROGRESS_KEY);
    else storage.setItem(PROGRESS_KEY, JSON.stringify(progress));
  } catch {
    // full or disabled storage: the progress stays in the page for this visit
  }
}

/** records an answer to the question shown at `step` */
export function withAnswer(p: LessonProgress, step: number, right: boolean): LessonProgress {
  const add = (list: number[]) => (list.includes(step) ? list : [...list, step].sort((a, b) => a - b));
  return { ...p, answered: add(p.answered), right: right ? add(p.right) : p.right };
}
