/**
 * A frame's namespaces and tables by id, indexed once per frame: every box of the tree and every
 * table looks itself up at each change of the store, so a search through the frame's lists would
 * cost the page the square of what it draws.
 */
import type { Frame, NsFrame, TableFrame } from '../protocol/index.ts';

const namespaces = new WeakMap<Frame, Map<number, NsFrame>>();
const tables = new WeakMap<Frame, Map<number, TableFrame>>();

function indexed<T>(cache: WeakMap<Frame, Map<number, T>>, frame: Frame, list: readonly T[], id: (item: T) => number) {
  const known = cache.get(frame);
  if (known) return known;
  const made = new Map(list.map((item) => [id(item), item]));
  cache.set(frame, made);
  return made;
}

export function frameNs(frame: Frame | null, id: number): NsFrame | null {
  return frame === null ? null : indexed(namespaces, frame, frame.namespaces, (n) => n.id).get(id) ?? null;
}

export function frameTable(frame: Frame | null, ns: number): TableFrame | null {
  return frame === null ? null : indexed(tables, frame, frame.tables, (t) => t.ns).get(ns) ?? null;
}
