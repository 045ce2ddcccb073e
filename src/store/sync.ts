/**
 * Keeps the engine's picture in step with what the page wants to show, without flooding it:
 * at most one `show` request is in flight; changes made meanwhile are folded into the next one;
 * a reply is applied inside `schedule` (the next animation frame in a browser), so the page
 * takes at most one new frame per animation frame. A reply that belongs to an older load is
 * dropped. While playing, requests are spaced by `gapMs()` so that the engine (on a machine with
 * few cores) leaves time for the page to draw and answer clicks.
 */
import type { EngineClient, Frame, ShowParams } from '../protocol/index.ts';
import { errorText } from '../scenario/index.ts';

export interface FrameSync {
  /** the wanted picture changed: ask for it (now, or after the frame in flight) */
  request(): void;
  /** a new scenario was loaded: frames asked for before are stale */
  invalidate(): void;
  /** resolves once the picture last asked for has arrived (at once when none is awaited) */
  shown(): Promise<void>;
}

export function createFrameSync(
  client: Pick<EngineClient, 'show'>,
  params: () => ShowParams | null,
  apply: (frame: Frame) => void,
  fail: (message: string) => void,
  schedule: (task: () => void) => void,
  gapMs: () => number = () => 0,
  now: () => number = () => Date.now(),
): FrameSync {
  let inFlight = false;
  let dirty = false;
  let generation = 0;
  let sentAt = -Infinity;
  let waiting = false;
  let onShown: (() => void)[] = [];

  function request(): void {
    if (inFlight || waiting) {
      dirty = true;
      return;
    }
    const wait = sentAt + gapMs() - now();
    if (wait > 0) {
      waiting = true;
      setTimeout(() => {
        waiting = false;
        request();
      }, wait);
      return;
    }
    const wanted = params();
    if (wanted === null) {
      release();
      return;
    }
    inFlight = true;
    dirty = false;
    sentAt = now();
    const sentIn = generation;
    client.show(wanted).then(
      (frame) => schedule(() => settle(sentIn === generation ? frame : null)),
      (error: unknown) => schedule(() => {
        if (sentIn === generation) fail(errorText(error));
        settle(null);
      }),
    );
  }

  function settle(frame: Frame | null): void {
    inFlight = false;
    if (frame) apply(frame);
    if (dirty) request();
    release();
  }

  const busy = () => inFlight || waiting;

  /** the picture asked for has come (or nothing could be asked): whoever waits for it goes on */
  function release(): void {
    if (busy()) return;
    const waiters = onShown;
    onShown = [];
    for (const resolve of waiters) resolve();
  }

  return {
    request,
    invalidate() {
      generation += 1;
      dirty = true;
    },
    shown() {
      return busy() ? new Promise((resolve) => onShown.push(resolve)) : Promise.resolve();
    },
  };
}
