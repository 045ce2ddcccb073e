/**
 * The world at any step of a loaded scenario. Replay is the model: the state after step k is the
 * initial state with the system calls of steps 1…k dispatched in order. The timeline keeps a
 * bounded set of checkpoints (deep copies taken during the first run) and one working state
 * (the cursor); reaching step k restores the nearest checkpoint at or before k — or keeps
 * going from the cursor when that is closer — and dispatches forward. So stepping back, jumping
 * and scrubbing give exactly the tables of a fresh run to that step.
 *
 * Invariant: checkpoint states are never mutated; the cursor is always a private copy.
 */
import { cloneKernelState, dispatch, taskCount, type KernelEvent, type KernelState, type Syscall } from '../kernel/index.ts';
import type { Step } from '../protocol/index.ts';
import type { Interpreter } from '../scenario/index.ts';
import type { StepCaption } from './captions.ts';

/** the run's labels: every label bound once for the whole run (src/scenario/labels.ts) */
export type RunLabels = Pick<Interpreter['labels'], 'labelOf' | 'lookup'>;

export interface Checkpoint {
  step: number;
  state: KernelState;
}

export interface Timeline {
  steps: Step[];
  /** the system calls of each step (index k-1 for step k), in order: replayed to rebuild its state */
  calls: Syscall[][];
  checkpoints: Checkpoint[];
  /** steps between checkpoints; doubles when there are too many */
  interval: number;
  cursor: Checkpoint;
  /** private states made while idle (see prepareSpare): a seek that can start from one takes it */
  spares: Checkpoint[];
  /** every kernel event, in order, tagged with the step that caused it */
  events: { step: number; event: KernelEvent }[];
  /** the step at which each task was created (0 for the first init): its length is the number
   * of tasks the run created */
  born: number[];
  /** `##` captions, each shown from `step` on (the step of the statement under it; the end for
   * narration after the last statement), ascending; complete once the run has ended */
  captions: StepCaption[];
  /** each question's text by the step that shows its answer (complete once the run has ended) */
  questions: Map<number, string>;
  /** the run's label table, complete once the run has ended; the page never holds it whole
   * (it asks for the labels of the tasks it names) */
  labels: RunLabels;
}

/** checkpoints kept at most; past it every other one is dropped and the interval doubles */
export const MAX_CHECKPOINTS = 24;

export function newTimeline(initial: KernelState, labels: RunLabels, interval = 64): Timeline {
  return {
    steps: [],
    calls: [],
    checkpoints: [{ step: 0, state: cloneKernelState(initial) }],
    interval,
    cursor: { step: 0, state: initial },
    spares: [],
    events: [],
    born: [0],
    captions: [],
    questions: new Map(),
    labels,
  };
}

/**
 * Records one step of the first run. `state` is the run's live state after the step (it becomes
 * the cursor: the first run and the cursor are the same object until a seek).
 */
export function recordStep(
  tl: Timeline, step: Step, calls: Syscall[], events: KernelEvent[], state: KernelState,
): void {
  tl.steps.push(step);
  tl.calls.push(calls);
  const k = tl.steps.length;
  for (const event of events) {
    tl.events.push({ step: k, event });
    if (event.type === 'task/created') tl.born[event.task] = k;
  }
  tl.cursor = { step: k, state };
  const last = tl.checkpoints.at(-1)?.step ?? 0;
  // Copying costs about as much per task as replaying costs per step: a big world is copied
  // less often (at least half its task count apart), so loading it stays quick.
  if (k % tl.interval === 0 && k - last >= taskCount(state) / 2) {
    tl.checkpoints.push({ step: k, state: cloneKernelState(state) });
    if (tl.checkpoints.length > MAX_CHECKPOINTS) thin(tl);
  }
}

function thin(tl: Timeline): void {
  tl.interval *= 2;
  tl.checkpoints = tl.checkpoints.filter((c) => c.step % tl.interval === 0);
}

/** the state after step `k` (0 = before the first statement); it is the timeline's cursor */
export function stateAt(tl: Timeline, k: number): KernelState {
  const target = Math.max(0, Math.min(tl.steps.length, k));
  const base = nearestCheckpoint(tl.checkpoints, target);
  const spare = tl.spares.filter((c) => c.step <= target && c.step >= base.step).sort((a, b) => b.step - a.step)[0];
  const fromCursor = tl.cursor.step <= target && tl.cursor.step >= (spare ?? base).step;
  if (!fromCursor) tl.cursor = spare ? takeSpare(tl, spare) : { step: base.step, state: cloneKernelState(base.state) };
  for (let i = tl.cursor.step; i < target; i++) {
    for (const call of tl.calls[i] ?? []) dispatch(tl.cursor.state, call);
  }
  tl.cursor.step = target;
  return tl.cursor.state;
}

function takeSpare(tl: Timeline, spare: Checkpoint): Checkpoint {
  tl.spares = tl.spares.filter((c) => c !== spare);
  return spare;
}

/**
 * Prepares, ahead of time, one private state a likely next move would otherwise have to make:
 * the checkpoint a step back from the cursor restores, then the state at the last step (Last
 * step, End, and a link to the end are common jumps; reaching it from a checkpoint means a copy
 * and up to a whole interval of replay). Copying a large state is the slow part of a seek; done
 * while the page is idle it is off the path. Does one of the two per call (so a request that
 * arrives meanwhile waits for one copy at most) and returns whether it did anything.
 */
export function prepareSpare(tl: Timeline): boolean {
  const total = tl.steps.length;
  const has = (step: number) => tl.spares.some((c) => c.step === step);
  if (tl.cursor.step > 0) {
    const back = nearestCheckpoint(tl.checkpoints, tl.cursor.step - 1);
    if (!has(back.step)) {
      keepSpare(tl, { step: back.step, state: cloneKernelState(back.state) });
      return true;
    }
  }
  if (tl.cursor.step === total || has(total)) return false;
  const end = nearestCheckpoint(tl.checkpoints, total);
  const state = cloneKernelState(end.state);
  for (let i = end.step; i < total; i++) for (const call of tl.calls[i] ?? []) dispatch(state, call);
  keepSpare(tl, { step: total, state });
  return true;
}

/** at most the two spares prepareSpare makes: the newest of a kind replaces the older */
function keepSpare(tl: Timeline, spare: Checkpoint): void {
  const total = tl.steps.length;
  const endSpare = spare.step === total;
  tl.spares = [...tl.spares.filter((c) => (c.step === total) !== endSpare), spare];
}

function nearestCheckpoint(list: readonly Checkpoint[], k: number): Checkpoint {
  let lo = 0;
  let hi = list.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((list[mid]?.step ?? Infinity) <= k) lo = mid;
    else hi = mid - 1;
  }
  const found = list[lo];
  if (!found) throw new Error('a timeline always holds the checkpoint of step 0');
  return found;
}

/** index just past the last event caused at or before step `k` */
export function eventsUpTo(tl: Timeline, k: number): number {
  let lo = 0;
  let hi = tl.events.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tl.events[mid]?.step ?? Infinity) <= k) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
