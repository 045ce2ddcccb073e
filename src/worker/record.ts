/**
 * The first run of a loaded scenario: runs it with the scenario interpreter, one statement at a
 * time, and records into a timeline what the player needs — each step's line, result and
 * expectation, the kernel system calls it made (to replay it later from a checkpoint) and its
 * kernel events — plus the player's metadata (pause points, questions, diagnostics). What grows
 * with the run (its labels, its captions) stays with the timeline, in the worker: frames carry
 * what a step shows.
 * Each step's system call is the one the interpreter hands out with the step.
 */
import {
  createInterpreter, EngineFault, formatDiagnostic, readHeaders, type Advance, type Diagnostic as ScenarioDiagnostic, type Interpreter,
  type StepRecord,
} from '../scenario/index.ts';
import type { Syscall } from '../kernel/index.ts';
import type { Diagnostic, Loaded } from '../protocol/index.ts';
import { teardownSteps } from './acts.ts';
import { newTimeline, recordStep, type Timeline } from './timeline.ts';

export interface Run {
  timeline: Timeline;
  loaded: Loaded;
}

/** `keepGoing(steps so far)` is awaited now and then; false abandons the run (a newer load
 * superseded it). */
export async function recordRun(text: string, keepGoing: (steps: number) => Promise<boolean>): Promise<Run | null> {
  const { interp, unparsed } = parseGoodPart(text);
  if (interp === null) return failedParse(unparsed, text);
  const lines = text.split('\n');
  const timeline = newTimeline(interp.state, interp.labels);
  for (let n = 1; ; n++) {
    const advance = nextOrFault(interp);
    if (advance instanceof EngineFault) return withParseErrors(withInternal(finish(interp, timeline, null, null), advance), unparsed);
    if (advance.done) return withParseErrors(finish(interp, timeline, advance.error, advance.narration), unparsed);
    recordStep(timeline, {
      line: advance.record.line, actor: advance.record.actor, op: advance.record.op,
      text: shownText(lines[advance.record.line - 1] ?? '', advance.record.actor),
      result: null, expect: null, pass: null, settledAt: null,
    }, replayed(advance.syscall), [...advance.events], interp.state);
    for (const done of advance.completed) {
      const waited = timeline.steps[done.index];
      if (waited) waited.settledAt = n;
    }
    if (n % 512 === 0 && !(await keepGoing(n))) return null;
  }
}

/** the calls a seek replays for a step: not a `ps`, which only reads /proc but would list the
 * whole world again on every replay (its result was recorded by the first run) */
function replayed(call: Syscall): Syscall[] {
  return call.op === 'ps' ? [] : [call];
}

/** The next step, or the engine bug that stopped the run (the interpreter has already put the
 * world back to the step before, so the timeline's last step is the world to show). */
function nextOrFault(interp: Interpreter): Advance | EngineFault {
  try {
    return interp.next();
  } catch (e) {
    if (e instanceof EngineFault) return e;
    throw e;
  }
}

/** The run says that an engine bug, not the scenario, stopped it at its line. */
function withInternal(run: Run, fault: EngineFault): Run {
  const { loaded } = run;
  const diagnostics = [{ line: fault.line, severity: 'error' as const, message: fault.message }, ...loaded.diagnostics]
    .sort((a, b) => a.line - b.line);
  return { ...run, loaded: { ...loaded, internal: { line: fault.line, message: fault.message }, diagnostics } };
}

/** prefixes tried when a text does not parse (each one ends above the previous one's first error) */
const MAX_PREFIXES = 8;

/**
 * The interpreter for what a text can run: the whole text, or, when it does not parse, the lines
 * above its first parse error — a scenario error keeps the good steps before it. `unparsed`
 * holds the text's parse errors, to be reported with the run.
 */
function parseGoodPart(text: string): { interp: Interpreter | null; unparsed: ScenarioDiagnostic[] } {
  const whole = createInterpreter(text);
  if ('next' in whole) return { interp: whole, unparsed: [] };
  const lines = text.split('\n');
  let cut = whole.diagnostics[0]?.line ?? 1;
  for (let tries = 0; cut > 1 && tries < MAX_PREFIXES; tries++) {
    const part = createInterpreter(lines.slice(0, cut - 1).join('\n'));
    if ('next' in part) return { interp: part, unparsed: whole.diagnostics };
    cut = Math.min(cut - 1, part.diagnostics[0]?.line ?? 1);
  }
  return { interp: null, unparsed: whole.diagnostics };
}

