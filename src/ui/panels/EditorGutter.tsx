/**
 * The editor's gutter and the notes beside its lines, drawn for the lines in view only (a text
 * of a mebibyte has tens of thousands of lines; the page draws a screenful). The gutter shows
 * the line numbers, `!` at a problem, `→` at the line just run and `➜` at the line that runs
 * next; a scenario error is also written out beside its line.
 */
import type { Diagnostic } from '../../protocol/index.ts';

export interface Marks {
  ran: number | null;
  next: number | null;
}

interface Props {
  first: number;
  last: number;
  lineHeight: number;
  scrollTop: number;
  marked: ReadonlyMap<number, Diagnostic>;
  marks: Marks;
}

/** the space above the first line inside the textarea (its padding) */
export const EDITOR_PAD = 6;

export function EditorGutter({ first, last, lineHeight, scrollTop, marked, marks }: Props) {
  const rows = [];
  for (let line = first; line <= last; line++) {
    const problem = marked.get(line);
    const cls = [
      problem ? `mark-${problem.severity}` : '', marks.ran === line ? 'ran' : '', marks.next === line ? 'next' : '',
    ].filter(Boolean).join(' ');
    const arrow = marks.next === line ? '➜' : marks.ran === line ? '→' : '';
    rows.push(
      <span key={line} className={cls} style={{ top: EDITOR_PAD + (line - 1) * lineHeight - scrollTop }}>
        <span className="arrow">{arrow}</span>{problem ? '!' : ''}{line}
      </span>,
    );
  }
  return <div className="gutter" aria-hidden="true">{rows}</div>;
}

export function LineNotes({ first, last, lineHeight, scrollTop, marked }: Omit<Props, 'marks'>) {
  const notes = [];
  for (const [line, d] of marked) {
    if (line < first || line > last || d.severity !== 'error') continue;
    notes.push(
      <div key={line} className="line-note" role="note" aria-label={`line ${line}`} style={{ top: EDITOR_PAD + (line - 1) * lineHeight - scrollTop }}>
        {`line ${line}: ${d.message}`}
      </div>,
    );
  }
  return <div className="line-notes">{notes}</div>;
}
