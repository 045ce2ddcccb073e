/**
 * Teaching: questions, exercises and lessons.
 *
 * - Questions: the player never shows a step at or past an unanswered question (`gateQuestions`,
 *   applied to every change of the step); it stops before and asks. An answer lets the step
 *   through; the verdict is judged when that step's frame arrives, so the answer, the new state
 *   and the rule behind it show together.
 * - Opening: a load of a text other than the editor's opens a new scenario: answers, exercise and
 *   lesson start afresh. A text that is an exercise (the engine reads it) puts its starter — or the
 *   learner's saved attempt — in the editor and keeps the solution block aside. Edits, actions
 *   and re-runs load the editor's own text and keep everything.
 * - Lessons: progress is kept in the state (`courseProgress`); progress-sync.ts stores it.
 */
import { errorText } from '../../scenario/index.ts';
import { mayBeExercise, withoutTask } from '../exercise.ts';
import { emptyProgress, withAnswer, type LessonProgress } from '../progress.ts';
import { gateStep, judge, rightAnswer } from '../questions.ts';
import type { AppState, LaterView, RunState, SliceContext, StepWish, TeachingState, ViewWish } from '../state.ts';
import { FOLDED } from './view.ts';

type Ctx = SliceContext<AppState>;
type Load = RunState['load'];

export interface Teaching {
  state: TeachingState;
  /** `load` for everyone: opens a new scenario when the text is not the editor's */
  load: Load;
  /** a frame arrived: judge the answer waiting for it */
  frameArrived(): void;
}

const NO_QUESTIONS = new Int32Array(0);

/** the patch, with the step held before the first unanswered question it would pass */
export function gateQuestions(s: AppState, patch: Partial<AppState>): Partial<AppState> {
  if (!('step' in patch) && !('loaded' in patch)) return patch;
  const next = { ...s, ...patch };
  const questions = next.loaded?.questionSteps ?? NO_QUESTIONS;
  const answered = (q: number) => q in next.answers;
  const gated = gateStep(next.step, questions, answered);
  if (gated.asking !== null) return { ...patch, step: gated.step, asking: gated.asking, playing: false };
  // a re-run that keeps the player where it asks (an edit, a reload of the text) keeps asking
  const { asking } = next;
  const stillAsked = asking !== null && next.step === asking - 1 && questions.includes(asking) && !answered(asking);
  return asking === null || stillAsked ? patch : { ...patch, asking: null };
}

const FRESH = {
  asking: null, answers: {}, exercise: null, checked: null, hintsShown: 0, solutionShown: false, lesson: null,
} satisfies Partial<TeachingState>;