/** a run of the part above a parse error carries that error (unless it stopped earlier) */
function withParseErrors(run: Run, unparsed: readonly ScenarioDiagnostic[]): Run {
  const first = unparsed[0];
  if (first === undefined) return run;
  const loaded = run.loaded;
  loaded.error ??= { line: first.line, message: first.message };
  loaded.diagnostics = [...loaded.diagnostics, ...unparsed.map(parseProblem)].sort((a, b) => a.line - b.line);
  return run;
}

function parseProblem(d: ScenarioDiagnostic): Diagnostic {
  return { line: d.line, severity: 'error', message: formatDiagnostic(d).replace(/^line \d+: /, '') };
}

/** the statement's line; inside a repeat, with the actor it ran as (`w{i} exit 1` ran as `w2`) */
function shownText(line: string, actor: string): string {
  const text = line.trim();
  return text.includes('{') ? `${text}  [${actor}]` : text;
}

/** most lines whose failed expectations the page is told about (it lists the first 50) */
export const FAILED_LINES_LISTED = 100;

/**
 * One warning per line whose expectation failed (a line in a loop may fail a million times: the
 * first failure is told, with how many more), for the first FAILED_LINES_LISTED such lines:
 * what crosses to the page is bounded by the text, not by the run.
 */
function failedExpectations(records: readonly StepRecord[]): Diagnostic[] {
  const byLine = new Map<number, { first: StepRecord; more: number }>();
  for (const r of records) {
    if (r.pass !== false) continue;
    const known = byLine.get(r.line);
    if (known) known.more += 1;
    else if (byLine.size < FAILED_LINES_LISTED) byLine.set(r.line, { first: r, more: 0 });
  }
  return [...byLine.values()].map(({ first: r, more }) => ({
    line: r.line, severity: 'warning',
    message: (r.result === null ? `expected ${r.expect ?? 'a result'}, but the wait is still blocked` : `expected ${r.expect}, got ${r.result}`) +
      (more === 0 ? '' : ` (and ${more.toLocaleString('en-US')} more time${more === 1 ? '' : 's'} on this line)`),
  }));
}

function finish(
  interp: Interpreter, timeline: Timeline, error: ScenarioDiagnostic | null,
  narration: { captions: readonly string[]; pause: boolean } | null,
): Run {
  const records = interp.records;
  const total = records.length;
  // a rollback after an engine fault replaces the interpreter's table: the last one is the run's
  timeline.labels = interp.labels;
  records.forEach((r, i) => {
    const s = timeline.steps[i];
    if (s) Object.assign(s, { result: r.result, expect: r.expect, pass: r.pass });
  });
  // a caption belongs to the statement under it: it is shown once that statement has run
  const captions = records.flatMap((r) => r.captions.map((text) => ({ step: r.index + 1, text })));
  const pauses = records.filter((r) => r.pause).map((r) => r.index);
  if (narration) {
    // a loop, not push(...): a narration may hold 200,000 captions
    for (const text of narration.captions) captions.push({ step: total, text });
    if (narration.pause) pauses.push(total);
  }
  const diagnostics = failedExpectations(records);
  if (error) diagnostics.unshift({ line: error.line, severity: 'error', message: error.message });
  timeline.captions = captions;
  for (const r of records) if (r.question !== null) timeline.questions.set(r.index + 1, r.question);
  return {
    timeline,
    loaded: {
      title: interp.program.title,
      total,
      error: error ? { line: error.line, message: error.message } : null,
      lines: Int32Array.from(records, (r) => r.line),
      pauses: Int32Array.from(pauses),
      questionSteps: Int32Array.from(timeline.questions.keys()),
      diagnostics: diagnostics.sort((a, b) => a.line - b.line),
      failed: records.reduce((n, r) => (r.pass === false ? n + 1 : n), 0),
      actSteps: Int32Array.from(teardownSteps(timeline.events)),
    },
  };
}

function failedParse(found: ScenarioDiagnostic[], text: string): Run {
  const { title } = readHeaders(text);
  const first = found[0];
  const empty = createInterpreter('');
  if (!('next' in empty)) throw new Error('the empty scenario does not parse');
  return {
    timeline: newTimeline(empty.state, empty.labels),
    loaded: {
      title, total: 0,
      error: first ? { line: first.line, message: first.message } : null,
      lines: new Int32Array(0), pauses: new Int32Array(0), questionSteps: new Int32Array(0),
      diagnostics: found.map(parseProblem),
      failed: 0, actSteps: new Int32Array(0),
    },
  };
}
