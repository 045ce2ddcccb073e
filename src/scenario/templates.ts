/**
 * `{VAR}`, `{VAR+K}` and `{VAR-K}` in a leaf. A brace group that names no repeat variable in
 * scope stays literal text (so `cmd "awk '{print}'"` is left alone); in a label or a number it
 * then fails the leaf parser, and the diagnostic names the variables in scope.
 */
import type { Slot, LeafKind, Template, TemplatePart } from './ast.ts';
import { D, type Problem } from './diagnostics.ts';
import { parseLeaf } from './leaves.ts';

const GROUP = /\{([^{}]*)\}/g;
const HOLE = /^([A-Za-z_][A-Za-z0-9_]*)(?:([+-])([0-9]{1,9}))?$/;
const LABEL_START = /^[A-Za-z_]/;
const LABEL_REST = /^[A-Za-z0-9_.-]*$/;

/** Values of the repeat variables in scope, innermost last. */
export type Env = Readonly<Record<string, number>>;

/**
 * The repeat variables in scope while parsing, innermost last (nested blocks may bind the same
 * name). One object grows and shrinks with the nesting: looking a name up costs the same at any
 * depth.
 */
export class Scope {
  readonly names: string[] = [];
  private readonly bound = new Map<string, number>();

  push(name: string): void {
    this.names.push(name);
    this.bound.set(name, (this.bound.get(name) ?? 0) + 1);
  }
  pop(): void {
    const name = this.names.pop();
    if (name === undefined) return;
    const n = this.bound.get(name) ?? 0;
    if (n > 1) this.bound.set(name, n - 1);
    else this.bound.delete(name);
  }
  has(name: string): boolean {
    return this.bound.has(name);
  }
}

interface Compiled {
  parts: TemplatePart[];
  holes: number;
  /** the first brace group that names no variable in scope */
  stray: string | null;
}

function compile(text: string, scope: Scope): Compiled {
  const parts: TemplatePart[] = [];
  let holes = 0;
  let stray: string | null = null;
  let last = 0;
  for (const m of text.matchAll(GROUP)) {
    const hole = HOLE.exec(m[1] as string);
    const name = hole?.[1];
    if (hole === null || name === undefined || !scope.has(name)) {
      stray ??= m[0];
      continue;
    }
    if (m.index > last) parts.push(text.slice(last, m.index));
    const k = Number(hole[3] ?? '0');
    parts.push({ name, offset: hole[2] === '-' ? -k : k });
    holes += 1;
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return { parts, holes, stray };
}

const NO_TEMPLATE: Compiled = { parts: [], holes: 0, stray: null };

const holeValue = (p: Exclude<TemplatePart, string>, env: Env): number => (env[p.name] ?? 0) + p.offset + 0;

export function substitute(parts: readonly TemplatePart[], env: Env): string {
  let out = '';
  for (const p of parts) out += typeof p === 'string' ? p : String(holeValue(p, env));
  return out;
}

/**
 * The templates whose every substitution parses to a value known from the text alone, so a run
 * does not parse them in each iteration (Template.direct). A hole gives an integer of at most 10
 * digits (repeat values and offsets have at most 7 and 9), written with digits and perhaps a `-`:
 * - a label (or a target, or an actor) that starts with a letter or `_` written as is, the rest
 *   of its text label characters: it stays a label, and no reserved word has a digit;
 * - an expectation that is one hole: an integer within the 16 digits an expectation reads;
 * - any text (a cmd, a caption, a question), which is never parsed.
 */
function directForm(kind: LeafKind, parts: readonly TemplatePart[]): Template['direct'] {
  if (kind === 'text') return 'text';
  const [first] = parts;
  if (kind === 'expect') return parts.length === 1 && typeof first !== 'string' ? 'int' : null;
  if (kind !== 'actor' && kind !== 'label' && kind !== 'target') return null;
  if (typeof first !== 'string' || !LABEL_START.test(first)) return null;
  if (!parts.every((p) => typeof p !== 'string' || LABEL_REST.test(p))) return null;
  return kind === 'target' ? 'target' : 'text';
}

/** The value of a template in the iteration `env`, when it has a direct form (else undefined). */
export function directValue(template: Template, env: Env): unknown {
  switch (template.direct) {
    case 'text': return substitute(template.parts, env);
    case 'target': return { kind: 'label', label: substitute(template.parts, env) };
    case 'int': return { kind: 'int', value: holeValue(template.parts[0] as Exclude<TemplatePart, string>, env) };
    default: return undefined;
  }
}

/** Every variable the template names at 1: the first iteration, which always runs. */
export function firstIteration(parts: readonly TemplatePart[]): Env {
  const env: Record<string, number> = {};
  for (const p of parts) if (typeof p !== 'string') env[p.name] = 1;
  return env;
}

export type SlotResult<T> = { ok: true; slot: Slot<T> } | { ok: false; problem: Problem };

/**
 * Makes the slot of one leaf. A leaf with holes becomes a template, checked at the first
 * iteration; a leaf without becomes a fixed value.
 */
export function makeSlot<T>(kind: LeafKind, text: string, column: number, scope: Scope): SlotResult<T> {
  const { parts, holes, stray } = text.includes('{') ? compile(text, scope) : NO_TEMPLATE;
  const probe = holes === 0 ? text : substitute(parts, firstIteration(parts));
  const parsed = parseLeaf(kind, probe);
  if (!parsed.ok) {
    const problem = stray !== null && kind !== 'text' ? D.badPlaceholder(stray, scope.names) : parsed.problem;
    return { ok: false, problem };
  }
  if (holes === 0) return { ok: true, slot: { kind: 'fixed', column, value: parsed.value as T } };
  const template: Template = { source: text, parts, leaf: kind, direct: directForm(kind, parts) };
  return { ok: true, slot: { kind: 'template', column, template } };
}

export type Resolved<T> = { ok: true; value: T } | { ok: false; problem: Problem; column: number };

/** The slot's value in the iteration `env`. */
export function resolveSlot<T>(slot: Slot<T>, env: Env): Resolved<T> {
  if (slot.kind === 'fixed') return { ok: true, value: slot.value };
  if (slot.template.direct !== null) return { ok: true, value: directValue(slot.template, env) as T };
  const parsed = parseLeaf(slot.template.leaf, substitute(slot.template.parts, env));
  return parsed.ok ? { ok: true, value: parsed.value as T } : { ok: false, problem: parsed.problem, column: slot.column };
}
