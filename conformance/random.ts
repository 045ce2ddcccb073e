/**
 * A seeded generator of random valid scenarios (pure: same seed, same text). It keeps a
 * conservative model of which tasks may still act: a task that exited, may have been killed or
 * stopped, or may be blocked in a wait never acts again. Ops whose outcome depends on the
 * scheduler on a real kernel (exit_group of a multi-threaded process, blocking waits racing with
 * signals) are left out; everything else the language has is reachable: fork, clone NEWPID,
 * unshare, setns, exit, kill (incl. -1, 0, -PGRP), wait (incl. WNOHANG), setsid, setpgid,
 * subreaper, signal dispositions, reap auto, ns_last_pid, getters, nspid and ps.
 */

import { prng } from '../src/kernel/__fuzz__/random-syscalls.ts';

/** The same seeded PRNG as the engine's property tests (mulberry32). */
export const rng = prng;

interface Model {
  label: string;
  /** may act: alive, not stopped, not blocked */
  active: boolean;
}

const HARMLESS = ['0', 'CHLD', 'CONT', 'USR1'];
const ANY_SIG = ['KILL', 'TERM', 'STOP', 'CONT', 'USR1', 'USR2', 'HUP', 'CHLD', '0'];

export function generateScenario(seed: number, maxSteps = 24): string {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const tasks: Model[] = [{ label: 'init', active: true }];
  const lines = [`title: random scenario, seed ${seed}`];
  let n = 0;
  const target = (): string => {
    return r() < 0.85 ? pick(tasks).label : String(Math.floor(r() * 8) - 1);
  };
  const taint = (label: string): void => {
    for (const t of tasks) if (t.label === label) t.active = false;
  };
  for (let i = 0; i < maxSteps; i++) {
    const actors = tasks.filter((t) => t.active);
    if (actors.length === 0) break;
    const a = pick(actors);
    const x = r();
    const child = (): string => {
      const label = `t${++n}`;
      tasks.push({ label, active: true });
      return label;
    };
    if (tasks.length < 16 && x < 0.24) lines.push(`${a.label} fork as ${child()}`);
    else if (tasks.length < 16 && x < 0.32) {
      lines.push(`${a.label} clone NEWPID as ${child()}`);
    } else if (x < 0.36) lines.push(`${a.label} unshare NEWPID`);
    else if (x < 0.40) lines.push(`${a.label} setns ${pick(tasks).label}`);
    else if (x < 0.48 && a.label !== 'init') {
      lines.push(`${a.label} exit ${Math.floor(r() * 4)}`);
      taint(a.label);
    } else if (x < 0.58) {
      const group = r() < 0.3;
      if (group) lines.push(`${a.label} kill ${pick(HARMLESS)} ${pick(['-1', '0'])}`);
      else {
        const sig = pick(ANY_SIG);
        const t = target();
        lines.push(`${a.label} kill ${sig} ${t}`);
        if (!HARMLESS.includes(sig) && !/^-?\d+$/.test(t)) taint(t);
        if (!HARMLESS.includes(sig) && /^-?\d+$/.test(t)) for (const m of tasks) m.active &&= m.label === 'init';
      }
    } else if (x < 0.68) lines.push(`${a.label} wait ${pick(['', target()])} WNOHANG`.replace('  ', ' '));
    else if (x < 0.70) {
      lines.push(`${a.label} wait`);
      taint(a.label);
    } else if (x < 0.74) lines.push(r() < 0.5 ? `${a.label} setsid` : `${a.label} setpgid ${pick(['0', target()])} ${pick(['0', target()])}`);
    else if (x < 0.86) {
      const op = pick(['getpid', 'getppid', 'gettid', 'ps', 'getpgid', 'getsid', 'nspid']);
      const arg = ['getpgid', 'getsid', 'nspid'].includes(op) && r() < 0.5 ? ` ${target()}` : '';
      lines.push(`${a.label} ${op}${arg}`);
    } else if (x < 0.89) lines.push(`${a.label} prctl SUBREAPER 1`);
    else if (x < 0.94) lines.push(`${a.label} signal ${pick(['CHLD', 'TERM', 'USR1', 'HUP'])} ${pick(['default', 'ignore', 'handle'])}`);
    else if (x < 0.96) lines.push(`${a.label} reap auto`);
    else lines.push(`${a.label} write ns_last_pid ${Math.floor(r() * 20)}`);
  }
  return `${lines.join('\n')}\n`;
}
