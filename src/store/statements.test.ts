import { describe, expect, it } from 'vitest';
import { appendStatement, statementFor } from './statements.ts';

describe('statementFor', () => {
  it('writes each action as a statement of the language', () => {
    expect(statementFor('shell', { op: 'fork' })).toBe('shell fork');
    expect(statementFor('a', { op: 'exit', code: 3 })).toBe('a exit 3');
    expect(statementFor('a', { op: 'kill', sig: 'TERM', target: 'b' })).toBe('a kill TERM b');
    expect(statementFor('a', { op: 'wait' })).toBe('a wait');
    expect(statementFor('a', { op: 'clone-newpid' })).toBe('a clone NEWPID');
    expect(statementFor('a', { op: 'unshare' })).toBe('a unshare NEWPID');
    expect(statementFor('a', { op: 'setns', target: 'wrap' })).toBe('a setns wrap');
  });
});

describe('appendStatement', () => {
  it('adds the statement as the last line', () => {
    expect(appendStatement('init fork as a\n\n', 'a fork')).toBe('init fork as a\na fork\n');
    expect(appendStatement('', ' a fork ')).toBe('a fork\n');
    expect(appendStatement('x getpid', 'a fork')).toBe('x getpid\na fork\n');
  });
});
