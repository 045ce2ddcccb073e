import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cloneKernelState, type KernelState } from '../kernel/index.ts';
import { createInterpreter } from '../scenario/index.ts';
import { recordRun } from './record.ts';
import { prepareSpare, stateAt } from './timeline.ts';

const DIR = 'scenarios/library';
const small = readdirSync(DIR).filter((f) => f.endsWith('.pidns') && f !== 'fork-bomb.pidns');

/** the kernel state of a fresh interpreter run stopped after `k` statements */
function freshStateAt(text: string, k: number): KernelState {
  const interp = createInterpreter(text);
  if (!('next' in interp)) throw new Error('does not parse');
  for (let i = 0; i < k; i++) interp.next();
  return exact(interp.state);
}

/** A state with its typed columns cut to what is used, so that spare room does not count. */
const exact = (s: KernelState): KernelState => cloneKernelState(s);

describe('timeline', () => {
  it.each(small)('%s: steps reached backward, forward and by jumps equal a fresh run', async (file) => {
    const text = readFileSync(`${DIR}/${file}`, 'utf8');
    const run = await recordRun(text, async () => true);
    if (!run) throw new Error('run abandoned');
    run.timeline.interval = 1;
    const total = run.loaded.total;
    // every step of a short scenario; 60 spread steps of a long one (each check is a fresh run)
    const stride = Math.max(1, Math.ceil(total / 60));
    const order = [...Array(total + 1).keys()].filter((k) => k % stride === 0 || k === total).reverse();
    order.push(0, total, Math.floor(total / 2), 1, total - 1);
    for (const k of order) {
      if (k === Math.floor(total / 2)) prepareSpare(run.timeline);
      expect(exact(stateAt(run.timeline, k)), `step ${k}`).toEqual(freshStateAt(text, k));
    }
  });

  it('replays no ps (it only reads /proc) and still reaches each step exactly', async () => {
    const text = 'init fork as a\nrepeat 3\n  init ps\nend\na fork\ninit ps\n';
    const run = await recordRun(text, async () => true);
    if (!run) throw new Error('run abandoned');
    expect(run.timeline.calls.map((calls) => calls.map((c) => c.op))).toEqual([['clone'], [], [], [], ['clone'], []]);
    expect(run.timeline.steps.map((s) => s.result)).toEqual(['2', '1 2', '1 2', '1 2', '3', '1 2 3']);
    for (const k of [6, 2, 5]) expect(exact(stateAt(run.timeline, k))).toEqual(freshStateAt(text, k));
  });

  it('replays from sparse checkpoints exactly (a long repeat, interval doubling)', async () => {
    const text = 'init fork as p\nrepeat 300\n  p fork as c{i}\n  c{i} exit 3\n  p wait\nend\n';
    const run = await recordRun(text, async () => true);
    if (!run) throw new Error('run abandoned');
    expect(run.timeline.checkpoints.length).toBeLessThanOrEqual(24);
    for (const k of [901, 17, 450, 899, 0, 300]) expect(exact(stateAt(run.timeline, k))).toEqual(freshStateAt(text, k));
  });

  it('jumps from the first step to a last step prepared while idle without copying or replaying', async () => {
    const text = 'init fork as p\nrepeat 300\n  p fork as c{i}\n  c{i} exit 3\n  p wait\nend\n';
    const run = await recordRun(text, async () => true);
    if (!run) throw new Error('run abandoned');
    const tl = run.timeline;
    stateAt(tl, 0);
    while (prepareSpare(tl));
    expect(tl.spares.map((c) => c.step)).toEqual([901]);
    const prepared = tl.spares[0]?.state;
    expect(stateAt(tl, 901)).toBe(prepared);
    expect(exact(stateAt(tl, 901))).toEqual(freshStateAt(text, 901));
    expect(tl.spares).toEqual([]);
    while (prepareSpare(tl));
    expect(tl.spares.map((c) => c.step)).toEqual([tl.checkpoints.at(-1)?.step]);
    expect(exact(stateAt(tl, 900))).toEqual(freshStateAt(text, 900));
  });
});

