/**
 * kernel/pid_namespace.c: creating pid namespaces and tearing one down when its init dies
 * (zap_pid_ns_processes, R59–R61).
 *
 * The teardown is the one place where the kernel waits: after killing every other task with a
 * number in the namespace, the init sleeps until every other struct pid of the namespace is freed,
 * by whoever must reap it (possibly a parent outside the namespace). The model records that wait
 * in `PidNamespace.zap` and resumes the init's exit when the count drops (see exit.ts).
 */
import type { NsId, TaskId } from './abi.ts';
import { SIGNALS } from './abi.ts';
import { type Ctx, emit, ns, proc, reportAct, sighandOf } from './context.ts';
import { releaseTask } from './release.ts';
import { sendPrivSignal } from './signal.ts';
import { sigAdd, sigDel } from './sigset.ts';
import { blankNamespace } from './state.ts';
import { childrenOf, threadGroupEmpty, threadsOf } from './tasklist.ts';
import { EXIT_ZOMBIE, MAX_PID_NS_LEVEL, PID_MAX_LIMIT } from './types.ts';

/**
 * create_pid_namespace(): a child of `parent`, appended to the state; ENOSPC past level 32 (R6).
 * New namespaces start with pid_max = PID_MAX_LIMIT on 6.14+ (R8).
 */
export function createPidNamespace(ctx: Ctx, parent: NsId): NsId | 'ENOSPC' {
  const p = ns(ctx, parent);
  if (p.level + 1 > MAX_PID_NS_LEVEL) return 'ENOSPC';
  const id = ctx.s.namespaces.length;
  ctx.s.namespaces.push(blankNamespace(id, p, PID_MAX_LIMIT));
  return id;
}

/** Undo createPidNamespace() for a call that failed later: the name is never handed out. */
export function destroyUnusedPidNamespace(ctx: Ctx, id: NsId): void {
  if (id === ctx.s.namespaces.length - 1 && ns(ctx, id).count === 0) ctx.s.namespaces.pop();
}

/** disable_pid_allocation() */
function disablePidAllocation(ctx: Ctx, id: NsId): void {
  ns(ctx, id).adding = false;
}

/**
 * zap_pid_ns_processes(): the last thread `me` of namespace `id`'s init is exiting. Returns true
 * when the namespace is already empty enough for the init to finish its exit now; otherwise the
 * init waits, recorded in `zap`.
 */
export function zapPidNsProcesses(ctx: Ctx, id: NsId, me: TaskId): boolean {
  const n = ns(ctx, id);
  const T = ctx.s.tasks;
  const S = ctx.s.sighands;
  const init = proc(ctx, me);
  disablePidAllocation(ctx, id);
  const sh = sighandOf(ctx, init);
  sigAdd(S.ignored, sh, SIGNALS.CHLD);
  sigDel(S.handled, sh, SIGNALS.CHLD);
  S.reapAuto[sh] = 0;
  emit(ctx, { type: 'ns/zap-started', ns: id, init: me });
  const victims: TaskId[] = [];
  for (let nr = 2; nr < n.idr.length; nr++) if (n.idr[nr] !== undefined) victims.push(n.idr[nr] ?? -1);
  for (const owner of victims) {
    if (T.hashed[owner] && !T.groupExit[proc(ctx, owner)]) sendPrivSignal(ctx, owner, SIGNALS.KILL, 'ns-teardown');
  }
  reportAct(ctx, 'killed', id);
  reapZombieChildren(ctx, init);
  const until = T.leader[me] === me ? 1 : 2;
  if (n.count <= until) {
    reportAct(ctx, 'reaped', id);
    applyReboot(ctx, id, me);
    return true;
  }
  n.zap = { init: me, until };
  emit(ctx, { type: 'ns/zap-waiting', ns: id, init: me, remaining: n.count - until });
  return false;
}

/** The end of the teardown: a namespace that was rebooted forces the init's exit signal. */
function applyReboot(ctx: Ctx, id: NsId, me: TaskId): void {
  const reboot = ns(ctx, id).reboot;
  if (reboot === 0) return;
  const init = proc(ctx, me);
  ctx.s.tasks.groupExit[init] = 1;
  ctx.s.tasks.groupExitCode[init] = reboot;
}

/** The kernel_wait4(-1, __WALL) loop of the teardown: reap the zombies the init already had. */
function reapZombieChildren(ctx: Ctx, leader: TaskId): void {
  for (const th of threadsOf(ctx, leader)) {
    for (const c of childrenOf(ctx, th)) {
      if (ctx.s.tasks.exitState[c] === EXIT_ZOMBIE && threadGroupEmpty(ctx, c)) releaseTask(ctx, c, null);
    }
  }
}

/**
 * The wake-up of free_pid() (R19): if the init of `id` waits in the teardown and the count has
 * dropped far enough, end the wait, apply a reboot's exit signal (R90), and return the init thread
 * whose exit must go on; otherwise null.
 */
export function zapWakeUp(ctx: Ctx, id: NsId): TaskId | null {
  const n = ns(ctx, id);
  if (n.zap === null || n.count > n.zap.until) return null;
  const me = n.zap.init;
  n.zap = null;
  reportAct(ctx, 'reaped', id);
  applyReboot(ctx, id, me);
  return me;
}
