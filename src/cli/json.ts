/**
 * The `run --json` text: the document with one step, namespace or task per line, so that long
 * runs stay readable and diffable. Deterministic: key order is the document's.
 */
import type { RunDocument } from '../scenario/index.ts';
import type { Out } from './out.ts';

/** JSON.stringify leaves DEL and the C1 controls raw (they are legal in JSON strings); written
 * as \u escapes they cannot reach a terminal that shows the document. */
const RAW_CONTROL = /[\u007f-\u009f]/g;
const json = (value: unknown): string =>
  JSON.stringify(value).replace(RAW_CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

function list(key: string, items: readonly unknown[], last: boolean, out: Out): void {
  const end = last ? '' : ',';
  if (items.length === 0) return out.line(`  "${key}": []${end}`);
  out.line(`  "${key}": [`);
  items.forEach((item, i) => out.line(`    ${json(item)}${i === items.length - 1 ? '' : ','}`));
  out.line(`  ]${end}`);
}

export function writeJson(doc: RunDocument, out: Out): void {
  out.line('{');
  out.line(`  "ok": ${json(doc.ok)},`);
  out.line(`  "error": ${json(doc.error)},`);
  if (doc.goal !== undefined) out.line(`  "goal": ${json(doc.goal)},`);
  list('steps', doc.steps, false, out);
  list('namespaces', doc.namespaces, false, out);
  list('tasks', doc.tasks, true, out);
  out.line('}');
}
