/**
 * Leaf parsers: each turns the text of one argument (after `{VAR}` substitution) into its typed
 * value, or into a problem that says what to write instead. Pure; never throws.
 */
import { SIGNALS } from '../kernel/index.ts';
import type { Expected, LeafKind, TargetArg } from './ast.ts';
import { D, type Problem } from './diagnostics.ts';
import { ERRNO_NAMES } from './errno-names.ts';

export type LeafResult<T> = { ok: true; value: T } | { ok: false; problem: Problem };

/** Words the grammar reads by position; they cannot name a task. */
export const RESERVED = new Set(['as', 'cmd', 'repeat', 'end', 'pause', 'solution', 'WNOHANG']);
const LABEL = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const INTEGER = /^-?[0-9]{1,16}$/;
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
/** The highest signal number of Linux (SIGRTMAX). */
export const SIGRTMAX = 64;
export const REPEAT_MAX = 4194304;

const ok = <T>(value: T): LeafResult<T> => ({ ok: true, value });
const fail = (problem: Problem): LeafResult<never> => ({ ok: false, problem });

/** An integer in [min, max], or null. `-0` reads as 0. */
export function readInteger(text: string, min: number, max: number): number | null {
  if (!INTEGER.test(text)) return null;
  const n = Number(text) + 0;
  return n >= min && n <= max ? n : null;
}

function integer(text: string, min: number, max: number, range: string): LeafResult<number> {
  const n = readInteger(text, min, max);
  return n === null ? fail(D.badNumber(text, range)) : ok(n);
}

export function parseLabel(text: string): LeafResult<string> {
  if (RESERVED.has(text)) return fail(D.reservedLabel(text));
  return LABEL.test(text) ? ok(text) : fail(D.badLabel(text));
}

function parseTarget(text: string): LeafResult<TargetArg> {
  if (INTEGER.test(text)) {
    const n = readInteger(text, INT32_MIN, INT32_MAX);
    return n === null ? fail(D.badNumber(text, 'a pid (a 32-bit integer)')) : ok({ kind: 'nr', nr: n });
  }
  const label = parseLabel(text);
  return label.ok ? ok({ kind: 'label', label: label.value }) : label;
}

function signalHint(text: string): string {
  if (text.startsWith('-')) return `; write the signal without a dash, as a name or a number: \`${text.slice(1).replace(/^SIG/i, '')}\``;
  const upper = text.toUpperCase().replace(/^SIG/, '');
  if (upper in SIGNALS) return `; write ${'`'}${upper}${'`'} (names are upper case, without SIG)`;
  return `; write a name such as \`KILL\`, \`TERM\`, \`USR1\`, \`CHLD\`, \`STOP\` or a number from 1 to ${SIGRTMAX}`;
}

function parseSignal(text: string, zeroAllowed: boolean): LeafResult<number> {
  if (Object.hasOwn(SIGNALS, text)) return ok(SIGNALS[text as keyof typeof SIGNALS]);
  const n = readInteger(text, zeroAllowed ? 0 : 1, SIGRTMAX);
  return n === null ? fail(D.unknownSignal(text, signalHint(text))) : ok(n);
}

function parseSetTid(text: string): LeafResult<number[]> {
  const values: number[] = [];
  for (const part of text.split(',')) {
    const n = readInteger(part, INT32_MIN, INT32_MAX);
    if (n === null) return fail(D.badNumber(text, 'a comma list of pids: `set_tid=1,5`'));
    values.push(n);
  }
  return ok(values);
}

/** `5`, `EINVAL` or `1 2 3` (tokens already split on white space). */
export function parseExpected(text: string): LeafResult<Expected> {
  if (INTEGER.test(text)) {
    const n = readInteger(text, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    return n === null ? fail(D.badExpect(text)) : ok({ kind: 'int', value: n });
  }
  const words = text.split(/\s+/).filter((w) => w !== '');
  const [first] = words;
  if (first === undefined) return fail(D.badExpect(text));
  if (words.length === 1 && /^E[A-Z0-9]+$/.test(first)) {
    return ERRNO_NAMES.has(first) ? ok({ kind: 'errno', name: first }) : fail(D.unknownErrno(first));
  }
  const values: number[] = [];
  for (const w of words) {
    const n = readInteger(w, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    if (n === null) return fail(D.badExpect(text));
    values.push(n);
  }
  return values.length === 1 ? ok({ kind: 'int', value: values[0] as number }) : ok({ kind: 'list', values });
}

const PARSERS: { [K in LeafKind]: (text: string) => LeafResult<unknown> } = {
  actor: parseLabel,
  label: parseLabel,
  target: parseTarget,
  count: (t) => {
    const n = readInteger(t, 1, REPEAT_MAX);
    return n === null ? fail(D.badRepeat(t)) : ok(n);
  },
  sig: (t) => parseSignal(t, false),
  sigOrZero: (t) => parseSignal(t, true),
  exitCode: (t) => integer(t, 0, 255, 'an exit code (0 to 255)'),
  uid: (t) => integer(t, 0, 4294967294, 'a uid (0 to 4294967294)'),
  value: (t) => integer(t, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 'an integer'),
  setTid: parseSetTid,
  text: (t) => ok(t),
  expect: parseExpected,
};

/** Parses `text` as a leaf of `kind`. The value's type follows `kind` (see ast.ts `OpCall`). */
export function parseLeaf(kind: LeafKind, text: string): LeafResult<unknown> {
  return PARSERS[kind](text);
}
