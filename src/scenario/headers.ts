/**
 * Headers: the `key: value` lines at the top of a scenario, before its first statement, caption,
 * `pause` or `repeat`. One reading for the parser (which also checks them) and for whatever
 * needs a title without parsing the rest (menus, file names, the checked mark).
 */
import { stripComment } from './lexer.ts';

const HEADER = /^\s*([A-Za-z_][A-Za-z0-9_-]*)\s*:(.*)$/;
const BLANK_OR_COMMENT = /^\s*(#(?!#(\s|$)).*)?$/;

/** The header on this line — its key and its value, trimmed and without a comment — or null. */
export function headerLine(src: string): { key: string; value: string } | null {
  const m = HEADER.exec(src);
  return m === null ? null : { key: m[1] as string, value: stripComment(m[2] as string).trim() };
}

export interface Headers {
  title: string | null;
  /** one entry per `about:` line */
  about: string[];
  checked: string | null;
}

/** the indexes of the header lines among `lines`, up to the first that is not a header, a blank or a comment */
export function headerLineIndexes(lines: readonly string[]): number[] {
  const found: number[] = [];
  for (const [i, line] of lines.entries()) {
    if (BLANK_OR_COMMENT.test(line)) continue;
    if (headerLine(line) === null) break;
    found.push(i);
  }
  return found;
}

/** The headers of `text`, read up to the first line that is not a header, a blank or a comment. */
export function readHeaders(text: string): Headers {
  const headers: Headers = { title: null, about: [], checked: null };
  for (const line of text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/)) {
    if (BLANK_OR_COMMENT.test(line)) continue;
    const header = headerLine(line);
    if (header === null) break;
    if (header.key === 'title') headers.title ??= header.value;
    else if (header.key === 'about') headers.about.push(header.value);
    else if (header.key === 'checked') headers.checked ??= header.value;
  }
  return headers;
}