export function createTeachingSlice(ctx: Ctx, runLoad: Load): Teaching {
  let opening = 0;
  // the attempt the shown verdict is about: a re-run of that same text keeps the verdict
  let checkedText: string | null = null;

  /** `lesson`: the lesson being opened, with the learner's saved attempt of its exercise */
  async function open(
    text: string, wish?: StepWish, view?: ViewWish | LaterView,
    lesson?: { id: string; attempt: string | null },
  ) {
    const s = ctx.get();
    if (lesson === undefined && text === s.text) {
      if (s.checked !== null && text !== checkedText) ctx.set({ checked: null });
      keepAttempt(text);
      return runLoad(text, wish, view);
    }
    const mine = ++opening;
    ctx.set({ ...FRESH, ...FOLDED, lesson: lesson?.id ?? null });
    const engine = ctx.deps.exercises;
    if (engine && mayBeExercise(text)) {
      const read = await engine.readExercise(text).catch(() => null);
      if (mine !== opening) return undefined;
      if (read?.ok) {
        ctx.set({ exercise: { source: text, view: read.exercise } });
        return runLoad(lesson?.attempt ?? withoutTask(read.exercise.starter), wish, view);
      }
    }
    return runLoad(text, wish, view);
  }

  /** a lesson's exercise keeps the learner's attempt as they type it */
  function keepAttempt(text: string): void {
    const { lesson, exercise } = ctx.get();
    if (lesson === null || exercise === null) return;
    updateLesson(lesson, (p) => ({ ...p, attempt: text }));
  }

  /** a reopened lesson shows the hints already seen, and Solved for its solved attempt unchanged */
  function resumeExercise(saved: LessonProgress | undefined, hints: number, attempt: string): void {
    if (!saved) return;
    const solved = saved.solvedAttempt !== null && saved.solvedAttempt === attempt;
    if (solved) checkedText = attempt;
    ctx.set({ hintsShown: Math.min(hints, saved.hints), ...(solved ? { checked: { kind: 'solved' } } : {}) });
  }

  function updateLesson(id: string, change: (p: LessonProgress) => LessonProgress): void {
    const progress = ctx.get().courseProgress;
    ctx.set({ courseProgress: { ...progress, [id]: change(progress[id] ?? emptyProgress()) } });
  }

  const state: TeachingState = {
    ...FRESH,
    courseProgress: {},
    answerQuestion(given) {
      const s = ctx.get();
      const q = s.asking;
      if (q === null) return;
      ctx.set({ asking: null, answers: { ...s.answers, [q]: { given, verdict: null } } });
      ctx.get().seek(q);
    },
    async checkSolution() {
      const { exercise, text, lesson } = ctx.get();
      const engine = ctx.deps.exercises;
      if (exercise === null || !engine) return;
      checkedText = text;
      ctx.set({ checked: 'checking' });
      const verdict = await engine.checkAttempt(text, exercise.source).catch((error: unknown) => ({
        kind: 'error' as const, line: 0, message: errorText(error),
      }));
      if (ctx.get().exercise !== exercise) return;
      ctx.set({ checked: verdict });
      if (lesson !== null && verdict.kind === 'solved') {
        updateLesson(lesson, (p) => ({ ...p, solved: true, attempt: text, solvedAttempt: text }));
      }
    },
    showHint() {
      const { exercise, hintsShown, lesson } = ctx.get();
      if (!exercise) return;
      const shown = Math.min(exercise.view.hints.length, hintsShown + 1);
      ctx.set({ hintsShown: shown });
      if (lesson !== null) updateLesson(lesson, (p) => ({ ...p, hints: shown }));
    },
    showSolution() {
      ctx.set({ solutionShown: true });
    },
    async openLesson(id, text) {
      const s = ctx.get();
      // Text of the visitor's own outside a lesson is offered back; a lesson's attempt is kept in its progress.
      if (s.lesson === null && s.edits > 0 && s.text.trim() !== '' && s.text !== text) s.offerRestore(s.text);
      await open(text, 'first', { viewer: null, selectedTask: null, selectedNs: null }, { id, attempt: s.courseProgress[id]?.attempt ?? null });
      const { loaded, exercise, text: attempt, lesson } = ctx.get();
      if (lesson !== id) return;
      updateLesson(id, (p) => ({ ...p, questions: loaded?.questionSteps.length ?? 0, exercise: exercise !== null }));
      if (exercise !== null) resumeExercise(ctx.get().courseProgress[id], exercise.view.hints.length, attempt);
    },
    setCourseProgress(progress) {
      ctx.set({ courseProgress: progress });
    },
    resetProgress() {
      ctx.set({ courseProgress: {}, checked: null });
    },
  };

  return {
    state,
    load: (text, wish, view) => open(text, wish, view),
    frameArrived() {
      const { frame, answers, lesson } = ctx.get();
      const info = frame?.stepInfo;
      const waiting = frame ? answers[frame.step] : undefined;
      if (!frame || !info || !waiting || waiting.verdict !== null) return;
      const verdict = judge(waiting.given, rightAnswer(info), frame.why);
      ctx.set({ answers: { ...answers, [frame.step]: { ...waiting, verdict } } });
      if (lesson !== null) updateLesson(lesson, (p) => withAnswer(p, frame.step, verdict.right));
    },
  };
}
