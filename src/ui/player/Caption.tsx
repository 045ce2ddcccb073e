/**
 * The scenario's `##` narration of the step just run: the captions of the last captioned
 * statement at or before it. Stopped between the acts of a teardown, it says what that act did.
 * Before the first caption, the scenario's title and its `about:` introduction.
 */
import { useMemo } from 'react';
import type { ActFrame } from '../../protocol/index.ts';
import type { AppState } from '../../store/store.ts';
import { readHeaders } from '../headers.ts';
import { useApp } from '../StoreContext.tsx';

/** the frame's narration (the engine looks it up: captions may be as many as the steps) */
const selectCaption = (s: AppState): string | null =>
  s.stepAct !== 0 && s.frame?.step === s.step && s.frame.act !== null ? actSentence(s.frame.act) : s.frame?.caption ?? null;

/** what the kernel has just done at one act of a namespace's teardown (zap_pid_ns_processes) */
export function actSentence(act: ActFrame): string {
  const where = `Teardown of ${act.ns}, act ${act.index} of ${act.count + 1}:`;
  if (act.act === 'killed') return `${where} its init is dying, so every other process in ${act.ns} gets SIGKILL.`;
  if (act.act === 'reaped') return `${where} the killed processes are reaped; only the init still holds a pid in ${act.ns}.`;
  return `${where} the init has exited; it stays a zombie until its parent waits for it.`;
}

// Headers come before the first statement: a prefix holds them, and a mebibyte text is not split
// again on every keystroke.
const HEADERS_WITHIN = 64 * 1024;
const selectOpening = (s: AppState): string | null => (selectCaption(s) === null ? s.text.slice(0, HEADERS_WITHIN) : null);

export function Caption() {
  const caption = useApp(selectCaption);
  const opening = useApp(selectOpening);
  const intro = useMemo(() => (opening === null ? null : readHeaders(opening)), [opening]);
  return (
    <p className="caption" aria-live="polite">
      {caption ?? (intro?.title || intro?.about ? <Intro title={intro.title} about={intro.about} /> : '\u00a0')}
    </p>
  );
}

function Intro({ title, about }: { title: string | null; about: string }) {
  return (
    <>
      {title ? <strong>{title}</strong> : null}
      {title && about ? ' — ' : null}
      {about}
    </>
  );
}
