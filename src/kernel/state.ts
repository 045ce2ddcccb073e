/**
 * The world at boot (init/main.c, kernel/pid.c init_pid_ns): one pid namespace ns0 at level 0 and
 * one task, `init`, pid 1, its child reaper, leader of session 1 and process group 1,
 * privileged, reaping its children as they die.
 */
import type { NsId, TaskId } from './abi.ts';
import { SIGNALS } from './abi.ts';
import { sigAdd, sigCopy } from './sigset.ts';
import type { KernelState, PidNamespace, SighandTable, TaskTable } from './types.ts';
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

const FIRST_CAPACITY = 64;
/** The most rows a caller's estimate preallocates: beyond it a table grows as it fills, so a
 * scenario that stops early never holds memory for the tasks it did not create. */
const MAX_FIRST_CAPACITY = 1 << 17;

type TypedColumn = Int32Array | Uint32Array | Uint8Array;
type Table = object & { count: number };

/** The typed columns of a table (all but TaskTable.nrs, which has its own size). */
function typedColumns(table: Table): [string, TypedColumn][] {
  return (Object.entries(table) as [string, unknown][]).filter(
    (e): e is [string, TypedColumn] => ArrayBuffer.isView(e[1]) && e[0] !== 'nrs',
  );
}

/** A copy of a typed array with room for `size` entries (zeros past the old ones). */
function resized<C extends TypedColumn>(column: C, size: number): C {
  const out = new (column.constructor as new (n: number) => C)(size);
  out.set(column.length > size ? column.subarray(0, size) : column);
  return out;
}

/**
 * Make room for one more row: when `full` (the size of a one-entry-per-row column) is reached,
 * every typed column doubles, so signal-set columns keep their two words per row.
 */
function reserveRow(table: Table, full: number): void {
  if (table.count < full) return;
  const columns = table as unknown as Record<string, TypedColumn>;
  for (const [key, column] of typedColumns(table)) columns[key] = resized(column, column.length * 2);
}

/** A copy of a table whose typed columns hold exactly its rows. */
function exactCopy<T extends Table>(table: T, capacity: number): T {
  const copy = { ...table } as unknown as Record<string, TypedColumn>;
  const room = Math.max(table.count, 1);
  for (const [key, column] of typedColumns(table)) copy[key] = resized(column, (column.length / capacity) * room);
  return copy as unknown as T;
}

/** A task table with no tasks and room for `capacity`. */
function emptyTaskTable(capacity: number): TaskTable {
  const i32 = (): Int32Array => new Int32Array(capacity);
  const u8 = (): Uint8Array => new Uint8Array(capacity);
  const sigs = (): Uint32Array => new Uint32Array(2 * capacity);
  return {
    count: 0, label: [], cmd: i32(), nrAt: i32(), nrs: new Int32Array(capacity), nrCount: 0,
    ns: i32(), childrenNs: i32(), mnt: i32(), leader: i32(),
    nextThread: i32(), prevThread: i32(), lastThread: i32(), realParent: i32(),
    firstChild: i32(), lastChild: i32(), nextSibling: i32(), prevSibling: i32(),
    pidRefs: i32(), hashed: u8(), exiting: u8(), exitState: u8(), exitCode: i32(), waitReaped: u8(),
    blocked: sigs(), pdeathsig: i32(), waitType: u8(), waitOwner: i32(), execed: u8(), privileged: u8(),
    uid: new Uint32Array(capacity), pgrp: i32(), session: i32(), sessionLeader: u8(), sighand: i32(),
    pending: sigs(), stopped: u8(), groupExit: u8(), groupExitCode: i32(), unkillable: u8(), subreaper: u8(),
    hasChildSubreaper: u8(),
  };
}

/**
 * dup_task_struct(): a new row as copy_process finds it before filling in relations — a process
 * of its own (leader of itself, in its own group and session, no relatives), privileged, running
 * command `cmd` (an index into KernelState.cmds), with `numbers` as its struct pid numbers (root
 * level first). Returns its TaskId. Columns may be replaced by bigger ones: hold the table, not a
 * column, across this call.
 */
export function pushTask(s: KernelState, label: string, cmd: number, ns: NsId, numbers: readonly number[]): TaskId {
  const T = s.tasks;
  reserveRow(T, T.leader.length);
  if (T.nrCount + numbers.length > T.nrs.length) T.nrs = resized(T.nrs, 2 * T.nrs.length + numbers.length);
  const id = T.count++;
  T.label.push(label);
  T.cmd[id] = cmd;
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

/** kmem_cache_alloc(sighand_cachep) in copy_sighand(): a new table, no handler, nothing ignored; returns its row. */
export function pushSighand(s: KernelState): number {
  const S = s.sighands;
  reserveRow(S, S.reapAuto.length);
  return S.count++;
}

/** A new table with the dispositions of row `from` (the memcpy of sighand->action); returns its row. */
export function pushSighandCopy(s: KernelState, from: number): number {
  const copy = pushSighand(s);
  const S = s.sighands;
  sigCopy(S.handled, copy, S.handled, from);
  sigCopy(S.ignored, copy, S.ignored, from);
  S.reapAuto[copy] = S.reapAuto[from];
  return copy;
}

/**
 * The boot state (start_kernel: init_pid_ns and the init task). `pidMax` is the root namespace's
 * kernel.pid_max. `tasks` is how many tasks the caller expects to create, init included: the task
 * and sighand tables start with room for that many (at most MAX_FIRST_CAPACITY), so that a long
 * run does not copy every column at each doubling. The kernel has no such hint (task_structs
 * come from a slab cache, one at a time); it changes no result: the tables still grow past it.
 */
export function createKernelState(opts: { pidMax?: number; tasks?: number } = {}): KernelState {
  const root = blankNamespace(0, null, opts.pidMax ?? PID_MAX_DEFAULT);
  const capacity = Math.min(Math.max(opts.tasks ?? 0, FIRST_CAPACITY), MAX_FIRST_CAPACITY);
  const sighands: SighandTable = {
    count: 0, handled: new Uint32Array(2 * capacity), ignored: new Uint32Array(2 * capacity),
    reapAuto: new Uint8Array(capacity),
  };
  const s: KernelState = { tasks: emptyTaskTable(capacity), sighands, cmds: ['/sbin/init'], namespaces: [root], mnts: [0] };
  const T = s.tasks;
  const init = pushTask(s, 'init', 0, 0, [1]);
  // the struct pid of init is used as its PID, TGID, PGID and SID
  T.pidRefs[init] = 4;
  T.sessionLeader[init] = 1;
  T.unkillable[init] = 1;
  const sh = pushSighand(s);
  sigAdd(sighands.handled, sh, SIGNALS.CHLD);
  sighands.reapAuto[sh] = 1;
  T.sighand[init] = sh;
  root.idr[1] = init;
  root.count = 1;
  root.cursor = 2;
  root.reaper = init;
  return s;
}

/** A deep copy of a state, for going back to it later (the page's checkpoints); no kernel counterpart. */
export function cloneKernelState(s: KernelState): KernelState {
  const tasks = exactCopy(s.tasks, s.tasks.leader.length);
  tasks.label = [...s.tasks.label];
  tasks.nrs = resized(s.tasks.nrs, Math.max(s.tasks.nrCount, 1));
  return {
    tasks,
    sighands: exactCopy(s.sighands, s.sighands.reapAuto.length),
    cmds: [...s.cmds],
    namespaces: s.namespaces.map((n) => ({ ...n, idr: n.idr.slice(), zap: n.zap === null ? null : { ...n.zap } })),
    mnts: [...s.mnts],
  };
}
