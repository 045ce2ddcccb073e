/**
 * The one message protocol between the page and the engine worker. Every message carries the
 * protocol version `v`; requests carry an `id` that their reply repeats, so the client can match
 * replies to requests and drop stale ones. Everything here is plain data (structured-clone safe).
 *
 * The page never receives the whole world: a `Frame` holds the namespaces, the rows of each pid
 * table that are inside the window the page draws (plus each table's full count), the task being
 * inspected, the tail of the event log and the statement at the current step.
 */
import type { NsId, NsView, PsRow, TaskId, TaskView, TeardownAct } from '../kernel/index.ts';
import type { Step } from './step.ts';

export const PROTOCOL_VERSION = 1;

/** The rows of one pid table the page wants: `count` rows from index `start` (ascending pid). */
export interface TableWindow {
  ns: NsId;
  start: number;
  count: number;
}

/** What the page shows: a step of the loaded scenario, seen by `viewer` (null = everything). */
export interface ShowParams {
  step: number;
  viewer: TaskId | null;
  inspect: TaskId | null;
  windows: TableWindow[];
  /** how many of each namespace's own processes the tree lists (absent ones: TREE_PROCESSES) */
  treeLimits?: { ns: NsId; count: number }[];
  /** how many of each namespace's child namespaces the tree lists (absent ones: TREE_NAMESPACES) */
  nsLimits?: { ns: NsId; count: number }[];
  /** the namespace chosen in the tree: the frame carries it, the namespaces above it and its
   * table, however far outside the window it is (absent or null: none) */
  chosenNs?: NsId | null;
  /** absent or 0: the whole step; i ≥ 1: stopped at the step's i-th teardown act; -1: at its last */
  act?: number;
  /** the player is idle: include what costs much in huge worlds and flies by while playing
   * (the list of live tasks for "View as", the longer tail of the event log) */
  idle: boolean;
  /** "View as" lists the live tasks whose label contains this (absent or empty: all), at most
   * LIVE_SHOWN of them: the page never holds a list as long as the world */
  taskQuery?: string;
  /** the step of the question whose text the frame should carry (the one asked, or the one the
   * player stands on); absent: none */
  question?: number;
}

/** what a request asks for, before the client stamps it with `v` and `id` */
export type RequestBody =
  | { type: 'load'; text: string }
  /** read a share link's fragment (decoding a link can be costly: it is done off the page) */
  | { type: 'open'; fragment: string }
  /** the share link's fragment for what the page shows (encoding a long text takes the page
   * too long to do at each step it moves to: the address bar asks here) */
  | { type: 'link'; link: OpenedLink }
  /** the tasks of the loaded run with these labels (a link names tasks by label) */
  | { type: 'find'; labels: (string | null)[] }
  /** are you still there? (asked when a request waits long without a word from the engine) */
  | { type: 'ping' }
  | ({ type: 'show' } & ShowParams)
  /** run `text` to see whether it has an error, keeping the loaded scenario (before an action
   * appends a statement) */
  | { type: 'try'; text: string }
  /** read a whole text as an exercise (see ExerciseRead) */
  | { type: 'exercise'; text: string }
  /** run `attempt` and compare its state with the goal of the exercise `exercise` */
  | { type: 'check'; attempt: string; exercise: string };

export type Request = RequestBody & { v: number; id: number };

export interface Diagnostic {
  line: number;
  severity: 'error' | 'warning';
  message: string;
}

export interface Loaded {
  title: string | null;
  /** number of executed statements; the player shows steps 0 … total */
  total: number;
  /** an engine bug that stopped the run at `line` ("internal error at line N: …"): the steps
   * before it still play, the world of the step before it is kept (absent or null: none) */
  internal?: { line: number; message: string } | null;
  /** the scenario error that stopped the run, if any (the steps before it still play) */
  error: { line: number; message: string } | null;
  /** source line of each step (index k-1 for step k): a typed array, one copy for a million steps */
  lines: Int32Array;
  /** steps at which autoplay stops (the statement after a `pause` line), ascending: a typed array,
   * one copy however many a loop makes */
  pauses: Int32Array;
  /** questions (`=> ?`): the steps that show an answer, ascending (a frame asked for one carries
   * its text: a loop may ask a million times) */
  questionSteps: Int32Array;
  diagnostics: Diagnostic[];
  failed: number;
  /** steps that run (part of) a namespace teardown: Step forward stops between its acts
   * (absent: none) */
  actSteps?: Int32Array;
}

export interface RowFrame extends PsRow {
  /** the step that created the task (for the brief highlight of a new row) */
  born: number;
  /** the task's number in the viewer's namespace when a viewer is chosen and differs, else null */
  seenAs: number | null;
}

/** one of a namespace's own processes, as the tree lists it under the namespace */
export interface TreeProcess {
  task: TaskId;
  /** its pid in this namespace */
  pid: number;
  label: string;
  stat: PsRow['stat'];
  /** sent SIGKILL and not yet run: seen only between a teardown's acts */
  killed: boolean;
  /** the real parent process, null for the first init */
  parent: TaskId | null;
  /** its pids outermost first (the last one is `pid`) */
  nspid: number[];
}

/** the tree lists this many of a namespace's own processes until the visitor asks for more */
export const TREE_PROCESSES = 20;

/** the tree lists this many of a namespace's child namespaces until the visitor asks for more */
export const TREE_NAMESPACES = 20;
/** a frame's tree holds at most this many namespaces, plus those the visitor asked for */
export const FRAME_NAMESPACES = 200;
/** a frame carries the pid tables of this many namespaces in tree order, plus the chosen one's
 * and the viewer's (a 32-level chain keeps all its tables) */
