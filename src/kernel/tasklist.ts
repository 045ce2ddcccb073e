/**
 * The task lists of include/linux/sched.h: a thread's `children` list (kept oldest first, as
 * list_add_tail keeps it, because wait() walks it in that order), a process's thread list, and
 * iteration helpers.
 */
import type { TaskId } from './abi.ts';
import type { Ctx } from './context.ts';
import { NO_TASK } from './types.ts';

/** In `parent`'s children list, `a` is now followed by `b` (NO_TASK for either end of the list). */
function joinSiblings(ctx: Ctx, parent: TaskId, a: TaskId, b: TaskId): void {
  const T = ctx.s.tasks;
  if (a === NO_TASK) T.firstChild[parent] = b;
  else T.nextSibling[a] = b;
  if (b === NO_TASK) T.lastChild[parent] = a;
  else T.prevSibling[b] = a;
}

/** list_add_tail(&child->sibling, &parent->children) */
export function linkChild(ctx: Ctx, parent: TaskId, child: TaskId): void {
  ctx.s.tasks.realParent[child] = parent;
  joinSiblings(ctx, parent, ctx.s.tasks.lastChild[parent], child);
  joinSiblings(ctx, parent, child, NO_TASK);
}

/** list_del_init(&child->sibling) */
export function unlinkChild(ctx: Ctx, child: TaskId): void {
  const T = ctx.s.tasks;
  const parent = T.realParent[child];
  if (parent === NO_TASK) return;
  joinSiblings(ctx, parent, T.prevSibling[child], T.nextSibling[child]);
  T.prevSibling[child] = NO_TASK;
  T.nextSibling[child] = NO_TASK;
}

/** The children of one thread, oldest first (a copy: callers may relink while iterating). */
export function childrenOf(ctx: Ctx, parent: TaskId): TaskId[] {
  const T = ctx.s.tasks;
  const out: TaskId[] = [];
  for (let c = T.firstChild[parent]; c !== NO_TASK; c = T.nextSibling[c]) out.push(c);
  return out;
}

/** list_add_tail_rcu(&p->thread_node, &p->signal->thread_head) */
export function linkThread(ctx: Ctx, leader: TaskId, thread: TaskId): void {
  const T = ctx.s.tasks;
  const last = T.lastThread[leader];
  T.prevThread[thread] = last;
  T.nextThread[thread] = NO_TASK;
  T.nextThread[last] = thread;
  T.lastThread[leader] = thread;
}

/** list_del_rcu(&p->thread_node) of a thread other than the leader (__unhash_process). */
export function unlinkThread(ctx: Ctx, thread: TaskId): void {
  const T = ctx.s.tasks;
  const prev = T.prevThread[thread];
  const next = T.nextThread[thread];
  T.nextThread[prev] = next;
  if (next === NO_TASK) T.lastThread[T.leader[thread]] = prev;
  else T.prevThread[next] = prev;
  T.prevThread[thread] = NO_TASK;
  T.nextThread[thread] = NO_TASK;
}

/**
 * for_each_thread(): the unreleased threads of the group of `t`, leader first (a copy: callers
 * may end threads while iterating). Loops that change no thread walk `nextThread` instead.
 */
export function threadsOf(ctx: Ctx, t: TaskId): TaskId[] {
  const T = ctx.s.tasks;
  const out: TaskId[] = [];
  for (let th = T.leader[t]; th !== NO_TASK; th = T.nextThread[th]) out.push(th);
  return out;
}

/** thread_group_empty(): the leader `p` is the only thread left in its group. */
export const threadGroupEmpty = (ctx: Ctx, p: TaskId): boolean => ctx.s.tasks.nextThread[p] === NO_TASK;

/** !(p->flags & PF_EXITING) && !p->exit_state: the thread is neither exiting nor exited. */
export const running = (ctx: Ctx, t: TaskId): boolean =>
  !ctx.s.tasks.exiting[t] && ctx.s.tasks.exitState[t] === 0;

/** find_alive_thread(): a thread of the group of `t` that is not exiting, or NO_TASK. */
export function findAliveThread(ctx: Ctx, t: TaskId): TaskId {
  const T = ctx.s.tasks;
  for (let th = T.leader[t]; th !== NO_TASK; th = T.nextThread[th]) if (!T.exiting[th]) return th;
  return NO_TASK;
}

/** atomic_read(&signal->live) == 0: no thread of the group of leader `p` is still running. */
export function groupDead(ctx: Ctx, p: TaskId): boolean {
  const T = ctx.s.tasks;
  for (let th = p; th !== NO_TASK; th = T.nextThread[th]) if (running(ctx, th)) return false;
  return true;
}

/** pid_alive(t) && thread_group_leader(t): a leader that release_task has not yet unhashed. */
export const isLiveProcess = (ctx: Ctx, t: TaskId): boolean => ctx.s.tasks.leader[t] === t && ctx.s.tasks.hashed[t] === 1;

/** for_each_process(): thread-group leaders not yet released, in creation order. */
export function processes(ctx: Ctx): TaskId[] {
  const out: TaskId[] = [];
  for (let t = 0; t < ctx.s.tasks.count; t++) if (isLiveProcess(ctx, t)) out.push(t);
  return out;
}

/** list_replace_init(&old->sibling, &new->sibling): `replacement` takes `old`'s place among its parent's children. */
export function replaceChild(ctx: Ctx, old: TaskId, replacement: TaskId): void {
  const T = ctx.s.tasks;
  const parent = T.realParent[old];
  T.realParent[replacement] = parent;
  if (parent === NO_TASK) return;
  joinSiblings(ctx, parent, T.prevSibling[old], replacement);
  joinSiblings(ctx, parent, replacement, T.nextSibling[old]);
  T.prevSibling[old] = NO_TASK;
  T.nextSibling[old] = NO_TASK;
}

/** The thread list of a group becomes `order` (its first entry the group's leader). */
export function relinkThreads(ctx: Ctx, leader: TaskId, order: readonly TaskId[]): void {
  const T = ctx.s.tasks;
  order.forEach((th, i) => {
    T.leader[th] = leader;
    T.prevThread[th] = i === 0 ? NO_TASK : order[i - 1];
    T.nextThread[th] = i + 1 < order.length ? order[i + 1] : NO_TASK;
  });
  T.lastThread[leader] = order[order.length - 1];
}
