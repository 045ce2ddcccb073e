/**
 * `expandProgram(program)`: the statements a run executes, lazily, in order. Repeat blocks are
 * expanded one iteration at a time (a 4194304-iteration loop costs no memory), every template
 * leaf substituted and parsed; captions and pauses ride on the next step. The walk stops after
 * the first error (a substituted leaf that does not parse, a repeat count out of range, the
 * MAX_STEPS limit) and never throws. Yielded objects must be treated as read-only: a statement
 * without templates yields the same `call` object in every iteration.
 */
import type { ConcreteStatement, ConcreteStep, Diagnostic, OpCall, OpStatement, RepeatBlock, Slot, Statement } from './ast.ts';
import { at, D } from './diagnostics.ts';
import { MAX_STEPS } from './limits.ts';
import { directValue, resolveSlot } from './templates.ts';

interface Walk {
  env: Record<string, number>;
  index: number;
  /** captions met since the last step; null when none (steps then share NO_CAPTIONS) */
  captions: string[] | null;
  pause: boolean;
  narrationLine: number;
  /** the first leaf that failed to resolve in the current statement */
  error: Diagnostic | null;
}

/** The slot's value; on failure records `w.error` and returns a placeholder (checked by the caller). */
function value<T>(slot: Slot<T>, w: Walk, line: number): T {
  if (slot.kind === 'fixed') return slot.value;
  if (slot.template.direct !== null) return directValue(slot.template, w.env) as T;
  const r = resolveSlot<T>(slot, w.env);
  if (r.ok) return r.value;
  w.error ??= at(line, r.column, r.problem);
  return slot.template.source as T;
}

export const NO_CAPTIONS: readonly string[] = Object.freeze([]);
const fixedCalls = new WeakMap<OpStatement, OpCall>();

function resolveCall(s: OpStatement, w: Walk): OpCall {
  const cached = fixedCalls.get(s);
  if (cached !== undefined) return cached;
  const out: Record<string, unknown> = { op: s.call.op };
  let templated = false;
  for (const [key, slot] of Object.entries(s.call)) {
    if (key === 'op') continue;
    out[key] = value(slot as Slot<unknown>, w, s.line);
    templated ||= (slot as Slot<unknown>).kind === 'template';
  }
  const call = out as OpCall;
  if (!templated) fixedCalls.set(s, call);
  return call;
}

/**
 * The step of `s` in this iteration, in `into` when given (the walk's one step object, see
 * `expandSteps`), else in a new object; the first leaf that failed to resolve, if one did.
 */
function concreteStep(s: OpStatement, w: Walk, into: ConcreteStep | null): ConcreteStep | Diagnostic {
  const step = into ?? blankStep();
  step.index = w.index;
  step.line = s.line;
  step.column = s.column;
  step.actor = value(s.actor, w, s.line);
  step.call = resolveCall(s, w);
  step.label = s.label === null ? null : value(s.label, w, s.line);
  step.cmd = s.cmd === null ? null : value(s.cmd, w, s.line);
  step.expect = s.expect === null ? null : value(s.expect, w, s.line);
  step.question = s.question === null ? null : value(s.question, w, s.line);
  step.captions = w.captions ?? NO_CAPTIONS;
  step.pause = w.pause;
  if (w.error !== null) return w.error;
  w.captions = null;
  w.pause = false;
  return step;
}

/** the call of a step not yet filled in (expandSteps, and the interpreter's reused record) */
export const NO_CALL: OpCall = Object.freeze({ op: 'getpid' });

/** A step of the shape every step has (all keys, in one order), before it is filled. */
function blankStep(): ConcreteStep {
  return {
    kind: 'step', index: 0, line: 0, column: 0, actor: '', call: NO_CALL, label: null, cmd: null, expect: null,
    question: null, captions: NO_CAPTIONS, pause: false,
  };
}

interface Frame {
  body: readonly Statement[];
  pos: number;
  /** the repeat block being iterated (null for the program body), its iteration and count */
  block: RepeatBlock | null;
  iteration: number;
  count: number;
}

/** An explicit-stack walk (cheaper per step than nested generators on long runs). */
class Expansion implements IterableIterator<ConcreteStatement> {
  private readonly w: Walk = {
    env: Object.create(null) as Record<string, number>, index: 0, captions: null, pause: false, narrationLine: 0, error: null,
  };
  private readonly stack: Frame[];
  private finished = false;

  /** `into`: the one step object every step is written in, or null for a new object each */
  constructor(body: readonly Statement[], private readonly into: ConcreteStep | null) {
    this.stack = [{ body, pos: 0, block: null, iteration: 1, count: 1 }];
  }

  [Symbol.iterator](): this {
    return this;
  }

  next(): IteratorResult<ConcreteStatement, undefined> {
    const item = this.take();
    return item === null ? { done: true, value: undefined } : { done: false, value: item };
  }

  /** The next item, or null at the end. */
  take(): ConcreteStatement | null {
    while (!this.finished) {
      const item = this.advance();
      if (item !== null) return item;
    }
    return null;
  }

  /** One move of the walk: the item it yields, or null when it yields nothing. */
  private advance(): ConcreteStatement | null {
    const frame = this.stack[this.stack.length - 1];
    if (frame === undefined) return this.end();
    const s = frame.body[frame.pos];
    if (s === undefined) return this.endOfBody(frame);
    frame.pos += 1;
    const w = this.w;
    switch (s.kind) {
      case 'caption': {
        const text = resolveSlot(s.text, w.env);
        if (text.ok) (w.captions ??= []).push(text.value);
        w.narrationLine = s.line;
        return null;
      }
      case 'pause':
        w.pause = true;
        w.narrationLine = s.line;
        return null;
      case 'op': {
        const r = w.index >= MAX_STEPS ? at(s.line, s.column, D.stepLimit(MAX_STEPS)) : concreteStep(s, w, this.into);
        if ('code' in r) return this.fail(r);
        w.index += 1;
        return r;
      }
      case 'repeat': {
        const count = value(s.count, w, s.line);
        if (w.error !== null) return this.fail(w.error);
        w.env[s.variable] = 1;
        this.stack.push({ body: s.body, pos: 0, block: s, iteration: 1, count });
        return null;
      }
    }
  }

  private endOfBody(frame: Frame): null {
    if (frame.block !== null && frame.iteration < frame.count) {
      frame.iteration += 1;
      frame.pos = 0;
      this.w.env[frame.block.variable] = frame.iteration;
    } else {
      if (frame.block !== null) delete this.w.env[frame.block.variable];
      this.stack.pop();
    }
    return null;
  }

  private end(): ConcreteStatement | null {
    this.finished = true;
    const w = this.w;
    if (w.captions === null && !w.pause) return null;
    return { kind: 'narration', line: w.narrationLine, captions: w.captions ?? NO_CAPTIONS, pause: w.pause };
  }

  private fail(diagnostic: Diagnostic): ConcreteStatement {
    this.finished = true;
    return { kind: 'error', diagnostic };
  }
}

/** The concrete statements of `program`, in execution order (see the module header). */
export function expandProgram(program: { body: readonly Statement[] }): IterableIterator<ConcreteStatement> {
  return new Expansion(program.body, null);
}

/**
 * The same walk for a consumer that is done with each step before it asks for the next (the
 * interpreter): every step is the same object, filled again, and `take()` hands it out without an
 * iterator result — two objects fewer per executed statement.
 */
export function expandSteps(program: { body: readonly Statement[] }): { take(): ConcreteStatement | null } {
  return new Expansion(program.body, blankStep());
}
