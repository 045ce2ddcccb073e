/**
 * The world at boot (init/main.c, kernel/pid.c init_pid_ns): one pid namespace ns0 at level 0 and
 * one task, `init`, pid 1, its child reaper, leader of session 1 and process group 1,
 * privileged, reaping its children as they die.
 */
import type { NsId, TaskId } from './abi.ts';
import { SIGNALS } from './abi.ts';
import type { KernelState, PidNamespace, Task } from './types.ts';
import { NO_TASK, PID_MAX_DEFAULT } from './types.ts';

/** create_pid_namespace(): level = parent + 1, no pids, adding allowed, cursor 0 (R5). */
export function blankNamespace(id: NsId, parent: PidNamespace | null, pidMax: number): PidNamespace {
  return {
    id,
    level: parent === null ? 0 : parent.level + 1,
    parent: parent === null ? null : parent.id,
    idr: [],
    cursor: 0,
    pidMax,
    adding: true,
    count: 0,
    high: 0,
    reaper: NO_TASK,
    reboot: 0,
    zap: null,
  };
}

/**
 * The one empty signal set that fresh tasks share. Sets are replaced, never mutated (sigset.ts),
 * so sharing is safe and saves an allocation per set per task.
 */
const EMPTY_SET: number[] = [];

/** A task_struct as dup_task_struct leaves it, before copy_process fills in relations. */
export function blankTask(id: TaskId, label: string, cmd: string): Task {
  return {
    id, label, cmd,
    numbers: [], ns: 0, childrenNs: 0, mnt: 0,
    leader: id, threads: [id], realParent: NO_TASK,
    firstChild: NO_TASK, lastChild: NO_TASK, nextSibling: NO_TASK, prevSibling: NO_TASK,
    pidRefs: 0, hashed: true, exiting: false, exitState: 'none', exitCode: 0, waitReaped: false,
    blocked: EMPTY_SET, pdeathsig: 0, wait: null, execed: false,
    pgrp: id, session: id, sessionLeader: false,
    sighand: 0, pending: EMPTY_SET,
    stopped: false, groupExit: false, groupExitCode: 0,
    unkillable: false, subreaper: false, hasChildSubreaper: false,
    uid: 0, privileged: true,
  };
}

/** The boot state. `pidMax` is the root namespace's kernel.pid_max. */
export function createKernelState(opts: { pidMax?: number } = {}): KernelState {
  const root = blankNamespace(0, null, opts.pidMax ?? PID_MAX_DEFAULT);
  const init = blankTask(0, 'init', '/sbin/init');
  init.numbers = [1];
  // the struct pid of init is used as its PID, TGID, PGID and SID
  init.pidRefs = 4;
  init.sessionLeader = true;
  init.unkillable = true;
  root.idr[1] = 0;
  root.count = 1;
  root.cursor = 2;
  root.reaper = 0;
  const sighand = { handled: [SIGNALS.CHLD], ignored: EMPTY_SET, reapAuto: true };
  return { tasks: [init], sighands: [sighand], namespaces: [root], mnts: [0] };
}
