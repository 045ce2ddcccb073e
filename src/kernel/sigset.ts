/**
 * Signal sets and default actions (include/linux/signal.h). A set is a row of a SigColumn: the
 * kernel's 64-bit sigset_t as two 32-bit words, signal n at bit n - 1.
 */
import { SIGNALS, type SigName } from './abi.ts';
import type { SigColumn } from './types.ts';

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

const word = (row: number, sig: number): number => 2 * row + ((sig - 1) >>> 5);
const bit = (sig: number): number => 1 << ((sig - 1) & 31);

/** sigismember() */
export const sigHas = (set: SigColumn, row: number, sig: number): boolean => (set[word(row, sig)] & bit(sig)) !== 0;

/** sigaddset() */
export function sigAdd(set: SigColumn, row: number, sig: number): void {
  set[word(row, sig)] |= bit(sig);
}

/** sigdelset() */
export function sigDel(set: SigColumn, row: number, sig: number): void {
  set[word(row, sig)] &= ~bit(sig);
}

/** sigisemptyset() */
export const sigEmpty = (set: SigColumn, row: number): boolean => set[2 * row] === 0 && set[2 * row + 1] === 0;

/** sigemptyset() */
export function sigClear(set: SigColumn, row: number): void {
  set[2 * row] = 0;
  set[2 * row + 1] = 0;
}

/** Row `to` of `into` becomes a copy of row `from` of `set`. */
export function sigCopy(into: SigColumn, to: number, set: SigColumn, from: number): void {
  into[2 * to] = set[2 * from];
  into[2 * to + 1] = set[2 * from + 1];
}

/** The members of a set, lowest first (what the SigPnd/SigBlk masks of /proc/PID/status encode). */
export function sigList(set: SigColumn, row: number): number[] {
  const out: number[] = [];
  for (let sig = 1; sig <= SIGRTMAX; sig++) if (sigHas(set, row, sig)) out.push(sig);
  return out;
}

/** sig_kernel_only(): cannot be caught, blocked or ignored. */
export const sigKernelOnly = (sig: number): boolean => sig === KILL || sig === STOP;
/** SIG_KERNEL_STOP_MASK */
export const STOP_SIGNALS: readonly number[] = [STOP, TSTP, TTIN, TTOU];
/** sig_kernel_stop() */
export const sigKernelStop = (sig: number): boolean =>
  sig === STOP || sig === TSTP || sig === TTIN || sig === TTOU;
/** sig_kernel_ignore(): default action is to ignore */
export const sigKernelIgnore = (sig: number): boolean =>
  sig === CHLD || sig === CONT || sig === URG || sig === WINCH;
/** sig_kernel_coredump(): default action dumps core and kills */
export const sigKernelCoredump = (sig: number): boolean =>
  [QUIT, ILL, TRAP, ABRT, BUS, FPE, SEGV, XCPU, XFSZ, SYS].includes(sig as 3);

/** SYNCHRONOUS_MASK: dequeued before any other pending signal, lowest first. */
const SYNCHRONOUS = [ILL, TRAP, BUS, FPE, SEGV, SYS];

/** next_signal(): which signal of row `p` of `pending`, not in row `t` of `blocked`, is dequeued first. */
export function nextSignal(pending: SigColumn, p: number, blocked: SigColumn, t: number): number {
  for (const sig of SYNCHRONOUS) if (sigHas(pending, p, sig) && !sigHas(blocked, t, sig)) return sig;
  for (let w = 0; w < 2; w++) {
    const ready = pending[2 * p + w] & ~blocked[2 * t + w];
    // ffz(~x) + 1: the lowest signal in the word
    if (ready !== 0) return 32 * w + 32 - Math.clz32(ready & -ready);
  }
  return 0;
}
