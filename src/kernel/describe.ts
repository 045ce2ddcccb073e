/**
 * Read-only views of the state (see view.ts for their shapes): what ps, /proc/PID/status and the
 * namespace files show, translated as user space sees it. Nothing here changes the state.
 */
import type { NsId, TaskId } from './abi.ts';
import { type Ctx, ns, proc, sighandOf, task } from './context.ts';
import { nsIsWithin, pidNrNs } from './pid.ts';
import { procPidList } from './proc.ts';
import { exitStatus } from './release.ts';
import { sigName } from './sigset.ts';
import type { KernelState, Task } from './types.ts';
import { NO_TASK } from './types.ts';
import type { ExitStatus, NsStateName, NsView, PsRow, TaskStateName, TaskView } from './view.ts';

/** A read-only context: views never emit or wake anything. */
function view(s: KernelState): Ctx {
  return { s, events: null, completed: [], freedIn: [], wakes: [], reapers: [], dying: [] };
}

/** Whether `t` is an init waiting in its namespace's teardown. */
function inZap(c: Ctx, t: Task): boolean {
  if (!t.exiting) return false;
  for (const n of c.s.namespaces) if (n.zap !== null && n.zap.init === t.id) return true;
  return false;
}

function stateName(c: Ctx, t: Task): TaskStateName {
  if (!t.hashed) return 'dead';
  if (t.exitState === 'zombie') return 'zombie';
  if (inZap(c, t)) return 'exiting';
  return proc(c, t).stopped ? 'stopped' : 'alive';
}

function decodeStatus(status: number): ExitStatus {
  const sig = status & 0x7f;
  return sig !== 0 ? { signal: sigName(sig) } : { code: (status >> 8) & 0xff };
}

/** Why `id` cannot make a call now, or null (the language's rule for actors). */
export function actorProblem(s: KernelState, id: TaskId): string | null {
  const t = s.tasks[id];
  if (t === undefined) return 'no such task';
  if (t.hashed && t.exitState === 'none' && !t.exiting && t.wait === null) {
    const p = t.leader === id ? t : s.tasks[t.leader];
    return p?.stopped === true ? 'is stopped' : null;
  }
  const c = view(s);
  const st = stateName(c, t);
  if (st === 'dead' || st === 'zombie' || t.exiting) return st === 'exiting' ? "is exiting in its namespace's teardown" : 'has exited';
  if (t.wait !== null) return 'is blocked in wait';
  return st === 'stopped' ? 'is stopped' : null;
}

/** The task's own number (tid) in the viewer's active namespace; 0 if invisible or reaped. */
export function pidNrAs(s: KernelState, id: TaskId, viewer: TaskId): number {
  const c = view(s);
  return task(c, id).hashed ? pidNrNs(c, id, task(c, viewer).ns) : 0;
}

function psStat(c: Ctx, p: Task): PsRow['stat'] {
  if (inZap(c, p)) return 'S';
  if (p.exitState === 'zombie') return 'Z';
  return p.stopped ? 'T' : 'S';
}

/** `ps -e -o pid,ppid,pgid,sid,stat,cmd` inside namespace `id` with its own /proc. */
export function psTable(s: KernelState, id: NsId): PsRow[] {
  const c = view(s);
  return procPidList(c, id).map(({ nr, task: tid }) => {
    const p = task(c, tid);
    const parent = p.realParent === NO_TASK ? NO_TASK : task(c, p.realParent).leader;
    return {
      task: tid, pid: nr, ppid: pidNrNs(c, parent, id), pgid: pidNrNs(c, p.pgrp, id),
      sid: pidNrNs(c, p.session, id), stat: psStat(c, p), cmd: p.cmd, label: p.label,
    };
  });
}

function nsStateName(c: Ctx, id: NsId): NsStateName {
  const n = ns(c, id);
  if (n.reaper === NO_TASK) return n.count > 0 || n.adding ? 'active' : 'dead';
  const init = proc(c, task(c, n.reaper));
  const alive = init.threads.some((th) => !task(c, th).exiting && task(c, th).exitState === 'none');
  if (alive) return 'active';
  return n.count > 0 ? 'dying' : 'dead';
}

export function nsView(s: KernelState, id: NsId): NsView {
  const c = view(s);
  const n = ns(c, id);
  let live = 0;
  let zombies = 0;
  for (const { task: tid } of procPidList(c, id)) {
    if (task(c, tid).exitState === 'zombie' && !inZap(c, task(c, tid))) zombies++;
    else live++;
  }
  const init = n.reaper === NO_TASK ? null : task(c, n.reaper).leader;
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
function reportedStatus(t: Task, state: TaskStateName): number {
  if (t.leader !== t.id) return t.exitCode;
  return state === 'dead' && !t.waitReaped ? t.exitCode : exitStatus(t);
}

export function taskView(s: KernelState, id: TaskId): TaskView {
  const c = view(s);
  const t = task(c, id);
  const p = proc(c, t);
  const state = stateName(c, t);
  const sh = sighandOf(c, p);
  const done = state === 'zombie' || state === 'dead';
  return {
    id, label: t.label, cmd: t.cmd, ns: t.ns, childrenNs: t.childrenNs, nspid: [...t.numbers], state,
    exit: done ? decodeStatus(reportedStatus(t, state)) : null,
    leader: t.leader, isThread: t.leader !== id,
    parent: t.realParent === NO_TASK ? null : task(c, t.realParent).leader,
    pgrpLeaderNspid: [...task(c, p.pgrp).numbers], sessionLeaderNspid: [...task(c, p.session).numbers],
    pending: p.pending.map(sigName), blocked: t.blocked.map(sigName), handled: sh.handled.map(sigName),
    ignored: sh.ignored.map(sigName), subreaper: p.subreaper, reapAuto: sh.reapAuto, uid: t.uid,
    privileged: t.privileged, waiting: t.wait !== null, procNs: s.mnts[t.mnt] ?? 0,
  };
}

export const taskCount = (s: KernelState): number => s.tasks.length;
export const nsCount = (s: KernelState): number => s.namespaces.length;

/** The namespaces a task can see: its active namespace and every descendant (R40). */
export function visibleNamespaces(s: KernelState, viewer: TaskId): NsId[] {
  const c = view(s);
  const own = task(c, viewer).ns;
  return s.namespaces.filter((n) => nsIsWithin(c, n.id, own)).map((n) => n.id);
}
