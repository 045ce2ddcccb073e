/**
 * The catalog of every diagnostic the scenario layer reports: one stable code per kind of
 * problem, and a message that says what is wrong and what to write instead. Codes never change
 * meaning; a new problem gets a new code. docs/language.md lists them.
 */
import type { Diagnostic } from './ast.ts';

/** A code and its message, before a place in the text is attached. */
export type Problem = readonly [code: string, message: string];

const q = (s: string): string => `\`${s}\``;
const thousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, ',');

export const D = {
  tooLarge: (bytes: number): Problem =>
    ['SCN1001', `the scenario is ${bytes} bytes; the limit is 1 MiB (1048576 bytes) — split it into smaller scenarios`],
  unterminatedQuote: (): Problem =>
    ['SCN1002', 'this quoted text has no closing `"`; end it with `"` (write `\\"` for a quote inside)'],
  badEscape: (ch: string): Problem =>
    ['SCN1003', `unknown escape ${q('\\' + ch)} in quotes; only ${q('\\"')} and ${q('\\\\')} escape — write the character itself`],
  unknownHeader: (key: string): Problem =>
    ['SCN1004', `unknown header ${q(key + ':')}; the headers are ${q('title:')}, ${q('about:')}, ${q('pid_max:')}, ${q('checked:')}, ${q('goal:')} and ${q('hint:')}`],
  lateHeader: (key: string): Problem =>
    ['SCN1005', `the header ${q(key + ':')} comes after the first statement; move it to the top of the scenario`],
  badHeader: (what: string): Problem => ['SCN1006', what],
  unknownOp: (op: string, hint: string): Problem =>
    ['SCN1007', `unknown op ${q(op)}${hint}`],
  missingArg: (usage: string): Problem => ['SCN1008', `missing argument: write ${q(usage)}`],
  extraWord: (word: string, usage: string): Problem =>
    ['SCN1009', `unexpected ${q(word)}; write ${q(usage)}`],
  badLabel: (text: string): Problem =>
    ['SCN1010', `${q(text)} is not a label; a label starts with a letter or \`_\` and goes on with letters, digits, \`_\`, \`.\` or \`-\` (e.g. ${q('web-1')})`],
  badNumber: (text: string, range: string): Problem =>
    ['SCN1011', `${q(text)} is not ${range}`],
  unknownSignal: (text: string, hint: string): Problem =>
    ['SCN1012', `unknown signal ${q(text)}${hint}`],
  unknownFlag: (flag: string, valid: readonly string[]): Problem =>
    ['SCN1013', `unknown flag ${q(flag)}; write a comma list of ${valid.map(q).join(', ')} (no spaces)`],
  badExpect: (text: string): Problem =>
    ['SCN1014', `${q(text)} is not a result; write an integer (${q('=> 5')}), an errno name (${q('=> EINVAL')}) or integers separated by spaces (${q('=> 1 2 3')})`],
  notCreating: (what: string, op: string): Problem =>
    ['SCN1015', `${q(what)} names the task a ${q('fork')} or ${q('clone')} creates; ${q(op)} creates none — remove it`],
  noResult: (op: string): Problem =>
    ['SCN1016', `${q(op)} has no result to expect; remove the ${q('=> …')}`],
  badRepeat: (text: string): Problem =>
    ['SCN1017', `${q(text)} is not a repeat count; write an integer from 1 to 4194304: ${q('repeat 10')}`],
  badVariable: (what: string): Problem => ['SCN1018', what],
  missingEnd: (line: number): Problem =>
    ['SCN1019', `the ${q('repeat')} on line ${line} has no ${q('end')}; add a line ${q('end')} after its body`],
  strayEnd: (): Problem => ['SCN1020', `${q('end')} without a ${q('repeat')}; remove it`],
  emptyRepeat: (): Problem =>
    ['SCN1021', `this ${q('repeat')} has no statement in its body; put statements between it and its ${q('end')}, or remove it`],
  badPlaceholder: (text: string, scope: readonly string[]): Problem =>
    ['SCN1022', `${q(text)} names no repeat variable here; ${scope.length === 0 ? `${q('{i}')} only works inside ${q('repeat')}` : `in scope: ${scope.map((v) => q(`{${v}}`)).join(', ')}`} (write ${q('{i}')}, ${q('{i+1}')} or ${q('{i-1}')})`],
  taskLimit: (limit: number): Problem =>
    ['SCN1036', `this run would create more than ${thousands(limit)} tasks, the limit that keeps a run inside memory; create fewer (reaped tasks count too)`],
  stepLimit: (limit: number): Problem =>
    ['SCN1023', `the run passes ${thousands(limit)} steps, the limit; use smaller repeat counts`],
  reservedLabel: (word: string): Problem =>
    ['SCN1024', `${q(word)} is a keyword of the language and cannot be a label; choose another name`],
  needQuotes: (usage: string): Problem =>
    ['SCN1025', `the text goes in double quotes: write ${q(usage)}`],
  unknownErrno: (name: string): Problem =>
    ['SCN1026', `${q(name)} is not an errno name; write one such as ${q('EINVAL')}, ${q('ESRCH')} or ${q('ECHILD')}`],
  duplicate: (what: string): Problem => ['SCN1027', `${q(what)} is written twice on this line; keep one`],
  labelUsed: (label: string, line: number | null): Problem =>
    ['SCN1028', `the label ${q(label)} is already used (${line === null ? 'given automatically' : line === 0 ? 'the first task' : `line ${line}`}); labels are never reused — choose another name`],
  labelWithoutTask: (label: string, line: number): Problem =>
    ['SCN1035', `no task is labelled ${q(label)}: the call on line ${line} that was to create it failed`],
  unknownLabel: (label: string): Problem =>
    ['SCN1029', `no task is labelled ${q(label)}; use the label given with ${q('as')} when it was created`],
  actorProblem: (label: string, why: string): Problem =>
    ['SCN1030', `${q(label)} cannot act: it ${why}`],
  kernelFault: (message: string): Problem => ['SCN1031', message],
  missingOp: (actor: string): Problem =>
    ['SCN1032', `${q(actor)} is not followed by an op; write ${q('ACTOR OP [ARG …]')}, e.g. ${q(`${actor} fork`)}`],
  standsAlone: (word: string): Problem => ['SCN1033', `${q(word)} stands alone on its line; remove what follows it`],
  questionNoResult: (op: string): Problem =>
    ['SCN1037', `${q(op)} has no result, so it cannot be a question; remove the ${q('=> ?')} (ask about a statement that returns something, e.g. ${q('getpid')} or ${q('wait')})`],
  questionAlone: (word: string): Problem =>
    ['SCN1038', `${q('=> ?')} asks a question and stands alone: its answer is never written; remove ${q(word)}`],
  hintWithoutGoal: (): Problem =>
    ['SCN1039', `${q('hint:')} helps with an exercise, and this file sets none; add a ${q('goal:')} line that says what to reach, or remove the hint`],
  solutionWithoutGoal: (): Problem =>
    ['SCN1040', `a ${q('solution')} block belongs to an exercise, and this file sets no goal; add a ${q('goal:')} line at the top that says what to reach`],
  secondSolution: (first: number): Problem =>
    ['SCN1041', `an exercise has one ${q('solution')} block, and there is one already on line ${first}; put all its statements there`],
  afterSolution: (end: number): Problem =>
    ['SCN1042', `the ${q('solution')} block (ending on line ${end}) comes after every other statement; move this line above ${q('solution')}`],
  missingSolutionEnd: (line: number): Problem =>
    ['SCN1043', `the ${q('solution')} on line ${line} has no ${q('end')}; add a line ${q('end')} after its statements`],
  solutionInRepeat: (): Problem =>
    ['SCN1044', `a ${q('solution')} block cannot be inside a ${q('repeat')}; close the ${q('repeat')} with ${q('end')} first`],
  emptySolution: (): Problem =>
    ['SCN1045', `this ${q('solution')} block has no statement; put the statements that reach the goal between ${q('solution')} and ${q('end')}`],
  emptyHeader: (key: string): Problem =>
    ['SCN1046', `${q(key + ':')} is empty; write its text after the colon`],
  missingActor: (op: string): Problem =>
    ['SCN1034', `a statement starts with the label of the task that acts: write ${q(`init ${op}`)} (${q('ACTOR OP …')})`],
} as const;

/** Attaches a place in the text to a problem. */
export function at(line: number, column: number, [code, message]: Problem): Diagnostic {
  return { line, column, code, message };
}

/** The CLI's and the player's one-line form. */
export function formatDiagnostic(d: Diagnostic): string {
  return `line ${d.line}: ${d.message}`;
}
