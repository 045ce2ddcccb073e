/**
 * The player: the step shown, autoplay and its speed. Steps asked for before they exist (nothing
 * loaded yet, or a re-run with fewer steps, e.g. a half-typed line) are held and restored by the
 * next load that has them; Play pressed during a load starts once the load is shown. The run
 * slice tells the player about each load through `PlayerControl`.
 */
import type { Loaded } from '../../protocol/index.ts';
import { stepPlace } from '../acts.ts';
import { advance, DEFAULT_SPEED } from '../player.ts';
import type { FrameState, PlayerState, RunState, SliceContext, StepWish } from '../state.ts';

const NO_STEPS = new Int32Array(0);

/** while playing, the engine is asked for at most one frame per this many milliseconds */
export const PLAY_FRAME_GAP_MS = 80;

/** what the run slice needs from the player */
export interface PlayerControl {
  /** the step to show after `loaded` arrived, given the wish of whoever loaded it */
  placeAfterLoad(loaded: Loaded, wish: StepWish): number;
  /** the load is shown: start playing if Play was pressed while it ran */
  loadShown(): void;
  /** an action took over: a Play held for the load is dropped */
  dropHeldPlay(): void;
}

type Ctx = SliceContext<PlayerState & Pick<RunState, 'loaded' | 'loading'> & Pick<FrameState, 'frame'>>;

export function createPlayerSlice(ctx: Ctx): { state: PlayerState; control: PlayerControl } {
  // 'last' (Last step or End before the scenario is loaded) becomes the loaded scenario's last.
  let heldStep: number | 'last' | null = null;
  // the visitor moved while the text loaded: that step, not the opening step, is where it shows
  let movedWhileLoading = false;
  let heldPlay = false;
  let lastTick = 0;
  let carry = 0;

  function tick(): void {
    const s = ctx.get();
    if (!s.playing || !s.loaded) return;
    const now = ctx.deps.now();
    const moved = advance(
      { step: s.step, total: s.loaded.total, speed: s.speed, carry, pauses: s.loaded.pauses },
      now - lastTick,
    );
    lastTick = now;
    carry = moved.carry;
    if (moved.step !== s.step || moved.stop) ctx.wantFrame({ step: moved.step, stepAct: 0, playing: !moved.stop });
    if (!moved.stop) ctx.deps.schedule(tick);
    else ctx.sync.request();
  }

  function startPlaying(): void {
    const s = ctx.get();
    heldPlay = false;
    if (!s.loaded) return;
    carry = 0;
    lastTick = ctx.deps.now();
    ctx.wantFrame({ playing: true, step: s.step >= s.loaded.total ? 0 : s.step, stepAct: 0 });
    ctx.deps.schedule(tick);
  }

  const state: PlayerState = {
    step: 0,
    stepAct: 0,
    playing: false,
    speed: DEFAULT_SPEED,
    seek(step) {
      const s = ctx.get();
      const wanted = step === 'last' ? 'last' : Math.max(0, Math.round(step));
      heldStep = s.loaded === null || s.loading ? wanted : null;
      movedWhileLoading = heldStep !== null;
      heldPlay = false;
      ctx.wantFrame({ step: placeStep(wanted, s.step, s.loaded?.total ?? 0), stepAct: 0, playing: false });
    },
    stepBy(delta) {
      const s = ctx.get();
      // one step at a time goes through the acts of a teardown (acts.ts); jumps and held steps do not
      if (heldStep === null && s.loaded !== null && !s.loading && (delta === 1 || delta === -1)) {
        const shown = s.frame?.step === s.step ? s.frame.act : null;
        const to = stepPlace({ step: s.step, act: s.stepAct }, delta, s.loaded.actSteps ?? NO_STEPS, s.loaded.total, shown);
        heldPlay = false;
        ctx.wantFrame({ step: to.step, stepAct: to.act, playing: false });
        return;
      }
      const from = heldStep === 'last' ? s.loaded?.total ?? 0 : heldStep ?? s.step;
      s.seek(from + delta);
    },
    play() {
      const s = ctx.get();
      if (s.playing) return;
      if (s.loaded === null || s.loading) {
        // shown as playing at once (the button says Pause), started when the load is shown
        heldPlay = true;
        ctx.set({ playing: true });
        return;
      }
      startPlaying();
    },
    pause() {
      heldPlay = false;
      ctx.wantFrame({ playing: false });
    },
    togglePlay() {
      if (ctx.get().playing) ctx.get().pause();
      else ctx.get().play();
    },
    setSpeed(speed) {
      ctx.set({ speed });
    },
  };

  const control: PlayerControl = {
    placeAfterLoad(loaded, wish) {
      const keeps = wish === 'keep' || (wish === 'first' && movedWhileLoading);
      const wanted = keeps ? heldStep ?? ctx.get().step : wish;
      movedWhileLoading = false;
      const step = placeStep(wanted, ctx.get().step, loaded.total);
      ctx.set({ stepAct: 0 });
      heldStep = typeof wanted === 'number' && wanted > step ? wanted : null;
      return step;
    },
    loadShown() {
      if (heldPlay) startPlaying();
    },
    dropHeldPlay() {
      heldPlay = false;
    },
  };
  return { state, control };
}

export function placeStep(wish: StepWish, current: number, total: number): number {
  if (wish === 'first') return 0;
  if (wish === 'last') return total;
  if (wish === 'keep') return Math.min(current, total);
  return Math.max(0, Math.min(total, wish));
}
