/**
 * One line on why a call failed, from the rule of docs/kernel-semantics.md that produces that
 * errno for that op (R-numbers in brackets). When an op can fail the same way for several
 * reasons the line names the usual one and the rule to read.
 */

const WHY: Record<string, Record<string, string>> = {
  fork: {
    ENOMEM: "the namespace's init has exited (or never got its first child): no new pid is handed out there (R17, R30)",
    EAGAIN: 'no free pid left in the range of one of the namespaces (pid_max is used up, R15)',
  },
  clone: {
    ENOMEM: "the target namespace's init has exited: no new pid is handed out there (R17)",
    EAGAIN: 'no free pid left in the range of one of the namespaces (R15)',
    EINVAL: 'these flags do not go together here, e.g. NEWPID or THREAD after unshare/setns, or THREAD without SIGHAND (R31, R34)',
    ENOSPC: 'pid namespaces nest at most 32 levels deep (R6)',
    EPERM: 'creating a pid namespace or choosing pids with set_tid needs CAP_SYS_ADMIN (R33)',
    EEXIST: 'a number asked for with set_tid is already in use in its namespace (R24)',
  },
  unshare: {
    EINVAL: 'the caller already unshared or joined a pid namespace for its children (R31)',
    ENOSPC: 'pid namespaces nest at most 32 levels deep (R6)',
    EPERM: 'unshare(CLONE_NEWPID) needs CAP_SYS_ADMIN (R33)',
  },
  setns: {
    EINVAL: 'a task may only join its own pid namespace or one below it (R32)',
    EPERM: 'setns needs CAP_SYS_ADMIN (R32)',
    ESRCH: 'that pid does not exist in the caller\'s namespace (R40)',
    ENOENT: 'that task is gone, so its /proc/PID/ns/pid cannot be opened (R32)',
  },
  kill: {
    ESRCH: 'no process with that number is visible from the caller\'s namespace (R69)',
    EPERM: 'the caller may not signal that process: different uid and no CAP_KILL (R69)',
    EINVAL: 'that is not a signal number (R69)',
  },
  wait: {
    ECHILD: 'the caller has no child that matches (children in other namespaces count by their number here, R65)',
  },
  setpgid: {
    EPERM: 'the group is in another session, is outside the caller\'s namespace, or the target leads a session (R81)',
    ESRCH: 'the target is neither the caller nor one of its children visible here (R81)',
    EACCES: 'the child has already exec\'d (R81)',
    EINVAL: 'a negative pgid, or the target is not a thread-group leader (R81)',
  },
  setsid: { EPERM: 'the caller already leads a process group (R80)' },
  write: {
    EINVAL: 'the value is outside what the file accepts (R20, R95)',
    EPERM: 'writing ns_last_pid needs CAP_SYS_ADMIN or CAP_CHECKPOINT_RESTORE (R20)',
    EACCES: 'only uid 0 may write pid_max (R95)',
  },
  reboot: {
    EINVAL: 'inside a pid namespace reboot() only takes RESTART, HALT and POWER_OFF (R90)',
    EPERM: 'reboot() needs CAP_SYS_BOOT (R90)',
  },
};

const ANY: Record<string, string> = {
  ESRCH: 'no process with that number is visible from the caller\'s namespace',
  EPERM: 'the caller lacks the privilege this call needs',
  EINVAL: 'an argument is not valid for this call here',
  ECHILD: 'the caller has no such child',
};

export function whyFailed(op: string, errno: string): string | null {
  return WHY[op]?.[errno] ?? ANY[errno] ?? null;
}
