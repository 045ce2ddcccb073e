import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createHost } from './host.ts';
import { LIVE_SHOWN, PROTOCOL_VERSION, type Frame, type Loaded, type Reply } from '../protocol/index.ts';
import { encodeFragment } from '../scenario/index.ts';

const RFC = readFileSync('scenarios/library/rfc-test1-test2.pidns', 'utf8');

function harness() {
  const replies: Reply[] = [];
  const host = createHost((r) => replies.push(r), { pause: async () => undefined, spareDelayMs: 0 });
  const wait = async (id: number) => {
    const answers = (r: Reply) => r.id === id && r.type !== 'progress';
    for (let i = 0; i < 2000 && !replies.some(answers); i++) await new Promise((r) => setTimeout(r, 1));
    const reply = replies.find(answers);
    if (!reply) throw new Error(`no reply to ${id}`);
    return reply;
  };
  return { host, replies, wait };
}
const show = (id: number, step: number, extra = {}) =>
  ({ v: PROTOCOL_VERSION, id, type: 'show', step, viewer: null, inspect: null, windows: [], idle: true, ...extra });

describe('engine host', () => {
  it('loads a scenario and serves the tables of any step', async () => {
    const { host, wait } = harness();
    host.receive({ v: PROTOCOL_VERSION, id: 1, type: 'load', text: RFC });
    const loaded = (await wait(1)) as { loaded: Loaded };
    expect(loaded.loaded).toMatchObject({ title: "The RFC's Test1 and Test2", total: 15, error: null, failed: 0 });
    host.receive(show(2, 13));
    const { frame } = (await wait(2)) as { frame: Frame };
    expect(frame.tables.map((t) => t.rows.map((r) => r.pid))).toEqual([[1, 2, 3, 4, 5, 6, 7], [1, 2, 3, 4]]);
    expect(frame.namespaces.map((n) => [n.name, n.initLabel, n.state])).toEqual([['ns0', 'init', 'active'], ['ns1', 'wrap', 'active']]);
    expect(frame.stepInfo).toMatchObject({ op: 'nspid', result: '7 4', pass: true });
  });

  it('shows what a viewer sees, in its own numbers, and a window of rows', async () => {
    const { host, wait } = harness();
    host.receive({ v: PROTOCOL_VERSION, id: 1, type: 'load', text: RFC });
    await wait(1);
    host.receive(show(2, 13, { viewer: 5, inspect: 6, windows: [{ ns: 1, start: 1, count: 2 }] }));
    const { frame } = (await wait(2)) as { frame: Frame };
    expect(frame.namespaces.map((n) => n.name)).toEqual(['ns1']);
    expect(frame.tables[0]).toMatchObject({ ns: 1, count: 4, start: 1 });
    expect(frame.tables[0]?.rows.map((r) => r.label)).toEqual(['sshd2', 'bash2']);
    expect(frame.inspected).toMatchObject({ label: 'sleeper', ppidSeen: 3, parentLabel: 'bash2' });
    expect(frame.inspected?.numbers).toEqual([{ ns: 'ns1', pid: 4 }, { ns: 'ns0', pid: 7 }]);
  });

  it('gives the labels of the viewer and the inspected task from the run, also before they are born', async () => {
    const { host, wait } = harness();
    host.receive({ v: PROTOCOL_VERSION, id: 1, type: 'load', text: RFC });
    await wait(1);
    host.receive(show(2, 0, { viewer: 5, inspect: 6 }));
    const { frame } = (await wait(2)) as { frame: Frame };
    expect(frame.inspected).toBeNull();
    expect(frame.labels).toEqual([{ id: 5, label: 'bash2' }, { id: 6, label: 'sleeper' }]);
    host.receive(show(3, 13, { viewer: 99, inspect: 5 }));
    expect(((await wait(3)) as { frame: Frame }).frame.labels).toEqual([{ id: 5, label: 'bash2' }]);
  });

  it('finds the tasks of the loaded run by label, null for a label it does not have', async () => {
    const { host, wait } = harness();
    host.receive({ v: PROTOCOL_VERSION, id: 1, type: 'find', labels: ['init'] });
    expect(await wait(1)).toMatchObject({ type: 'found', tasks: [null] });
    host.receive({ v: PROTOCOL_VERSION, id: 2, type: 'load', text: RFC });
    await wait(2);
    host.receive({ v: PROTOCOL_VERSION, id: 3, type: 'find', labels: ['sleeper', null, 'nobody', 'init'] });
    expect(await wait(3)).toMatchObject({ type: 'found', tasks: [6, null, null, 0] });
  });

  it('serves other windows and other steps after the first frame of a step', async () => {
    const { host, wait } = harness();
    host.receive({ v: PROTOCOL_VERSION, id: 1, type: 'load', text: RFC });
    await wait(1);
    host.receive(show(2, 13, { windows: [{ ns: 0, start: 0, count: 2 }] }));
    host.receive(show(3, 13, { windows: [{ ns: 0, start: 5, count: 2 }] }));
    host.receive(show(4, 15, { windows: [{ ns: 0, start: 5, count: 2 }] }));
    const rows = async (id: number) => ((await wait(id)) as { frame: Frame }).frame.tables[0]?.rows.map((r) => r.pid);
    expect(await rows(2)).toEqual([1, 2]);
    expect(await rows(3)).toEqual([6, 7]);
    expect(await rows(4)).toEqual([6]);
  });

  it('reports a scenario error with its line and keeps the steps before it', async () => {
    const { host, wait } = harness();
    host.receive({ v: PROTOCOL_VERSION, id: 1, type: 'load', text: 'init fork as a\nghost fork\n' });
    const { loaded } = (await wait(1)) as { loaded: Loaded };
    expect(loaded.total).toBe(1);
    expect(loaded.error?.line).toBe(2);
    host.receive({ v: PROTOCOL_VERSION, id: 2, type: 'load', text: 'init frobnicate\n' });
    const parsed = (await wait(2)) as { loaded: Loaded };
    expect(parsed.loaded.error?.line).toBe(1);
    expect(parsed.loaded.diagnostics[0]?.severity).toBe('error');
  });

  it('answers a superseded load with failed, and a foreign message with failed', async () => {
    const { host, wait } = harness();
    host.receive({ v: PROTOCOL_VERSION, id: 1, type: 'load', text: 'repeat 2000\n  init getpid\nend\n' });
    host.receive({ v: PROTOCOL_VERSION, id: 2, type: 'load', text: RFC });
    expect((await wait(1)).type).toBe('failed');
    expect((await wait(2)).type).toBe('loaded');
    host.receive({ v: 99, id: 3, type: 'load', text: '' });
    expect(await wait(3)).toMatchObject({ type: 'failed' });
  });

  it('tells how far a long load got before it answers', async () => {
    const replies: Reply[] = [];
    let clock = 0;
    const host = createHost((r) => replies.push(r), { pause: async () => undefined, sliceMs: 0, now: () => (clock += 100) });
    host.receive({ v: PROTOCOL_VERSION, id: 1, type: 'load', text: 'repeat 3000\n  init getpid\nend\n' });
    for (let i = 0; i < 200 && !replies.some((r) => r.type === 'loaded'); i++) await new Promise((r) => setTimeout(r, 1));
    const kinds = replies.map((r) => (r.type === 'progress' ? `progress ${r.steps}` : r.type));
    expect(kinds.at(-1)).toBe('loaded');
    expect(kinds).toContain('progress 1024');
  });

  it('lists live tasks of a big world from the root table', async () => {
    const { host, wait } = harness();
    host.receive({ v: PROTOCOL_VERSION, id: 1, type: 'load', text: 'repeat 4100\n  init fork as t{i}\nend\nt1 exit 0\n' });
    const { loaded } = (await wait(1)) as { loaded: Loaded };
    host.receive(show(2, loaded.total));
    const { frame } = (await wait(2)) as { frame: Frame };
    expect(frame.liveTasks?.matching).toBe(4100);
    expect(frame.liveTasks?.tasks).toHaveLength(LIVE_SHOWN);
    host.receive(show(3, loaded.total, { taskQuery: 't1' }));
    const found = ((await wait(3)) as { frame: Frame }).frame.liveTasks;
    expect(found?.matching).toBe(1110);
    expect(found?.tasks.map((t) => t.label)).not.toContain('t1');
    host.receive(show(4, loaded.total, { taskQuery: 't410' }));
    expect(((await wait(4)) as { frame: Frame }).frame.liveTasks?.tasks.map((t) => t.label)).toEqual(['t410', 't4100']);
  });

  it('opens a share link off the page, and says why a damaged one cannot be opened', async () => {
    const { host, wait } = harness();
    host.receive({ v: PROTOCOL_VERSION, id: 1, type: 'open', fragment: encodeFragment('init fork as a\n', 1) });
    expect(await wait(1)).toMatchObject({ type: 'opened', link: { text: 'init fork as a\n', step: 1 } });
    host.receive({ v: PROTOCOL_VERSION, id: 2, type: 'open', fragment: '#v1.zAAAA.AAAAAA' });
    expect(await wait(2)).toMatchObject({ type: 'failed', message: expect.stringMatching(/^This link cannot be opened: .*damaged/) });
  });

  it('encodes the link the page shows, as the page itself and the CLI do, for the text and for a step and view', async () => {
    const { host, wait } = harness();
    const plain = { text: RFC, step: null, view: { task: null, viewAs: null, ns: null } };
    host.receive({ v: PROTOCOL_VERSION, id: 1, type: 'link', link: plain });
    expect(await wait(1)).toMatchObject({ type: 'linked', fragment: encodeFragment(RFC) });
    const view = { task: 'a', viewAs: 'wrap', ns: 'ns1' };
    host.receive({ v: PROTOCOL_VERSION, id: 2, type: 'link', link: { text: RFC, step: 3, view } });
    expect(await wait(2)).toMatchObject({ type: 'linked', fragment: encodeFragment(RFC, 3, view) });
    host.receive({ v: PROTOCOL_VERSION, id: 3, type: 'link', link: { text: RFC, step: 4, view } });
    expect(await wait(3)).toMatchObject({ type: 'linked', fragment: encodeFragment(RFC, 4, view) });
  });

  it('says when a blocked wait completes', async () => {
    const { host, wait } = harness();
    host.receive({ v: PROTOCOL_VERSION, id: 1, type: 'load', text: 'init fork as a\na fork as b\na wait\nb exit 0\n' });
    await wait(1);
    host.receive(show(2, 3));
    const { frame } = (await wait(2)) as { frame: Frame };
    expect(frame.stepInfo).toMatchObject({ op: 'wait', result: '3', settledAt: 4 });
  });

  it('explains a failed call in one line', async () => {
    const { host, wait } = harness();
    host.receive({ v: PROTOCOL_VERSION, id: 1, type: 'load', text: 'init fork as a\na unshare NEWPID\na unshare NEWPID\n' });
    await wait(1);
    host.receive(show(2, 3));
    const { frame } = (await wait(2)) as { frame: Frame };
    expect(frame.stepInfo?.result).toBe('EINVAL');
    expect(frame.why).toMatch(/R31/);
  });
});
