/**
 * Every task's label, packed for the page: one string (the labels one a line) and one typed
 * array of where each starts. A million labels cross from the engine as two objects, not a
 * million strings, and the page looks one up without walking them (labels never hold a line
 * break: they are scenario names).
 */
export interface TaskLabels {
  /** the labels, each followed by a line break, in TaskId order */
  text: string;
  /** where task k's label starts in `text`; one more entry holds the length of `text` */
  starts: Int32Array;
}

export function packLabels(labels: readonly string[]): TaskLabels {
  const starts = new Int32Array(labels.length + 1);
  let at = 0;
  labels.forEach((label, id) => {
    starts[id] = at;
    at += label.length + 1;
  });
  starts[labels.length] = at;
  return { text: labels.map((label) => `${label}\n`).join(''), starts };
}

export function labelCount(labels: TaskLabels): number {
  return labels.starts.length - 1;
}

/** task `id`'s label (null: no such task) */
export function labelOf(labels: TaskLabels, id: number): string | null {
  if (!Number.isInteger(id) || id < 0 || id >= labelCount(labels)) return null;
  return labels.text.slice(labels.starts[id], (labels.starts[id + 1] as number) - 1);
}

/** the first task labelled `label` (null: none), found by the string search, not a walk */
export function taskLabelled(labels: TaskLabels, label: string): number | null {
  if (label.includes('\n')) return null;
  const wanted = `${label}\n`;
  for (let at = labels.text.indexOf(wanted); at >= 0; at = labels.text.indexOf(wanted, at + 1)) {
    const id = startingAt(labels.starts, at);
    if (id !== null) return id;
  }
  return null;
}

/** the task whose label starts exactly at `offset` (binary search; null: mid-label) */
function startingAt(starts: Int32Array, offset: number): number | null {
  let low = 0;
  let high = starts.length - 2;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const start = starts[mid] as number;
    if (start === offset) return mid;
    if (start < offset) low = mid + 1;
    else high = mid - 1;
  }
  return null;
}
