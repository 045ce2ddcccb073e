/**
 * The argument grammar of every op: how the words after `ACTOR OP` become a `SlottedCall`.
 * Each op knows its usage line (quoted in diagnostics), whether it creates a task (`as`/`cmd`
 * allowed) and whether it has a result (`=>` allowed). Parsers report through `ArgContext` and
 * return null on the first problem; they never throw.
 */
import type { CloneFlag, Disposition, RebootCmd, UnshareFlag } from '../kernel/index.ts';
import type { LeafKind, OpName, Slot, SlottedCall, TargetArg } from './ast.ts';
import { D, type Problem } from './diagnostics.ts';
import type { Token } from './lexer.ts';

export interface ArgContext {
  /** the slot of a word leaf; null (and a diagnostic) when it does not parse */
  slot<T>(kind: LeafKind, token: Token): Slot<T> | null;
  /** the slot of a quoted leaf */
  quoted(token: Token | undefined): Slot<string> | null;
  fixed<T>(value: T, column: number): Slot<T>;
  fail(problem: Problem, column: number): null;
  /** column just after the op word, for missing arguments */
  end: number;
}

export interface OpDef {
  usage: string;
  creates: boolean;
  hasResult: boolean;
  parse(args: readonly Token[], c: ArgContext): SlottedCall | null;
}

const CLONE_FLAGS: readonly CloneFlag[] = ['NEWPID', 'NEWNS', 'THREAD', 'SIGHAND', 'VM', 'PARENT', 'FS'];
const UNSHARE_FLAGS: readonly UnshareFlag[] = ['NEWPID', 'NEWNS'];

type Def = Omit<OpDef, 'usage' | 'creates' | 'hasResult'> & Partial<Pick<OpDef, 'creates' | 'hasResult'>>;

/** Checks the count of words (and that none is quoted); false after a diagnostic. */
function arity(args: readonly Token[], c: ArgContext, usage: string, min: number, max: number): boolean {
  const extra = args[max];
  const quoted = args.find((a) => a.kind !== 'word');
  if (args.length < min) c.fail(D.missingArg(usage), args[args.length - 1]?.column ?? c.end);
  else if (extra !== undefined) c.fail(D.extraWord(extra.text, usage), extra.column);
  else if (quoted !== undefined) c.fail(D.extraWord(`"${quoted.text}"`, usage), quoted.column);
  else return true;
  return false;
}

function flags<F extends string>(token: Token, valid: readonly F[], c: ArgContext): Slot<F[]> | null {
  const out: F[] = [];
  for (const f of token.text.split(',')) {
    if (!valid.includes(f as F)) return c.fail(D.unknownFlag(f, valid), token.column);
    if (!out.includes(f as F)) out.push(f as F);
  }
  return c.fixed(out, token.column);
}

function keyword<K extends string>(token: Token, valid: readonly K[], usage: string, c: ArgContext): Slot<K> | null {
  if (valid.includes(token.text as K)) return c.fixed(token.text as K, token.column);
  return c.fail(D.extraWord(token.text, usage), token.column);
}

const none = (op: 'fork' | 'setsid' | 'getpid' | 'gettid' | 'getppid' | 'ps' | 'fault'): Def => ({
  parse: (args, c) => (arity(args, c, op, 0, 0) ? { op } : null),
});

const optTarget = (op: 'getpgid' | 'getsid' | 'nspid'): Def => ({
  parse(args, c) {
    if (!arity(args, c, `${op} [TARGET]`, 0, 1)) return null;
    const [t] = args;
    const target = t === undefined ? c.fixed<TargetArg | null>(null, c.end) : c.slot<TargetArg | null>('target', t);
    return target && { op, target };
  },
});

const exitDef = (op: 'exit' | 'thread-exit'): Def => ({
  hasResult: false,
  parse(args, c) {
    if (!arity(args, c, `${op} [CODE]`, 0, 1)) return null;
    const [t] = args;
    const code = t === undefined ? c.fixed(0, c.end) : c.slot<number>('exitCode', t);
    return code && { op, code };
  },
});

