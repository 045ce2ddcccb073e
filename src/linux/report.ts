/** Human-readable lines for conformance verdicts (pure: verdicts in, text out). */
import type { ScenarioVerdict } from './compare.ts';
import { formatValue } from './diff.ts';

export function verdictLines(v: ScenarioVerdict): string[] {
  if (v.kind === 'skipped') return [`SKIP    ${v.id}: ${v.reason}`];
  if (v.kind === 'harness') return [`RUNNER  ${v.id}: ${v.message}`];
  if (v.diffs.length === 0) return [`same    ${v.id} (${v.ms} ms)`];
  const open = v.diffs.filter((d) => d.allowance === null).length;
  const head = open > 0 ? 'DIFFER ' : 'allowed';
  const lines = [`${head} ${v.id}: ${v.diffs.length} difference(s), ${open} not allowed`];
  for (const d of v.diffs) {
    const where = d.line === null ? '' : `line ${d.line} `;
    const tag = d.allowance === null ? '  ✗' : `  ~ [${d.allowance.category}]`;
    lines.push(`${tag} ${v.id} ${where}${d.path}: engine ${formatValue(d.engine)}, Linux ${formatValue(d.kernel)}`);
  }
  return lines;
}

export interface Summary {
  scenarios: number;
  identical: number;
  differ: number;
  allowedOnly: number;
  skipped: number;
  runner: number;
}

export function summarize(vs: readonly ScenarioVerdict[]): Summary {
  const compared = vs.filter((v) => v.kind === 'compared');
  const identical = compared.filter((v) => v.kind === 'compared' && v.diffs.length === 0).length;
  const allowedOnly = compared.filter(
    (v) => v.kind === 'compared' && v.diffs.length > 0 && v.diffs.every((d) => d.allowance !== null),
  ).length;
  return {
    scenarios: vs.length,
    identical,
    differ: compared.length - identical,
    allowedOnly,
    skipped: vs.filter((v) => v.kind === 'skipped').length,
    runner: vs.filter((v) => v.kind === 'harness').length,
  };
}

export function summaryLine(s: Summary): string {
  return `${s.scenarios} scenarios, ${s.identical} identical, ${s.differ} differ`;
}

export function summaryDetail(s: Summary): string {
  return `(${s.allowedOnly} of those differing only as the allow-list permits; ${s.skipped} skipped; ${s.runner} runner failures)`;
}
