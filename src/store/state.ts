/**
 * The shape of the page's state, one interface per slice (each slice's code is in
 * src/store/slices/). `AppState` is their intersection. A slice's code sees the store through a
 * `SliceContext` typed with only the parts it reads and writes, so the slices stay independent:
 * to add one, declare its interface here, add it to `AppState`, write slices/<name>.ts and
 * compose it in store.ts.
 */
import type { NsId, TaskId } from '../kernel/index.ts';
import type {
  CheckVerdict, EngineClient, ExerciseEngine, ExerciseView, Frame, LiveList, Loaded, OpenedLink, TableWindow,
} from '../protocol/index.ts';
import type { Progress } from './progress.ts';
import type { Verdict } from './questions.ts';
import type { PageMode } from './mode.ts';
import type { FrameSync } from './sync.ts';

/** Where to put the player after a load. `keep`: the same step when it still exists. */
export type StepWish = number | 'keep' | 'last' | 'first';

export interface ViewWish {
  viewer?: TaskId | null;
  selectedTask?: TaskId | null;
  selectedNs?: NsId | null;
}

/** a view found once the text has run, by asking the engine (a link's tasks by label) */
export type LaterView = () => Promise<ViewWish>;

/** `replaced`: something opened took its place; `saved`: kept in this browser (a reload, a
 * closed tab); `other-tab`: written in another tab of this browser */
export type RestoreWhy = 'replaced' | 'saved' | 'other-tab';

/** the scenario text as the visitor wrote it, and their own earlier text */
export interface TextState {
  /** the scenario text as in the editor */
  text: string;
  /** counts the visitor's own changes to the text (typing, actions); loads from a link, the
   * library or a file do not count, so only the visitor's own work is autosaved */
  edits: number;
  /** the visitor's own earlier text, offered for restoring after a link or file replaced it */
  restorable: string | null;
  /** why `restorable` is offered */
  restoreWhy: RestoreWhy;
  edit(text: string): void;
  /** loads a pending edit now, and resolves when the last edit is loaded and its picture has
   * come: what a link of the page should carry (the text, the labels of the view) is then on
   * screen, not the text of before the pause */
  settle(): Promise<void>;
  /**
   * Replaces the text with one from outside (a link, the library, a file, a lesson) without
   * losing the visitor's: their own text on screen, if they changed it since it was opened, is
   * offered back (`restorable`).
   */
  replaceText(text: string, step?: StepWish, view?: ViewWish | LaterView): Promise<void>;
  /** brings `restorable` back as the visitor's own text */
  restoreText(): Promise<void>;
  offerRestore(text: string | null, why?: RestoreWhy): void;
}

/** share links opened in the page (decoded by the engine, off the page's thread) */
export interface LinkState {
  /**
   * Opens the scenario of a link's fragment (replacing the text safely); the same text as shown
   * only moves to the link's step and view. A link that cannot be opened says why in `notice`.
   * Resolves to whether it opened.
   */
  openLink(fragment: string): Promise<boolean>;
  /** the fragment of a link's parts, encoded by the engine (off the page's thread) */
  encodeLink(link: OpenedLink): Promise<string>;
}

/** the engine's run of the text */
export interface RunState {
  /** the text the engine last loaded (differs from `text` while an edit is debounced) */
  loadedText: string | null;
  loaded: Loaded | null;
  loading: boolean;
  /** steps a long run has made so far, while `loading` */
  progress: number;
  /** a problem that is not the scenario's own error: a bad link, an engine crash */
  notice: string | null;
  load(text: string, step?: StepWish, view?: ViewWish | LaterView): Promise<void>;
  setNotice(message: string | null): void;
}

export interface PlayerState {
  step: number;
  /** 0: the whole step; i ≥ 1: stopped inside it at its i-th teardown act; -1: at its last act */
  stepAct: number;
  playing: boolean;
  speed: number;
  /** `'last'`: the last step, also of a scenario that is still loading */
  seek(step: number | 'last'): void;
  stepBy(delta: number): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: number): void;
}

