import { describe, expect, it } from 'vitest';
import { createEngineClient, type EnginePort } from './client.ts';
import { createHost } from './host.ts';
import { PROTOCOL_VERSION, type Request } from '../protocol/index.ts';

/** a port that runs the real host in-process (what the Worker does, without the thread) */
function loopback(spawned: EnginePort[], broken = false): () => EnginePort {
  return () => {
    const port: EnginePort = {
      postMessage(message: Request) {
        if (broken) queueMicrotask(() => port.onerror?.({ message: 'boom' }));
        else host.receive(structuredClone(message));
      },
      terminate() {},
      onmessage: null,
      onerror: null,
    };
    const host = createHost((reply) => queueMicrotask(() => port.onmessage?.({ data: structuredClone(reply) })));
    spawned.push(port);
    return port;
  };
}

describe('engine client', () => {
  it('matches each reply to its request', async () => {
    const client = createEngineClient(loopback([]));
    expect((await client.load('init fork as a\na fork\n')).total).toBe(2);
    const params = { viewer: null, inspect: null, windows: [], idle: false };
    const [one, two] = await Promise.all([client.show({ step: 1, ...params }), client.show({ step: 2, ...params })]);
    expect([one.step, one.tables[0]?.count, two.step, two.tables[0]?.count]).toEqual([1, 2, 2, 3]);
  });

  it('after a crash rejects what was pending, starts a new engine and says so', async () => {
    const spawned: EnginePort[] = [];
    let first = true;
    const client = createEngineClient(() => {
      const port = loopback(spawned, first)();
      first = false;
      return port;
    });
    const crashes: string[] = [];
    client.onCrash((m) => crashes.push(m));
    await expect(client.load('init fork\n')).rejects.toThrow('boom');
    expect(crashes).toEqual(['boom']);
    expect(spawned).toHaveLength(2);
    expect((await client.load('init fork\n')).total).toBe(1);
  });

  it('treats a message outside the protocol as a crash', async () => {
    const spawned: EnginePort[] = [];
    const client = createEngineClient(loopback(spawned));
    const crashes: string[] = [];
    client.onCrash((m) => crashes.push(m));
    spawned[0]?.onmessage?.({ data: { v: PROTOCOL_VERSION + 1, id: 1, type: 'frame' } });
    expect(crashes[0]).toMatch(/does not understand/);
    expect(spawned).toHaveLength(2);
  });

  it('takes an engine that went silent (closed itself) for crashed: pings it, then restarts it', async () => {
    const spawned: EnginePort[] = [];
    let closed = true;
    const client = createEngineClient(() => {
      const port = loopback(spawned)();
      if (closed) port.postMessage = () => undefined;
      closed = false;
      return port;
    }, { silenceMs: 5 });
    const crashes: string[] = [];
    client.onCrash((m) => crashes.push(m));
    await expect(client.load('init fork\n')).rejects.toThrow('the engine stopped answering');
    expect(crashes).toEqual(['the engine stopped answering']);
    expect((await client.load('init fork\n')).total).toBe(1);
  });

  it('keeps an engine that answers the ping while a request waits', async () => {
    const spawned: EnginePort[] = [];
    const client = createEngineClient(loopback(spawned), { silenceMs: 1 });
    const crashes: string[] = [];
    client.onCrash((m) => crashes.push(m));
    const text = 'repeat 3000\n  init fork as t{i}\nend\n';
    expect((await client.load(text)).total).toBe(3000);
    expect(crashes).toEqual([]);
    expect(spawned).toHaveLength(1);
  });
});
