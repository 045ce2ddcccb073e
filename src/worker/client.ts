/**
 * The page's side of the engine protocol. `createEngineClient(spawn)` talks to whatever `spawn`
 * returns (a module Web Worker in the page, the host in-process in tests): it numbers requests,
 * resolves each promise with its own reply, and after a crash (an `error` event, a reply that
 * fails the protocol check, or silence: an engine that closed itself says nothing, so when a
 * request has waited `silenceMs` without a word the engine is pinged, and one more `silenceMs`
 * of silence counts as a crash) spawns a fresh engine, rejects what was pending and calls `onCrash`.
 */
import {
  PROTOCOL_VERSION, isReply, type EngineClient, type ExerciseEngine, type Reply, type Request, type RequestBody,
} from '../protocol/index.ts';

/** The part of `Worker` the client uses. */
export interface EnginePort {
  postMessage(message: Request): void;
  terminate(): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}

type Pending = {
  resolve: (reply: Reply) => void;
  reject: (error: Error) => void;
  progress?: (steps: number) => void;
};

export interface ClientOptions {
  /** how long a waiting request may go without a word from the engine before it is pinged */
  silenceMs?: number;
}

export function createEngineClient(spawn: () => EnginePort, options: ClientOptions = {}): EngineClient & ExerciseEngine {
  const pending = new Map<number, Pending>();
  const crashListeners: ((message: string) => void)[] = [];
  const silenceMs = options.silenceMs ?? 5000;
  let nextId = 1;
  let port = attach(spawn());
  let watchdog: ReturnType<typeof setTimeout> | null = null;
  let pinged = false;

  /** (re)starts the wait for a word from the engine, while something is pending */
  function listen(): void {
    if (watchdog !== null) clearTimeout(watchdog);
    watchdog = null;
    pinged = false;
    if (pending.size > 0) watchdog = setTimeout(silent, silenceMs);
  }

  function silent(): void {
    watchdog = null;
    if (pending.size === 0) return;
    if (pinged) {
      crash('the engine stopped answering');
      return;
    }
    // the ping arms the next wait; its own answer is not needed (a crash rejects it)
    request({ type: 'ping' }).catch(() => undefined);
    pinged = true;
  }

  function attach(p: EnginePort): EnginePort {
    p.onmessage = (event) => receive(event.data);
    p.onerror = (event) => crash(event.message ?? 'the engine stopped');
    return p;
  }

  function receive(data: unknown): void {
    if (!isReply(data)) {
      crash('the engine sent a message this page does not understand');
      return;
    }
    const waiting = pending.get(data.id);
    if (data.type !== 'progress') pending.delete(data.id);
    listen();
    if (data.type === 'progress') waiting?.progress?.(data.steps);
    else waiting?.resolve(data);
  }

  function crash(message: string): void {
    port.terminate();
    const failed = [...pending.values()];
    pending.clear();
    listen();
    port = attach(spawn());
    for (const p of failed) p.reject(new Error(message));
    for (const listener of crashListeners) listener(message);
  }

  function request(body: RequestBody, progress?: (steps: number) => void): Promise<Reply> {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, progress ? { resolve, reject, progress } : { resolve, reject });
      if (watchdog === null) listen();
      port.postMessage({ ...body, v: PROTOCOL_VERSION, id });
    });
  }

  /** the reply of the kind `body` asks for, or the engine's failure as an Error */
  async function ask<K extends Reply['type']>(body: RequestBody, kind: K, progress?: (steps: number) => void): Promise<Extract<Reply, { type: K }>> {
    const reply = await request(body, progress);
    if (reply.type === kind) return reply as Extract<Reply, { type: K }>;
    throw new Error(reply.type === 'failed' ? reply.message : `unexpected reply to ${body.type}`);
  }

  return {
    async load(text, onProgress) {
      return (await ask({ type: 'load', text }, 'loaded', onProgress)).loaded;
    },
    async show(params) {
      return (await ask({ type: 'show', ...params }, 'frame')).frame;
    },
    async tryText(text) {
      return (await ask({ type: 'try', text }, 'tried')).error;
    },
    async open(fragment) {
      return (await ask({ type: 'open', fragment }, 'opened')).link;
    },
    async encodeLink(link) {
      return (await ask({ type: 'link', link }, 'linked')).fragment;
    },
    async findTasks(labels) {
      return (await ask({ type: 'find', labels }, 'found')).tasks;
    },
    async readExercise(text) {
      return (await ask({ type: 'exercise', text }, 'exercise')).read;
    },
    async checkAttempt(attempt, exercise) {
      return (await ask({ type: 'check', attempt, exercise }, 'checked')).verdict;
    },
    onCrash(listener) {
      crashListeners.push(listener);
    },
    dispose() {
      port.terminate();
      pending.clear();
      listen();
    },
  };
}
