/**
 * The kernel model's state: plain, serialisable data (records, arrays and typed arrays of numbers,
 * strings and booleans; no classes, no Maps, no functions), so it crosses postMessage and
 * structuredClone unchanged. `dispatch` mutates it in place; callers that need an older state keep
 * a copy (cloneKernelState).
 *
 * One task per thread (task_struct), identified by its TaskId: an index into the columns of
 * `TaskTable`. Tasks are laid out column by column (struct of arrays) in typed arrays rather than
 * as one object each, because a scenario may hold millions of them: a typed column costs the
 * garbage collector nothing per task and grows by doubling. Flags are 0/1 in Uint8Arrays. Each
 * task holds exactly one struct pid (its TID), so a struct pid is named
 * by the row that holds it — the task that created it, unless an exec in a non-leader thread
 * swapped two of them (exchange_tids); process groups and sessions are references to the struct
 * pid of their leader, which may outlive its task (R2, R3).
 * Process-wide data (signal_struct, sighand_struct) lives in the thread-group leader's row.
 */
import type { NsId, TaskId } from './abi.ts';

/** No task: the parent of the root init, an empty list end, an absent reaper. */
export const NO_TASK = -1;

/** task_struct.exit_state: 0 while the task has not finished exiting (include/linux/sched.h) */
export const EXIT_DEAD = 0x10;
export const EXIT_ZOMBIE = 0x20;

/**
 * A column of signal sets (sigset_t): two 32-bit words per row, the first for signals 1–32, the
 * second for 33–64 (sigset.ts reads and writes them).
 */
export type SigColumn = Uint32Array;

/**
 * Every column has one entry per task (TaskId 0 to count - 1); the typed columns may have room
 * for more, all the same size.
 */
export interface TaskTable {
  count: number;
  label: string[];
  /** index into KernelState.cmds: the command line */
  cmd: Int32Array;
  /**
   * where the task's struct pid numbers start in `nrs`, root level first: the number at level L
   * is nrs[nrAt + L], for L from 0 to the level of the task's namespace
   */
  nrAt: Int32Array;
  /** the struct pid numbers of every task, in runs of (level + 1); the first `nrCount` are used */
  nrs: Int32Array;
  nrCount: number;
  /** task_active_pid_ns: where the innermost number lives; never changes (R41) */
  ns: Int32Array;
  /** nsproxy->pid_ns_for_children of this thread (R10) */
  childrenNs: Int32Array;
  /** index into KernelState.mnts: this thread's mount namespace */
  mnt: Int32Array;
  leader: Int32Array;
  /**
   * the thread list (signal->thread_head) of unreleased threads, leader first then in creation
   * order: the leader starts it and is released last, so its row holds the list's tail
   */
  nextThread: Int32Array;
  prevThread: Int32Array;
  lastThread: Int32Array;
  /** real_parent: the thread that created this task, or its adopter */
  realParent: Int32Array;
  /** children list of this thread (oldest first), as sibling links */
  firstChild: Int32Array;
  lastChild: Int32Array;
  nextSibling: Int32Array;
  prevSibling: Int32Array;
  /** how many (task, pid-type) links use this task's struct pid; 0 frees its numbers (R3) */
  pidRefs: Int32Array;
  /** the PID link of this task itself is attached (cleared by release_task) */
  hashed: Uint8Array;
  /** PF_EXITING */
  exiting: Uint8Array;
  /** 0, EXIT_ZOMBIE or EXIT_DEAD */
  exitState: Uint8Array;
  /** wait status as the kernel encodes it: code << 8, or the signal number */
  exitCode: Int32Array;
  /**
   * released by a user-space wait (which saw the group's status) rather than by the kernel
   * (autoreap, a teardown's own reaping), where only the task's own exit code is on record
   * (pidfd exit info): the two differ for an init whose namespace was rebooted (R96)
   */
  waitReaped: Uint8Array;
  blocked: SigColumn;
  pdeathsig: Int32Array;
  /** a blocked wait4 and what it selects (WAIT_*, 0 if none), the struct pid already looked up (R63) */
  waitType: Uint8Array;
  waitOwner: Int32Array;
  /** PF_FORKNOEXEC cleared: the task has exec'd since it was forked (setpgid EACCES, R81) */
  execed: Uint8Array;
  /** holds every capability (credentials are per thread: capset changes only the caller) */
  privileged: Uint8Array;
  /** real, effective and saved uid (setuid(2) changes only the calling thread's) */
  uid: Uint32Array;
  // ---- process-wide, meaningful on the leader ----
  pgrp: Int32Array;
  session: Int32Array;
  sessionLeader: Uint8Array;
  /** index into KernelState.sighands: shared by the threads of a group and by CLONE_SIGHAND */
  sighand: Int32Array;
  pending: SigColumn;
  stopped: Uint8Array;
  groupExit: Uint8Array;
  groupExitCode: Int32Array;
  /** SIGNAL_UNKILLABLE: set on a namespace init, cleared by a fatal fault (R76) */
  unkillable: Uint8Array;
  subreaper: Uint8Array;
  hasChildSubreaper: Uint8Array;
}

/**
 * What a wait4 selects, resolved when the call is made: any child, the child owning a struct
 * pid, or the children in a process group (by the struct pid of the group). NO_TASK matches none.
 */
export interface WaitSelector {
  type: WaitType;
  owner: TaskId;
}
export const WAIT_ANY = 1;
export const WAIT_PID = 2;
export const WAIT_PGRP = 3;
export type WaitType = typeof WAIT_ANY | typeof WAIT_PID | typeof WAIT_PGRP;

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

/**
 * The sighand_structs: tables of signal dispositions (default is being in neither set), one
 * row each, indexed by TaskTable `sighand`; typed columns that double like the task table's.
 */
export interface SighandTable {
  count: number;
  handled: SigColumn;
  ignored: SigColumn;
  /** the handler for SIGCHLD is the language's `reap auto`: it reaps every zombie child */
  reapAuto: Uint8Array;
}

export interface KernelState {
  tasks: TaskTable;
  sighands: SighandTable;
  /** command lines, by index (TaskTable.cmd): a fork shares its parent's, an exec adds one */
  cmds: string[];
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
