/**
 * Read-only views of the state (see view.ts for their shapes): what ps, /proc/PID/status and the
 * namespace files show, translated as user space sees it. Nothing here changes the state.
 */
import type { NsId, TaskId } from './abi.ts';
import { type Ctx, IdQueue, ns, numbersOf, proc, sighandOf } from './context.ts';
import { nsIsWithin, pidNrNs } from './pid.ts';
import { forEachProcPid } from './proc.ts';
import { exitStatus } from './release.ts';
import { sigList, sigName } from './sigset.ts';
import { running } from './tasklist.ts';
import type { KernelState, TaskTable } from './types.ts';
import { EXIT_ZOMBIE, NO_TASK } from './types.ts';
import type { ExitStatus, NsStateName, NsView, PsRow, TaskStateName, TaskView } from './view.ts';

/** The work queues of every read-only context: views never emit, wake or queue anything. */
const NO_WORK = new IdQueue();

/** A read-only context. */
function view(s: KernelState): Ctx {
  return { s, events: null, completed: [], freedIn: NO_WORK, wakes: NO_WORK, reapers: NO_WORK, dying: NO_WORK, onAct: null };
}

/** Whether `t` is an init waiting in its namespace's teardown. */
function inZap(c: Ctx, t: TaskId): boolean {
  if (!c.s.tasks.exiting[t]) return false;
  for (const n of c.s.namespaces) if (n.zap !== null && n.zap.init === t) return true;
  return false;
}

function stateName(c: Ctx, t: TaskId): TaskStateName {
  const T = c.s.tasks;
  if (!T.hashed[t]) return 'dead';
  if (T.exitState[t] === EXIT_ZOMBIE) return 'zombie';
  if (inZap(c, t)) return 'exiting';
  return T.stopped[proc(c, t)] ? 'stopped' : 'alive';
}

function decodeStatus(status: number): ExitStatus {
  const sig = status & 0x7f;
  return sig !== 0 ? { signal: sigName(sig) } : { code: (status >> 8) & 0xff };
}

const exists = (s: KernelState, id: TaskId): boolean => Number.isInteger(id) && id >= 0 && id < taskCount(s);

/** Views of a task that does not exist are a caller's bug: the columns would answer garbage. */
function mustExist(s: KernelState, id: TaskId): void {
  if (!exists(s, id)) throw new RangeError(`kernel: no task ${id}`);
}

/** Why `id` cannot make a call now, or null (the language's rule for actors). */
export function actorProblem(s: KernelState, id: TaskId): string | null {
  if (!exists(s, id)) return 'no such task';
  const T = s.tasks;
  if (T.hashed[id] && T.exitState[id] === 0 && !T.exiting[id] && T.waitType[id] === 0) {
    return T.stopped[T.leader[id]] ? 'is stopped' : null;
  }
  const c = view(s);
  const st = stateName(c, id);
  if (st === 'dead' || st === 'zombie' || T.exiting[id]) return st === 'exiting' ? "is exiting in its namespace's teardown" : 'has exited';
  if (T.waitType[id] !== 0) return 'is blocked in wait';
  return st === 'stopped' ? 'is stopped' : null;
}

/** The task's own number (tid) in the viewer's active namespace; 0 if invisible or reaped. */
export function pidNrAs(s: KernelState, id: TaskId, viewer: TaskId): number {
  mustExist(s, id);
  mustExist(s, viewer);
  return s.tasks.hashed[id] ? pidNrNs(view(s), id, s.tasks.ns[viewer]) : 0;
}

function psStat(c: Ctx, p: TaskId): PsRow['stat'] {
  if (inZap(c, p)) return 'S';
  if (c.s.tasks.exitState[p] === EXIT_ZOMBIE) return 'Z';
  return c.s.tasks.stopped[p] ? 'T' : 'S';
}

/** `ps -e -o pid,ppid,pgid,sid,stat,cmd` inside namespace `id` with its own /proc. */
export function psTable(s: KernelState, id: NsId): PsRow[] {
  const c = view(s);
  const T = s.tasks;
  const rows: PsRow[] = [];
  forEachProcPid(c, id, (nr, p) => {
    const parent = T.realParent[p] === NO_TASK ? NO_TASK : T.leader[T.realParent[p]];
    rows.push({
      task: p, pid: nr, ppid: pidNrNs(c, parent, id), pgid: pidNrNs(c, T.pgrp[p], id),
      sid: pidNrNs(c, T.session[p], id), stat: psStat(c, p), cmd: s.cmds[T.cmd[p]], label: T.label[p],
    });
  });
  return rows;
}

