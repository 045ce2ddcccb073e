/**
 * `compareStates(attempt, goal)`: whether two states are the same in what an exercise is about,
 * and if not, the first difference in words. Compared: the namespaces (name, level, parent,
 * state), then in each namespace, innermost first, the `ps` rows on pid, ppid, pgid, sid and
 * stat. Not compared: cmd, labels, tasks' history. Pure.
 */
import type { JsonNamespace, JsonPsRow } from './document.ts';

const STAT_WORDS: Record<JsonPsRow['stat'], string> = { S: 'alive (S)', T: 'stopped (T)', Z: 'a zombie (Z)' };
const NS_STATE_WORDS: Record<JsonNamespace['state'], string> = {
  active: 'active',
  dying: 'dying (its init has exited)',
  dead: 'dead (no process left in it)',
};

function where(ns: JsonNamespace): string {
  return ns.parent === null ? `level ${ns.level}` : `level ${ns.level}, inside ${ns.parent}`;
}

function namespaceDifference(a: JsonNamespace | undefined, g: JsonNamespace | undefined): string | null {
  if (a === undefined && g !== undefined) return `there is no ${g.name}; the goal has ${g.name} (${where(g)})`;
  if (a !== undefined && g === undefined) return `there is an ${a.name} (${where(a)}); the goal has no ${a.name}`;
  if (a === undefined || g === undefined) return null;
  if (a.parent !== g.parent) return `${a.name} is inside ${a.parent ?? 'nothing'}; in the goal it is inside ${g.parent ?? 'nothing'}`;
  if (a.level !== g.level) return `${a.name} is at level ${a.level}; in the goal it is at level ${g.level}`;
  if (a.state !== g.state) return `${a.name} is ${NS_STATE_WORDS[a.state]}; in the goal it is ${NS_STATE_WORDS[g.state]}`;
  return null;
}

function rowDifference(ns: string, a: JsonPsRow, g: JsonPsRow): string | null {
  if (a.stat !== g.stat) return `in ${ns}, pid ${a.pid} is ${STAT_WORDS[a.stat]}; in the goal it is ${STAT_WORDS[g.stat]}`;
  for (const field of ['ppid', 'pgid', 'sid'] as const) {
    if (a[field] !== g[field]) return `in ${ns}, pid ${a.pid} has ${field} ${a[field]}; in the goal its ${field} is ${g[field]}`;
  }
  return null;
}

/** The first difference between two namespaces' ps rows (both ascending by pid). */
function psDifference(ns: string, attempt: readonly JsonPsRow[], goal: readonly JsonPsRow[]): string | null {
  let i = 0;
  let j = 0;
  while (i < attempt.length || j < goal.length) {
    const a = attempt[i];
    const g = goal[j];
    if (a === undefined || (g !== undefined && g.pid < a.pid)) {
      const missing = g as JsonPsRow;
      return `${ns} has no pid ${missing.pid}; the goal has pid ${missing.pid} (${missing.stat})`;
    }
    if (g === undefined || a.pid < g.pid) return `${ns} has pid ${a.pid} (${a.stat}); the goal has no pid ${a.pid}`;
    const d = rowDifference(ns, a, g);
    if (d !== null) return d;
    i += 1;
    j += 1;
  }
  return null;
}

/** Namespace indexes, innermost (deepest) first, then in creation order. */
function innermostFirst(namespaces: readonly JsonNamespace[]): number[] {
  return namespaces.map((_, i) => i).sort((x, y) => (namespaces[y] as JsonNamespace).level - (namespaces[x] as JsonNamespace).level || x - y);
}

/** Null when `attempt` reaches `goal`; otherwise the first difference, e.g.
 * `ns1 has no pid 3; the goal has pid 3 (S)`. */
export function compareStates(attempt: readonly JsonNamespace[], goal: readonly JsonNamespace[]): string | null {
  for (let i = 0; i < Math.max(attempt.length, goal.length); i += 1) {
    const d = namespaceDifference(attempt[i], goal[i]);
    if (d !== null) return d;
  }
  for (const i of innermostFirst(goal)) {
    const g = goal[i] as JsonNamespace;
    const d = psDifference(g.name, (attempt[i] as JsonNamespace).ps, g.ps);
    if (d !== null) return d;
  }
  return null;
}
