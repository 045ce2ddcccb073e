/**
 * The scenario text in a plain textarea (textbox "Scenario"), for texts of ordinary size. It is
 * uncontrolled: what the visitor types is never written back, and a text from the store is
 * written only through `setText`, so typing never re-sets or reads back a long value. A paste
 * that makes the text long goes straight to the large-text editor: the textarea never lays out
 * (for half a second or more) a text it is about to hand over.
 */
import { useLayoutEffect, useRef, useState, type ClipboardEvent } from 'react';
import { lineOffset } from './editorLines.ts';
import { editorModeFor } from './editorMode.ts';
import { clampHandover, LEGEND_ID, watchView, type SurfaceProps, type TextSurface } from './textSurface.ts';

const FALLBACK_LINE_HEIGHT = 18.75;

function surfaceOf(area: HTMLTextAreaElement): TextSurface {
  return {
    scroller: area,
    hasFocus: () => document.activeElement === area,
    goTo(line) {
      const offset = lineOffset(area.value, line);
      area.focus();
      area.setSelectionRange(offset, offset);
    },
    setText(text) {
      area.value = text;
    },
    handover: () => ({ anchor: area.selectionStart, head: area.selectionEnd, focused: document.activeElement === area }),
  };
}

/** the text a paste would make, when it is long enough for the large-text editor */
function longPaste(area: HTMLTextAreaElement, event: ClipboardEvent): { text: string; caret: number } | null {
  // a textarea turns every line ending into \n
  const pasted = event.clipboardData.getData('text/plain').replace(/\r\n?/g, '\n');
  const { value, selectionStart, selectionEnd } = area;
  if (editorModeFor(value.length - (selectionEnd - selectionStart) + pasted.length, 'plain', true) === 'plain') return null;
  return { text: value.slice(0, selectionStart) + pasted + value.slice(selectionEnd), caret: selectionStart + pasted.length };
}

export function PlainText({ initialText, takeHandover, onEdit, onLongPaste, onView, onSurface }: SurfaceProps) {
  const areaRef = useRef<HTMLTextAreaElement>(null);
  // React writes a changed defaultValue into the textarea (a long text per keystroke): keep it fixed
  const [firstText] = useState(initialText);

  useLayoutEffect(() => {
    const area = areaRef.current;
    if (!area) return undefined;
    const surface = surfaceOf(area);
    const handover = takeHandover();
    if (handover) {
      const { anchor, head, focused } = clampHandover(handover, area.value.length);
      if (focused) area.focus();
      area.setSelectionRange(Math.min(anchor, head), Math.max(anchor, head), anchor > head ? 'backward' : 'forward');
    }
    onSurface(surface, firstText);
    const lineHeight = () => parseFloat(getComputedStyle(area).lineHeight) || FALLBACK_LINE_HEIGHT;
    const stopWatching = watchView(area, lineHeight, onView);
    return () => {
      stopWatching();
      onSurface(null);
    };
  }, [firstText, takeHandover, onView, onSurface]);

  return (
    <textarea
      ref={areaRef}
      aria-label="Scenario"
      aria-describedby={LEGEND_ID}
      spellCheck={false}
      defaultValue={firstText}
      wrap="off"
      onChange={(e) => onEdit(e.currentTarget.value)}
      onPaste={(e) => {
        const long = longPaste(e.currentTarget, e);
        if (!long) return;
        e.preventDefault();
        onLongPaste(long.text, long.caret);
      }}
    />
  );
}