function nsStateName(c: Ctx, id: NsId): NsStateName {
  const n = ns(c, id);
  if (n.reaper === NO_TASK) return n.count > 0 || n.adding ? 'active' : 'dead';
  const T = c.s.tasks;
  for (let th = proc(c, n.reaper); th !== NO_TASK; th = T.nextThread[th]) if (running(c, th)) return 'active';
  return n.count > 0 ? 'dying' : 'dead';
}

export function nsView(s: KernelState, id: NsId): NsView {
  const c = view(s);
  const n = ns(c, id);
  let live = 0;
  let zombies = 0;
  forEachProcPid(c, id, (_, p) => {
    if (s.tasks.exitState[p] === EXIT_ZOMBIE && !inZap(c, p)) zombies++;
    else live++;
  });
  const init = n.reaper === NO_TASK ? null : s.tasks.leader[n.reaper];
  return {
    id, name: `ns${id}`, level: n.level, parent: n.parent, state: nsStateName(c, id), init,
    live, zombies, pidMax: n.pidMax, lastPid: Math.max(0, n.cursor - 1),
  };
}

/**
 * The exit status on record: what a wait saw (or would see, for a zombie); for a task the kernel
 * released by itself, and for a thread, its own exit code (pidfd exit info) — the group's status
 * for a thread that a group exit took down, the code it passed for one that left on its own.
 */
function reportedStatus(T: TaskTable, t: TaskId, state: TaskStateName): number {
  if (T.leader[t] !== t) return T.exitCode[t];
  return state === 'dead' && !T.waitReaped[t] ? T.exitCode[t] : exitStatus(T, t);
}

export function taskView(s: KernelState, id: TaskId): TaskView {
  mustExist(s, id);
  const c = view(s);
  const T = s.tasks;
  const S = s.sighands;
  const p = proc(c, id);
  const state = stateName(c, id);
  const sh = sighandOf(c, p);
  const done = state === 'zombie' || state === 'dead';
  return {
    id, label: T.label[id], cmd: s.cmds[T.cmd[id]], ns: T.ns[id], childrenNs: T.childrenNs[id], nspid: numbersOf(c, id), state,
    exit: done ? decodeStatus(reportedStatus(T, id, state)) : null,
    leader: p, isThread: p !== id,
    parent: T.realParent[id] === NO_TASK ? null : T.leader[T.realParent[id]],
    pgrpLeaderNspid: numbersOf(c, T.pgrp[p]), sessionLeaderNspid: numbersOf(c, T.session[p]),
    pending: sigList(T.pending, p).map(sigName), blocked: sigList(T.blocked, id).map(sigName),
    handled: sigList(S.handled, sh).map(sigName), ignored: sigList(S.ignored, sh).map(sigName),
    subreaper: T.subreaper[p] === 1, reapAuto: S.reapAuto[sh] === 1, uid: T.uid[id],
    privileged: T.privileged[id] === 1, waiting: T.waitType[id] !== 0, procNs: s.mnts[T.mnt[id]] ?? 0,
  };
}

/**
 * fatal_signal_pending() of a task that has not begun to exit: its group is marked for death
 * (SIGKILL from a teardown, say) and it has not run since. Settled states never show it; only a
 * caller stopped between a teardown's acts does.
 */
export function fatalSignalPending(s: KernelState, id: TaskId): boolean {
  mustExist(s, id);
  const T = s.tasks;
  return T.hashed[id] === 1 && T.exitState[id] === 0 && T.exiting[id] === 0 && T.groupExit[T.leader[id]] === 1;
}

/** task_active_pid_ns(): the namespace the task's pid was allocated in (its own). */
export function taskActiveNs(s: KernelState, id: TaskId): NsId {
  mustExist(s, id);
  return s.tasks.ns[id];
}

/** task->real_parent->group_leader: the parent process, null for the first init. */
export function realParentOf(s: KernelState, id: TaskId): TaskId | null {
  mustExist(s, id);
  const parent = s.tasks.realParent[id];
  return parent === NO_TASK ? null : s.tasks.leader[parent];
}

/** The NSpid line of /proc/PID/status: every number of the task's pid, outermost first. */
export function nspidOf(s: KernelState, id: TaskId): number[] {
  mustExist(s, id);
  return numbersOf(view(s), id);
}

export const taskCount = (s: KernelState): number => s.tasks.count;
export const nsCount = (s: KernelState): number => s.namespaces.length;

/** pid_namespace->parent: the namespace that made `id`, null for the root. */
export function nsParentOf(s: KernelState, id: NsId): NsId | null {
  return s.namespaces[id]?.parent ?? null;
}

/** The namespaces a task can see: its active namespace and every descendant (R40). */
export function visibleNamespaces(s: KernelState, viewer: TaskId): NsId[] {
  mustExist(s, viewer);
  const c = view(s);
  const own = s.tasks.ns[viewer];
  return s.namespaces.filter((n) => nsIsWithin(c, n.id, own)).map((n) => n.id);
}
