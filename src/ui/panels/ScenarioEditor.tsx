/**
 * The scenario text (textbox "Scenario") with line numbers. Typing re-runs the scenario after a
 * short pause (the store debounces). Like Python Tutor, two arrows mark the line just run and
 * the line that runs next, with a legend in words; problems are marked at their line, a scenario
 * error is written beside it, and every problem is listed under the text as a button that puts
 * the caret on its line. New starts an empty scenario; Undo takes back the last statement an
 * action appended.
 *
 * A text of a mebibyte stays quick: the textarea is left alone while the visitor types (its value
 * is written only when the store's text differs from it), and the gutter and the notes draw only
 * the lines in view.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Diagnostic } from '../../protocol/index.ts';
import type { AppState } from '../../store/store.ts';
import { useApp, useStoreApi } from '../StoreContext.tsx';
import { EditorGutter, LineNotes } from './EditorGutter.tsx';
import { countLines, lineMarks, lineOffset, linesInView } from './editorLines.ts';

const selectText = (s: AppState) => s.text;
const selectDiagnostics = (s: AppState) => s.loaded?.diagnostics ?? NONE;
const selectLines = (s: AppState) => s.loaded?.lines ?? NO_LINES;
const selectError = (s: AppState) => s.loaded?.error ?? null;
const selectStep = (s: AppState) => s.step;
const selectPlaying = (s: AppState) => s.playing;
const selectUndo = (s: AppState) => s.undoable !== null && s.undoable.after === s.text;
const selectAsking = (s: AppState) => s.asking;
const NONE: Diagnostic[] = [];
const NO_LINES = new Int32Array(0);
const FALLBACK_LINE_HEIGHT = 18.75;

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
  const areaRef = useRef<HTMLTextAreaElement>(null);
  // React writes a changed defaultValue into the textarea (a mebibyte per keystroke): keep it fixed
  const [firstText] = useState(text);
  const [view, setView] = useState({ scrollTop: 0, height: 300, lineHeight: FALLBACK_LINE_HEIGHT });
  const lineCount = useMemo(() => countLines(text), [text]);
  const marked = useMemo(() => new Map(diagnostics.map((d) => [d.line, d])), [diagnostics]);
  const marks = useMemo(() => lineMarks(lines, step, error), [lines, step, error]);
  const { first, last } = linesInView(view.scrollTop, view.height, view.lineHeight, lineCount);

  // The textarea keeps what the visitor types; the store's text is written into it only when it
  // is not what the textarea itself last sent (an action, a link, the library), so typing never
  // re-sets or even reads back a long value.
  const typed = useRef(text);
  useLayoutEffect(() => {
    const area = areaRef.current;
    if (area && text !== typed.current) {
      area.value = text;
      typed.current = text;
    }
  }, [text]);

  useEffect(() => {
    const area = areaRef.current;
    if (!area) return undefined;
    const measure = () => setView((v) => ({
      ...v, height: area.clientHeight, lineHeight: parseFloat(getComputedStyle(area).lineHeight) || FALLBACK_LINE_HEIGHT,
    }));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(area);
    return () => observer.disconnect();
  }, []);

  // The line about to run stays in view while stepping (not while playing: it would force a
  // layout every frame), unless the visitor is typing in the text.
  useEffect(() => {
    const area = areaRef.current;
    const line = marks.next ?? marks.ran;
    if (!area || line === null || playing || document.activeElement === area) return;
    const top = (line - 1) * view.lineHeight;
    if (top < area.scrollTop || top > area.scrollTop + area.clientHeight - 2 * view.lineHeight) {
      area.scrollTop = Math.max(0, top - area.clientHeight / 3);
    }
  }, [marks, playing, view.lineHeight]);

  function goTo(line: number): void {
    const area = areaRef.current;
    if (!area) return;
    const offset = lineOffset(area.value, line);
    area.focus();
    area.setSelectionRange(offset, offset);
  }

  return (
    <section className="panel editor" aria-labelledby="editor-heading">
      <div className="panel-head">
        <h2 id="editor-heading">Scenario</h2>
        <div className="editor-buttons">
          <button type="button" disabled={!canUndo} onClick={() => void store.getState().undo()} title="Take back the last statement an action added">Undo</button>
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
        <textarea
          ref={areaRef}
          aria-label="Scenario"
          aria-describedby="line-legend"
          spellCheck={false}
          defaultValue={firstText}
          wrap="off"
          onChange={(e) => {
            typed.current = e.currentTarget.value;
            store.getState().edit(typed.current);
          }}
          onScroll={(e) => {
            const scrollTop = e.currentTarget.scrollTop;
            setView((v) => (v.scrollTop === scrollTop ? v : { ...v, scrollTop }));
          }}
        />
        <LineNotes first={first} last={last} lineHeight={view.lineHeight} scrollTop={view.scrollTop} marked={marked} />
      </div>
      <p className="line-legend" id="line-legend">
        <span className="legend-ran">→ just ran: {marks.ran === null ? 'nothing yet' : `line ${marks.ran}`}</span>
        {' · '}
        <span className="legend-next">➜ runs next: {marks.next === null ? 'nothing (the end)' : `line ${marks.next}`}</span>
      </p>
      {diagnostics.length > 0 ? (
        <ul className="diagnostics" aria-label="Problems">
          {diagnostics.slice(0, 50).map((d, i) => (
            <li key={`${d.line}-${i}`} className={`diag-${d.severity}`}>
              <button type="button" className="link" onClick={() => goTo(d.line)}>line {d.line}</button>: {d.message}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
