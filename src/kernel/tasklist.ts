/**
 * The task lists of include/linux/sched.h: a thread's `children` list (kept oldest first, as
 * list_add_tail keeps it, because wait() walks it in that order) and iteration helpers.
 */
import type { TaskId } from './abi.ts';
import { type Ctx, task } from './context.ts';
import { NO_TASK } from './types.ts';

/** list_add_tail(&child->sibling, &parent->children) */
export function linkChild(ctx: Ctx, parent: TaskId, child: TaskId): void {
  const p = task(ctx, parent);
  const c = task(ctx, child);
  c.realParent = parent;
  c.prevSibling = p.lastChild;
  c.nextSibling = NO_TASK;
  if (p.lastChild === NO_TASK) p.firstChild = child;
  else task(ctx, p.lastChild).nextSibling = child;
  p.lastChild = child;
}

/** list_del_init(&child->sibling) */
export function unlinkChild(ctx: Ctx, child: TaskId): void {
  const c = task(ctx, child);
  if (c.realParent === NO_TASK) return;
  const p = task(ctx, c.realParent);
  if (c.prevSibling === NO_TASK) p.firstChild = c.nextSibling;
  else task(ctx, c.prevSibling).nextSibling = c.nextSibling;
  if (c.nextSibling === NO_TASK) p.lastChild = c.prevSibling;
  else task(ctx, c.nextSibling).prevSibling = c.prevSibling;
  c.prevSibling = NO_TASK;
  c.nextSibling = NO_TASK;
}

/** The children of one thread, oldest first (a copy: callers may relink while iterating). */
export function childrenOf(ctx: Ctx, parent: TaskId): TaskId[] {
  const out: TaskId[] = [];
  for (let c = task(ctx, parent).firstChild; c !== NO_TASK; c = task(ctx, c).nextSibling) out.push(c);
  return out;
}

/** for_each_thread(): the live (unreleased) threads of the group of `t`, leader first. */
export function threadsOf(ctx: Ctx, t: TaskId): TaskId[] {
  const leader = task(ctx, task(ctx, t).leader);
  return leader.threads;
}

/** find_alive_thread(): a thread of the group of `t` that is not exiting, or NO_TASK. */
export function findAliveThread(ctx: Ctx, t: TaskId): TaskId {
  for (const id of threadsOf(ctx, t)) if (!task(ctx, id).exiting) return id;
  return NO_TASK;
}

/** for_each_process(): thread-group leaders not yet released, in creation order. */
export function* processes(ctx: Ctx): Generator<TaskId> {
  for (const t of ctx.s.tasks) if (t.leader === t.id && t.hashed) yield t.id;
}
