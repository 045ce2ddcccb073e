/**
 * The `run --json` text: the document with one step, namespace or task per line, so that long
 * runs stay readable and diffable. Deterministic: key order is the document's.
 */
import type { RunDocument } from '../scenario/index.ts';

function list(items: readonly unknown[]): string {
  if (items.length === 0) return '[]';
  return `[\n${items.map((i) => `    ${JSON.stringify(i)}`).join(',\n')}\n  ]`;
}

export function formatJson(doc: RunDocument): string {
  return [
    '{',
    `  "ok": ${JSON.stringify(doc.ok)},`,
    `  "error": ${JSON.stringify(doc.error)},`,
    ...(doc.goal === undefined ? [] : [`  "goal": ${JSON.stringify(doc.goal)},`]),
    `  "steps": ${list(doc.steps)},`,
    `  "namespaces": ${list(doc.namespaces)},`,
    `  "tasks": ${list(doc.tasks)}`,
    '}',
    '',
  ].join('\n');
}