function parseClone(args: readonly Token[], c: ArgContext): SlottedCall | null {
  const usage = 'clone [FLAGS] [set_tid=N,N,...]';
  if (!arity(args, c, usage, 0, 2)) return null;
  let flagSlot: Slot<CloneFlag[]> | null = c.fixed<CloneFlag[]>([], c.end);
  let setTid: Slot<number[] | null> | null = c.fixed<number[] | null>(null, c.end);
  for (const [i, t] of args.entries()) {
    if (t.text.startsWith('set_tid=')) {
      setTid = c.slot<number[] | null>('setTid', { ...t, text: t.text.slice(8), column: t.column + 8 });
    } else if (i === 0) {
      flagSlot = flags(t, CLONE_FLAGS, c);
    } else {
      return c.fail(D.extraWord(t.text, usage), t.column);
    }
    if (flagSlot === null || setTid === null) return null;
  }
  return { op: 'clone', flags: flagSlot, setTid };
}

const DEFS: Record<OpName, Def> = {
  fork: { ...none('fork'), creates: true },
  clone: { creates: true, parse: parseClone },
  unshare: {
    parse(args, c) {
      if (!arity(args, c, 'unshare NEWPID,NEWNS', 1, 1)) return null;
      const f = flags(args[0] as Token, UNSHARE_FLAGS, c);
      return f && { op: 'unshare', flags: f };
    },
  },
  setns: {
    parse(args, c) {
      if (!arity(args, c, 'setns TARGET', 1, 1)) return null;
      const target = c.slot<TargetArg>('target', args[0] as Token);
      return target && { op: 'setns', target };
    },
  },
  exec: {
    parse(args, c) {
      const [t, extra] = args;
      if (extra !== undefined) return c.fail(D.extraWord(extra.text, 'exec "TEXT"'), extra.column);
      if (t === undefined || t.kind !== 'quoted') return c.fail(D.needQuotes('exec "TEXT"'), t?.column ?? c.end);
      const cmd = c.quoted(t);
      return cmd && { op: 'exec', cmd };
    },
  },
  exit: exitDef('exit'),
  'thread-exit': exitDef('thread-exit'),
  wait: {
    parse(args, c) {
      const usage = 'wait [SPEC] [WNOHANG]';
      if (!arity(args, c, usage, 0, 2)) return null;
      const last = args[args.length - 1];
      const nohang = last?.text === 'WNOHANG';
      const specs = nohang ? args.slice(0, -1) : args;
      const [spec, extra] = specs;
      if (extra !== undefined) return c.fail(D.extraWord(extra.text, usage), extra.column);
      const target = spec === undefined ? c.fixed<TargetArg | null>(null, c.end) : c.slot<TargetArg | null>('target', spec);
      return target && { op: 'wait', target, nohang: c.fixed(nohang, last?.column ?? c.end) };
    },
  },
  kill: {
    parse(args, c) {
      if (!arity(args, c, 'kill SIG TARGET', 2, 2)) return null;
      const sig = c.slot<number>('sigOrZero', args[0] as Token);
      const target = sig && c.slot<TargetArg>('target', args[1] as Token);
      return sig && target && { op: 'kill', sig, target };
    },
  },
  signal: {
    parse(args, c) {
      const usage = 'signal SIG default|ignore|handle';
      if (!arity(args, c, usage, 2, 2)) return null;
      const sig = c.slot<number>('sig', args[0] as Token);
      const disp = sig && keyword<Disposition>(args[1] as Token, ['default', 'ignore', 'handle'], usage, c);
      return sig && disp && { op: 'signal', sig, disposition: disp };
    },
  },
  setsid: none('setsid'),
  setpgid: {
    parse(args, c) {
      if (!arity(args, c, 'setpgid TARGET PGID', 2, 2)) return null;
      const target = c.slot<TargetArg>('target', args[0] as Token);
      const pgid = target && c.slot<TargetArg>('target', args[1] as Token);
      return target && pgid && { op: 'setpgid', target, pgid };
    },
  },
  getpid: none('getpid'),
  gettid: none('gettid'),
  getppid: none('getppid'),
  getpgid: optTarget('getpgid'),
  getsid: optTarget('getsid'),
  nspid: optTarget('nspid'),
  prctl: {
    parse(args, c) {
      const usage = 'prctl SUBREAPER 0|1';
      if (!arity(args, c, usage, 2, 2)) return null;
      const what = keyword(args[0] as Token, ['SUBREAPER'], usage, c);
      const on = what && keyword(args[1] as Token, ['0', '1'], usage, c);
      return on && { op: 'prctl', subreaper: c.fixed(on.kind === 'fixed' && on.value === '1', on.column) };
    },
  },
  reap: {
    parse(args, c) {
      const usage = 'reap auto|manual';
      if (!arity(args, c, usage, 1, 1)) return null;
      const mode = keyword<'auto' | 'manual'>(args[0] as Token, ['auto', 'manual'], usage, c);
      return mode && { op: 'reap', mode };
    },
  },
  mount: {
    parse(args, c) {
      if (!arity(args, c, 'mount proc', 1, 1)) return null;
      const fs = keyword<'proc'>(args[0] as Token, ['proc'], 'mount proc', c);
      return fs && { op: 'mount', fs };
    },
  },
  ps: none('ps'),
  write: {
    parse(args, c) {
      const usage = 'write ns_last_pid|pid_max N';
      if (!arity(args, c, usage, 2, 2)) return null;
      const file = keyword<'ns_last_pid' | 'pid_max'>(args[0] as Token, ['ns_last_pid', 'pid_max'], usage, c);
      const value = file && c.slot<number>('value', args[1] as Token);
      return file && value && { op: 'write', file, value };
    },
  },
  caps: {
    parse(args, c) {
      if (!arity(args, c, 'caps drop', 1, 1)) return null;
      const action = keyword<'drop'>(args[0] as Token, ['drop'], 'caps drop', c);
      return action && { op: 'caps', action };
    },
  },
  setuid: {
    parse(args, c) {
      if (!arity(args, c, 'setuid UID', 1, 1)) return null;
      const uid = c.slot<number>('uid', args[0] as Token);
      return uid && { op: 'setuid', uid };
    },
  },
  sigmask: {
    parse(args, c) {
      const usage = 'sigmask block|unblock SIG';
      if (!arity(args, c, usage, 2, 2)) return null;
      const how = keyword(args[0] as Token, ['block', 'unblock'], usage, c);
      const sig = how && c.slot<number>('sig', args[1] as Token);
      return how && sig && { op: 'sigmask', block: c.fixed(how.kind === 'fixed' && how.value === 'block', how.column), sig };
    },
  },
  pdeathsig: {
    parse(args, c) {
      if (!arity(args, c, 'pdeathsig SIG|0', 1, 1)) return null;
      const sig = c.slot<number>('sigOrZero', args[0] as Token);
      return sig && { op: 'pdeathsig', sig };
    },
  },
  fault: { ...none('fault'), hasResult: false },
  reboot: {
    parse(args, c) {
      const usage = 'reboot RESTART|HALT|POWER_OFF|CAD_ON';
      if (!arity(args, c, usage, 1, 1)) return null;
      const cmd = keyword<RebootCmd>(args[0] as Token, ['RESTART', 'HALT', 'POWER_OFF', 'CAD_ON'], usage, c);
      return cmd && { op: 'reboot', cmd };
    },
  },
};

