/**
 * An engine bug in the middle of a call during a load: the worker reports it as an internal
 * error at its line (not a scenario error), keeps the steps before it, and every frame after
 * shows the world of the step before — as the last step and after seeking away and back. The
 * fault is injected inside setsid, after the session changed and before the group does.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fault } from '../kernel/__fuzz__/faults.ts';
import { PROTOCOL_VERSION, type Frame, type Loaded, type Reply } from '../protocol/index.ts';
import { createHost } from './host.ts';

vi.mock('../kernel/pgrp.ts', async (load) => {
  const { faultyPgrp } = await import('../kernel/__fuzz__/faults.ts');
  return faultyPgrp(await load(), await import('../kernel/pid.ts'));
});

afterEach(() => {
  fault.kind = null;
});

function harness() {
  const replies: Reply[] = [];
  const host = createHost((r) => replies.push(r), { pause: async () => undefined, spareDelayMs: 0 });
  const wait = async (id: number): Promise<Reply> => {
    const answers = (r: Reply) => r.id === id && r.type !== 'progress';
    for (let i = 0; i < 2000 && !replies.some(answers); i++) await new Promise((r) => setTimeout(r, 1));
    const reply = replies.find(answers);
    if (!reply) throw new Error(`no reply to ${id}`);
    return reply;
  };
  return { host, wait };
}

const show = (id: number, step: number) =>
  ({ v: PROTOCOL_VERSION, id, type: 'show', step, viewer: null, inspect: null, windows: [], idle: true });

const rowOfA = (frame: Frame) => frame.tables[0]?.rows.find((r) => r.label === 'A');

describe('an internal error during a load', () => {
  it('is reported at its line, and the world stays that of the step before', async () => {
    const { host, wait } = harness();
    fault.kind = 'throws';
    host.receive({ v: PROTOCOL_VERSION, id: 1, type: 'load', text: 'init fork as A\nA fork as B\nA setsid\nA getpid' });
    const { loaded } = (await wait(1)) as { loaded: Loaded };
    expect(loaded).toMatchObject({ total: 2, error: null, internal: { line: 3, message: 'internal error at line 3: boom' } });
    expect(loaded.diagnostics).toContainEqual({ line: 3, severity: 'error', message: 'internal error at line 3: boom' });
    host.receive(show(2, 2));
    const last = ((await wait(2)) as { frame: Frame }).frame;
    expect(rowOfA(last)).toMatchObject({ pgid: 1, sid: 1 });
    host.receive(show(3, 0));
    await wait(3);
    host.receive(show(4, 2));
    const again = ((await wait(4)) as { frame: Frame }).frame;
    expect(rowOfA(again)).toMatchObject({ pgid: 1, sid: 1 });
  });
  it('leaves a load without the fault as it was', async () => {
    const { host, wait } = harness();
    host.receive({ v: PROTOCOL_VERSION, id: 1, type: 'load', text: 'init fork as A\nA fork as B\nA setsid\nA getpid' });
    const { loaded } = (await wait(1)) as { loaded: Loaded };
    expect(loaded.total).toBe(4);
    expect(loaded.internal ?? null).toBeNull();
  });
});
