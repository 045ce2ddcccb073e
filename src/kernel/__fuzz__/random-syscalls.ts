/**
 * A seeded generator of random system-call sequences for property tests: valid and invalid calls
 * from random live actors, reaching every op of the system call table: forks, threads, set_tid,
 * new namespaces, setns, exec, exits, kills of every form, waits, sessions, subreapers,
 * dispositions, masks, pdeath signals, faults, capabilities, uids, reboot and sysctl writes.
 */
import {
  SIGNALS, actorProblem, checkInvariants, createKernelState, dispatch, taskCount,
  type CloneFlag, type KernelState, type RebootCmd, type Syscall, type Target,
} from '../index.ts';

/** mulberry32: a tiny deterministic PRNG (no Math.random in the engine's tests either). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const int = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));

const SIGS = [0, 0, SIGNALS.USR2, SIGNALS.KILL, SIGNALS.TERM, SIGNALS.USR1, SIGNALS.STOP, SIGNALS.CONT, SIGNALS.CHLD, SIGNALS.HUP, SIGNALS.TSTP];
const FLAG_SETS: CloneFlag[][] = [
  [], [], [], [], [], [], ['NEWPID'], ['NEWPID'], ['THREAD', 'SIGHAND', 'VM'], ['PARENT'], ['NEWPID', 'PARENT'],
  ['NEWNS'], ['THREAD'], ['NEWPID', 'THREAD', 'SIGHAND', 'VM'],
];

function target(r: Rand, s: KernelState): Target {
  if (r() < 0.6) return { kind: 'task', task: int(r, 0, taskCount(s) - 1) };
  return { kind: 'nr', nr: pick(r, [0, -1, 1, 2, 3, 4, 5, -2, -3, 300, 99999]) };
}

function liveActor(r: Rand, s: KernelState): number | null {
  const able = s.tasks.label.map((_, id) => id).filter((id) => actorProblem(s, id) === null);
  return able.length === 0 ? null : pick(r, able);
}

/** One random call by a random task that may act now (null if nobody can). */
export function randomCall(r: Rand, s: KernelState): Syscall | null {
  const actor = liveActor(r, s);
  if (actor === null) return null;
  const roll = r();
  if (roll < 0.42) {
    const setTid = r() < 0.1 ? [int(r, 0, 6)] : null;
    return { actor, op: 'clone', flags: pick(r, FLAG_SETS), setTid, label: `t${taskCount(s)}`, cmd: null };
  }
  if (roll < 0.48) return { actor, op: actor === 0 ? 'getpid' : 'exit', code: int(r, 0, 3) } as Syscall;
  if (roll < 0.6) return { actor, op: 'wait', target: r() < 0.6 ? null : target(r, s), nohang: r() < 0.6 };
  if (roll < 0.7) return { actor, op: 'kill', sig: pick(r, SIGS), target: target(r, s) };
  return oddCall(r, s, actor);
}

const REBOOTS: RebootCmd[] = ['RESTART', 'HALT', 'POWER_OFF', 'CAD_ON'];

function rareCall(r: Rand, actor: number): Syscall {
  switch (int(r, 0, 2)) {
    case 0: return { actor, op: 'setuid', uid: pick(r, [0, 1000, 65534]) };
    case 1: return { actor, op: 'write-pid-max', value: int(r, 280, 520) };
    default: return { actor, op: 'reboot', cmd: pick(r, REBOOTS) };
  }
}

function oddCall(r: Rand, s: KernelState, actor: number): Syscall {
  switch (int(r, 0, 15)) {
    case 15: return rareCall(r, actor);
    case 0: return { actor, op: 'unshare', flags: r() < 0.5 ? ['NEWPID'] : ['NEWPID', 'NEWNS'] };
    case 1: return { actor, op: 'setns', target: target(r, s) };
    case 2: return { actor, op: 'setsid' };
    case 3: return { actor, op: 'setpgid', target: target(r, s), pgid: target(r, s) };
    case 4: return { actor, op: 'prctl-subreaper', on: r() < 0.7 };
    case 5: return { actor, op: 'signal', sig: pick(r, SIGS), disposition: pick(r, ['default', 'ignore', 'handle'] as const) };
    case 6: return { actor, op: 'sigmask', block: r() < 0.6, sig: pick(r, SIGS) };
    case 7: return { actor, op: 'reap', mode: r() < 0.5 ? 'auto' : 'manual' };
    case 8: return { actor, op: 'write-ns-last-pid', value: int(r, 0, 320) };
    case 9: return { actor, op: actor === 0 ? 'getppid' : 'thread-exit', code: 0 } as Syscall;
    case 10: return { actor, op: 'pdeathsig', sig: pick(r, SIGS) };
    case 11: return { actor, op: r() < 0.5 ? 'mount-proc' : 'ps' } as Syscall;
    case 12: return { actor, op: actor === 0 ? 'gettid' : pick(r, ['fault', 'caps-drop'] as const) } as Syscall;
    case 13: return { actor, op: 'exec', cmd: `prog ${int(r, 0, 9)}` };
    default: return { actor, op: pick(r, ['getpgid', 'getsid', 'nspid'] as const), target: target(r, s) };
  }
}

export interface SeedRun {
  /** the final state as JSON ('' when an invariant broke) */
  json: string;
  calls: Syscall[];
  /** the first broken invariant, with its step */
  violation: string | null;
}

/** the seeds every property run uses */
export const RANDOM_SEEDS = Array.from({ length: 40 }, (_, i) => 1000 + i * 7919);

/** `steps` random calls from `seed` on a small machine, the invariants checked after each. */
export function runSeed(seed: number, steps = 400): SeedRun {
  const r = prng(seed);
  const s = createKernelState({ pidMax: 400 });
  const calls: Syscall[] = [];
  for (let step = 0; step < steps; step++) {
    const call = randomCall(r, s);
    if (call === null) break;
    calls.push(call);
    dispatch(s, call);
    const broken = checkInvariants(s);
    if (broken.length > 0) return { json: '', calls, violation: `step ${step}: ${broken.join('; ')}` };
  }
  return { json: JSON.stringify(s), calls, violation: null };
}