const USAGE: Record<OpName, string> = {
  fork: 'fork', clone: 'clone [FLAGS] [set_tid=N,N,...]', unshare: 'unshare NEWPID,NEWNS',
  setns: 'setns TARGET', exec: 'exec "TEXT"', exit: 'exit [CODE]', 'thread-exit': 'thread-exit [CODE]',
  wait: 'wait [SPEC] [WNOHANG]', kill: 'kill SIG TARGET', signal: 'signal SIG default|ignore|handle',
  setsid: 'setsid', setpgid: 'setpgid TARGET PGID', getpid: 'getpid', gettid: 'gettid',
  getppid: 'getppid', getpgid: 'getpgid [TARGET]', getsid: 'getsid [TARGET]', nspid: 'nspid [TARGET]',
  prctl: 'prctl SUBREAPER 0|1', reap: 'reap auto|manual', mount: 'mount proc', ps: 'ps',
  write: 'write ns_last_pid|pid_max N', caps: 'caps drop', setuid: 'setuid UID',
  sigmask: 'sigmask block|unblock SIG', pdeathsig: 'pdeathsig SIG|0', fault: 'fault',
  reboot: 'reboot RESTART|HALT|POWER_OFF|CAD_ON',
};

export const OP_NAMES = Object.keys(DEFS) as OpName[];

const OPS = new Map<string, OpDef>(OP_NAMES.map((op) => {
  const def = DEFS[op];
  return [op, { usage: USAGE[op], creates: def.creates ?? false, hasResult: def.hasResult ?? true, parse: def.parse }];
}));

/** The definition of `word` as an op, or null when it is not one (case-sensitive). */
export function opDef(word: string): OpDef | null {
  return OPS.get(word) ?? null;
}
