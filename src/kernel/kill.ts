/**
 * kill(2): kill_something_info() in kernel/signal.c with its four forms (R69–R72).
 * Targets are chosen before any signal acts, as under the kernel's tasklist lock.
 */
import type { Ret, TaskId } from './abi.ts';
import { type Ctx, err, ok, proc } from './context.ts';
import { pgrpMembers } from './pgrp.ts';
import { findPidNs, findTaskByPidNs, pidNrNs } from './pid.ts';
import { groupSendFromUser } from './signal.ts';
import { processes } from './tasklist.ts';
import { NO_TASK } from './types.ts';

const INT_MIN = -2147483648;

/** __kill_pgrp_info(): success if one delivery succeeded, else the last error, ESRCH if empty. */
function killPgrp(ctx: Ctx, sender: TaskId, pgrp: TaskId, sig: number): Ret {
  let ret: string | null = 'ESRCH';
  for (const m of pgrpMembers(ctx, pgrp)) {
    const e = groupSendFromUser(ctx, sender, m, sig);
    if (ret !== null) ret = e;
  }
  return ret === null ? ok(0) : err(ret);
}

/** kill(-1): every process numbered > 1 in the sender's namespace but its own (R72). */
function killAll(ctx: Ctx, sender: TaskId, sig: number): Ret {
  const T = ctx.s.tasks;
  const targets: TaskId[] = [];
  for (const p of processes(ctx)) {
    if (p !== T.leader[sender] && pidNrNs(ctx, p, T.ns[sender]) > 1) targets.push(p);
  }
  let ret: string | null = null;
  for (const p of targets) {
    const e = T.hashed[p] ? groupSendFromUser(ctx, sender, p, sig) : null;
    if (e !== 'EPERM') ret = e;
  }
  if (targets.length === 0) return err('ESRCH');
  return ret === null ? ok(0) : err(ret);
}

/** kill_something_info() */
export function sysKill(ctx: Ctx, sender: TaskId, pid: number, sig: number): Ret {
  const senderNs = ctx.s.tasks.ns[sender];
  if (pid > 0) {
    const target = findTaskByPidNs(ctx, pid, senderNs);
    if (target === NO_TASK) return err('ESRCH');
    const e = groupSendFromUser(ctx, sender, target, sig);
    return e === null ? ok(0) : err(e);
  }
  if (pid === INT_MIN) return err('ESRCH');
  if (pid === -1) return killAll(ctx, sender, sig);
  const pgrp = pid === 0 ? ctx.s.tasks.pgrp[proc(ctx, sender)] : findPidNs(ctx, -pid, senderNs);
  if (pgrp === NO_TASK) return err('ESRCH');
  return killPgrp(ctx, sender, pgrp, sig);
}
