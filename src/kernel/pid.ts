/**
 * kernel/pid.c: struct pid numbers, the per-namespace cyclic allocator, lookups and translation.
 *
 * Invariants kept here: a published struct pid has exactly one number at every level from 0 to its
 * own level, each unique in its namespace's idr; `count` of a namespace equals the number of idr
 * entries; a struct pid's numbers are freed at every level at once, when its last user goes (R3).
 */
import type { NsId, TaskId } from './abi.ts';
import { type Ctx, nrAt, ns, taskLevel } from './context.ts';
import { NO_TASK, type PidNamespace, RESERVED_PIDS, WAIT_PGRP, WAIT_PID } from './types.ts';

/** The ancestor of `id` at `level` (or `id` itself). */
export function nsAtLevel(ctx: Ctx, id: NsId, level: number): NsId {
  let n = ns(ctx, id);
  while (n.level > level && n.parent !== null) n = ns(ctx, n.parent);
  return n.id;
}

/** True if `inner` is `outer` or one of its descendants. */
export function nsIsWithin(ctx: Ctx, inner: NsId, outer: NsId): boolean {
  const o = ns(ctx, outer);
  return ns(ctx, inner).level >= o.level && nsAtLevel(ctx, inner, o.level) === outer;
}

/**
 * pid_nr_ns(): the number of the struct pid owned by `owner` in namespace `id`, or 0 when it has
 * none there (the namespace is not on its chain, or the pid was freed). R11.
 */
export function pidNrNs(ctx: Ctx, owner: TaskId, id: NsId): number {
  if (owner === NO_TASK) return 0;
  const level = ns(ctx, id).level;
  if (ctx.s.tasks.pidRefs[owner] === 0 || level > taskLevel(ctx, owner)) return 0;
  return nsAtLevel(ctx, ctx.s.tasks.ns[owner], level) === id ? nrAt(ctx, owner, level) : 0;
}

/** find_pid_ns(): the struct pid (by owner) with number `nr` in namespace `id`, or NO_TASK. */
export function findPidNs(ctx: Ctx, nr: number, id: NsId): TaskId {
  if (!Number.isInteger(nr) || nr <= 0) return NO_TASK;
  return ns(ctx, id).idr[nr] ?? NO_TASK;
}

/** find_task_by_pid_ns(): the task still using number `nr` as its own PID in `id`, or NO_TASK. */
export function findTaskByPidNs(ctx: Ctx, nr: number, id: NsId): TaskId {
  const owner = findPidNs(ctx, nr, id);
  return owner !== NO_TASK && ctx.s.tasks.hashed[owner] ? owner : NO_TASK;
}

/** Lowest free number in [from, max] of a namespace's idr, or 0. */
function lowestFree(idr: TaskId[], from: number, max: number): number {
  for (let nr = from; nr <= max; nr++) if (idr[nr] === undefined) return nr;
  return 0;
}

/**
 * Whether [min, pid_max-1] is certainly full, without scanning it (so that a scenario forking in a
 * loop into a full namespace stays fast). Only sure when no number lies at or above pid_max.
 */
function certainlyFull(n: PidNamespace, min: number): boolean {
  if (n.idr.length > n.pidMax) return false;
  return min === RESERVED_PIDS ? n.high >= n.pidMax - RESERVED_PIDS : n.count >= n.pidMax - 1;
}

/** idr_alloc_cyclic() as alloc_pid() calls it (R13, R14). */
function allocCyclic(ctx: Ctx, id: NsId): number {
  const n = ns(ctx, id);
  const min = n.cursor > RESERVED_PIDS ? RESERVED_PIDS : 1;
  if (certainlyFull(n, min)) return 0;
  const max = n.pidMax - 1;
  const start = Math.max(n.cursor, min);
  let nr = lowestFree(n.idr, start, max);
  if (nr === 0 && start > min) nr = lowestFree(n.idr, min, max);
  if (nr !== 0) n.cursor = nr + 1;
  return nr;
}

/**
 * alloc_pid(): reserve one number per level, innermost first, honouring clone3's set_tid, then
 * publish them if the innermost namespace still accepts pids. Returns the numbers root first, or
 * the errno name. Nothing is left reserved on failure (R12–R18, R22–R26).
 */
