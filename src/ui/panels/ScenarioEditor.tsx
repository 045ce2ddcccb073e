/**
 * The scenario text (textbox "Scenario") with line numbers. Typing re-runs the scenario after a
 * short pause (the store debounces). Like Python Tutor, two arrows mark the line just run and
 * the line that runs next, with a legend in words; problems are marked at their line, a scenario
 * error is written beside it, and every problem is listed under the text as a button that puts
 * the caret on its line. New starts an empty scenario; Undo takes back the last statement an
 * action appended.
 *
 * A text of a mebibyte stays quick: ordinary texts are in a textarea, long ones in CodeMirror,
 * which lays out only the lines in view (editorMode.ts says when; the caret and the focus carry
 * over when they swap). Neither is written to while the visitor types (the store's text goes in
 * only when it differs from what the editor last sent), and the gutter and the notes draw only
 * the lines in view.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Diagnostic } from '../../protocol/index.ts';
import type { AppState } from '../../store/store.ts';
import { canUndo } from '../../store/slices/append.ts';
import { useApp, useStoreApi } from '../StoreContext.tsx';
import { EditorGutter, LineNotes } from './EditorGutter.tsx';
import { countLines, lineMarks, linesInView } from './editorLines.ts';
import { editorModeFor, type EditorMode } from './editorMode.ts';
import { PlainText } from './PlainText.tsx';
import { LEGEND_ID, type Handover, type TextSurface, type TextView } from './textSurface.ts';
import { useLargeText } from './useLargeText.ts';

const selectText = (s: AppState) => s.text;
const selectDiagnostics = (s: AppState) => s.loaded?.diagnostics ?? NONE;
const selectLines = (s: AppState) => s.loaded?.lines ?? NO_LINES;
const selectError = (s: AppState) => s.loaded?.error ?? null;
const selectStep = (s: AppState) => s.step;
const selectPlaying = (s: AppState) => s.playing;
const selectUndo = (s: AppState) => canUndo(s);
const selectAsking = (s: AppState) => s.asking;
const NONE: Diagnostic[] = [];
const NO_LINES = new Int32Array(0);

export function ScenarioEditor() {
  const text = useApp(selectText);
  const diagnostics = useApp(selectDiagnostics);
  const lines = useApp(selectLines);
  const error = useApp(selectError);
  const step = useApp(selectStep);
  const playing = useApp(selectPlaying);
  const canUndo = useApp(selectUndo);
  // While a question waits the text is covered, not blurred: a lesson's narration after the
  // question often states its answer. The visitor may still uncover it, for this question only.
  const asking = useApp(selectAsking);
  const [uncoveredFor, setUncoveredFor] = useState<number | null>(null);
  const covered = asking !== null && uncoveredFor !== asking;
  const store = useStoreApi();
  const [view, setView] = useState<TextView>({ scrollTop: 0, height: 300, lineHeight: 18.75 });
  const lineCount = useMemo(() => countLines(text), [text]);
  const marked = useMemo(() => new Map(diagnostics.map((d) => [d.line, d])), [diagnostics]);
  const marks = useMemo(() => lineMarks(lines, step, error), [lines, step, error]);
  const { first, last } = linesInView(view.scrollTop, view.height, view.lineHeight, lineCount);

  // the editor shown, the text it holds (null while none is), and the caret it left behind
  const surface = useRef<TextSurface | null>(null);
  const held = useRef<string | null>(null);
  const handover = useRef<Handover | null>(null);
  const [mode, setMode] = useState<EditorMode>(() => editorModeFor(text.length, 'plain', false));
  const wanted = editorModeFor(text.length, mode, text === held.current);
  if (wanted !== mode) setMode(wanted);
  const Large = useLargeText(wanted === 'large');
  // while the large editor is fetched, a textarea that already holds the text keeps it
  const shown = wanted === 'plain' || (!Large && held.current === text) ? PlainText : Large;

  const onEdit = useCallback((typed: string) => {
    held.current = typed;
    store.getState().edit(typed);
  }, [store]);
  const onView = useCallback((next: TextView) => setView((v) => (
    v.scrollTop === next.scrollTop && v.height === next.height && v.lineHeight === next.lineHeight ? v : next)), []);
  // the pasted text goes to the store without the textarea: the large editor opens with it
  const onLongPaste = useCallback((pasted: string, caret: number) => {
    handover.current = { anchor: caret, head: caret, focused: true, before: held.current ?? undefined };
    store.getState().edit(pasted);
  }, [store]);
  const onSurface = useCallback((next: TextSurface | null, holds?: string) => {
    if (!next && surface.current) handover.current ??= surface.current.handover();
    surface.current = next;
    held.current = holds ?? null;
  }, []);
  const takeHandover = useCallback(() => {
    const taken = handover.current;
    handover.current = null;
    return taken;
  }, []);

  // A text from the store that the editor does not hold (an action, a link, the library) is
  // written into it; what the visitor typed is never written back.
  useLayoutEffect(() => {
    if (surface.current && held.current !== null && text !== held.current) {
      surface.current.setText(text);
      held.current = text;
    }
  }, [text]);

  // The line about to run stays in view while stepping (not while playing: it would force a
  // layout every frame), unless the visitor is typing in the text.
  useEffect(() => {
    const line = marks.next ?? marks.ran;
    if (!surface.current || line === null || playing || surface.current.hasFocus()) return;
    const scroller = surface.current.scroller;
    const top = (line - 1) * view.lineHeight;
    if (top < scroller.scrollTop || top > scroller.scrollTop + scroller.clientHeight - 2 * view.lineHeight) {
      scroller.scrollTop = Math.max(0, top - scroller.clientHeight / 3);
    }
  }, [marks, playing, view.lineHeight, shown]);

  const Surface = shown;
  return (
    <section className="panel editor" aria-labelledby="editor-heading">
      <div className="panel-head">
        <h2 id="editor-heading">Scenario</h2>
        <div className="editor-buttons">
          <button type="button" disabled={!canUndo} onClick={() => void store.getState().undo()} title="Take back the last statement an action added (again for the one before)">Undo</button>
          <button type="button" onClick={() => void store.getState().newScenario()} title="Start an empty scenario (your text is offered back)">New</button>
        </div>
      </div>
      <div className={covered ? 'editor-body covered' : 'editor-body'}>
        {covered ? (
          <div className="editor-cover">
            <p>The scenario text is hidden until you answer: it holds the answer.</p>
            <button type="button" onClick={() => setUncoveredFor(asking)}>Show the text anyway</button>
          </div>
        ) : null}
        <EditorGutter first={first} last={last} lineHeight={view.lineHeight} scrollTop={view.scrollTop} marked={marked} marks={marks} />
        {Surface ? (
          <Surface
            initialText={text} takeHandover={takeHandover} onEdit={onEdit} onLongPaste={onLongPaste} onView={onView} onSurface={onSurface}
          />
        ) : <p className="editor-loading">Opening the editor for long texts…</p>}
        <LineNotes first={first} last={last} lineHeight={view.lineHeight} scrollTop={view.scrollTop} marked={marked} />
      </div>
      <p className="line-legend" id={LEGEND_ID}>
        <span className="legend-ran">→ just ran: {marks.ran === null ? 'nothing yet' : `line ${marks.ran}`}</span>
        {' · '}
        <span className="legend-next">➜ runs next: {marks.next === null ? 'nothing (the end)' : `line ${marks.next}`}</span>
      </p>
      {diagnostics.length > 0 ? (
        <ul className="diagnostics" aria-label="Problems">
          {diagnostics.slice(0, 50).map((d, i) => (
            <li key={`${d.line}-${i}`} className={`diag-${d.severity}`}>
              <button type="button" className="link" onClick={() => surface.current?.goTo(d.line)}>line {d.line}</button>: {d.message}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
