/**
 * The kernel model's state: plain, serialisable data (arrays and records of numbers, strings and
 * booleans; no classes, no Maps, no functions), so it crosses postMessage and structuredClone
 * unchanged. `dispatch` mutates it in place; callers that need an older state keep a clone.
 *
 * One Task per thread (task_struct). Each task owns exactly one struct pid (its TID), so a struct
 * pid is identified by the TaskId of the task that created it; process groups and sessions are
 * references to the struct pid of their leader, which may outlive its task (R2, R3).
 * Process-wide data (signal_struct, sighand_struct) lives on the thread-group leader's Task.
 */
import type { NsId, TaskId } from './abi.ts';

/** No task: the parent of the root init, an empty list end, an absent reaper. */
export const NO_TASK = -1;

export interface Task {
  id: TaskId;
  label: string;
  cmd: string;
  /** struct pid numbers, root level first: numbers[L] is the nr in the level-L ancestor of `ns` */
  numbers: number[];
  /** task_active_pid_ns: where the innermost number lives; never changes (R41) */
  ns: NsId;
  /** nsproxy->pid_ns_for_children of this thread (R10) */
  childrenNs: NsId;
  /** index into KernelState.mnts: this thread's mount namespace */
  mnt: number;
  leader: TaskId;
  /** on a leader: every thread of the group that has not been released, leader first */
  threads: TaskId[];
  /** real_parent: the thread that created this task, or its adopter */
  realParent: TaskId;
  /** children list of this thread (oldest first), as sibling links */
  firstChild: TaskId;
  lastChild: TaskId;
  nextSibling: TaskId;
  prevSibling: TaskId;
  /** how many (task, pid-type) links use this task's struct pid; 0 frees its numbers (R3) */
  pidRefs: number;
  /** the PID link of this task itself is attached (cleared by release_task) */
  hashed: boolean;
  /** PF_EXITING */
  exiting: boolean;
  exitState: 'none' | 'zombie' | 'dead';
  /** wait status as the kernel encodes it: code << 8, or the signal number */
  exitCode: number;
  /**
   * released by a user-space wait (which saw the group's status) rather than by the kernel
   * (autoreap, a teardown's own reaping), where only the task's own exit code is on record
   * (pidfd exit info): the two differ for an init whose namespace was rebooted (R96)
   */
  waitReaped: boolean;
  blocked: number[];
  pdeathsig: number;
  /** a blocked wait4, with the struct pid it selects already looked up (R63) */
  wait: WaitSelector | null;
  /** PF_FORKNOEXEC cleared: the task has exec'd since it was forked (setpgid EACCES, R81) */
  execed: boolean;
  /** holds every capability (credentials are per thread: capset changes only the caller) */
  privileged: boolean;
  /** real, effective and saved uid (setuid(2) changes only the calling thread's) */
  uid: number;
  // ---- process-wide, meaningful on the leader ----
  pgrp: TaskId;
  session: TaskId;
  sessionLeader: boolean;
  /** index into KernelState.sighands: shared by the threads of a group and by CLONE_SIGHAND */
  sighand: number;
  pending: number[];
  stopped: boolean;
  groupExit: boolean;
  groupExitCode: number;
  /** SIGNAL_UNKILLABLE: set on a namespace init, cleared by a fatal fault (R76) */
  unkillable: boolean;
  subreaper: boolean;
  hasChildSubreaper: boolean;
}

/**
 * What a wait4 selects, resolved when the call is made: any child, the child owning a struct
 * pid, or the children in a process group (by the struct pid of the group). NO_TASK matches none.
 */
export type WaitSelector = { type: 'any' } | { type: 'pid' | 'pgrp'; owner: TaskId };

export interface PidNamespace {
  id: NsId;
  level: number;
  parent: NsId | null;
  /**
   * nr -> TaskId owning the struct pid; a hole where the number is free. An array (possibly
   * sparse) so that walking it in number order, as proc readdir and the teardown do, is a loop.
   */
  idr: TaskId[];
  /** idr_next: where the cyclic allocator starts looking */
  cursor: number;
  pidMax: number;
  /** PIDNS_ADDING: new pids may still be published here (R17) */
  adding: boolean;
  /** pid_allocated without the flag: struct pids holding a number here */
  count: number;
  /** how many of those numbers are RESERVED_PIDS or above: lets a full namespace say EAGAIN at once */
  high: number;
  /** child_reaper (a thread), NO_TASK until a pid 1 exists; not cleared when it dies (R62) */
  reaper: TaskId;
  /** exit signal forced by reboot(2) inside the namespace, 0 if none (R90) */
  reboot: number;
  /** the init waiting in zap_pid_ns_processes for the count to drop, and to what */
  zap: { init: TaskId; until: number } | null;
}

/** sighand_struct: the table of signal dispositions (default is being in neither list). */
export interface Sighand {
  handled: number[];
  ignored: number[];
  /** the handler for SIGCHLD is the language's `reap auto`: it reaps every zombie child */
  reapAuto: boolean;
}

export interface KernelState {
  tasks: Task[];
  sighands: Sighand[];
  namespaces: PidNamespace[];
  /** per mount namespace: the pid namespace its /proc shows */
  mnts: NsId[];
}

export const RESERVED_PIDS = 300;
export const PID_MAX_DEFAULT = 32768;
export const PID_MAX_LIMIT = 4194304;
export const PID_MAX_MIN = 301;
export const MAX_PID_NS_LEVEL = 32;
export const SET_TID_MAX = 32;