export function allocPid(
  ctx: Ctx,
  inner: NsId,
  setTid: readonly number[],
  privileged: boolean,
): number[] | string {
  const innerNs = ns(ctx, inner);
  if (setTid.length > innerNs.level + 1) return 'EINVAL';
  const numbers: number[] = new Array<number>(innerNs.level + 1).fill(0);
  let cur: NsId | null = inner;
  let failure: string | null = null;
  for (let k = 0; cur !== null; k++) {
    const n = ns(ctx, cur);
    const picked = k < setTid.length ? reserveExact(ctx, cur, setTid[k] ?? 0, privileged) : allocCyclic(ctx, cur);
    if (typeof picked === 'string' || picked === 0) {
      failure = typeof picked === 'string' ? picked : 'EAGAIN';
      break;
    }
    numbers[n.level] = picked;
    n.idr[picked] = NO_TASK;
    cur = n.parent;
  }
  if (failure === null && !innerNs.adding) failure = 'ENOMEM';
  if (failure !== null) {
    unreserve(ctx, inner, numbers);
    if (innerNs.adding && innerNs.count === 0) innerNs.cursor = 0;
    return failure;
  }
  return numbers;
}

function reserveExact(ctx: Ctx, id: NsId, nr: number, privileged: boolean): number | string {
  const n = ns(ctx, id);
  if (!Number.isInteger(nr) || nr < 1 || nr >= n.pidMax) return 'EINVAL';
  if (nr !== 1 && n.reaper === NO_TASK) return 'EINVAL';
  if (!privileged) return 'EPERM';
  return n.idr[nr] === undefined ? nr : 'EEXIST';
}

function unreserve(ctx: Ctx, inner: NsId, numbers: number[]): void {
  let cur: NsId | null = inner;
  while (cur !== null) {
    const n = ns(ctx, cur);
    const nr = numbers[n.level] ?? 0;
    if (nr !== 0 && n.idr[nr] === NO_TASK) delete n.idr[nr];
    cur = n.parent;
  }
}

/** The publishing half of alloc_pid(): every level's idr now points at `owner`; counts go up. */
export function publishPid(ctx: Ctx, owner: TaskId): void {
  let cur: NsId | null = ctx.s.tasks.ns[owner];
  while (cur !== null) {
    const n = ns(ctx, cur);
    const nr = nrAt(ctx, owner, n.level);
    n.idr[nr] = owner;
    n.count++;
    if (nr >= RESERVED_PIDS) n.high++;
    cur = n.parent;
  }
}

/** get_pid() for one more (task, type) link. */
export function getPid(ctx: Ctx, owner: TaskId): void {
  ctx.s.tasks.pidRefs[owner]++;
}

/**
 * put of one (task, type) link (detach_pid): the last one frees the numbers at every level
 * (free_pid) and queues the namespaces whose waiting reaper must re-check its count (R19).
 */
export function putPid(ctx: Ctx, owner: TaskId): void {
  const T = ctx.s.tasks;
  if (--T.pidRefs[owner] > 0) return;
  let cur: NsId | null = T.ns[owner];
  while (cur !== null) {
    const n = ns(ctx, cur);
    const nr = nrAt(ctx, owner, n.level);
    delete n.idr[nr];
    n.count--;
    if (nr >= RESERVED_PIDS) n.high--;
    ctx.freedIn.push(n.id);
    cur = n.parent;
  }
}

/**
 * exchange_tids() with transfer_pid() for de_thread(): task `t` takes the struct pid of `l` and
 * `l` takes the one of `t`. A struct pid is named by the row that holds it, so the rows swap
 * their numbers and link counts, and every link naming either pid by its row follows it: the idr
 * entries, process groups and sessions, and the struct pid a blocked wait selects.
 */
export function exchangeTids(ctx: Ctx, t: TaskId, l: TaskId): void {
  const T = ctx.s.tasks;
  const other = (x: TaskId): TaskId => (x === t ? l : x === l ? t : x);
  [T.nrAt[t], T.nrAt[l]] = [T.nrAt[l], T.nrAt[t]];
  [T.pidRefs[t], T.pidRefs[l]] = [T.pidRefs[l], T.pidRefs[t]];
  for (let cur: NsId | null = T.ns[t]; cur !== null; cur = ns(ctx, cur).parent) {
    const n = ns(ctx, cur);
    n.idr[nrAt(ctx, t, n.level)] = t;
    n.idr[nrAt(ctx, l, n.level)] = l;
  }
  for (let x = 0; x < T.count; x++) {
    T.pgrp[x] = other(T.pgrp[x]);
    T.session[x] = other(T.session[x]);
    if (T.waitType[x] === WAIT_PID || T.waitType[x] === WAIT_PGRP) T.waitOwner[x] = other(T.waitOwner[x]);
  }
}
