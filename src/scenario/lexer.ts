/**
 * Splits one line of a scenario into tokens. Never throws: a problem (an unterminated quote, an
 * unknown escape) becomes a diagnostic and the line's tokens up to it are still returned.
 *
 * Tokens: a word (a run of characters up to white space, `#`, `"` or `=>`), a quoted text (`"…"`, with
 * `\"` and `\\` unescaped), or the arrow `=>`. `#` outside quotes ends the line (a comment).
 */
import type { Diagnostic } from './ast.ts';
import { at, D } from './diagnostics.ts';

export interface Token {
  kind: 'word' | 'quoted' | 'arrow';
  /** the word as written, or the quoted text unescaped */
  text: string;
  /** 1-based */
  column: number;
}

export interface LexedLine {
  tokens: Token[];
  diagnostics: Diagnostic[];
}

const isSpace = (ch: string): boolean => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\f' || ch === '\v';

function readQuoted(src: string, start: number, line: number, diags: Diagnostic[]): [string, number] {
  let text = '';
  let i = start + 1;
  while (i < src.length) {
    const ch = src[i] as string;
    if (ch === '"') return [text, i + 1];
    if (ch === '\\') {
      const next = src[i + 1];
      if (next === '"' || next === '\\') {
        text += next;
        i += 2;
        continue;
      }
      diags.push(at(line, i + 1, D.badEscape(next ?? '')));
    }
    text += ch;
    i += 1;
  }
  diags.push(at(line, start + 1, D.unterminatedQuote()));
  return [text, i];
}

function readWord(src: string, start: number): number {
  let i = start;
  while (i < src.length) {
    const ch = src[i] as string;
    if (isSpace(ch) || ch === '#' || ch === '"' || (ch === '=' && src[i + 1] === '>')) break;
    i += 1;
  }
  return i;
}

/** Tokenizes `src` (one line, without its line break); `line` is its 1-based number. */
export function lexLine(src: string, line: number): LexedLine {
  const tokens: Token[] = [];
  const diagnostics: Diagnostic[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i] as string;
    if (isSpace(ch)) {
      i += 1;
    } else if (ch === '#') {
      break;
    } else if (ch === '"') {
      const [text, end] = readQuoted(src, i, line, diagnostics);
      tokens.push({ kind: 'quoted', text, column: i + 1 });
      i = end;
    } else if (ch === '=' && src[i + 1] === '>') {
      tokens.push({ kind: 'arrow', text: '=>', column: i + 1 });
      i += 2;
    } else {
      const end = readWord(src, i);
      tokens.push({ kind: 'word', text: src.slice(i, end), column: i + 1 });
      i = end;
    }
  }
  return { tokens, diagnostics };
}

/** The line with its comment removed (for header values): `#` outside quotes ends it. */
export function stripComment(src: string): string {
  let inQuote = false;
  for (let i = 0; i < src.length; i += 1) {
    const ch = src[i];
    if (ch === '\\' && inQuote) i += 1;
    else if (ch === '"') inQuote = !inQuote;
    else if (ch === '#' && !inQuote) return src.slice(0, i);
  }
  return src;
}
