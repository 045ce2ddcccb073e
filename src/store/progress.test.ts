import { describe, expect, it } from 'vitest';
import {
  emptyProgress, lessonDone, PROGRESS_KEY, readProgress, withAnswer, writeProgress, type ProgressStorage,
} from './progress.ts';

function memory(): ProgressStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

describe('lesson progress', () => {
  it('is done once every question is answered, and the exercise solved when there is one', () => {
    const asks = { ...emptyProgress(), questions: 2 };
    expect(lessonDone(asks)).toBe(false);
    expect(lessonDone(withAnswer(asks, 3, false))).toBe(false);
    expect(lessonDone(withAnswer(withAnswer(asks, 3, false), 5, true))).toBe(true);
    const exercise = { ...emptyProgress(), exercise: true };
    expect(lessonDone(exercise)).toBe(false);
    expect(lessonDone({ ...exercise, solved: true })).toBe(true);
    expect(lessonDone(undefined)).toBe(false);
    expect(lessonDone(emptyProgress())).toBe(false);
  });

  it('counts an answer once and remembers whether it was right', () => {
    const p = withAnswer(withAnswer(withAnswer(emptyProgress(), 5, true), 2, false), 5, true);
    expect(p.answered).toEqual([2, 5]);
    expect(p.right).toEqual([5]);
  });

  it('survives a round trip through storage and forgets everything on reset', () => {
    const storage = memory();
    const progress = { '03': { ...withAnswer(emptyProgress(), 4, true), questions: 1, attempt: 'init fork' } };
    writeProgress(storage, progress);
    expect(readProgress(storage)).toEqual(progress);
    writeProgress(storage, {});
    expect(storage.data.has(PROGRESS_KEY)).toBe(false);
  });

  it('reads broken or foreign data as no progress, and keeps what has the right shape', () => {
    const storage = memory();
    storage.setItem(PROGRESS_KEY, '{not json');
    expect(readProgress(storage)).toEqual({});
    storage.setItem(PROGRESS_KEY, JSON.stringify({ '01': { answered: [1, 'x'], solved: 'yes' }, '02': 7 }));
    expect(readProgress(storage)).toEqual({ '01': { ...emptyProgress(), answered: [1] } });
  });

  it('never throws when storage is full or disabled', () => {
    const full: ProgressStorage = {
      getItem: () => { throw new Error('denied'); },
      setItem: () => { throw new Error('quota'); },
      removeItem: () => { throw new Error('denied'); },
    };
    expect(readProgress(full)).toEqual({});
    expect(() => writeProgress(full, { '01': emptyProgress() })).not.toThrow();
  });
});
