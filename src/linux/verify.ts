/**
 * One scenario file compared on this machine, for `pidns-lab verify`: the same comparison as the
 * conformance run (compare.ts), with the project's allow-list when the file is one of the
 * corpus's scenarios, and the host-imposed rules (host-imposed.ts) for any file. Says instead why
 * this machine cannot run it: not Linux, no pid namespaces, not root, no `cc`, a driver that does
 * not build, a scenario too large to run for real, or a runner failure.
 */
import { existsSync } from 'node:fs';
import { loadAllowList } from './allow-list.ts';
import { compareScenario, type ClassifiedDifference } from './compare.ts';
import { ALLOW_LIST_FILE, corpusId } from './corpus.ts';
import { ensureDriver, kernelUnavailable } from './driver-build.ts';
import { loadEngine } from './engine-run.ts';

export interface FileVerdict {
  id: string;
  diffs: ClassifiedDifference[];
  ms: number;
}

export type FileOutcome = { kind: 'compared'; verdict: FileVerdict } | { kind: 'cannot'; reason: string };

function buildDriver(): string | null {
  try {
    ensureDriver();
    return null;
  } catch (e) {
    const stderr = (e as { stderr?: Buffer }).stderr?.toString().trim().split('\n')[0];
    return `the C driver does not compile with this cc${stderr === undefined || stderr === '' ? '' : `: ${stderr}`}`;
  }
}

export async function compareFile(path: string, text: string): Promise<FileOutcome> {
  const why = kernelUnavailable() ?? buildDriver();
  if (why !== null) return { kind: 'cannot', reason: why };
  const id = path === '-' ? null : corpusId(path);
  const allow = id !== null && existsSync(ALLOW_LIST_FILE) ? loadAllowList(ALLOW_LIST_FILE) : [];
  const v = await compareScenario(id ?? path, text, await loadEngine(), allow, true);
  if (v.kind === 'skipped') return { kind: 'cannot', reason: v.reason };
  if (v.kind === 'harness') return { kind: 'cannot', reason: `the real-kernel run failed: ${v.message}` };
  return { kind: 'compared', verdict: { id: v.id, diffs: v.diffs, ms: v.ms } };
}

/**
 * Differences that do not fail a verify: those the host imposes, and values the kernel does not
 * show exactly (`runner`). A known engine difference (`engine`) is still a difference.
 */
export function excused(d: ClassifiedDifference): boolean {
  return d.allowance !== null && d.allowance.category !== 'engine';
}
