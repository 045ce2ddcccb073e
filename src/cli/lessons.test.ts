/**
 * The course (scenarios/lessons/NN-slug.pidns): enough lessons, numbered without gaps, each a
 * narrated scenario with questions, an exercise, or both. For every exercise the starter (the
 * file without its solution block) must not reach the goal, and the solution, typed in as
 * ordinary statements, must reach it with every expectation holding.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BLOCKED_ANSWER, checkAttempt, createInterpreter, goalScenario, NO_RESULT_ANSWER, parseScenario, questionAnswer,
  readExercise, runScenario, type Exercise, type StepRecord,
} from '../scenario/index.ts';
import { listScenarios } from '../linux/corpus.ts';

const DIR = resolve(import.meta.dirname, '..', '..', 'scenarios', 'lessons');
const NAME = /^(\d\d)-[a-z0-9]+(?:-[a-z0-9]+)*\.pidns$/;

const lessons = readdirSync(DIR).filter((f) => f.endsWith('.pidns')).sort()
  .map((name) => ({ name, text: readFileSync(join(DIR, name), 'utf8') }));

function exerciseOf(text: string): Exercise | null {
  const read = readExercise(text);
  if (!read.ok && read.problem === 'error') throw new Error(`line ${read.diagnostic.line}: ${read.diagnostic.message}`);
  return read.ok ? read.exercise : null;
}

function questionSteps(text: string): StepRecord[] {
  const run = createInterpreter(text);
  if ('diagnostics' in run) throw new Error(run.diagnostics.map((d) => `line ${d.line}: ${d.message}`).join('\n'));
  const asked: StepRecord[] = [];
  for (let step = run.next(); !step.done; step = run.next()) if (step.record.question !== null) asked.push(step.record);
  return asked;
}

describe('the course', () => {
  const exercises = lessons.filter((l) => exerciseOf(l.text) !== null);

  it('has at least 12 lessons, at least 6 of them exercises', () => {
    expect(lessons.length).toBeGreaterThanOrEqual(12);
    expect(exercises.length).toBeGreaterThanOrEqual(6);
  });

  it('is part of the conformance corpus, so every lesson is also run on Linux', () => {
    expect(listScenarios().filter((f) => f.id.startsWith('lessons/')).map((f) => f.id))
      .toEqual(lessons.map((l) => `lessons/${l.name}`));
  });

  it('numbers its lessons 01, 02, … without a gap, one file per number', () => {
    const numbers = lessons.map((l) => NAME.exec(l.name)?.[1]);
    expect(numbers).toEqual(lessons.map((_, i) => String(i + 1).padStart(2, '0')));
  });
});

describe.each(lessons)('lesson $name', ({ text }) => {
  const exercise = exerciseOf(text);
  const asked = questionSteps(text);

  it('has a title and an about line', () => {
    const { program } = parseScenario(text);
    expect(program?.title).toBeTruthy();
    expect(program?.about.length).toBeGreaterThan(0);
  });

  it('asks every question with a caption, and each question has an answer', () => {
    for (const q of asked) {
      expect(q.question, `line ${q.line}`).toMatch(/\?$/);
      expect(q.question, `line ${q.line}`).not.toMatch(/^What will «/);
      expect([BLOCKED_ANSWER, NO_RESULT_ANSWER], `line ${q.line}`).not.toContain(questionAnswer(q));
    }
  });

  it.runIf(exercise === null)('asks at least one question', () => {
    expect(asked.length).toBeGreaterThan(0);
  });

  it.runIf(exercise !== null)('has a starter that does not reach the goal', () => {
    expect(checkAttempt((exercise as Exercise).starter, exercise as Exercise).kind).toBe('not-solved');
  });

  it.runIf(exercise !== null)('has a solution that reaches the goal with every expectation holding', () => {
    const typed = goalScenario(text);
    expect(typed).not.toBe(text);
    const run = runScenario(typed, { steps: true });
    expect(run.steps.filter((s) => s.pass === false).map((s) => s.line)).toEqual([]);
    expect(run.ok).toBe(true);
    expect(checkAttempt(typed, exercise as Exercise)).toEqual({ kind: 'solved' });
  });
});
