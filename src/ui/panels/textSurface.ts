/**
 * What the scenario editor needs from the element that holds its text, the plain textarea or the
 * large-text editor (CodeMirror), so that the gutter, the notes, the line marks and the Problems
 * list work the same over both.
 */

/** the legend of the line marks, which describes the text */
export const LEGEND_ID = 'line-legend';

/** the caret and the focus, carried from one editor to the other when they swap */
export interface Handover {
  anchor: number;
  head: number;
  focused: boolean;
  /** after a paste that made the text long: the text before it, so that Undo takes the paste back */
  before?: string;
}

export interface TextSurface {
  /** the element that scrolls the lines (the gutter and the notes follow it) */
  scroller: HTMLElement;
  hasFocus(): boolean;
  /** focuses the text with the caret at the start of 1-based `line` */
  goTo(line: number): void;
  /** shows a text that came from the store, not from typing (an action, a link, the library) */
  setText(text: string): void;
  handover(): Handover;
}

export interface TextView {
  scrollTop: number;
  height: number;
  lineHeight: number;
}

/** what a surface is given by the editor around it */
export interface SurfaceProps {
  initialText: string;
  /** the caret and focus the other editor left, read when this one mounts */
  takeHandover: () => Handover | null;
  onEdit: (text: string) => void;
  /** a paste that makes the text long enough for the other editor: `text` with the caret at `caret` */
  onLongPaste: (text: string, caret: number) => void;
  onView: (view: TextView) => void;
  /** a surface that mounted, holding `initialText`, or null when it goes */
  onSurface: (surface: TextSurface | null, holds?: string) => void;
}

/** reports the scroll position, height and line height of `scroller` as they change */
export function watchView(scroller: HTMLElement, lineHeight: () => number, onView: (view: TextView) => void): () => void {
  const report = () => onView({ scrollTop: scroller.scrollTop, height: scroller.clientHeight, lineHeight: lineHeight() });
  report();
  const observer = new ResizeObserver(report);
  observer.observe(scroller);
  scroller.addEventListener('scroll', report, { passive: true });
  return () => {
    observer.disconnect();
    scroller.removeEventListener('scroll', report);
  };
}

export function clampHandover(h: Handover, length: number): Handover {
  return { ...h, anchor: Math.min(h.anchor, length), head: Math.min(h.head, length) };
}
