/**
 * Builds the `Frame` the page draws from the state at one step: the namespaces the viewer can
 * see, the rows of each pid table inside the page's window (with the full count), the inspected
 * task, the tail of the event log, and the statement at that step. Only what is drawn crosses
 * to the page, so a 32768-row table costs the page a window of rows, not the table.
 */
import {
  nsCount, nsView, pidNrAs, psTable, taskActiveNs, taskCount, taskView, visibleNamespaces,
  type KernelState, type NsId, type NsView, type PsRow, type TaskId,
} from '../kernel/index.ts';
import type {
  ActFrame, EventLine, Frame, Inspected, LiveTask, NsFrame, ShowParams, Step, TableFrame, TaskLabel,
} from '../protocol/index.ts';
import type { ActStop } from './acts.ts';
import { memoMatch } from './live.ts';
import { eventTasks, sentence, type World } from './sentences.ts';
import { eventsUpTo, type Timeline } from './timeline.ts';
import { ownRows, treeLimit, treeProcesses } from './tree.ts';
import { whyResult } from './because.ts';
import { captionAt } from './captions.ts';
import { namespaceWindow } from './window.ts';

/** rows sent for a table the page has not asked a window for */
export const DEFAULT_WINDOW = 200;
/** event sentences sent: the most recent ones up to the step (fewer while playing: they fly by) */
export const LOG_TAIL = 100;
export const LOG_TAIL_PLAYING = 12;

/**
 * What stays the same while the page looks at one step (scrolling a table, hovering, choosing a
 * task): namespace views, ps tables and the live-task list are computed once per step, since the
 * state at a step is always the same.
 */
export interface StepCache {
  timeline: Timeline | null;
  step: number;
  /** the act the step stopped at (0: the whole step) */
  act: number;
  views: Map<NsId, NsView>;
  tables: Map<NsId, PsRow[]>;
  own: Map<NsId, PsRow[]>;
  live: { viewer: TaskId | null; tasks: LiveTask[] } | null;
}

export function newStepCache(): StepCache {
  return { timeline: null, step: -1, act: 0, views: new Map(), tables: new Map(), own: new Map(), live: null };
}

function cacheFor(cache: StepCache, tl: Timeline, step: number, act: number): StepCache {
  if (cache.timeline === tl && cache.step === step && cache.act === act) return cache;
  Object.assign(cache, newStepCache(), { timeline: tl, step, act });
  return cache;
}

/** A frame stopped inside its step, at one act of a teardown (`state` is that act's world). */
export interface StopAt {
  index: number;
  stops: readonly ActStop[];
}

export function buildFrame(
  tl: Timeline, state: KernelState, params: ShowParams, stepCache = newStepCache(), at: StopAt | null = null,
): Frame {
  const cache = cacheFor(stepCache, tl, Math.min(params.step, tl.steps.length), at?.index ?? 0);
  const nsOf = (id: NsId): NsView => {
    const known = cache.views.get(id);
    if (known) return known;
    const view = nsView(state, id);
    cache.views.set(id, view);
    return view;
  };
  const rowsOf = (ns: NsId): PsRow[] => {
    const known = cache.tables.get(ns);
    if (known) return known;
    const rows = psTable(state, ns);
    cache.tables.set(ns, rows);
    return rows;
  };
  const ownOf = (ns: NsId): PsRow[] => {
    const known = cache.own.get(ns);
    if (known) return known;
    const rows = ownRows(state, ns, rowsOf(ns));
    cache.own.set(ns, rows);
    return rows;
  };
  const step = Math.min(params.step, tl.steps.length);
  const viewer = params.viewer !== null && params.viewer < taskCount(state) ? params.viewer : null;
  const visible: NsId[] = viewer === null ? allNamespaces(state) : visibleNamespaces(state, viewer);
  const window = namespaceWindow(state, visible, params, viewer === null ? null : taskActiveNs(state, viewer));
  const tables = window.tables.map((ns) => tableFrame(tl, state, rowsOf(ns), ns, viewer, params));
  const info = stepInfo(tl, step);
  const stop = at === null ? null : at.stops[at.index - 1] ?? null;
  return {
    step,
    act: stop === null || at === null ? null : actFrame(at, stop),
    namespaces: window.tree.map((ns) => ({
      ...nsFrame(state, nsOf(ns), viewer),
      processes: treeProcesses(state, ownOf(ns), treeLimit(params, ns)),
      processCount: ownOf(ns).length,
      hiddenChildren: window.hidden.get(ns) ?? 0,
    })),
    tables,
    liveTasks: params.idle ? matchShown(cachedLive(cache, state, viewer, () => rowsOf(0)), params.taskQuery ?? '') : null,
    inspected: params.inspect !== null && params.inspect < taskCount(state) ? inspect(state, params.inspect, nsOf) : null,
    events: eventLines(tl, state, eventsShown(tl, step, stop), nsOf, params.idle ? LOG_TAIL : LOG_TAIL_PLAYING),
    stepInfo: info,
    why: info ? whyResult(info.op, info.result) : null,
    caption: captionAt(tl.captions, step),
    question: questionAsked(tl, params.question),
    labels: chosenLabels(tl, [params.viewer, params.inspect]),
  };
}

function questionAsked(tl: Timeline, step: number | undefined): Frame['question'] {
  const text = step === undefined ? undefined : tl.questions.get(step);
  return step === undefined || text === undefined ? null : { step, text };
}

