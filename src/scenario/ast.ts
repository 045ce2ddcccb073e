/**
 * The typed syntax tree of a parsed `.pidns` scenario, and the concrete statements that
 * `expandProgram` yields from it.
 *
 * Contract:
 * - Every node carries its 1-based source `line` and `column`.
 * - The structure of a statement (its op, which arguments it has) is fixed when the text is
 *   parsed. Only leaves (a label, a number, a signal, a cmd, an expectation, a repeat count) may
 *   hold `{VAR}`, `{VAR+K}` or `{VAR-K}`: such a leaf is a `template` slot, parsed again after
 *   substitution in every iteration, so a malformed substituted value becomes a diagnostic at the
 *   leaf's own line and column.
 * - `OpCall` mirrors the kernel's `Syscall` (src/kernel/abi.ts) with two differences that belong
 *   to the language: tasks are named by label (a string, resolved by the interpreter), and the op
 *   names are the language's own (`fork`, `prctl`, `mount`, `write`, `caps`).
 */
import type { CloneFlag, Disposition, RebootCmd, UnshareFlag } from '../kernel/index.ts';

/** A problem in the text or in the run, always tied to a place in the text. */
export interface Diagnostic {
  /** 1-based line of the statement (or header) at fault */
  line: number;
  /** 1-based column of the offending word; 1 when the whole line is at fault */
  column: number;
  /** stable code from the catalog in diagnostics.ts, e.g. `SCN1003` */
  code: string;
  /** what is wrong and what to write instead */
  message: string;
}

/** Where a pid-valued argument points: a number read in the actor's namespace, or a label. */
export type TargetArg = { kind: 'nr'; nr: number } | { kind: 'label'; label: string };

/** A call as the language writes it, with every value concrete. */
export type OpCall =
  | { op: 'fork' }
  | { op: 'clone'; flags: CloneFlag[]; setTid: number[] | null }
  | { op: 'unshare'; flags: UnshareFlag[] }
  | { op: 'setns'; target: TargetArg }
  | { op: 'exec'; cmd: string }
  | { op: 'exit' | 'thread-exit'; code: number }
  | { op: 'wait'; target: TargetArg | null; nohang: boolean }
  | { op: 'kill'; sig: number; target: TargetArg }
  | { op: 'signal'; sig: number; disposition: Disposition }
  | { op: 'setsid' | 'getpid' | 'gettid' | 'getppid' | 'ps' | 'fault' }
  | { op: 'setpgid'; target: TargetArg; pgid: TargetArg }
  | { op: 'getpgid' | 'getsid' | 'nspid'; target: TargetArg | null }
  | { op: 'prctl'; subreaper: boolean }
  | { op: 'reap'; mode: 'auto' | 'manual' }
  | { op: 'mount'; fs: 'proc' }
  | { op: 'write'; file: 'ns_last_pid' | 'pid_max'; value: number }
  | { op: 'caps'; action: 'drop' }
  | { op: 'setuid'; uid: number }
  | { op: 'sigmask'; block: boolean; sig: number }
  | { op: 'pdeathsig'; sig: number }
  | { op: 'reboot'; cmd: RebootCmd };
export type OpName = OpCall['op'];

/** An expected result, written as in the language: `5`, `EINVAL`, `1 2 3`. */
export type Expected =
  | { kind: 'int'; value: number }
  | { kind: 'errno'; name: string }
  | { kind: 'list'; values: number[] };

/** Which leaf parser reads a template's substituted text. */
export type LeafKind =
  | 'actor' | 'label' | 'target' | 'count' | 'sig' | 'sigOrZero' | 'exitCode'
  | 'uid' | 'value' | 'setTid' | 'text' | 'expect';

