/**
 * The allow-list (conformance/allow-list.json): differences between the engine and the real
 * kernel that are expected, each with its reason. An entry names a scenario (its id, e.g.
 * `library/nesting-limit.pidns`) and narrows to a `line`, to every step `fromLine` on (and the
 * final tables, which such a step changes), and/or to field paths matching `path` (a regular
 * expression). `category` says whose the difference is: `host-imposed` (the host's own
 * namespace sits above the scenario's ns0) or `engine` (a known engine difference, with the
 * issue that tracks it). The runner adds `runner` allowances of its own for values the real
 * kernel does not show exactly (kernel-run.ts, uncertainPaths).
 */
import { readFileSync } from 'node:fs';
import type { Difference } from './diff.ts';

export interface AllowEntry {
  scenario: string;
  line?: number;
  fromLine?: number;
  path?: string;
  category: 'host-imposed' | 'engine' | 'runner';
  reason: string;
}

export function loadAllowList(file: string): AllowEntry[] {
  const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(data)) throw new Error(`${file}: expected an array`);
  return data.map((e: AllowEntry, i) => {
    if (typeof e.scenario !== 'string' || typeof e.reason !== 'string' || e.reason.trim() === '')
      throw new Error(`${file}: entry ${i} needs a scenario and a reason`);
    return e;
  });
}

export function allowed(entry: AllowEntry, scenario: string, d: Difference): boolean {
  if (entry.scenario !== scenario) return false;
  if (entry.line !== undefined && d.line !== entry.line) return false;
  if (entry.fromLine !== undefined && d.line !== null && d.line < entry.fromLine) return false;
  if (entry.path !== undefined && !new RegExp(entry.path).test(d.path)) return false;
  return true;
}

/** the entry that allows `d`, if any */
export function findAllowance(list: readonly AllowEntry[], scenario: string, d: Difference): AllowEntry | null {
  return list.find((e) => allowed(e, scenario, d)) ?? null;
}