/** who looks, what is chosen, which rows of each table are wanted */
export interface ViewState {
  viewer: TaskId | null;
  selectedTask: TaskId | null;
  selectedNs: NsId | null;
  hoveredTask: TaskId | null;
  windows: Record<number, TableWindow>;
  /** what the visitor typed to find a task for "View as" */
  taskQuery: string;
  setViewer(viewer: TaskId | null): void;
  findTasks(query: string): void;
  selectTask(task: TaskId | null): void;
  selectNs(ns: NsId | null): void;
  /** chooses namespace `ns` if the picture of this step shows it, else chooses none; whether it did */
  goToNamespace(ns: NsId): Promise<boolean>;
  hoverTask(task: TaskId | null): void;
  setWindow(window: TableWindow): void;
  /** how many of each namespace's own processes the tree lists, when more than the first few */
  treeLimits: Record<number, number>;
  showMoreProcesses(ns: NsId): void;
  /** how many of each namespace's child namespaces the tree lists, when more than the first few */
  nsLimits: Record<number, number>;
  showMoreNamespaces(ns: NsId): void;
}

/** the engine's last picture */
export interface FrameState {
  /** rows that did not change keep their object from the frame before (see slices/frame.ts) */
  frame: Frame | null;
  /** "View as": the live tasks matching `taskQuery` at the last idle frame (frames made while
   * playing leave them out), at most LIVE_SHOWN, and how many match in all */
  live: LiveList;
}

/** questions (`=> ?`), exercises and the course: see slices/teaching.ts */
export interface TeachingState {
  /** the question the player stopped before (the step that shows its answer), or null */
  asking: number | null;
  /** answers given since the scenario was opened, by question step; the verdict comes with the step's frame */
  answers: Record<number, { given: string | null; verdict: Verdict | null }>;
  /** the exercise being done: its whole text (solution block included) and what the engine read in it */
  exercise: { source: string; view: ExerciseView } | null;
  /** the verdict of the last Check solution (null: not checked since the attempt changed) */
  checked: CheckVerdict | 'checking' | null;
  hintsShown: number;
  solutionShown: boolean;
  /** the lesson open (its two digits), or null */
  lesson: string | null;
  /** the learner's progress through the course, by lesson */
  courseProgress: Progress;
  /** `given` null: the viewer asked to see the answer */
  answerQuestion(given: string | null): void;
  checkSolution(): Promise<void>;
  showHint(): void;
  showSolution(): void;
  openLesson(id: string, text: string): Promise<void>;
  setCourseProgress(progress: Progress): void;
  resetProgress(): void;
}

/** how the page is shown: presenting for a projector, or embedded as a read-only player */
export interface PresentationState {
  /** opened with `?embed`: a read-only player for another site's <iframe>, for good */
  embed: boolean;
  presenting: boolean;
  /** the QR code of the current link is on the screen */
  qrShown: boolean;
  present(): void;
  leavePresentation(): void;
  toggleQr(): void;
}

/** statements the action buttons and the command line append, and taking the last one back */
export interface AppendState {
  /**
   * the appended statements that can be taken back, last on top: each the text before and after
   * it. Undo takes back the top one while the text is still the one it made, then the one below.
   */
  undoable: readonly { before: string; after: string }[];
  /** why the last action was not appended (it would break the scenario), or null */
  refused: string | null;
  /** appends a statement unless the scenario would stop on an error; then shows the step after it */
  act(statement: string): Promise<void>;
  /** takes the last appended statement back (again and again, down the stack) */
  undo(): Promise<void>;
  /** an empty scenario; the visitor's own text is offered back */
  newScenario(): Promise<void>;
}

export type AppState = AppendState & TextState & LinkState & RunState & PlayerState & ViewState & FrameState & PresentationState & TeachingState;

export interface StoreDeps {
  client: EngineClient;
  /** reads exercises and checks attempts (the page's engine client does; without it no text is
   * treated as an exercise) */
  exercises?: ExerciseEngine;
  /** runs a task at the next animation frame (immediately in tests) */
  schedule: (task: () => void) => void;
  /** monotonic milliseconds */
  now: () => number;
  /** how long an edit waits before the engine re-runs the text */
  editDelayMs?: number;
  /** what the address asked for (`?embed`, `?present`); the full page when absent */
  mode?: PageMode;
}

/** what a slice's code may use: the parts `S` of the state, the deps and the frame sync */
export interface SliceContext<S> {
  get(): S;
  set(patch: Partial<S>): void;
  deps: StoreDeps;
  /** applies `patch` and asks the engine for the picture it implies */
  wantFrame(patch: Partial<S>): void;
  sync: FrameSync;
}
