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
  /** a private copy of one checkpoint made while idle, so that a step back need not copy */
  spare: Checkpoint | null;
  /** every kernel event, in order, tagged with the step that caused it */
  events: { step: number; event: KernelEvent }[];
  /** the step at which each task was created (0 for the first init) */
  born: number[];
}

/** checkpoints kept at most; past it every other one is dropped and the interval doubles */
export const MAX_CHECKPOINTS = 24;

export function newTimeline(initial: KernelState, interval = 64): Timeline {
  return {
    steps: [],
    calls: [],
    checkpoints: [{ step: 0, state: cloneKernelState(initial) }],
    interval,
    cursor: { step: 0, state: initial },
    spare: null,
    events: [],
    born: [0],
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
  const fromCursor = tl.cursor.step <= target && tl.cursor.step >= base.step;
  if (!fromCursor) tl.cursor = restore(tl, base);
  for (let i = tl.cursor.step; i < target; i++) {
    for (const call of tl.calls[i] ?? []) dispatch(tl.cursor.state, call);
  }
  tl.cursor.step = target;
  return tl.cursor.state;
}

function restore(tl: Timeline, base: Checkpoint): Checkpoint {
  const spare = tl.spare;
  tl.spare = null;
  return spare !== null && spare.step === base.step ? spare : { step: base.step, state: cloneKernelState(base.state) };
}

/**
 * Copies, ahead of time, the checkpoint a step back from the cursor would restore. Copying a
 * large state is the slow part of going back; done while the page is idle it is off the path.
 * Returns whether it copied anything.
 */
export function prepareSpare(tl: Timeline): boolean {
  if (tl.cursor.step === 0) return false;
  const base = nearestCheckpoint(tl.checkpoints, tl.cursor.step - 1);
  if (tl.spare?.step === base.step) return false;
  tl.spare = { step: base.step, state: cloneKernelState(base.state) };
  return true;
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