export const FRAME_TABLES = 40;

export interface NsFrame extends NsView {
  initLabel: string | null;
  /** the init's pid as the viewer sees it (its own 1 without a viewer) */
  initPid: number | null;
  rowCount: number;
  /** the first of the processes whose own namespace this is, ascending by pid */
  processes: TreeProcess[];
  /** how many processes have this namespace as their own */
  processCount: number;
  /** how many of the namespaces just below this one the frame leaves out (the tree's window) */
  hiddenChildren: number;
}

/** where a frame stopped inside its step: one act of a namespace teardown */
export interface ActFrame {
  /** 1-based among the step's stops */
  index: number;
  count: number;
  act: TeardownAct['act'];
  ns: string;
}

export interface TableFrame {
  ns: NsId;
  count: number;
  start: number;
  rows: RowFrame[];
}

/** most live tasks a frame lists for "View as" */
export const LIVE_SHOWN = 200;

/** what a share link carries; tasks by label, the namespace by name */
export interface OpenedLink {
  text: string;
  /** the step shown, or null for the page's default */
  step: number | null;
  view: { task: string | null; viewAs: string | null; ns: string | null };
}

/** the live tasks that match the query, the first LIVE_SHOWN of them */
export interface LiveList {
  tasks: LiveTask[];
  /** how many match in all */
  matching: number;
}

/** a task that can still act, for "View as" */
export interface LiveTask {
  id: TaskId;
  label: string;
}

/** a task the page names (the viewer, the inspected task) with its label in the run */
export interface TaskLabel {
  id: TaskId;
  label: string;
}

export interface EventLine {
  /** position in the run's whole event list: a stable key */
  seq: number;
  step: number;
  text: string;
  tasks: TaskId[];
}

export interface Inspected extends TaskView {
  /** the parent as the task sees it: its number in the task's namespace (0 = outside) */
  ppidSeen: number;
  parentLabel: string | null;
  /** each namespace the task has a number in, outermost first, paired with that number */
  numbers: { ns: string; pid: number }[];
}

export interface Frame {
  step: number;
  namespaces: NsFrame[];
  tables: TableFrame[];
  /** for "View as" (null in frames made while playing) */
  liveTasks: LiveList | null;
  inspected: Inspected | null;
  events: EventLine[];
  /** the teardown act the frame stopped at inside its step, or null for the whole step */
  act: ActFrame | null;
  /** the statement that made this step (null at step 0) */
  stepInfo: Step | null;
  /** the rule behind the current statement's result, in one line (for an errno: why it failed) */
  why: string | null;
  /** the `##` narration shown at this step: the captions of the last captioned statement at or
   * before it (null before the first) */
  caption: string | null;
  /** the question asked for (`ShowParams.question`) when that step asks one, with its text */
  question: { step: number; text: string } | null;
  /** the labels of the viewer and the inspected task the frame was asked for, from the run's
   * table (also of a task not yet born at this step): the page holds no table of labels */
  labels: TaskLabel[];
}

/** what an exercise sets the learner, computed by the engine from the exercise's whole text */
export interface ExerciseView {
  goal: string;
  hints: string[];
  /** the text without its solution block: what the editor starts with */
  starter: string;
  /** the block as written, from `solution` to `end` */
  solution: string;
  /** the goal state: the last step of the exercise's statements followed by the block's */
  frame: Frame;
}

export type ExerciseRead =
  | { ok: true; exercise: ExerciseView }
  /** no `goal:` or no solution block: an ordinary scenario */
  | { ok: false; problem: 'not-an-exercise' }
  /** the text does not parse, or its goal run stopped on an error */
  | { ok: false; problem: 'error'; line: number; message: string };

export type CheckVerdict =
  | { kind: 'solved' }
  | { kind: 'not-solved'; difference: string }
  | { kind: 'error'; line: number; message: string };

export type Reply =
  | { v: number; id: number; type: 'loaded'; loaded: Loaded }
  | { v: number; id: number; type: 'frame'; frame: Frame }
  | { v: number; id: number; type: 'tried'; error: { line: number; message: string } | null }
  | { v: number; id: number; type: 'failed'; message: string }
  | { v: number; id: number; type: 'opened'; link: OpenedLink }
  | { v: number; id: number; type: 'linked'; fragment: string }
  /** the task with each label asked for, in order (null: the run has none) */
  | { v: number; id: number; type: 'found'; tasks: (TaskId | null)[] }
  | { v: number; id: number; type: 'pong' }
  | { v: number; id: number; type: 'exercise'; read: ExerciseRead }
  | { v: number; id: number; type: 'checked'; verdict: CheckVerdict }
  /** sent now and then while a long load runs (not a reply: the load's reply comes after it) */
  | { v: number; id: number; type: 'progress'; steps: number };

export function isReply(data: unknown): data is Reply {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as { v?: unknown; type?: unknown; id?: unknown };
  return m.v === PROTOCOL_VERSION && typeof m.id === 'number' &&
    ['loaded', 'frame', 'failed', 'progress', 'tried', 'exercise', 'checked', 'opened', 'linked', 'found', 'pong'].includes(m.type as string);
}

export function isRequest(data: unknown): data is Request {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as { v?: unknown; type?: unknown; id?: unknown };
  return m.v === PROTOCOL_VERSION && typeof m.id === 'number' && ['load', 'show', 'try', 'exercise', 'check', 'open', 'link', 'find', 'ping'].includes(m.type as string);
}
