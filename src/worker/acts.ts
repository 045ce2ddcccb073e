/**
 * Stops inside a step: when a step tears a namespace down, the player can stop between the
 * kernel's acts (the others killed, then reaped, then the init a zombie). The kernel tells an
 * observer of dispatch where each act ends; replaying the step from the world before it, the
 * worker keeps a copy of the world at every act that is not already the step's end.
 */
import { cloneKernelState, dispatch, type KernelEvent, type KernelState, type NsId, type TeardownAct } from '../kernel/index.ts';
import { stateAt, type Timeline } from './timeline.ts';

export interface ActStop {
  act: TeardownAct['act'];
  ns: NsId;
  /** how many of the step's events had happened at this act */
  events: number;
  state: KernelState;
}

/**
 * The steps whose events show a teardown at work: one that starts (`ns/zap-started`), or the
 * end of one that waited (its init becomes a zombie or is reaped in a later step).
 */
export function teardownSteps(events: readonly { step: number; event: KernelEvent }[]): number[] {
  const steps: number[] = [];
  const waiting = new Set<number>();
  for (const { step, event } of events) {
    let hit = false;
    if (event.type === 'ns/zap-started') hit = true;
    else if (event.type === 'ns/zap-waiting') waiting.add(event.init);
    else if ((event.type === 'task/zombie' || event.type === 'task/reaped') && waiting.delete(event.task)) hit = true;
    if (hit && steps.at(-1) !== step) steps.push(step);
  }
  return steps;
}

/**
 * Replays step `k` from the world before it, keeping the world at each act. Leaves the timeline's
 * cursor at step `k` (the replay is exactly what reaching step k does).
 */
export function actStops(tl: Timeline, k: number): ActStop[] {
  const calls = tl.calls[k - 1];
  if (calls === undefined) return [];
  const state = stateAt(tl, k - 1);
  const stops: ActStop[] = [];
  let before = 0;
  for (const call of calls) {
    const onAct = (a: TeardownAct) => stops.push({ act: a.act, ns: a.ns, events: before + a.events, state: cloneKernelState(state) });
    before += dispatch(state, call, { events: true, onAct }).events.length;
  }
  tl.cursor.step = k;
  // an act after which nothing more happens shows the same world as the whole step
  return stops.filter((s) => s.events < before);
}
