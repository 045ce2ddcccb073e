/**
 * Signal sets and default actions (include/linux/signal.h). Sets are small sorted arrays that are
 * replaced, never mutated, so that tasks may share one empty set.
 */
import { SIGNALS, type SigName } from './abi.ts';
import type { SigSet } from './types.ts';

export const SIGRTMAX = 64;
const { KILL, STOP, TSTP, TTIN, TTOU, CHLD, CONT, URG, WINCH } = SIGNALS;
const { QUIT, ILL, TRAP, ABRT, BUS, FPE, SEGV, XCPU, XFSZ, SYS } = SIGNALS;

const NAMES = new Map<number, SigName>(
  (Object.entries(SIGNALS) as [SigName, number][]).map(([name, nr]) => [nr, name]),
);

/** The name of a signal for events and exit statuses (`RTMIN+2` style for real-time ones). */
export function sigName(sig: number): SigName {
  return NAMES.get(sig) ?? (`RTMIN+${sig - 34}` as SigName);
}

export const validSignal = (sig: number): boolean => Number.isInteger(sig) && sig >= 0 && sig <= SIGRTMAX;

export const sigHas = (set: SigSet, sig: number): boolean => set.includes(sig);

export function sigAdd(set: SigSet, sig: number): SigSet {
  if (set.includes(sig)) return set;
  const out = [...set, sig];
  for (let i = out.length - 1; i > 0 && (out[i - 1] ?? 0) > sig; i--) [out[i - 1], out[i]] = [sig, out[i - 1] ?? 0];
  return out;
}

export function sigDel(set: SigSet, sig: number): SigSet {
  return set.includes(sig) ? set.filter((s) => s !== sig) : set;
}

/** sig_kernel_only(): cannot be caught, blocked or ignored. */
export const sigKernelOnly = (sig: number): boolean => sig === KILL || sig === STOP;
/** sig_kernel_stop() */
export const sigKernelStop = (sig: number): boolean =>
  sig === STOP || sig === TSTP || sig === TTIN || sig === TTOU;
/** sig_kernel_ignore(): default action is to ignore */
export const sigKernelIgnore = (sig: number): boolean =>
  sig === CHLD || sig === CONT || sig === URG || sig === WINCH;
/** sig_kernel_coredump(): default action dumps core and kills */
export const sigKernelCoredump = (sig: number): boolean =>
  [QUIT, ILL, TRAP, ABRT, BUS, FPE, SEGV, XCPU, XFSZ, SYS].includes(sig as 3);

/** SYNCHRONOUS_MASK: dequeued before any other pending signal. */
const SYNCHRONOUS = [SEGV, BUS, ILL, TRAP, FPE, SYS];

/** next_signal(): which pending, unblocked signal is dequeued first. */
export function nextSignal(pending: SigSet, blocked: SigSet): number {
  let first = 0;
  for (const sig of pending) {
    if (blocked.includes(sig)) continue;
    if (SYNCHRONOUS.includes(sig as 11)) return sig;
    if (first === 0) first = sig;
  }
  return first;
}
