/**
 * The question being asked (group "Question"): the player stopped before a `=> ?` step. The
 * viewer types an answer and checks it, or asks to see it; the verdict (status, starting with
 * `Correct` or `Not quite`) names the answer and the rule behind it while the player stands on
 * the question's step. Sized in em: it follows the font size of where it is placed (the page,
 * the presentation, an embed).
 */
import { useState, type FormEvent } from 'react';
import type { AppState } from '../../store/store.ts';
import { verdictText, type Verdict } from '../../store/questions.ts';
import { useApp, useStoreApi } from '../StoreContext.tsx';
import './teaching.css';

/** the step of the question asked now, or of the one the player stands on */
const questionStep = (s: AppState): number => s.asking ?? s.step;
/** the engine sends the text of the question the page asked about (store.ts: showParams) */
const selectText = (s: AppState): string | null =>
  s.frame?.question?.step === questionStep(s) ? s.frame.question.text : null;
const selectAsking = (s: AppState): boolean => s.asking !== null;
const selectAnswer = (s: AppState) => s.answers[questionStep(s)] ?? null;

export function Question() {
  const text = useApp(selectText);
  const asking = useApp(selectAsking);
  const answer = useApp(selectAnswer);
  const step = useApp(questionStep);
  if (text === null || (!asking && answer === null)) return null;
  return (
    <section className="question" role="group" aria-label="Question">
      <p className="question-text">{text}</p>
      {asking ? <AnswerForm key={step} /> : <Answered given={answer?.given ?? null} verdict={answer?.verdict ?? null} />}
    </section>
  );
}

function AnswerForm() {
  const store = useStoreApi();
  const [given, setGiven] = useState('');
  function check(event: FormEvent): void {
    event.preventDefault();
    if (given.trim() !== '') store.getState().answerQuestion(given);
  }
  return (
    <form className="question-form" onSubmit={check}>
      <input
        type="text" aria-label="Your answer" autoComplete="off" spellCheck={false} value={given} autoFocus
        onChange={(e) => setGiven(e.currentTarget.value)}
        placeholder="your answer: a pid, a list like 1 4, or an errno"
      />
      <button type="submit" className="primary" disabled={given.trim() === ''}>Check answer</button>
      <button type="button" onClick={() => store.getState().answerQuestion(null)}>Reveal</button>
    </form>
  );
}

function Answered({ given, verdict }: { given: string | null; verdict: Verdict | null }) {
  const mood = verdict === null ? '' : verdict.given === null ? ' revealed' : verdict.right ? ' right' : ' wrong';
  return (
    <>
      {given !== null ? <p className="question-given">Your answer: <code>{given}</code></p> : null}
      <p role="status" className={`verdict${mood}`}>{verdict === null ? 'Running the step…' : verdictText(verdict)}</p>
    </>
  );
}
