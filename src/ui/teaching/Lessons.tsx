/**
 * The course (navigation "Lessons"): a link per lesson, in order; a lesson solved (its exercise)
 * or completed (every question answered) has a name ending with `(done)`. A lesson opens in the
 * page (its text is fetched then) and its address is `?lesson=NN`, so a teacher can link to it.
 * Progress can be reset, after a confirmation.
 */
import { useState, type MouseEvent } from 'react';
import { lessonDone } from '../../store/progress.ts';
import type { AppState } from '../../store/store.ts';
import { useApp, useStoreApi } from '../StoreContext.tsx';
import { LESSONS, type LessonEntry } from './lessons.ts';
import { openLesson } from './openLesson.ts';
import './teaching.css';

const selectProgress = (s: AppState) => s.courseProgress;
const selectLesson = (s: AppState) => s.lesson;

export function Lessons() {
  const progress = useApp(selectProgress);
  const current = useApp(selectLesson);
  const store = useStoreApi();
  const [confirming, setConfirming] = useState(false);
  if (LESSONS.length === 0) return null;
  const done = LESSONS.filter((l) => lessonDone(progress[l.id])).length;

  function open(event: MouseEvent, entry: LessonEntry): void {
    event.preventDefault();
    void openLesson(store, entry);
  }

  return (
    <nav className="panel lessons" aria-label="Lessons">
      <h2>Lessons <span className="ns-dim">{done} of {LESSONS.length} done</span></h2>
      <ol>
        {LESSONS.map((entry) => {
          const finished = lessonDone(progress[entry.id]);
          return (
            <li key={entry.id}>
              <a
                href={`?lesson=${entry.id}`} aria-current={current === entry.id ? 'page' : undefined}
                className={finished ? 'done' : undefined} onClick={(e) => open(e, entry)}
              >
                {`${Number(entry.id)}. ${entry.name}`}{finished ? ' (done)' : ''}
              </a>
            </li>
          );
        })}
      </ol>
      {confirming ? (
        <p className="reset-confirm">
          Forget every answer, solved exercise and attempt of the course?{' '}
          <button type="button" onClick={() => { store.getState().resetProgress(); setConfirming(false); }}>Yes, reset</button>{' '}
          <button type="button" className="link" onClick={() => setConfirming(false)}>Keep it</button>
        </p>
      ) : (
        <button type="button" className="link" onClick={() => setConfirming(true)}>Reset progress</button>
      )}
    </nav>
  );
}
