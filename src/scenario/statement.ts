/**
 * Parses one op statement, `ACTOR OP [ARG ...] [as LABEL] [cmd "TEXT"] [=> EXPECTED | => ?]`,
 * from its tokens. `as` and `cmd` may come in either order, each at most once, after the
 * arguments; `=>` takes the rest of the line, where `?` alone makes the statement a question.
 * Reports every problem as a diagnostic; never throws.
 */
import type { Diagnostic, Expected, LeafKind, OpStatement, Slot } from './ast.ts';
import { at, D, type Problem } from './diagnostics.ts';
import type { Token } from './lexer.ts';
import { OP_NAMES, opDef, type ArgContext } from './ops.ts';
import { makeSlot, type Scope } from './templates.ts';

interface Parts {
  args: Token[];
  as: Token | null;
  cmd: Token | null;
  expect: Token[] | null;
  arrow: Token | null;
}

class StatementParser implements ArgContext {
  readonly diagnostics: Diagnostic[] = [];
  end: number;
  constructor(readonly line: number, readonly scope: Scope, end: number) {
    this.end = end;
  }
  fail(problem: Problem, column: number): null {
    this.diagnostics.push(at(this.line, column, problem));
    return null;
  }
  slot<T>(kind: LeafKind, token: Token): Slot<T> | null {
    if (token.kind !== 'word' && kind !== 'text') return this.fail(D.badLabel(token.text), token.column);
    const r = makeSlot<T>(kind, token.text, token.column, this.scope);
    return r.ok ? r.slot : this.fail(r.problem, token.column);
  }
  quoted(token: Token | undefined): Slot<string> | null {
    if (token === undefined || token.kind !== 'quoted') return this.fail(D.needQuotes('cmd "TEXT"'), token?.column ?? this.end);
    return this.slot<string>('text', token);
  }
  fixed<T>(value: T, column: number): Slot<T> {
    return { kind: 'fixed', column, value };
  }
}

function split(tokens: readonly Token[], p: StatementParser, usage: string): Parts | null {
  const parts: Parts = { args: [], as: null, cmd: null, expect: null, arrow: null };
  let modifiers = false;
  for (let i = 2; i < tokens.length; i += 1) {
    const t = tokens[i] as Token;
    if (t.kind === 'arrow') {
      parts.arrow = t;
      parts.expect = tokens.slice(i + 1);
      return parts;
    }
    const key = t.kind === 'word' && (t.text === 'as' || t.text === 'cmd') ? t.text : null;
    if (key === null && modifiers) return p.fail(D.extraWord(t.text, `${usage} [as LABEL] [cmd "TEXT"] [=> EXPECTED]`), t.column);
    if (key === null) {
      parts.args.push(t);
      continue;
    }
    modifiers = true;
    if (parts[key] !== null) return p.fail(D.duplicate(key), t.column);
    const value = tokens[i + 1];
    if (value === undefined || value.kind === 'arrow') {
      return p.fail(key === 'as' ? D.missingArg('as LABEL') : D.needQuotes('cmd "TEXT"'), t.column);
    }
    parts[key] = value;
    i += 1;
  }
  return parts;
}

function opHint(word: string): string {
  const lower = word.toLowerCase();
  if ((OP_NAMES as string[]).includes(lower)) return `; ops are lower case: write \`${lower}\``;
  return `; the ops are ${OP_NAMES.map((o) => `\`${o}\``).join(', ')}`;
}

const QUESTION = '?';
const isQuestion = (tokens: readonly Token[]): boolean => tokens[0]?.kind === 'word' && tokens[0].text === QUESTION;

/** The statement as written before its `=>`, one space between words, quotes kept. */
function statementText(tokens: readonly Token[], arrow: Token): string {
  return tokens
    .filter((t) => t.column < arrow.column)
    .map((t) => (t.kind === 'quoted' ? `"${t.text.replace(/[\\"]/g, (c) => `\\${c}`)}"` : t.text))
    .join(' ');
}

/** `=> ?`: the slot of the statement's own text (templates substituted per iteration). */
function question(afterArrow: readonly Token[], arrow: Token, statement: readonly Token[], p: StatementParser): Slot<string> | null {
  const extra = afterArrow[1];
  if (extra !== undefined) return p.fail(D.questionAlone(extra.text), extra.column);
  const r = makeSlot<string>('text', statementText(statement, arrow), (statement[0] as Token).column, p.scope);
  return r.ok ? r.slot : p.fail(r.problem, arrow.column);
}

function expectation(tokens: readonly Token[], arrow: Token, p: StatementParser): Slot<Expected> | null {
  const bad = tokens.find((t) => t.kind !== 'word');
  const text = tokens.map((t) => t.text).join(' ');
  if (bad !== undefined || tokens.length === 0) return p.fail(D.badExpect(text), bad?.column ?? arrow.column);
  return p.slot<Expected>('expect', { kind: 'word', text, column: (tokens[0] as Token).column });
}

/** The statement, or null with its diagnostics. `tokens` has at least one token. */
export function parseOpStatement(
  tokens: readonly Token[], line: number, scope: Scope,
): { statement: OpStatement | null; diagnostics: Diagnostic[] } {
  const [actorTok, opTok] = tokens as [Token, Token | undefined];
  const p = new StatementParser(line, scope, actorTok.column + actorTok.text.length);
  const statement = parseWith(p, tokens, actorTok, opTok);
  return { statement: p.diagnostics.length === 0 ? statement : null, diagnostics: p.diagnostics };
}

function parseWith(p: StatementParser, tokens: readonly Token[], actorTok: Token, opTok: Token | undefined): OpStatement | null {
  if (opDef(actorTok.text) !== null && (opTok === undefined || opDef(opTok.text) === null)) {
    return p.fail(D.missingActor(actorTok.text), actorTok.column);
  }
  const actor = p.slot<string>('actor', actorTok);
  if (actor === null) return null;
  if (opTok === undefined || opTok.kind !== 'word') return p.fail(D.missingOp(actorTok.text), opTok?.column ?? p.end);
  const def = opDef(opTok.text);
  if (def === null) return p.fail(D.unknownOp(opTok.text, opHint(opTok.text)), opTok.column);
  p.end = opTok.column + opTok.text.length;
  const parts = split(tokens, p, def.usage);
  if (parts === null) return null;
  const call = def.parse(parts.args, p);
  if (call === null) return null;
  if (!def.creates && parts.as !== null) return p.fail(D.notCreating('as', opTok.text), parts.as.column);
  if (!def.creates && parts.cmd !== null) return p.fail(D.notCreating('cmd', opTok.text), parts.cmd.column);
  const asks = parts.expect !== null && isQuestion(parts.expect);
  if (!def.hasResult && parts.arrow !== null) return p.fail(asks ? D.questionNoResult(opTok.text) : D.noResult(opTok.text), parts.arrow.column);
  const label = parts.as && p.slot<string>('label', parts.as);
  const cmd = parts.cmd && p.quoted(parts.cmd);
  const { expect: expected, arrow } = parts;
  const expect = expected && arrow && !asks ? expectation(expected, arrow, p) : null;
  const ask = expected && arrow && asks ? question(expected, arrow, tokens, p) : null;
  if (p.diagnostics.length > 0) return null;
  return { kind: 'op', line: p.line, column: actorTok.column, actor, opColumn: opTok.column, call, label, cmd, expect, question: ask };
}
