/**
 * One scenario compared: the engine's document against the real kernel's, each difference
 * classified against the allow-list. Without an engine, the scenario's own expectations stand in
 * for it (each failed expectation on the kernel is a difference).
 */
import { findAllowance, type AllowEntry } from './allow-list.ts';
import { diffDocuments, type Difference } from './diff.ts';
import type { EngineRun } from './engine-run.ts';
import { hostImposed } from './host-imposed.ts';
import { runOnKernel } from './kernel-run.ts';
import type { RunDocument } from './types.ts';

export interface ClassifiedDifference extends Difference {
  allowance: AllowEntry | null;
}

export type ScenarioVerdict =
  | { id: string; kind: 'compared'; diffs: ClassifiedDifference[]; ms: number; kernel: RunDocument }
  | { id: string; kind: 'skipped'; reason: string }
  | { id: string; kind: 'harness'; message: string };

function runnerLimit(scenario: string, path: string): AllowEntry {
  return {
    scenario, path, category: 'runner',
    reason: 'an exit status no wait could read: /proc/PID/stat or pidfd exit info miss the rewrite of a rebooted init (R96)',
  };
}

function expectationDiffs(kernel: RunDocument): Difference[] {
  return kernel.steps
    .filter((s) => s.pass === false)
    .map((s) => ({ path: 'expect', line: s.line, engine: s.expect, kernel: s.pending ? 'pending' : s.result }));
}

/**
 * `hostRules`: also recognise the host-imposed differences from the documents themselves
 * (host-imposed.ts), for scenarios the allow-list cannot know (`pidns-lab verify`).
 */
export async function compareScenario(
  id: string, text: string, engine: EngineRun | null, allow: readonly AllowEntry[], hostRules = false,
): Promise<ScenarioVerdict> {
  const k = await runOnKernel(text);
  if (k.kind === 'skipped') return { id, kind: 'skipped', reason: k.reason };
  if (k.harness !== null) return { id, kind: 'harness', message: k.harness };
  const e = engine === null ? null : engine(text);
  const raw = e === null ? expectationDiffs(k.doc) : diffDocuments(e, k.doc);
  const entries = hostRules && e !== null ? [...allow, ...hostImposed(id, e, k.doc)] : allow;
  const approximate = new Set(k.approximate);
  const diffs = raw.map((d) => ({
    ...d,
    allowance: approximate.has(d.path) ? runnerLimit(id, d.path) : findAllowance(entries, id, d),
  }));
  return { id, kind: 'compared', diffs, ms: k.ms, kernel: k.doc };
}

export function unallowed(v: ScenarioVerdict): number {
  if (v.kind === 'harness') return 1;
  if (v.kind === 'skipped') return 0;
  return v.diffs.filter((d) => d.allowance === null).length;
}
