/**
 * The page's state: one vanilla zustand store per app, created with its engine client and bound
 * to React through context (src/ui/StoreContext.tsx). Actions are named after what happened
 * ("the visitor stepped", "a frame arrived"), and every change that alters the picture asks the
 * engine for a new frame through the frame sync. The store never blocks: all engine work is
 * asynchronous, and a newer load makes older replies stale.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { NsId, TaskId } from '../kernel/index.ts';
import type { EngineClient, Frame, Loaded, TableWindow } from '../protocol/index.ts';
import { advance, DEFAULT_SPEED } from './player.ts';
import { appendStatement } from './statements.ts';
import { createFrameSync } from './sync.ts';

/** Where to put the player after a load. `keep`: the same step when it still exists. */
export type StepWish = number | 'keep' | 'last' | 'first';

export interface ViewWish {
  viewer?: TaskId | null;
  selectedTask?: TaskId | null;
  selectedNs?: NsId | null;
}

export interface AppState {
  /** the scenario text as in the editor */
  text: string;
  /** counts the visitor's own changes to the text (typing, actions); loads from a link, the
   * library or a file do not count, so only the visitor's own work is autosaved */
  edits: number;
  /** the text the engine last loaded (differs from `text` while an edit is debounced) */
  loadedText: string | null;
  loaded: Loaded | null;
  loading: boolean;
  /** steps a long run has made so far, while `loading` */
  progress: number;
  /** a problem that is not the scenario's own error: a bad link, an engine crash */
  notice: string | null;
  step: number;
  playing: boolean;
  speed: number;
  viewer: TaskId | null;
  selectedTask: TaskId | null;
  selectedNs: NsId | null;
  hoveredTask: TaskId | null;
  windows: Record<number, TableWindow>;
  frame: Frame | null;
  /** the visitor's own earlier text, offered for restoring after a link or file replaced it */
  restorable: string | null;
  /** live tasks at the last idle frame (frames made while playing leave them out) */
  liveTasks: { id: TaskId; label: string }[];

  load(text: string, step?: StepWish, view?: ViewWish | ((loaded: Loaded) => ViewWish)): Promise<void>;
  edit(text: string): void;
  act(statement: string): Promise<void>;
  /** `'last'`: the last step, also of a scenario that is still loading */
  seek(step: number | 'last'): void;
  stepBy(delta: number): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: number): void;
  setViewer(viewer: TaskId | null): void;
  selectTask(task: TaskId | null): void;
  selectNs(ns: NsId | null): void;
  hoverTask(task: TaskId | null): void;
  setWindow(window: TableWindow): void;
  setNotice(message: string | null): void;
  offerRestore(text: string | null): void;
}

export interface StoreDeps {
  client: EngineClient;
  /** runs a task at the next animation frame (immediately in tests) */
  schedule: (task: () => void) => void;
  /** monotonic milliseconds */
  now: () => number;
  /** how long an edit waits before the engine re-runs the text */
  editDelayMs?: number;
}

export type AppStore = StoreApi<AppState>;

/** while playing, the engine is asked for at most one frame per this many milliseconds */
export const PLAY_FRAME_GAP_MS = 80;

