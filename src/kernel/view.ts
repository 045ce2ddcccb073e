/**
 * Read-only views of the kernel state, shaped for the CLI's JSON document, the ps tables and the
 * page. Every number here is translated the way user space would see it; nothing here mutates.
 */
import type { NsId, SigName, TaskId } from './abi.ts';

/** One row of `ps -e -o pid,ppid,pgid,sid,stat,cmd` run inside a namespace with its own /proc. */
export interface PsRow {
  task: TaskId;
  pid: number;
  /** 0 when the parent is not visible in the namespace */
  ppid: number;
  /** 0 when the group leader's pid has no number in the namespace */
  pgid: number;
  sid: number;
  /** S alive, T stopped, Z zombie (an init waiting in its namespace's teardown shows S) */
  stat: 'S' | 'T' | 'Z';
  cmd: string;
  label: string;
}

/** `active`: its init lives (or unshare made it and it has no task yet); `dying`: the init is
 * gone and some pid is still allocated in it; `dead`: no pid left. */
export type NsStateName = 'active' | 'dying' | 'dead';

export interface NsView {
  id: NsId;
  name: string;
  level: number;
  parent: NsId | null;
  state: NsStateName;
  /** the task holding pid 1 here (the child reaper), if one ever existed */
  init: TaskId | null;
  /** thread-group leaders visible here that are alive or stopped / zombies */
  live: number;
  zombies: number;
  pidMax: number;
  /** the number the next ordinary fork would start looking from (ns_last_pid + 1) */
  lastPid: number;
}

/** `exiting` = a namespace init waiting in its namespace's teardown (zap_pid_ns_processes). */
export type TaskStateName = 'alive' | 'stopped' | 'exiting' | 'zombie' | 'dead';
export type ExitStatus = { code: number } | { signal: SigName };

export interface TaskView {
  id: TaskId;
  label: string;
  cmd: string;
  /** the task's own (active) pid namespace */
  ns: NsId;
  /** pid_ns_for_children of this thread */
  childrenNs: NsId;
  /** pid numbers outermost first (the NSpid line read through the root /proc) */
  nspid: number[];
  state: TaskStateName;
  exit: ExitStatus | null;
  /** thread-group leader (itself for a process) */
  leader: TaskId;
  isThread: boolean;
  /** real parent process (its leader), null for the root init */
  parent: TaskId | null;
  pgrpLeaderNspid: number[];
  sessionLeaderNspid: number[];
  pending: SigName[];
  blocked: SigName[];
  handled: SigName[];
  ignored: SigName[];
  subreaper: boolean;
  reapAuto: boolean;
  uid: number;
  privileged: boolean;
  /** true while blocked in a wait */
  waiting: boolean;
  /** the namespace whose /proc this task's mount namespace shows */
  procNs: NsId;
}
