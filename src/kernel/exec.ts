/**
 * fs/exec.c: what execve() does to the pid machinery. de_thread() ends every other thread of the
 * group; when the caller is not the group's leader it takes over the leader's place — its pid
 * (exchange_tids), its process-wide links (transfer_pid of TGID, PGID, SID), its place among its
 * parent's children — and the old leader is released. Then handled signals go back to default
 * (ignored ones stay), which ends `reap auto`.
 */
import type { Ret, TaskId } from './abi.ts';
import { type Ctx, emit, ok, proc } from './context.ts';
import { doExit, exitCodeStatus } from './exit.ts';
import { exchangeTids } from './pid.ts';
import { releaseTask } from './release.ts';
import { sigClear, sigCopy } from './sigset.ts';
import { pushSighandCopy } from './state.ts';
import { isLiveProcess, relinkThreads, replaceChild, threadsOf } from './tasklist.ts';
import type { TaskTable } from './types.ts';

/** The signal_struct (and sighand pointer) fields kept on the leader's row, but signal sets: they follow the leadership. */
const PROCESS_COLUMNS = [
  'pgrp', 'session', 'sessionLeader', 'sighand', 'stopped', 'groupExit', 'groupExitCode',
  'unkillable', 'subreaper', 'hasChildSubreaper',
] as const satisfies readonly (keyof TaskTable)[];

/** execve() by `actor`: a new command line. */
export function sysExec(ctx: Ctx, actor: TaskId, cmd: string): Ret {
  const T = ctx.s.tasks;
  deThread(ctx, actor);
  T.cmd[actor] = ctx.s.cmds.push(cmd) - 1;
  T.execed[actor] = 1;
  const sh = unshareSighand(ctx, actor);
  sigClear(ctx.s.sighands.handled, sh);
  ctx.s.sighands.reapAuto[sh] = 0;
  return ok(0);
}

/**
 * de_thread(): the other threads die of zap_other_threads()'s SIGKILL, but exit with code 0 (with
 * signal->group_exec_task set, do_group_exit() uses 0); a non-leader caller then becomes the leader.
 */
function deThread(ctx: Ctx, actor: TaskId): void {
  const T = ctx.s.tasks;
  const leader = proc(ctx, actor);
  const execExit = exitCodeStatus(0);
  for (const id of threadsOf(ctx, leader)) if (id !== actor && id !== leader) doExit(ctx, id, execExit);
  if (leader === actor) return;
  if (!T.exiting[leader]) doExit(ctx, leader, execExit);
  takeOverLeader(ctx, actor, leader);
}

/** The non-leader `t` takes the place of the exited leader `l`, which is then released. */
function takeOverLeader(ctx: Ctx, t: TaskId, l: TaskId): void {
  const T = ctx.s.tasks;
  exchangeTids(ctx, t, l);
  for (const column of PROCESS_COLUMNS) T[column][t] = T[column][l];
  sigCopy(T.pending, t, T.pending, l);
  replaceChild(ctx, l, t);
  // tsk->group_leader = tsk; leader->group_leader = tsk: the old leader stays listed after t
  relinkThreads(ctx, t, [t, l, ...threadsOf(ctx, l).filter((x) => x !== t && x !== l)]);
  emit(ctx, { type: 'task/took-over', task: t, from: l });
  releaseTask(ctx, l, null);
}

/** Another live process uses the same handler table (CLONE_SIGHAND): refcount_read(&sighand->count) > 1. */
function sighandShared(ctx: Ctx, p: TaskId): boolean {
  const T = ctx.s.tasks;
  for (let o = 0; o < T.count; o++) if (o !== p && T.sighand[o] === T.sighand[p] && isLiveProcess(ctx, o)) return true;
  return false;
}

/**
 * unshare_sighand(): execve gives a process that shares its handler table (CLONE_SIGHAND) a
 * private copy before resetting it, so the other sharers keep their handlers.
 */
function unshareSighand(ctx: Ctx, actor: TaskId): number {
  const T = ctx.s.tasks;
  const p = proc(ctx, actor);
  if (sighandShared(ctx, p)) T.sighand[p] = pushSighandCopy(ctx.s, T.sighand[p]);
  return T.sighand[p];
}
