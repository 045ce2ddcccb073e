/**
 * The page's state: one vanilla zustand store per app, created with its engine client and bound
 * to React through context (src/ui/StoreContext.tsx). It is composed of slices by concern, each
 * in src/store/slices/ with its shape in state.ts: the text, the engine's run, the player, the
 * view, the last frame. Actions are named after what happened ("the visitor stepped", "a frame
 * arrived"); every change that alters the picture asks the engine for a new frame through the
 * frame sync. The store never blocks: all engine work is asynchronous, and a newer load makes
 * older replies stale.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppState, SliceContext, StoreDeps } from './state.ts';
import { createAppendSlice } from './slices/append.ts';
import { initialFrameState, receiveFrame } from './slices/frame.ts';
import { createLinkSlice } from './slices/links.ts';
import { createPlayerSlice, PLAY_FRAME_GAP_MS } from './slices/player.ts';
import { createPresentationSlice } from './slices/presentation.ts';
import { createRunSlice } from './slices/run.ts';
import { createTeachingSlice, gateQuestions } from './slices/teaching.ts';
import { createTextSlice } from './slices/text.ts';
import { createViewSlice } from './slices/view.ts';
import { createFrameSync } from './sync.ts';

export type {
  AppendState, AppState, FrameState, LinkState, PlayerState, PresentationState, RestoreWhy, RunState, StepWish, StoreDeps, TeachingState,
  TextState, ViewState, ViewWish,
} from './state.ts';
export { placeStep, PLAY_FRAME_GAP_MS } from './slices/player.ts';

export type AppStore = StoreApi<AppState>;

export function createAppStore(deps: StoreDeps): AppStore {
  return createStore<AppState>()((set, get) => {
    const sync = createFrameSync(
      deps.client,
      () => showParams(get()),
      (frame) => {
        set(receiveFrame(get(), frame));
        teaching.frameArrived();
      },
      (message) => set({ notice: `The engine failed: ${message}` }),
      deps.schedule,
      () => (get().playing ? PLAY_FRAME_GAP_MS : 0),
      deps.now,
    );
    const ctx: SliceContext<AppState> = {
      get,
      set,
      deps,
      sync,
      wantFrame(patch) {
        set(gateQuestions(get(), patch));
        sync.request();
      },
    };
    const player = createPlayerSlice(ctx);
    const run = createRunSlice(ctx, player.control);
    const teaching = createTeachingSlice(ctx, run.load);
    return {
      ...initialFrameState,
      ...createViewSlice(ctx),
      ...player.state,
      ...run,
      ...createTextSlice(ctx),
      ...createAppendSlice(ctx, player.control),
      ...createLinkSlice(ctx),
      ...createPresentationSlice(ctx),
      ...teaching.state,
      load: teaching.load,
    };
  });
}

function showParams(s: AppState) {
  if (!s.loaded) return null;
  return {
    step: s.step,
    viewer: s.viewer,
    inspect: s.selectedTask,
    windows: Object.values(s.windows),
    treeLimits: Object.entries(s.treeLimits).map(([ns, count]) => ({ ns: Number(ns), count })),
    nsLimits: Object.entries(s.nsLimits).map(([ns, count]) => ({ ns: Number(ns), count })),
    chosenNs: s.selectedNs,
    act: s.stepAct,
    idle: !s.playing,
    taskQuery: s.taskQuery,
    question: s.asking ?? s.step,
  };
}
