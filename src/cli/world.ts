/**
 * The human picture of the state a run reached: the tree of pid namespaces, drawn like the
 * `tree`/chroot diagram of the 2007 pid-namespace RFC (ASCII branches), then one
 * `ps -e -o pid,ppid,pgid,sid,stat,cmd` table per namespace with numbers right-aligned as procps
 * prints them (columns at least 5 wide, wider when a number needs it); each row ends with the
 * task's label as a shell-style comment, which real ps does not print.
 */
import type { JsonNamespace, JsonPsRow } from '../scenario/index.ts';
import type { Out } from './out.ts';

/** Who holds pid 1 of a namespace: its label and its number in the parent namespace. */
export interface NsInit {
  label: string;
  /** the init's pid in the parent namespace (null for ns0) */
  outerPid: number | null;
  /** the init's state when it is no longer alive (`zombie`, `dead`, `exiting`), else null */
  gone: string | null;
}

function initText(ns: JsonNamespace, init: NsInit | null): string {
  if (init === null) return 'init: none yet';
  if (init.gone === 'dead') return `init: ${init.label} (reaped)`;
  const where = init.outerPid === null ? 'pid 1' : `pid 1; ${init.outerPid} in ${ns.parent ?? ''}`;
  return `init: ${init.label} (${where}${init.gone === null ? '' : `, ${init.gone}`})`;
}

function nsLine(ns: JsonNamespace, init: NsInit | null): string {
  const zombies = ns.ps.filter((r) => r.stat === 'Z').length;
  const live = ns.ps.length - zombies;
  return `${ns.name}  level ${ns.level}  ${ns.state}  ${initText(ns, init)}  ${live} live, ${zombies} zombie${zombies === 1 ? '' : 's'}`;
}

/** The namespace tree; `inits[i]` describes namespace i. (The recursion is as deep as the
 * nesting, which the kernel bounds at 33 levels.) */
export function writeTree(namespaces: readonly JsonNamespace[], inits: readonly (NsInit | null)[], out: Out): void {
  const children = new Map<string | null, number[]>();
  namespaces.forEach((ns, i) => {
    const kids = children.get(ns.parent);
    if (kids === undefined) children.set(ns.parent, [i]);
    else kids.push(i);
  });
  const draw = (i: number, prefix: string, branch: string): void => {
    out.line(`${prefix}${branch}${nsLine(namespaces[i] as JsonNamespace, inits[i] ?? null)}`);
    const kids = children.get((namespaces[i] as JsonNamespace).name) ?? [];
    const below = prefix + (branch === '' ? '' : branch === '`-- ' ? '    ' : '|   ');
    kids.forEach((k, n) => draw(k, below, n === kids.length - 1 ? '`-- ' : '|-- '));
  };
  (children.get(null) ?? []).forEach((root) => draw(root, '', ''));
}

const COLUMNS = ['pid', 'ppid', 'pgid', 'sid'] as const;

/** One namespace's ps table, headed by the command that prints it. */
export function writePs(ns: JsonNamespace, out: Out): void {
  // reduce, not Math.max(...rows): a table may hold millions of rows
  const width = ns.ps.reduce((w, r) => COLUMNS.reduce((m, c) => Math.max(m, String(r[c]).length), w), 5);
  const num = (v: number | string): string => String(v).padStart(width);
  const head = `${COLUMNS.map((c) => num(c.toUpperCase())).join(' ')} STAT CMD`;
  const cmdW = Math.min(40, ns.ps.reduce((w, r) => Math.max(w, r.cmd.length), 0));
  const row = (r: JsonPsRow): string => `${COLUMNS.map((c) => num(r[c])).join(' ')} ${r.stat.padEnd(4)} ${r.cmd.padEnd(cmdW)}  # ${r.label}`;
  out.line(`${ns.name}: ps -e -o pid,ppid,pgid,sid,stat,cmd`);
  out.line(head);
  for (const r of ns.ps) out.line(row(r));
}
