/**
 * The world at boot (init/main.c, kernel/pid.c init_pid_ns): one pid namespace ns0 at level 0 and
 * one task, `init`, pid 1, its child reaper, leader of session 1 and process group 1,
 * privileged, reaping its children as they die.
 */
import type { NsId, TaskId } from './abi.ts';
import { SIGNALS } from './abi.ts';
import type { KernelState, PidNamespace, SigSet, TaskTable } from './types.ts';
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
export const EMPTY_SET: SigSet = [];

const FIRST_CAPACITY = 64;

type TypedColumn = Int32Array | Uint32Array | Uint8Array;

/** The columns that are typed arrays, all with the same capacity. */
function typedColumns(T: TaskTable): [keyof TaskTable, TypedColumn][] {
  return (Object.entries(T) as [keyof TaskTable, unknown][]).filter(
    (e): e is [keyof TaskTable, TypedColumn] => ArrayBuffer.isView(e[1]) && e[0] !== 'nrs',
  );
}

/** A table with no tasks and room for `capacity`. */
function emptyTaskTable(capacity: number): TaskTable {
  const i32 = (): Int32Array => new Int32Array(capacity);
  const u8 = (): Uint8Array => new Uint8Array(capacity);
  return {
    count: 0, label: [], cmd: [], nrAt: i32(), nrs: new Int32Array(capacity), nrCount: 0,
    ns: i32(), childrenNs: i32(), mnt: i32(), leader: i32(),
    nextThread: i32(), prevThread: i32(), lastThread: i32(), realParent: i32(),
    firstChild: i32(), lastChild: i32(), nextSibling: i32(), prevSibling: i32(),
    pidRefs: i32(), hashed: u8(), exiting: u8(), exitState: u8(), exitCode: i32(), waitReaped: u8(),
    blocked: [], pdeathsig: i32(), wait: [], execed: u8(), privileged: u8(), uid: new Uint32Array(capacity),
    pgrp: i32(), session: i32(), sessionLeader: u8(), sighand: i32(), pending: [],
    stopped: u8(), groupExit: u8(), groupExitCode: i32(), unkillable: u8(), subreaper: u8(), hasChildSubreaper: u8(),
  };
}

/** A copy of a typed array with room for `size` entries (zeros past the old ones). */
function resized<C extends TypedColumn>(column: C, size: number): C {
  const out = new (column.constructor as new (n: number) => C)(size);
  out.set(column.length > size ? column.subarray(0, size) : column);
  return out;
}

/** Room for one more task and `nrs` more numbers: typed columns double when full. */
function reserveRow(T: TaskTable, nrs: number): void {
  if (T.count === T.leader.length) {
    const size = T.count * 2;
    for (const [key, column] of typedColumns(T)) (T as unknown as Record<string, TypedColumn>)[key] = resized(column, size);
  }
  if (T.nrCount + nrs > T.nrs.length) T.nrs = resized(T.nrs, Math.max(T.nrs.length * 2, T.nrCount + nrs));
}

/**
 * dup_task_struct(): a new row as copy_process finds it before filling in relations — a process
 * of its own (leader of itself, in its own group and session, no relatives), privileged, with
 * `numbers` as its struct pid numbers (root level first). Returns its TaskId. Columns may be
 * replaced by bigger ones: hold the table, not a column, across this call.
 */
export function pushTask(s: KernelState, label: string, cmd: string, ns: NsId, numbers: readonly number[]): TaskId {
  const T = s.tasks;
  reserveRow(T, numbers.length);
  const id = T.count++;
  T.label.push(label);
  T.cmd.push(cmd);
  T.blocked.push(EMPTY_SET);
  T.pending.push(EMPTY_SET);
  T.wait.push(null);
  T.nrAt[id] = T.nrCount;
  T.nrs.set(numbers, T.nrCount);
  T.nrCount += numbers.length;
  T.ns[id] = ns;
  T.childrenNs[id] = ns;
  T.leader[id] = id;
  T.lastThread[id] = id;
  T.pgrp[id] = id;
  T.session[id] = id;
  T.nextThread[id] = T.prevThread[id] = T.realParent[id] = NO_TASK;
  T.firstChild[id] = T.lastChild[id] = T.nextSibling[id] = T.prevSibling[id] = NO_TASK;
  T.hashed[id] = 1;
  T.privileged[id] = 1;
  return id;
}

/** A new sighand_struct; returns its index. */
export function pushSighand(s: KernelState, handled: SigSet, ignored: SigSet, reapAuto: boolean): number {
  const S = s.sighands;
  S.handled.push(handled);
  S.ignored.push(ignored);
  return S.reapAuto.push(reapAuto) - 1;
}

/** The boot state. `pidMax` is the root namespace's kernel.pid_max. */
export function createKernelState(opts: { pidMax?: number } = {}): KernelState {
  const root = blankNamespace(0, null, opts.pidMax ?? PID_MAX_DEFAULT);
  const s: KernelState = {
    tasks: emptyTaskTable(FIRST_CAPACITY), sighands: { handled: [], ignored: [], reapAuto: [] },
    namespaces: [root], mnts: [0],
  };
  const T = s.tasks;
  const init = pushTask(s, 'init', '/sbin/init', 0, [1]);
  // the struct pid of init is used as its PID, TGID, PGID and SID
  T.pidRefs[init] = 4;
  T.sessionLeader[init] = 1;
  T.unkillable[init] = 1;
  T.sighand[init] = pushSighand(s, [SIGNALS.CHLD], EMPTY_SET, true);
  root.idr[1] = init;
  root.count = 1;
  root.cursor = 2;
  root.reaper = init;
  return s;
}

/**
 * A deep copy of a state, for going back to it later (the page's checkpoints). Typed columns are
 * copied only as far as they are used; signal sets and wait selectors are shared, as they are
 * replaced and never mutated.
 */
export function cloneKernelState(s: KernelState): KernelState {
  const T = s.tasks;
  const tasks = { ...T, label: [...T.label], cmd: [...T.cmd], blocked: [...T.blocked], pending: [...T.pending], wait: [...T.wait] };
  const room = Math.max(T.count, 1);
  for (const [key, column] of typedColumns(T)) (tasks as unknown as Record<string, TypedColumn>)[key] = resized(column, room);
  tasks.nrs = resized(T.nrs, Math.max(T.nrCount, 1));
  const S = s.sighands;
  return {
    tasks,
    sighands: { handled: [...S.handled], ignored: [...S.ignored], reapAuto: [...S.reapAuto] },
    namespaces: s.namespaces.map((n) => ({ ...n, idr: n.idr.slice(), zap: n.zap === null ? null : { ...n.zap } })),
    mnts: [...s.mnts],
  };
}
