/**
 * The engine's side of the protocol, independent of the transport: `createHost(post)` returns
 * `receive(message)`; the Web Worker entry wires it to `self`, tests call it directly. A load
 * runs the scenario in slices (yielding between them) so that a newer load can supersede it;
 * a superseded load is answered with `failed`. Every request gets exactly one reply, and an
 * exception in the engine becomes a `failed` reply, never a silent stop.
 */
import { actStops, type ActStop } from './acts.ts';
import { buildFrame, newStepCache, type StopAt } from './frame.ts';
import { PROTOCOL_VERSION, isRequest, type OpenedLink, type Reply, type Request, type ShowParams } from '../protocol/index.ts';
import type { ExerciseDesk } from './exercise.ts';
import { recordRun } from './record.ts';
import { errorText } from '../scenario/index.ts';
import { prepareSpare, stateAt, type Timeline } from './timeline.ts';

/** how often a long load tells the page how far it got */
const PROGRESS_EVERY_MS = 250;

export interface Host {
  receive(message: unknown): void;
}

export interface HostOptions {
  /** how long one slice of a load may run before yielding */
  sliceMs?: number;
  /** yields to the event loop between slices */
  pause?: () => Promise<void>;
  now?: () => number;
  /** idle time before the spare checkpoint copy is made */
  spareDelayMs?: number;
}

