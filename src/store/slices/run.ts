/**
 * The engine's run of the text: loading (with progress), the loaded scenario, and the notice
 * for problems that are not the scenario's own error. A newer load makes an older one's reply
 * stale. After an engine crash the text is loaded again once; a text that crashes the engine
 * twice in a row is not loaded a third time (no restart loop).
 */
import type { Loaded } from '../../protocol/index.ts';
import { errorText } from '../../scenario/index.ts';
import type { LaterView, PlayerState, RunState, SliceContext, TextState, ViewState, ViewWish } from '../state.ts';
import type { PlayerControl } from './player.ts';

type Ctx = SliceContext<RunState & Pick<TextState, 'text'> & Pick<PlayerState, 'step'> & ViewState>;

/** a view the engine could not find is no view (the scenario still shows) */
async function laterView(view: LaterView): Promise<ViewWish> {
  try {
    return await view();
  } catch {
    return {};
  }
}

export function createRunSlice(ctx: Ctx, player: PlayerControl): RunState {
  let loadSeq = 0;
  let crashes = 0;

  const state: RunState = {
    loadedText: null,
    loaded: null,
    loading: false,
    progress: 0,
    notice: null,
    async load(text, wish = 'keep', view = {}) {
      const seq = ++loadSeq;
      ctx.set({ text, loading: true, progress: 0 });
      let loaded: Loaded;
      try {
        loaded = await ctx.deps.client.load(text, (steps) => {
          if (seq === loadSeq) ctx.set({ progress: steps });
        });
      } catch (error) {
        if (seq === loadSeq) ctx.set({ loading: false, notice: `The engine failed: ${errorText(error)}` });
        return;
      }
      if (seq !== loadSeq) return;
      crashes = 0;
      const chosen = typeof view === 'function' ? await laterView(view) : view;
      if (seq !== loadSeq) return;
      const step = player.placeAfterLoad(loaded, wish);
      ctx.sync.invalidate();
      ctx.wantFrame({ loaded, loadedText: text, loading: false, step, ...chosen });
      player.loadShown();
    },
    setNotice(message) {
      ctx.set({ notice: message });
    },
  };

  ctx.deps.client.onCrash((message) => {
    crashes += 1;
    ctx.set({ notice: `The engine stopped (${message}) and was restarted.` });
    if (crashes < 2) void ctx.get().load(ctx.get().text, 'keep');
  });
  return state;
}
