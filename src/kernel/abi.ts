/**
 * The engine's user-space ABI: the system calls a scenario can make, what they return, and the
 * events they cause. This file is the contract between the kernel model and its callers (the
 * scenario interpreter, the worker, the CLI); it holds types and constants only.
 *
 * Identity: every task (thread included) has a TaskId = its index in creation order; every pid
 * namespace an NsId = its index in creation order (its name is `ns${id}`).
 */

/** A task (thread included): its row in the columns of `KernelState.tasks`, in creation order. */
export type TaskId = number;
/** Index of a pid namespace in `KernelState.namespaces`; its name is `ns${NsId}`. */
export type NsId = number;

/** Signal numbers as on x86-64 Linux (`arch/x86/include/uapi/asm/signal.h`). */
export const SIGNALS = {
  HUP: 1, INT: 2, QUIT: 3, ILL: 4, TRAP: 5, ABRT: 6, BUS: 7, FPE: 8, KILL: 9, USR1: 10,
  SEGV: 11, USR2: 12, PIPE: 13, ALRM: 14, TERM: 15, STKFLT: 16, CHLD: 17, CONT: 18, STOP: 19,
  TSTP: 20, TTIN: 21, TTOU: 22, URG: 23, XCPU: 24, XFSZ: 25, VTALRM: 26, PROF: 27, WINCH: 28,
  IO: 29, PWR: 30, SYS: 31,
} as const;
export type SigName = keyof typeof SIGNALS;

export type CloneFlag = 'NEWPID' | 'NEWNS' | 'THREAD' | 'SIGHAND' | 'VM' | 'PARENT' | 'FS';
export type UnshareFlag = 'NEWPID' | 'NEWNS';
export type Disposition = 'default' | 'ignore' | 'handle';
export type RebootCmd = 'RESTART' | 'HALT' | 'POWER_OFF' | 'CAD_ON';

/**
 * Where a pid-valued argument points. `nr` is a number read in the caller's active namespace,
 * exactly as the real system call reads it (0, -1 and negative group forms included).
 * `task` names a task directly; the kernel turns it into the number under which the caller sees
 * it, and a task the caller cannot see (or that was reaped) behaves as a pid that does not exist.
 */
export type Target = { kind: 'nr'; nr: number } | { kind: 'task'; task: TaskId };

/** One system call made by `actor`. Argument shapes mirror the scenario language's ops. */
export type Syscall = { actor: TaskId } & (
  | { op: 'clone'; flags: CloneFlag[]; setTid: number[] | null; label: string; cmd: string | null }
  | { op: 'unshare'; flags: UnshareFlag[] }
  | { op: 'setns'; target: Target }
  | { op: 'exec'; cmd: string }
  | { op: 'exit'; code: number }
  | { op: 'thread-exit'; code: number }
  | { op: 'wait'; target: Target | null; nohang: boolean }
  | { op: 'kill'; sig: number; target: Target }
  | { op: 'signal'; sig: number; disposition: Disposition }
  | { op: 'setsid' }
  | { op: 'setpgid'; target: Target; pgid: Target }
  | { op: 'getpid' | 'gettid' | 'getppid' }
  | { op: 'getpgid' | 'getsid'; target: Target | null }
  | { op: 'nspid'; target: Target | null }
  | { op: 'prctl-subreaper'; on: boolean }
  | { op: 'reap'; mode: 'auto' | 'manual' }
  | { op: 'mount-proc' }
  | { op: 'ps' }
  | { op: 'write-ns-last-pid'; value: number }
  | { op: 'write-pid-max'; value: number }
  | { op: 'caps-drop' }
  | { op: 'setuid'; uid: number }
  | { op: 'sigmask'; block: boolean; sig: number }
  | { op: 'pdeathsig'; sig: number }
  | { op: 'fault' }
  | { op: 'reboot'; cmd: RebootCmd }
);
export type SyscallOp = Syscall['op'];

/** A step's result, written in the language as `5`, `EINVAL`, `1 2 3` or nothing. */
export type Ret =
  | { kind: 'int'; value: number }
  | { kind: 'errno'; name: string }
  | { kind: 'list'; values: number[] }
  | { kind: 'none' }
  /** the call blocks (a wait with no child ready); its result arrives later in `completed` */
  | { kind: 'blocked' };

/** Something the kernel did, for the event log. Tasks are named by id; numbers by the view. */
export type KernelEvent =
  | { type: 'task/created'; task: TaskId; parent: TaskId; thread: boolean }
  | { type: 'ns/created'; ns: NsId; by: TaskId }
  | { type: 'task/exited'; task: TaskId; code: number }
  | { type: 'task/killed'; task: TaskId; sig: SigName; reason: KillReason }
  | { type: 'task/zombie'; task: TaskId; parent: TaskId }
  | { type: 'task/reaped'; task: TaskId; by: TaskId | null }
  | { type: 'task/reparented'; task: TaskId; from: TaskId; to: TaskId }
  /** exec in a non-leader thread: `task` took the thread-group leader `from`'s pid and place */
  | { type: 'task/took-over'; task: TaskId; from: TaskId }
  | { type: 'task/stopped'; task: TaskId; sig: SigName }
  | { type: 'task/continued'; task: TaskId }
  | { type: 'signal/delivered'; task: TaskId; sig: SigName; handled: boolean }
  | { type: 'signal/dropped'; task: TaskId; sig: SigName; why: DropReason }
  | { type: 'signal/pending'; task: TaskId; sig: SigName }
  | { type: 'ns/zap-started'; ns: NsId; init: TaskId }
  | { type: 'ns/zap-waiting'; ns: NsId; init: TaskId; remaining: number }
  | { type: 'ns/dead'; ns: NsId }
  | { type: 'ns/reaper-changed'; ns: NsId; task: TaskId }
  | { type: 'wait/blocked'; task: TaskId }
  | { type: 'wait/completed'; task: TaskId; ret: Ret };

/**
 * The acts of a namespace teardown (zap_pid_ns_processes, R60), in the order a call reaches them:
 * `killed` every other task of `ns` has been sent SIGKILL; `reaped` every other pid of `ns` is
 * freed (the init's wait is over); `init-zombie` the init has finished its exit (exit_notify).
 * `events` is how many events the call had emitted at that point.
 */
export interface TeardownAct {
  act: 'killed' | 'reaped' | 'init-zombie';
  ns: NsId;
  events: number;
}

export type KillReason = 'signal' | 'ns-teardown' | 'fault' | 'reboot' | 'pdeathsig' | 'unblocked';
export type DropReason = 'init-protected' | 'ignored' | 'blocked-init' | 'global-init';

/** What `dispatch` returns. `fault` is a scenario error: the state was left unchanged. */
export interface Outcome {
  ret: Ret;
  events: KernelEvent[];
  /** blocked waits (by actor) that completed during this call, in completion order */
  completed: { task: TaskId; ret: Ret }[];
  fault: string | null;
}
