/**
 * What the page may ask of the engine about exercises, beside `EngineClient`: reading a text as
 * an exercise (goal, hints, starter, solution block, goal state) and checking an attempt against
 * an exercise's goal. Both are computed in the engine, never on the page's thread.
 */
import type { CheckVerdict, ExerciseRead } from './messages.ts';

export interface ExerciseEngine {
  readExercise(text: string): Promise<ExerciseRead>;
  /** runs `attempt` and compares its state with the goal of `exercise` (its whole text) */
  checkAttempt(attempt: string, exercise: string): Promise<CheckVerdict>;
}
