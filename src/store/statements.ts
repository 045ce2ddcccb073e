/**
 * Turns the page's action buttons into statements of the scenario language, so that whatever a
 * visitor does is appended to the scenario text and can be shared like any written line.
 */

export type Action =
  | { op: 'fork' }
  | { op: 'exit'; code: number }
  | { op: 'kill'; sig: string; target: string }
  | { op: 'wait' }
  | { op: 'clone-newpid' }
  | { op: 'unshare' }
  | { op: 'setns'; target: string };

export function statementFor(actor: string, action: Action): string {
  switch (action.op) {
    case 'fork': return `${actor} fork`;
    case 'exit': return `${actor} exit ${action.code}`;
    case 'kill': return `${actor} kill ${action.sig} ${action.target}`;
    case 'wait': return `${actor} wait`;
    case 'clone-newpid': return `${actor} clone NEWPID`;
    case 'unshare': return `${actor} unshare NEWPID`;
    case 'setns': return `${actor} setns ${action.target}`;
  }
}

/** `text` with `statement` as its last line (one newline between, one at the end). */
export function appendStatement(text: string, statement: string): string {
  const body = text.replace(/\s+$/, '');
  return `${body}${body === '' ? '' : '\n'}${statement.trim()}\n`;
}
