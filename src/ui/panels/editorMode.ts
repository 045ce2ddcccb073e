/**
 * Which editor holds the scenario text. Chromium lays out a textarea's whole text on every change:
 * on the 2-core machine a keystroke in a bare textarea costs about 16 ms at 128 KiB, 90 ms at
 * 1 MiB when idle, and three times that under load. CodeMirror lays out only the lines in view,
 * but a textarea is what forms, tests and assistive technology know best, so ordinary texts stay
 * in it. A text of LARGE_TEXT characters or more goes to CodeMirror (loaded then); typing it back
 * below half that returns it to the textarea, so that typing near the threshold does not swap
 * editors at every key. A text from outside (a link, a file, the library, New) is placed by its
 * size alone.
 */

export type EditorMode = 'plain' | 'large';

export const LARGE_TEXT = 128 * 1024;

export function editorModeFor(length: number, current: EditorMode, typed: boolean): EditorMode {
  if (length >= LARGE_TEXT) return 'large';
  if (!typed || length < LARGE_TEXT / 2) return 'plain';
  return current;
}
