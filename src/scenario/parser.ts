/**
 * `parseScenario(text)`: the whole text to a `Program`, or diagnostics. Never throws.
 *
 * Line kinds, decided in this order: blank or comment-only (ignored); `## TEXT` (caption);
 * `key: value` (header — only before the first other line); `repeat N [VAR]`, `solution`, `end`,
 * `pause`; anything else is an op statement (statement.ts). The one `solution … end` block of
 * an exercise comes after every other statement, outside any repeat. Parsing goes on after an
 * error so that an editor can show several diagnostics at once (at most MAX_DIAGNOSTICS).
 */
import type { Diagnostic, Program, RepeatBlock, SolutionBlock, Statement } from './ast.ts';
import { at, D } from './diagnostics.ts';
import { headerLine } from './headers.ts';
import { lexLine, type Token } from './lexer.ts';
import { DEFAULT_PID_MAX, MAX_DIAGNOSTICS, MAX_TEXT_BYTES, PID_MAX_LIMIT, PID_MAX_MIN, utf8Length } from './limits.ts';
import { readInteger } from './leaves.ts';
import { parseOpStatement } from './statement.ts';
import { makeSlot, Scope } from './templates.ts';
import { checkRunBudget } from './budget.ts';

export interface ParseResult {
  program: Program | null;
  diagnostics: Diagnostic[];
}

interface Frame {
  /** the repeat or solution block being read; null for the program body */
  block: RepeatBlock | SolutionBlock | null;
  body: Statement[];
  scope: Scope;
  /** an op line (even one that failed to parse) is in this block */
  sawOp: boolean;
}

const CAPTION = /^\s*##(?:\s(.*))?$/;
const VARIABLE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const HEADERS = ['title', 'about', 'pid_max', 'checked', 'goal', 'hint'];
/** headers that may repeat: each line adds to the value */
const REPEATING = ['about', 'goal', 'hint'];

class Parser {
  readonly diagnostics: Diagnostic[] = [];
  readonly program: Program = {
    title: null, about: [], pidMax: DEFAULT_PID_MAX, checked: null, goal: null, hints: [], body: [], solution: null,
  };
  readonly stack: Frame[] = [{ block: null, body: this.program.body, scope: new Scope(), sawOp: false }];
  private seen = new Set<string>();
  private headersOpen = true;
  private firstHint = 0;
  /** the solution block, once its `end` is read: nothing may follow it */
  private closedSolution: SolutionBlock | null = null;

  get top(): Frame {
    return this.stack[this.stack.length - 1] as Frame;
  }
  report(d: Diagnostic): void {
    if (this.diagnostics.length < MAX_DIAGNOSTICS) this.diagnostics.push(d);
  }

  line(src: string, n: number): void {
    const caption = CAPTION.exec(src);
    if (caption !== null) return this.caption(caption[1]?.trim() ?? '', n, src.indexOf('##') + 1);
    const header = headerLine(src);
    if (header !== null) return this.header(header.key, header.value, n);
    const { tokens, diagnostics } = lexLine(src, n);
    diagnostics.forEach((d) => this.report(d));
    const [first] = tokens;
    if (first === undefined || diagnostics.length > 0) return;
    this.headersOpen = false;
    if (first.kind === 'word' && first.text === 'solution' && tokens.length === 1) return this.solution(n, first.column);
    if (this.afterSolution(n, first.column)) return;
    if (first.kind === 'word' && first.text === 'repeat') return this.repeat(tokens, n);
    if (first.kind === 'word' && (first.text === 'end' || first.text === 'pause')) return this.single(tokens, n);
    this.top.sawOp = true;
    const { statement, diagnostics: errs } = parseOpStatement(tokens, n, this.top.scope);
    errs.forEach((d) => this.report(d));
    if (statement !== null) this.top.body.push(statement);
  }

  caption(text: string, n: number, column: number): void {
    this.headersOpen = false;
    if (this.afterSolution(n, column)) return;
    if (text === '') return;
    const slot = makeSlot<string>('text', text, column + 3, this.top.scope);
    if (slot.ok) this.top.body.push({ kind: 'caption', line: n, column, text: slot.slot });
  }

  header(key: string, value: string, n: number): void {
    if (!HEADERS.includes(key)) return this.report(at(n, 1, D.unknownHeader(key)));
    if (!this.headersOpen) return this.report(at(n, 1, D.lateHeader(key)));
    if (!REPEATING.includes(key) && this.seen.has(key)) return this.report(at(n, 1, D.duplicate(`${key}:`)));
    this.seen.add(key);
    if (key === 'title') this.program.title = value;
    else if (key === 'about') this.program.about.push(value);
    else if (key === 'checked') this.program.checked = value;
    else if (key === 'pid_max') this.pidMax(value, n);
    else if (value === '') this.report(at(n, 1, D.emptyHeader(key)));
    else if (key === 'goal') this.program.goal = this.program.goal === null ? value : `${this.program.goal} ${value}`;
    else this.hint(value, n);
  }

  /** Reports a line of the body after the solution block (true); lines inside a block rejected
   * as a second solution are not reported again. */
  afterSolution(n: number, column: number): boolean {
    if (this.closedSolution === null || this.stack.length > 1) return false;
    this.report(at(n, column, D.afterSolution(this.closedSolution.endLine)));
    return true;
  }

