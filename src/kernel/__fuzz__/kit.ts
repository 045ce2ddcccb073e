/**
 * A small driver for kernel unit tests: tasks by label, calls in one line, results as the
 * language writes them ("5", "EINVAL", "1 2 3", "" for none, "blocked").
 */
import {
  type CloneFlag, type KernelState, type Ret, type Syscall, type Target,
  createKernelState, dispatch, nsView, psTable, taskView,
} from '../index.ts';

const show = (r: Ret): string =>
  r.kind === 'int' ? String(r.value) : r.kind === 'errno' ? r.name : r.kind === 'list' ? r.values.join(' ') : r.kind === 'none' ? '' : 'blocked';

type Call = Syscall extends infer S ? (S extends Syscall ? Omit<S, 'actor'> : never) : never;

export class Kit {
  readonly s: KernelState;
  constructor(pidMax = 32768) {
    this.s = createKernelState({ pidMax });
  }
  id(label: string): number {
    const id = this.s.tasks.label.indexOf(label);
    if (id < 0) throw new Error(`no task ${label}`);
    return id;
  }
  call(actor: string, c: Call): string {
    const out = dispatch(this.s, { actor: this.id(actor), ...c } as Syscall);
    if (out.fault !== null) return `fault: ${out.fault}`;
    return show(out.ret);
  }
  clone(actor: string, label: string, flags: CloneFlag[] = [], setTid: number[] | null = null): string {
    return this.call(actor, { op: 'clone', flags, setTid, label, cmd: null });
  }
  t(label: string): Target {
    return { kind: 'task', task: this.id(label) };
  }
  state(label: string): string {
    return taskView(this.s, this.id(label)).state;
  }
  exit(label: string): string {
    const v = taskView(this.s, this.id(label)).exit;
    return v === null ? 'none' : 'code' in v ? `code ${v.code}` : `signal ${v.signal}`;
  }
  ps(ns: number): string {
    return psTable(this.s, ns).map((r) => `${r.pid} ${r.ppid} ${r.pgid} ${r.sid} ${r.stat} ${r.label}`).join('\n');
  }
  ns(ns: number): string {
    return nsView(this.s, ns).state;
  }
}

/** G1's world: s unshares, a is the init of ns1, b and c below it (a exits next, in the tests). */
export function g1World(): Kit {
  const k = new Kit();
  k.clone('init', 's');
  k.call('s', { op: 'unshare', flags: ['NEWPID'] });
  k.clone('s', 'a');
  k.clone('a', 'b');
  k.clone('b', 'c');
  return k;
}

/** A pid number as a call's target or group, as the scenario language passes it. */
export const nr = (n: number) => ({ kind: 'nr' as const, nr: n });

/** h (pid 2) and x, the init of ns1 (pid 3 in ns0). */
export function ns1InitWorld(): Kit {
  const k = new Kit();
  k.clone('init', 'h');
  k.clone('h', 'x', ['NEWPID']);
  return k;
}

/** ns1InitWorld with b below x: pid 2 in ns1, 4 in ns0. */
export function ns1World(): Kit {
  const k = ns1InitWorld();
  k.clone('x', 'b');
  return k;
}
