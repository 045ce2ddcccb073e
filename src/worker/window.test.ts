import { describe, expect, it } from 'vitest';
import { FRAME_NAMESPACES, FRAME_TABLES, TREE_NAMESPACES, type ShowParams } from '../protocol/index.ts';
import { buildFrame } from './frame.ts';
import { recordRun } from './record.ts';
import { stateAt } from './timeline.ts';

const fan = (n: number) => `title: fan\nrepeat ${n}\n  init clone NEWPID as c{i}\nend\n`;
/** 15 namespaces below the root, each with 40 below it: 616 in all (ids: a{i} is 1 + 41(i − 1)) */
const GRID = 'title: grid\nrepeat 15 i\n  init clone NEWPID as a{i}\n  repeat 40 j\n    a{i} clone NEWPID as b{i}x{j}\n  end\nend\n';
const CHAIN = 'title: chain\ninit clone NEWPID as a\na clone NEWPID as b\nb clone NEWPID as c\ninit clone NEWPID as d\n';

async function frameOf(text: string, extra: Partial<ShowParams> = {}) {
  const run = await recordRun(text, async () => true);
  if (run === null) throw new Error('the run was abandoned');
  const step = run.loaded.total;
  const params: ShowParams = { step, viewer: null, inspect: null, windows: [], idle: true, ...extra };
  return buildFrame(run.timeline, stateAt(run.timeline, step), params);
}

const ids = (list: readonly { id?: number; ns?: number }[]) => list.map((n) => n.id ?? n.ns);

describe('the namespaces a frame carries', () => {
  it('carries a small world whole: every namespace with its table, none left out', async () => {
    const frame = await frameOf(CHAIN);
    expect(ids(frame.namespaces)).toEqual([0, 1, 2, 3, 4]);
    expect(ids(frame.tables)).toEqual([0, 1, 2, 3, 4]);
    expect(frame.namespaces.map((n) => n.hiddenChildren)).toEqual([0, 0, 0, 0, 0]);
    expect(frame.namespaces.map((n) => n.rowCount)).toEqual(frame.tables.map((t) => t.count));
  });

  it('bounds a 2,000-namespace world by the window and still carries the chosen one with its table', async () => {
    const frame = await frameOf(fan(2000), { chosenNs: 1500 });
    expect(frame.namespaces.length).toBe(TREE_NAMESPACES + 2);
    expect(ids(frame.namespaces)).toContain(1500);
    expect(ids(frame.tables)).toContain(1500);
    expect(frame.tables.length).toBeLessThanOrEqual(FRAME_TABLES + 2);
    expect(frame.namespaces[0]?.hiddenChildren).toBe(2000 - TREE_NAMESPACES - 1);
    expect(JSON.stringify(frame).length).toBeLessThan(200_000);
  });

  it('lists more of a namespace\'s children when asked, beyond the total cap only as far as asked', async () => {
    const asked = FRAME_NAMESPACES + 100;
    const frame = await frameOf(fan(2000), { nsLimits: [{ ns: 0, count: asked }] });
    expect(frame.namespaces.length).toBe(asked + 1);
    expect(frame.namespaces[0]?.hiddenChildren).toBe(2000 - asked);
    expect(frame.tables.length).toBe(FRAME_TABLES);
  });

  it('stops the tree at FRAME_NAMESPACES in depth-first order, telling each namespace what it left out', async () => {
    const frame = await frameOf(GRID);
    expect(frame.namespaces.length).toBe(FRAME_NAMESPACES);
    const hidden = new Map(frame.namespaces.map((n) => [n.id, n.hiddenChildren]));
    // the root, then a1 with its first 20, a2 with its first 20, … until 200: a10 and 9 below it
    const a = (i: number) => 1 + (i - 1) * 41;
    expect([...hidden.keys()].filter((id) => hidden.get(id) !== 0)).toEqual([0, ...[...Array(10).keys()].map((i) => a(i + 1))]);
    expect(hidden.get(0)).toBe(5);
    expect(hidden.get(a(9))).toBe(40 - TREE_NAMESPACES);
    expect(hidden.get(a(10))).toBe(40 - 9);
  });

  it('keeps a viewer\'s own namespace as the root of what it sees, with its table', async () => {
    const frame = await frameOf(fan(2000), { viewer: 1999 });
    expect(ids(frame.namespaces)).toEqual([1999]);
    expect(ids(frame.tables)).toEqual([1999]);
  });
});