  hint(value: string, n: number): void {
    if (this.program.hints.length === 0) this.firstHint = n;
    this.program.hints.push(value);
  }

  solution(n: number, column: number): void {
    const block: SolutionBlock = { kind: 'solution', line: n, column, endLine: n, body: [] };
    const first = this.program.solution;
    if (this.top.block !== null && this.top.block.kind === 'repeat') this.report(at(n, column, D.solutionInRepeat()));
    else if (first !== null) this.report(at(n, column, D.secondSolution(first.line)));
    else this.program.solution = block;
    this.stack.push({ block, body: block.body, scope: new Scope(), sawOp: false });
  }

  pidMax(value: string, n: number): void {
    const v = readInteger(value, PID_MAX_MIN, PID_MAX_LIMIT);
    if (v !== null) this.program.pidMax = v;
    else this.report(at(n, 1, D.badHeader(`\`pid_max: ${value}\` is not valid; write an integer from ${PID_MAX_MIN} to ${PID_MAX_LIMIT} (the kernel's bounds)`)));
  }

  repeat(tokens: readonly Token[], n: number): void {
    const [kw, , varTok] = tokens as [Token, Token?, Token?];
    const scope = this.top.scope;
    const block: RepeatBlock = {
      kind: 'repeat', line: n, column: kw.column, variable: varTok?.text ?? 'i', body: [], endLine: n,
      count: { kind: 'fixed', column: kw.column, value: 1 },
    };
    this.repeatHeader(block, tokens, scope, n);
    // the body's scope is the enclosing one plus this variable: the same object, grown here and
    // shrunk at `end` (a copy per block would cost the square of the nesting depth)
    scope.push(block.variable);
    this.stack.push({ block, body: block.body, scope, sawOp: false });
  }

  /** The count and variable of a repeat, read in the enclosing scope. */
  repeatHeader(block: RepeatBlock, tokens: readonly Token[], scope: Scope, n: number): void {
    const [kw, countTok, varTok, extra] = tokens as [Token, Token?, Token?, Token?];
    if (extra !== undefined) return this.report(at(n, extra.column, D.extraWord(extra.text, 'repeat N [VAR]')));
    if (countTok === undefined || countTok.kind !== 'word') return this.report(at(n, countTok?.column ?? kw.column, D.badRepeat(countTok?.text ?? '')));
    const count = makeSlot<number>('count', countTok.text, countTok.column, scope);
    if (!count.ok) return this.report(at(n, countTok.column, count.problem));
    block.count = count.slot;
    if (varTok !== undefined) this.checkVariable(varTok, scope, n);
  }

  checkVariable(tok: Token, scope: Scope, n: number): void {
    if (tok.kind !== 'word' || !VARIABLE.test(tok.text)) {
      this.report(at(n, tok.column, D.badVariable(`\`${tok.text}\` is not a variable name; write letters, digits and \`_\`, e.g. \`repeat 5 j\``)));
    } else if (scope.has(tok.text)) {
      this.report(at(n, tok.column, D.badVariable(`\`${tok.text}\` is already the variable of an enclosing repeat; give this one another name, e.g. \`repeat N j\``)));
    }
  }

  single(tokens: readonly Token[], n: number): void {
    const [kw, extra] = tokens as [Token, Token?];
    if (extra !== undefined) return this.report(at(n, extra.column, D.standsAlone(kw.text)));
    if (kw.text === 'pause') return void this.top.body.push({ kind: 'pause', line: n, column: kw.column });
    const frame = this.top;
    const block = frame.block;
    if (block === null) return this.report(at(n, kw.column, D.strayEnd()));
    this.stack.pop();
    if (block.kind === 'repeat') frame.scope.pop();
    block.endLine = n;
    if (!frame.sawOp) this.report(at(block.line, block.column, block.kind === 'repeat' ? D.emptyRepeat() : D.emptySolution()));
    this.top.sawOp ||= frame.sawOp;
    if (block.kind === 'repeat') this.top.body.push(block);
    else if (block === this.program.solution) this.closedSolution = block;
  }

  finish(): void {
    for (let block = this.top.block; block !== null; block = this.top.block) {
      const problem = block.kind === 'repeat' ? D.missingEnd(block.line) : D.missingSolutionEnd(block.line);
      this.report(at(block.line, block.column, problem));
      this.stack.pop();
    }
    const { goal, hints, solution, body } = this.program;
    if (goal === null && solution !== null) this.report(at(solution.line, solution.column, D.solutionWithoutGoal()));
    if (goal === null && hints.length > 0) this.report(at(this.firstHint, 1, D.hintWithoutGoal()));
    if (this.diagnostics.length === 0) checkRunBudget([...body, ...(solution?.body ?? [])]).forEach((d) => this.report(d));
  }
}

/** Parses a whole scenario. `program` is null exactly when `diagnostics` is not empty. */
export function parseScenario(text: string): ParseResult {
  const bytes = utf8Length(text);
  if (bytes > MAX_TEXT_BYTES) return { program: null, diagnostics: [at(1, 1, D.tooLarge(bytes))] };
  const p = new Parser();
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length && p.diagnostics.length < MAX_DIAGNOSTICS; i += 1) p.line(lines[i] as string, i + 1);
  p.finish();
  const diagnostics = p.diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return diagnostics.length > 0 ? { program: null, diagnostics } : { program: p.program, diagnostics };
}
