/**
 * The CLI's output stream. A report is written in chunks of about 64 KiB: never built whole (a
 * big world's report is longer than the longest string a JavaScript engine holds), never one
 * write per line.
 */
export interface Out {
  /** one line, without its line break */
  line(text: string): void;
  /** the next line starts a new section: one blank line before it (none at the very top) */
  section(): void;
  /** writes what is buffered */
  flush(): void;
}

const CHUNK = 64 * 1024;

/** Every line goes through `shown` (e.g. `printable`) on its way out. */
export function output(write: (text: string) => void, shown: (line: string) => string = (l) => l): Out {
  let parts: string[] = [];
  let size = 0;
  let wrote = false;
  let gap = false;
  const flush = (): void => {
    if (parts.length === 0) return;
    write(parts.join(''));
    parts = [];
    size = 0;
  };
  return {
    line(text) {
      const line = `${gap && wrote ? '\n' : ''}${shown(text)}\n`;
      gap = false;
      wrote = true;
      parts.push(line);
      size += line.length;
      if (size >= CHUNK) flush();
    },
    section() {
      gap = true;
    },
    flush,
  };
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Text for a terminal as procps-ng's `ps` shows a command line: each control character (C0, DEL
 * and C1, e.g. ESC or the one-character CSI U+009B) becomes one `?`, so a title, label or `cmd`
 * can never move the cursor, retitle the window or clear the screen.
 */
export function printable(text: string): string {
  return text.replace(CONTROL, '?');
}
