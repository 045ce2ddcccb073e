/**
 * Reaped processes fade out where they stood instead of vanishing: when the player moves forward
 * and a process is no longer listed, it is kept for a moment as a ghost row. Nothing is kept
 * when the visitor prefers reduced motion, or when the player moved back or jumped.
 */
import { useEffect, useRef, useState } from 'react';
import type { TreeProcess } from '../../protocol/index.ts';

export interface Ghost {
  task: number;
  index: number;
  text: string;
}

const LEAVE_MS = 700;

export function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export function useLeaving(current: readonly TreeProcess[], position: number): Ghost[] {
  const before = useRef<{ list: readonly TreeProcess[]; position: number }>({ list: current, position });
  const [ghosts, setGhosts] = useState<Ghost[]>([]);
  useEffect(() => {
    const prev = before.current;
    before.current = { list: current, position };
    const forward = position > prev.position && position - prev.position <= 1;
    if (!forward || reducedMotion()) return undefined;
    const still = new Set(current.map((p) => p.task));
    const gone = prev.list.flatMap((p, index) => (still.has(p.task) ? [] : [{ task: p.task, index, text: `${p.pid} ${p.label}` }]));
    if (gone.length === 0) return undefined;
    setGhosts(gone);
    const timer = setTimeout(() => setGhosts([]), LEAVE_MS);
    return () => clearTimeout(timer);
  }, [current, position]);
  return ghosts;
}