export function createHost(post: (reply: Reply) => void, options: HostOptions = {}): Host {
  let timeline: Timeline | null = null;
  let generation = 0;
  const stepCache = newStepCache();
  const sliceMs = options.sliceMs ?? 25;
  const pause = options.pause ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const now = options.now ?? (() => performance.now());

  const fail = (id: number, message: string) => post({ v: PROTOCOL_VERSION, id, type: 'failed', message });

  async function load(id: number, text: string): Promise<void> {
    const mine = ++generation;
    let sliceStart = now();
    let toldAt = now();
    const run = await recordRun(text, async (steps) => {
      if (now() - sliceStart < sliceMs) return true;
      if (now() - toldAt > PROGRESS_EVERY_MS) {
        toldAt = now();
        post({ v: PROTOCOL_VERSION, id, type: 'progress', steps });
      }
      await pause();
      sliceStart = now();
      return mine === generation;
    });
    if (run === null || mine !== generation) {
      fail(id, 'a newer scenario replaced this one before it finished');
      return;
    }
    timeline = run.timeline;
    post({ v: PROTOCOL_VERSION, id, type: 'loaded', loaded: run.loaded });
  }

  function show(id: number, params: ShowParams): void {
    if (!timeline) {
      fail(id, 'no scenario is loaded yet');
      return;
    }
    const at = stopAt(timeline, params);
    const state = at === null ? stateAt(timeline, params.step) : (at.stops[at.index - 1] as ActStop).state;
    post({ v: PROTOCOL_VERSION, id, type: 'frame', frame: buildFrame(timeline, state, params, stepCache, at) });
    scheduleSpare(timeline);
  }

  /** a run of `text` that only reports its error: the loaded timeline stays */
  async function tryText(id: number, text: string): Promise<void> {
    const run = await recordRun(text, async () => {
      await pause();
      return true;
    });
    post({ v: PROTOCOL_VERSION, id, type: 'tried', error: run?.loaded.error ?? null });
  }

  let lastStops: { tl: Timeline; step: number; stops: ActStop[] } | null = null;
  /** where inside its step the frame stops (null: the whole step); the acts of the last step
   * asked for are kept, so moving between them replays nothing */
  function stopAt(tl: Timeline, params: ShowParams): StopAt | null {
    const act = params.act ?? 0;
    if (act === 0) return null;
    if (lastStops?.tl !== tl || lastStops.step !== params.step) lastStops = { tl, step: params.step, stops: actStops(tl, params.step) };
    const count = lastStops.stops.length;
    if (count === 0) return null;
    return { index: act < 0 ? count : Math.min(act, count), stops: lastStops.stops };
  }

  // Exercises are loaded the first time one is asked about: scenarios without one never pay for it.
  let desk: Promise<ExerciseDesk> | null = null;
  async function exercise(message: Extract<Request, { type: 'exercise' | 'check' }>): Promise<void> {
    desk ??= import('./exercise.ts').then((m) => m.createExerciseDesk());
    const d = await desk;
    const { v, id } = message;
    if (message.type === 'exercise') post({ v, id, type: 'exercise', read: await d.read(message.text) });
    else post({ v, id, type: 'checked', verdict: d.check(message.attempt, message.exercise) });
  }

  /** the loaded run's tasks by label (a link names them so), null where it has none */
  function find(id: number, labels: readonly (string | null)[]): void {
    const tasks = labels.map((label) => {
      const task = label === null || timeline === null ? null : timeline.labels.lookup(label);
      return typeof task === 'number' ? task : null;
    });
    post({ v: PROTOCOL_VERSION, id, type: 'found', tasks });
  }

  /** a link is decoded here, not in the page: a hostile one costs the engine, never the page
   * (the codec is loaded by the first link: a visit without one never fetches it) */
  async function open(id: number, fragment: string): Promise<void> {
    const { decodeFragment } = await import('../scenario/codec.ts');
    const read = decodeFragment(fragment);
    if (read.ok) post({ v: PROTOCOL_VERSION, id, type: 'opened', link: read.data });
    else fail(id, `This link cannot be opened: ${read.error}.`);
  }

  /** the last link encoded: the address bar asks again for what it already shows (a frame's
   * labels arriving after the choice), and the same long text is not compressed twice */
  let lastLink: { link: OpenedLink; fragment: string } | null = null;
  async function encodeLink(id: number, link: OpenedLink): Promise<void> {
    const { encodeFragment } = await import('../scenario/codec.ts');
    if (lastLink === null || !sameLink(lastLink.link, link)) lastLink = { link, fragment: encodeFragment(link.text, link.step, link.view) };
    post({ v: PROTOCOL_VERSION, id, type: 'linked', fragment: lastLink.fragment });
  }

  let spareTimer: ReturnType<typeof setTimeout> | null = null;
  /** once no request has come for a moment, prepare the states a step back or a jump to the
   * end would need, one at a time (a request arriving between them goes first) */
  function scheduleSpare(tl: Timeline): void {
    if (spareTimer !== null) clearTimeout(spareTimer);
    spareTimer = setTimeout(() => {
      spareTimer = null;
      if (tl === timeline && prepareSpare(tl)) scheduleSpare(tl);
    }, options.spareDelayMs ?? 150);
  }

  return {
    receive(message) {
      if (!isRequest(message)) {
        const id = typeof (message as { id?: unknown })?.id === 'number' ? (message as { id: number }).id : -1;
        fail(id, `the page and the engine disagree on the protocol (engine speaks version ${PROTOCOL_VERSION})`);
        return;
      }
      try {
        if (message.type === 'load') load(message.id, message.text).catch((e: unknown) => fail(message.id, errorText(e)));
        else if (message.type === 'show') show(message.id, message);
        else if (message.type === 'try') tryText(message.id, message.text).catch((e: unknown) => fail(message.id, errorText(e)));
        else if (message.type === 'open') open(message.id, message.fragment).catch((e: unknown) => fail(message.id, errorText(e)));
        else if (message.type === 'link') encodeLink(message.id, message.link).catch((e: unknown) => fail(message.id, errorText(e)));
        else if (message.type === 'find') find(message.id, message.labels);
        else if (message.type === 'ping') post({ v: PROTOCOL_VERSION, id: message.id, type: 'pong' });
        else exercise(message).catch((e: unknown) => fail(message.id, errorText(e)));
      } catch (error) {
        fail(message.id, errorText(error));
      }
    },
  };
}

function sameLink(a: OpenedLink, b: OpenedLink): boolean {
  return a.text === b.text && a.step === b.step && a.view.task === b.view.task && a.view.viewAs === b.view.viewAs && a.view.ns === b.view.ns;
}
