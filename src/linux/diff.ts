/**
 * Field-by-field comparison of two `run --json` documents (engine vs real kernel). Pure.
 * Steps are compared by position, namespaces by name, ps rows and tasks by label (labels are
 * unique for a run). Each difference names a field path, the source line when it belongs to a
 * step, and both values. An error's message is not compared (the texts are the engine's own);
 * its line is.
 */
import type { NamespaceDoc, RunDocument, StepDoc, TaskDoc } from './types.ts';

export interface Difference {
  path: string;
  line: number | null;
  engine: unknown;
  kernel: unknown;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function diffSteps(e: readonly StepDoc[], k: readonly StepDoc[], out: Difference[]): void {
  for (let i = 0; i < Math.max(e.length, k.length); i++) {
    const a = e[i];
    const b = k[i];
    if (a === undefined || b === undefined) {
      out.push({ path: `steps[${i}]`, line: (a ?? b)?.line ?? null, engine: a ?? null, kernel: b ?? null });
      continue;
    }
    const fields: (keyof StepDoc)[] = ['line', 'actor', 'op', 'result'];
    for (const f of fields)
      if (!same(a[f], b[f])) out.push({ path: `steps[${i}].${f}`, line: a.line, engine: a[f], kernel: b[f] });
    if ((a.pending ?? false) !== (b.pending ?? false))
      out.push({ path: `steps[${i}].pending`, line: a.line, engine: a.pending ?? false, kernel: b.pending ?? false });
  }
}

function byKey<T>(items: readonly T[], key: (t: T) => string): Map<string, T> {
  return new Map(items.map((t) => [key(t), t]));
}

function diffKeyed<T extends object>(
  prefix: string, e: readonly T[], k: readonly T[], key: (t: T) => string,
  fields: readonly (keyof T & string)[], out: Difference[],
): void {
  const em = byKey(e, key);
  const km = byKey(k, key);
  for (const id of new Set([...em.keys(), ...km.keys()])) {
    const a = em.get(id);
    const b = km.get(id);
    if (a === undefined || b === undefined) {
      out.push({ path: `${prefix}[${id}]`, line: null, engine: a ?? null, kernel: b ?? null });
      continue;
    }
    for (const f of fields)
      if (!same(a[f], b[f])) out.push({ path: `${prefix}[${id}].${f}`, line: null, engine: a[f], kernel: b[f] });
  }
}

function diffNamespaces(e: readonly NamespaceDoc[], k: readonly NamespaceDoc[], out: Difference[]): void {
  diffKeyed('namespaces', e, k, (n) => n.name, ['level', 'parent', 'state'], out);
  const km = byKey(k, (n) => n.name);
  for (const a of e) {
    const b = km.get(a.name);
    if (b === undefined) continue;
    diffKeyed(`namespaces[${a.name}].ps`, a.ps, b.ps, (r) => r.label, ['pid', 'ppid', 'pgid', 'sid', 'stat', 'cmd'], out);
    const order = (rows: NamespaceDoc['ps']): string[] => rows.map((r) => r.label);
    if (!same(order(a.ps), order(b.ps)) && same([...order(a.ps)].sort(), [...order(b.ps)].sort()))
      out.push({ path: `namespaces[${a.name}].ps.order`, line: null, engine: order(a.ps), kernel: order(b.ps) });
  }
}

export function diffDocuments(engine: RunDocument, kernel: RunDocument): Difference[] {
  const out: Difference[] = [];
  if ((engine.error === null) !== (kernel.error === null) || engine.error?.line !== kernel.error?.line) {
    out.push({ path: 'error', line: engine.error?.line ?? kernel.error?.line ?? null, engine: engine.error, kernel: kernel.error });
  }
  diffSteps(engine.steps, kernel.steps, out);
  diffNamespaces(engine.namespaces, kernel.namespaces, out);
  const taskFields: (keyof TaskDoc & string)[] = ['ns', 'nspid', 'state', 'exit'];
  diffKeyed('tasks', engine.tasks, kernel.tasks, (t) => t.label, taskFields, out);
  if (out.length === 0 && engine.ok !== kernel.ok) out.push({ path: 'ok', line: null, engine: engine.ok, kernel: kernel.ok });
  return out;
}

export function formatValue(v: unknown): string {
  return v === undefined ? 'undefined' : JSON.stringify(v);
}
