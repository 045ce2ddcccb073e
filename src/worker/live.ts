/**
 * "View as" in any world: of the live tasks, the page gets only those whose label contains what
 * the visitor typed, LIVE_SHOWN at most (an exact match first), and how many match in all — so
 * nothing the page holds grows with the world.
 */
import { LIVE_SHOWN, type LiveList, type LiveTask } from '../protocol/index.ts';

export function matchLive(tasks: readonly LiveTask[], query: string): LiveList {
  const q = query.trim().toLowerCase();
  if (q === '') return { tasks: tasks.slice(0, LIVE_SHOWN), matching: tasks.length };
  const shown: LiveTask[] = [];
  let matching = 0;
  let exact: LiveTask | null = null;
  for (const t of tasks) {
    const label = t.label.toLowerCase();
    if (!label.includes(q)) continue;
    matching += 1;
    if (label === q) exact = t;
    else if (shown.length < LIVE_SHOWN) shown.push(t);
  }
  if (exact) shown.unshift(exact);
  return { tasks: shown.slice(0, LIVE_SHOWN), matching };
}

/** the last answer, kept: frames of one step while the visitor scrolls ask the same again */
export function memoMatch(): (tasks: readonly LiveTask[], query: string) => LiveList {
  let last: { tasks: readonly LiveTask[]; query: string; list: LiveList } | null = null;
  return (tasks, query) => {
    if (last?.tasks !== tasks || last.query !== query) last = { tasks, query, list: matchLive(tasks, query) };
    return last.list;
  };
}
