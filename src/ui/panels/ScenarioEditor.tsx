/**
 * The scenario text (textbox "Scenario") with line numbers. Typing re-runs the scenario after a
 * short pause (the store debounces); problems are marked at their line in the gutter and listed
 * under the text, each a button that puts the caret on its line.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { AppState } from '../../store/store.ts';
import type { Diagnostic } from '../../protocol/index.ts';
import { useApp, useStoreApi } from '../StoreContext.tsx';

const selectText = (s: AppState) => s.text;
const selectDiagnostics = (s: AppState) => s.loaded?.diagnostics ?? NONE;
const selectCurrentLine = (s: AppState) => s.frame?.stepInfo?.line ?? null;
const selectPlaying = (s: AppState) => s.playing;
const NONE: Diagnostic[] = [];

export function ScenarioEditor() {
  const text = useApp(selectText);
  const diagnostics = useApp(selectDiagnostics);
  const current = useApp(selectCurrentLine);
  const playing = useApp(selectPlaying);
  const store = useStoreApi();
  const areaRef = useRef<HTMLTextAreaElement>(null);
  const gutterRef = useRef<HTMLPreElement>(null);
  const lineCount = text.split('\n').length;
  const marked = useMemo(() => new Map(diagnostics.map((d) => [d.line, d.severity])), [diagnostics]);
  const gutter = useMemo(
    () => Array.from({ length: lineCount }, (_, i) => {
      const severity = marked.get(i + 1);
      const cls = [severity ? `mark-${severity}` : '', current === i + 1 ? 'current' : ''].filter(Boolean).join(' ');
      return <span key={i} className={cls}>{severity ? '!' : ''}{i + 1}{'\n'}</span>;
    }),
    [lineCount, marked, current],
  );

  // The player's line stays in view while stepping (not while playing: it would force a layout
  // every frame), unless the visitor is typing in the text.
  useEffect(() => {
    const area = areaRef.current;
    if (!area || current === null || playing || document.activeElement === area) return;
    const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 18;
    const top = (current - 1) * lineHeight;
    if (top < area.scrollTop || top > area.scrollTop + area.clientHeight - 2 * lineHeight) {
      area.scrollTop = Math.max(0, top - area.clientHeight / 3);
    }
  }, [current, playing]);

  function goTo(line: number): void {
    const area = areaRef.current;
    if (!area) return;
    const offset = text.split('\n').slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    area.focus();
    area.setSelectionRange(offset, offset);
  }

  return (
    <section className="panel editor" aria-labelledby="editor-heading">
      <h2 id="editor-heading">Scenario</h2>
      <div className="editor-body">
        <pre className="gutter" aria-hidden="true" ref={gutterRef}>{gutter}</pre>
        <textarea
          ref={areaRef}
          aria-label="Scenario"
          spellCheck={false}
          value={text}
          wrap="off"
          onChange={(e) => store.getState().edit(e.currentTarget.value)}
          onScroll={(e) => {
            if (gutterRef.current) gutterRef.current.scrollTop = e.currentTarget.scrollTop;
          }}
        />
      </div>
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