/** the run's labels of the tasks the page names (tasks the run never made have none) */
function chosenLabels(tl: Timeline, ids: readonly (TaskId | null)[]): TaskLabel[] {
  const made = ids.filter((id, i): id is TaskId => id !== null && id >= 0 && id < tl.born.length && ids.indexOf(id) === i);
  return made.map((id) => ({ id, label: tl.labels.labelOf(id) }));
}

function allNamespaces(state: KernelState): NsId[] {
  return Array.from({ length: nsCount(state) }, (_, i) => i);
}

/** nsView counts a namespace's tasks (O(tasks)): a frame asks for each namespace once */
type NsOf = (id: NsId) => NsView;

function actFrame(at: StopAt, stop: ActStop): ActFrame {
  return { index: at.index, count: at.stops.length, act: stop.act, ns: `ns${stop.ns}` };
}

/** the events up to the step, or inside it up to the act it stopped at */
function eventsShown(tl: Timeline, step: number, stop: ActStop | null): number {
  return stop === null ? eventsUpTo(tl, step) : eventsUpTo(tl, step - 1) + stop.events;
}

/** `rowCount`: every process in the namespace's /proc, as its ps table counts them */
function nsFrame(
  state: KernelState, view: NsView, viewer: TaskId | null,
): Omit<NsFrame, 'processes' | 'processCount' | 'hiddenChildren'> {
  const init = view.init === null ? null : taskView(state, view.init);
  const ownPid = init?.nspid.at(-1) ?? null;
  const seen = init === null || viewer === null ? ownPid : pidNrAs(state, init.id, viewer);
  return { ...view, initLabel: init?.label ?? null, initPid: seen === 0 ? null : seen, rowCount: view.live + view.zombies };
}

function tableFrame(
  tl: Timeline, state: KernelState, all: readonly PsRow[], ns: NsId, viewer: TaskId | null, params: ShowParams,
): TableFrame {
  const wanted = params.windows.find((w) => w.ns === ns) ?? { ns, start: 0, count: DEFAULT_WINDOW };
  const start = Math.max(0, Math.min(wanted.start, Math.max(0, all.length - 1)));
  const viewerNs = viewer === null ? null : taskView(state, viewer).ns;
  const rows = all.slice(start, start + Math.max(0, wanted.count)).map((r) => ({
    ...r,
    born: tl.born[r.task] ?? 0,
    seenAs: viewer === null || viewerNs === ns ? null : pidNrAs(state, r.task, viewer),
  }));
  return { ns, count: all.length, start, rows };
}

/** the live list of a step is the same object while the page looks at that step: its match is kept */
const matchShown = memoMatch();

/** above this many tasks the live list is read from the root pid table (processes, no threads) */
export const LIVE_LIST_BY_VIEW = 4096;

function cachedLive(
  cache: StepCache, state: KernelState, viewer: TaskId | null, rootRows: () => readonly PsRow[],
): LiveTask[] {
  if (cache.live?.viewer === viewer) return cache.live.tasks;
  const tasks = taskCount(state) <= LIVE_LIST_BY_VIEW ? liveTasks(state, viewer) : liveProcesses(state, viewer, rootRows());
  cache.live = { viewer, tasks };
  return tasks;
}

/** every process not yet a zombie, from the root namespace's pid table (one sorted pass, no
 * per-task view), plus the viewer */
function liveProcesses(state: KernelState, viewer: TaskId | null, rows: readonly PsRow[]): LiveTask[] {
  const out = rows.filter((r) => r.stat !== 'Z').map((r) => ({ id: r.task, label: r.label }));
  if (viewer !== null && !out.some((t) => t.id === viewer)) out.push({ id: viewer, label: taskView(state, viewer).label });
  return out;
}

/** every task that can still act or be seen acting, plus the viewer itself once it has died */
function liveTasks(state: KernelState, viewer: TaskId | null): LiveTask[] {
  const out: LiveTask[] = [];
  for (let id = 0; id < taskCount(state); id++) {
    const t = taskView(state, id);
    if (t.state === 'alive' || t.state === 'stopped' || t.state === 'exiting' || id === viewer) out.push({ id, label: t.label });
  }
  return out;
}

function inspect(state: KernelState, id: TaskId, nsOf: NsOf): Inspected {
  const t = taskView(state, id);
  const chain: string[] = [];
  for (let at: NsId | null = t.ns; at !== null; at = nsOf(at).parent) chain.unshift(nsOf(at).name);
  const parent = t.parent === null ? null : taskView(state, t.parent);
  return {
    ...t,
    ppidSeen: parent === null ? 0 : pidNrAs(state, parent.id, id),
    parentLabel: parent?.label ?? null,
    numbers: t.nspid.map((pid, level) => ({ ns: chain[level] ?? `level ${level}`, pid })).reverse(),
  };
}

function eventLines(tl: Timeline, state: KernelState, end: number, nsOf: NsOf, tail: number): EventLine[] {
  const world: World = { task: (id) => taskView(state, id), ns: nsOf };
  const first = Math.max(0, end - tail);
  return tl.events.slice(first, end).map(({ step: at, event }, i) => ({
    seq: first + i,
    step: at,
    text: sentence(world, event),
    tasks: eventTasks(event),
  }));
}

function stepInfo(tl: Timeline, step: number): Step | null {
  return tl.steps[step - 1] ?? null;
}
