import { describe, expect, it } from 'vitest';
import type { Frame, ShowParams } from '../protocol/index.ts';
import { createFrameSync } from './sync.ts';

const params = (step: number): ShowParams => ({ step, viewer: null, inspect: null, windows: [], idle: true });
const frame = (step: number) => ({ step }) as Frame;

describe('frame sync', () => {
  it('spaces requests by the gap and sends the latest wish', async () => {
    let wanted = 1;
    const sent: number[] = [];
    const applied: number[] = [];
    let clock = 0;
    const sync = createFrameSync(
      { show: async (p) => { sent.push(p.step); return frame(p.step); } },
      () => params(wanted),
      (f) => applied.push(f.step),
      () => undefined,
      (task) => task(),
      () => 30,
      () => clock,
    );
    sync.request();
    wanted = 2;
    sync.request();
    wanted = 3;
    sync.request();
    await new Promise((r) => setTimeout(r, 0));
    expect(sent).toEqual([1]);
    clock = 40;
    await new Promise((r) => setTimeout(r, 45));
    expect(sent).toEqual([1, 3]);
    expect(applied).toEqual([1, 3]);
  });

  it('drops a reply that belongs to an older load', async () => {
    const applied: number[] = [];
    let release: (f: Frame) => void = () => undefined;
    const sync = createFrameSync(
      { show: () => new Promise<Frame>((resolve) => { release = resolve; }) },
      () => params(7),
      (f) => applied.push(f.step),
      () => undefined,
      (task) => task(),
    );
    sync.request();
    sync.invalidate();
    release(frame(7));
    await new Promise((r) => setTimeout(r, 0));
    expect(applied).toEqual([]);
  });

  it('tells when the picture last asked for has come, after the frames folded into it', async () => {
    let wanted = 1;
    const answers: (() => void)[] = [];
    const applied: number[] = [];
    const sync = createFrameSync(
      { show: (p) => new Promise<Frame>((resolve) => answers.push(() => resolve(frame(p.step)))) },
      () => params(wanted),
      (f) => applied.push(f.step),
      () => undefined,
      (task) => task(),
    );
    await sync.shown();
    sync.request();
    wanted = 2;
    sync.request();
    let shown = false;
    const showing = sync.shown().then(() => { shown = true; });
    answers.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
    expect(shown).toBe(false);
    answers.shift()?.();
    await showing;
    expect(applied).toEqual([1, 2]);
  });
});