export function createAppStore(deps: StoreDeps): AppStore {
  const store = createStore<AppState>()((set, get) => {
    const sync = createFrameSync(
      deps.client,
      () => showParams(get()),
      (frame) => set(frame.liveTasks ? { frame, liveTasks: frame.liveTasks } : { frame }),
      (message) => set({ notice: `The engine failed: ${message}` }),
      deps.schedule,
      () => (get().playing ? PLAY_FRAME_GAP_MS : 0),
      deps.now,
    );
    let loadSeq = 0;
    // The step the visitor asked for when it could not be shown yet (nothing loaded, or a
    // re-run with fewer steps, e.g. a half-typed line): restored by the next load that has it.
    // 'last' (Last step or End before the scenario is loaded) becomes the loaded scenario's last.
    let heldStep: number | 'last' | null = null;
    // Play pressed while the scenario is still loading: it starts once the load is shown.
    let heldPlay = false;
    let editTimer: ReturnType<typeof setTimeout> | null = null;
    let lastTick = 0;
    let carry = 0;

    function wantFrame(patch: Partial<AppState>): void {
      set(patch);
      sync.request();
    }

    function tick(): void {
      const s = get();
      if (!s.playing || !s.loaded) return;
      const now = deps.now();
      const moved = advance(
        { step: s.step, total: s.loaded.total, speed: s.speed, carry, pauses: s.loaded.pauses },
        now - lastTick,
      );
      lastTick = now;
      carry = moved.carry;
      if (moved.step !== s.step || moved.stop) wantFrame({ step: moved.step, playing: !moved.stop });
      if (!moved.stop) deps.schedule(tick);
      else sync.request();
    }

    async function load(
      text: string, wish: StepWish = 'keep', view: ViewWish | ((loaded: Loaded) => ViewWish) = {},
    ): Promise<void> {
      const seq = ++loadSeq;
      set({ text, loading: true, progress: 0 });
      let loaded: Loaded;
      try {
        loaded = await deps.client.load(text, (steps) => {
          if (seq === loadSeq) set({ progress: steps });
        });
      } catch (error) {
        if (seq === loadSeq) set({ loading: false, notice: `The engine failed: ${errorText(error)}` });
        return;
      }
      if (seq !== loadSeq) return;
      const wanted = wish === 'keep' ? heldStep ?? get().step : wish;
      const step = placeStep(wanted, get().step, loaded.total);
      heldStep = typeof wanted === 'number' && wanted > step ? wanted : null;
      sync.invalidate();
      wantFrame({ loaded, loadedText: text, loading: false, step, ...(typeof view === 'function' ? view(loaded) : view) });
      if (heldPlay) startPlaying();
    }

    function startPlaying(): void {
      const s = get();
      heldPlay = false;
      if (!s.loaded) return;
      carry = 0;
      lastTick = deps.now();
      wantFrame({ playing: true, step: s.step >= s.loaded.total ? 0 : s.step });
      deps.schedule(tick);
    }

    return {
      text: '',
      edits: 0,
      loadedText: null,
      loaded: null,
      loading: false,
      progress: 0,
      notice: null,
      step: 0,
      playing: false,
      speed: DEFAULT_SPEED,
      viewer: null,
      selectedTask: null,
      selectedNs: null,
      hoveredTask: null,
      windows: {},
      frame: null,
      liveTasks: [],
      restorable: null,

      load,
      edit(text) {
        set({ text, edits: get().edits + 1 });
        if (editTimer !== null) clearTimeout(editTimer);
        editTimer = setTimeout(() => {
          editTimer = null;
          void load(get().text, 'keep');
        }, deps.editDelayMs ?? 400);
      },
      async act(statement) {
        const text = appendStatement(get().text, statement);
        heldPlay = false;
        set({ playing: false, text, edits: get().edits + 1 });
        await load(text, 'last');
      },
      seek(step) {
        const s = get();
        const wanted = step === 'last' ? 'last' : Math.max(0, Math.round(step));
        heldStep = s.loaded === null || s.loading ? wanted : null;
        heldPlay = false;
        wantFrame({ step: placeStep(wanted, s.step, s.loaded?.total ?? 0), playing: false });
      },
      stepBy(delta) {
        const s = get();
        const from = heldStep === 'last' ? s.loaded?.total ?? 0 : heldStep ?? s.step;
        s.seek(from + delta);
      },
      play() {
        const s = get();
        if (s.playing) return;
        if (s.loaded === null || s.loading) {
          // shown as playing at once (the button says Pause), started when the load is shown
          heldPlay = true;
          set({ playing: true });
          return;
        }
        startPlaying();
      },
      pause() {
        heldPlay = false;
        wantFrame({ playing: false });
      },
      togglePlay() {
        if (get().playing) get().pause();
        else get().play();
      },
      setSpeed(speed) {
        set({ speed });
      },
      setViewer(viewer) {
        wantFrame({ viewer, selectedNs: null });
      },
      selectTask(task) {
        wantFrame({ selectedTask: task });
      },
      selectNs(ns) {
        set({ selectedNs: ns });
      },
      hoverTask(task) {
        set({ hoveredTask: task });
      },
      setWindow(window) {
        const old = get().windows[window.ns];
        if (old && old.start === window.start && old.count === window.count) return;
        wantFrame({ windows: { ...get().windows, [window.ns]: window } });
      },
      setNotice(message) {
        set({ notice: message });
      },
      offerRestore(text) {
        set({ restorable: text });
      },
    };
  });
  // A text that crashes the engine twice in a row is not loaded a third time: no restart loop.
  let crashes = 0;
  store.subscribe((s, prev) => {
    if (s.loaded !== prev.loaded) crashes = 0;
  });
  deps.client.onCrash((message) => {
    crashes += 1;
    const s = store.getState();
    s.setNotice(`The engine stopped (${message}) and was restarted.`);
    if (crashes < 2) void s.load(s.text, 'keep');
  });
  return store;
}

function showParams(s: AppState) {
  if (!s.loaded) return null;
  return {
    step: s.step,
    viewer: s.viewer,
    inspect: s.selectedTask,
    windows: Object.values(s.windows),
    idle: !s.playing,
  };
}

export function placeStep(wish: StepWish, current: number, total: number): number {
  if (wish === 'first') return 0;
  if (wish === 'last') return total;
  if (wish === 'keep') return Math.min(current, total);
  return clamp(wish, 0, total);
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, n));
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
