import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type Frame, type Reply } from '../protocol/index.ts';
import { actStops, teardownSteps } from './acts.ts';
import { createHost } from './host.ts';
import { buildFrame } from './frame.ts';
import { recordRun } from './record.ts';
import { stateAt } from './timeline.ts';

const INIT_DEATH = readFileSync('scenarios/library/init-death-kills-namespace.pidns', 'utf8');
const run = async (text: string) => {
  const r = await recordRun(text, async () => true);
  if (r === null) throw new Error('the run was abandoned');
  return r;
};
const rows = (frame: ReturnType<typeof buildFrame>, ns: number) =>
  frame.tables.find((t) => t.ns === ns)?.rows.map((r) => `${r.pid} ${r.stat} ${r.label}`).join(', ');
const params = (step: number) => ({ step, viewer: null, inspect: null, windows: [], idle: true });

describe('stops between the acts of a teardown', () => {
  it('marks the step where the init dies, and only it', async () => {
    const { loaded, timeline } = await run(INIT_DEATH);
    expect([...loaded.actSteps ?? []]).toEqual([6]);
    expect(teardownSteps(timeline.events)).toEqual([6]);
  });

  it('stops with the others killed, then reaped; the whole step has the init a zombie', async () => {
    const { timeline } = await run(INIT_DEATH);
    const stops = actStops(timeline, 6);
    expect(stops.map((s) => `${s.act} ns${s.ns}`)).toEqual(['killed ns1', 'reaped ns1']);
    const killed = buildFrame(timeline, stops[0]!.state, params(6), undefined, { index: 1, stops });
    expect(rows(killed, 1)).toBe('1 S A, 2 S B, 3 S C');
    expect(killed.namespaces[1]?.processes.map((p) => `${p.pid} ${p.label}${p.killed ? ' killed' : ''}`)).toEqual(['1 A', '2 B killed', '3 C killed']);
    expect(killed.act).toEqual({ index: 1, count: 2, act: 'killed', ns: 'ns1' });
    expect(killed.events.at(-1)?.text).toMatch(/C/);
    const reaped = buildFrame(timeline, stops[1]!.state, params(6), undefined, { index: 2, stops });
    expect(rows(reaped, 1)).toBe('1 S A');
    expect(reaped.events.length).toBeGreaterThan(killed.events.length);
    const whole = buildFrame(timeline, stateAt(timeline, 6), params(6));
    expect(whole.act).toBeNull();
    expect(rows(whole, 0)).toContain('3 Z A');
    expect(whole.events.length).toBeGreaterThan(reaped.events.length);
  });

  it('are the same on every replay, and leave the timeline exactly at the step', async () => {
    const { timeline } = await run(INIT_DEATH);
    const first = actStops(timeline, 6).map((s) => buildFrame(timeline, s.state, params(6)).tables);
    stateAt(timeline, 2);
    const again = actStops(timeline, 6).map((s) => buildFrame(timeline, s.state, params(6)).tables);
    expect(again).toEqual(first);
    const fresh = await run(INIT_DEATH);
    expect(buildFrame(timeline, stateAt(timeline, 6), params(6)).tables)
      .toEqual(buildFrame(fresh.timeline, stateAt(fresh.timeline, 6), params(6)).tables);
  });

  it('the host answers a show at an act, at the last act (-1), and the whole step', async () => {
    const replies: Reply[] = [];
    const host = createHost((r) => replies.push(r), { pause: async () => undefined, spareDelayMs: 0 });
    const answer = async (id: number) => {
      for (let i = 0; i < 2000 && !replies.some((r) => r.id === id && r.type !== 'progress'); i++) await new Promise((r) => setTimeout(r, 1));
      return (replies.find((r) => r.id === id && r.type === 'frame') as { frame: Frame } | undefined)?.frame;
    };
    host.receive({ v: PROTOCOL_VERSION, id: 1, type: 'load', text: INIT_DEATH });
    await answer(1);
    const show = (id: number, act: number) => host.receive({ v: PROTOCOL_VERSION, id, type: 'show', ...params(6), act });
    show(2, 1);
    expect((await answer(2))?.act).toEqual({ index: 1, count: 2, act: 'killed', ns: 'ns1' });
    show(3, -1);
    expect((await answer(3))?.act?.index).toBe(2);
    show(4, 0);
    const whole = await answer(4);
    expect(whole?.act).toBeNull();
    expect(whole?.tables[0]?.rows.map((r) => `${r.pid} ${r.stat} ${r.label}`)).toContain('3 Z A');
  });

  it('a step without a teardown has no stops', async () => {
    const { timeline } = await run(INIT_DEATH);
    expect(actStops(timeline, 3)).toEqual([]);
  });
});

describe('the processes the tree lists', () => {
  it('lists each process under its own namespace, with its pid there and in the parents', async () => {
    const { timeline } = await run(INIT_DEATH);
    const frame = buildFrame(timeline, stateAt(timeline, 5), params(5));
    const [ns0, ns1] = frame.namespaces;
    expect(ns0?.processes.map((p) => `${p.pid} ${p.label}`)).toEqual(['1 init', '2 S']);
    expect(ns1?.processes.map((p) => `${p.pid} ${p.label} ${p.nspid.join('/')}`)).toEqual(['1 A 3/1', '2 B 4/2', '3 C 5/3']);
    expect(ns1?.processes.map((p) => p.parent)).toEqual([1, 2, 3]);
    expect(ns1?.processCount).toBe(3);
  });

  it('sends only the first processes of a namespace, and more on request', async () => {
    const { timeline } = await run(INIT_DEATH);
    const frame = buildFrame(timeline, stateAt(timeline, 5), { ...params(5), treeLimits: [{ ns: 1, count: 2 }] });
    expect(frame.namespaces[1]?.processes.map((p) => p.label)).toEqual(['A', 'B']);
    expect(frame.namespaces[1]?.processCount).toBe(3);
  });
});
