/**
 * The scenario text in CodeMirror 6 (the content element is the textbox "Scenario"), for texts
 * of LARGE_TEXT characters or more: it lays out only the lines in view, where Chromium lays out
 * a textarea's whole text on every keystroke. Loaded with import() when the first such text
 * appears. Every change the visitor makes goes to the store as the textarea's would; a text from
 * the store replaces only the span that differs.
 *
 * The editor lives in a shadow root: there CodeMirror puts its styles in a constructed style
 * sheet (adoptedStyleSheets), which the page's Content-Security-Policy (`style-src 'self'`)
 * allows, where in the document itself it would add a <style> element, which the policy blocks.
 */
import { useLayoutEffect, useRef } from 'react';
import { Annotation, EditorSelection, EditorState, Transaction } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { EDITOR_PAD } from './EditorGutter.tsx';
import { changedSpan } from './editorLines.ts';
import { clampHandover, LEGEND_ID, watchView, type Handover, type SurfaceProps, type TextSurface } from './textSurface.ts';

/** marks a change the store already holds (a text it sent, a paste it was given) */
const inStore = Annotation.define<boolean>();

// the textarea's look: the gutter and the notes beside the lines count on the same padding and
// line height
const theme = EditorView.theme({
  '&': { height: '100%', background: 'var(--panel)', color: 'inherit' },
  '&.cm-focused': { outline: '3px solid var(--accent)', outlineOffset: '-3px' },
  '.cm-scroller': { font: '0.9rem/1.5 ui-monospace, monospace' },
  '.cm-content': { padding: `${EDITOR_PAD}px 0`, caretColor: 'var(--ink)' },
  '.cm-line': { padding: '0 6px' },
});

function surfaceOf(view: EditorView): TextSurface {
  return {
    scroller: view.scrollDOM,
    hasFocus: () => view.hasFocus,
    goTo(line) {
      const at = view.state.doc.line(Math.max(1, Math.min(line, view.state.doc.lines))).from;
      view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
      view.focus();
    },
    setText(text) {
      view.dispatch({
        changes: changedSpan(view.state.doc.toString(), text),
        annotations: [inStore.of(true), Transaction.addToHistory.of(false)],
      });
    },
    handover() {
      const { anchor, head } = view.state.selection.main;
      return { anchor, head, focused: view.hasFocus };
    },
  };
}

function createView(root: ShadowRoot, text: string, handover: Handover | null, onEdit: (text: string) => void): EditorView {
  const caret = handover && clampHandover(handover, text.length);
  const before = caret?.before;
  const state = EditorState.create({
    doc: before ?? text,
    selection: caret && before === undefined ? EditorSelection.single(caret.anchor, caret.head) : undefined,
    extensions: [
      history(),
      keymap.of([...defaultKeymap, ...historyKeymap]),
      EditorView.contentAttributes.of({ 'aria-label': 'Scenario', spellcheck: 'false', autocapitalize: 'off', autocorrect: 'off' }),
      theme,
      EditorView.updateListener.of((update) => {
        if (update.docChanged && !update.transactions.some((tr) => tr.annotation(inStore))) onEdit(update.state.doc.toString());
      }),
    ],
  });
  const view = new EditorView({
    state, parent: root, root, scrollTo: caret && before === undefined ? EditorView.scrollIntoView(caret.head, { y: 'center' }) : undefined,
  });
  // the paste, replayed into the history (the store has it already): Undo takes it back
  if (caret && before !== undefined) {
    view.dispatch({
      changes: changedSpan(before, text), selection: EditorSelection.single(caret.anchor, caret.head),
      annotations: inStore.of(true), userEvent: 'input.paste', scrollIntoView: true,
    });
  }
  // the legend lives outside the shadow root, where an id reference cannot reach
  view.contentDOM.ariaDescribedByElements = [document.getElementById(LEGEND_ID)].filter((e) => e !== null);
  if (caret?.focused) view.focus();
  return view;
}

export function LargeText({ initialText, takeHandover, onEdit, onView, onSurface }: SurfaceProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const firstText = useRef(initialText);

  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host) return undefined;
    const view = createView(host.shadowRoot ?? host.attachShadow({ mode: 'open' }), firstText.current, takeHandover(), onEdit);
    onSurface(surfaceOf(view), firstText.current);
    const stopWatching = watchView(view.scrollDOM, () => view.defaultLineHeight, onView);
    return () => {
      stopWatching();
      onSurface(null);
      view.destroy();
    };
  }, [takeHandover, onEdit, onView, onSurface]);

  return <div ref={hostRef} className="editor-large" />;
}