/** One piece of a template: literal text, or a repeat variable plus a constant offset. */
export type TemplatePart = string | { name: string; offset: number };
export interface Template {
  /** the leaf as written, e.g. `ls{i}` */
  source: string;
  parts: TemplatePart[];
  leaf: LeafKind;
  /**
   * set when every substitution parses, to a value known from its text without parsing it (see
   * templates.ts `directForm`): the substituted text itself (`text`), a label target named by it
   * (`target`), or the expectation of the one number it is (`int`); null when it must be parsed
   */
  direct: 'text' | 'target' | 'int' | null;
}

/** A leaf value: known when parsed, or a template resolved per iteration. */
export type Slot<T> =
  | { kind: 'fixed'; column: number; value: T }
  | { kind: 'template'; column: number; template: Template };

/** `OpCall` with every argument held in a slot (the op itself is never a template). */
export type SlottedCall<C = OpCall> = C extends { op: infer O }
  ? { op: O } & { [K in Exclude<keyof C, 'op'>]: Slot<C[K]> }
  : never;

export interface OpStatement {
  kind: 'op';
  line: number;
  column: number;
  actor: Slot<string>;
  opColumn: number;
  call: SlottedCall;
  /** `as LABEL` (fork and clone only) */
  label: Slot<string> | null;
  /** `cmd "TEXT"` (fork and clone only), unescaped */
  cmd: Slot<string> | null;
  /** `=> EXPECTED` */
  expect: Slot<Expected> | null;
  /** `=> ?`: the statement as written (without the `=> ?`), for the default question text */
  question: Slot<string> | null;
}

/** `## TEXT`: narration shown when the player reaches the next statement. */
export interface CaptionStatement {
  kind: 'caption';
  line: number;
  column: number;
  text: Slot<string>;
}

/** `pause`: autoplay stops before the next statement. */
export interface PauseStatement {
  kind: 'pause';
  line: number;
  column: number;
}

/** `repeat N [VAR] … end` */
export interface RepeatBlock {
  kind: 'repeat';
  line: number;
  column: number;
  count: Slot<number>;
  variable: string;
  body: Statement[];
  endLine: number;
}

export type Statement = OpStatement | CaptionStatement | PauseStatement | RepeatBlock;

/** `solution … end`: the statements that reach an exercise's goal, after every other statement. */
export interface SolutionBlock {
  kind: 'solution';
  line: number;
  column: number;
  endLine: number;
  body: Statement[];
}

export interface Program {
  title: string | null;
  about: string[];
  /** `pid_max:` header, or the default 32768 */
  pidMax: number;
  /**
   * `checked:` header: the kernel this scenario was run on and found identical, field by field,
   * by the conformance runner (e.g. `Linux 6.18`); the page shows it
   */
  checked: string | null;
  /** `goal:` lines joined into one paragraph; null when the file sets no goal */
  goal: string | null;
  /** `hint:` lines, in order */
  hints: string[];
  /** every statement outside the solution block: the attempt */
  body: Statement[];
  /** the `solution … end` block (only with `goal:`); its statements run after `body` */
  solution: SolutionBlock | null;
}

/** One statement ready to execute: repeat expanded, every template substituted and parsed. */
export interface ConcreteStep {
  kind: 'step';
  /** 0-based index among executed statements */
  index: number;
  line: number;
  column: number;
  actor: string;
  call: OpCall;
  label: string | null;
  cmd: string | null;
  expect: Expected | null;
  /** `=> ?`: the statement as written, substituted (the step is a question); else null */
  question: string | null;
  /** captions (`##`) met since the previous step, in order */
  captions: readonly string[];
  /** a `pause` was met since the previous step */
  pause: boolean;
}

/** Captions or a pause after the last statement: nothing follows them to attach to. */
export interface TrailingNarration {
  kind: 'narration';
  line: number;
  captions: readonly string[];
  pause: boolean;
}

/** A problem found while expanding (a substituted value that does not parse, the step limit):
 * the run stops here; nothing is yielded after it. */
export interface ExpansionError {
  kind: 'error';
  diagnostic: Diagnostic;
}

export type ConcreteStatement = ConcreteStep | TrailingNarration | ExpansionError;
