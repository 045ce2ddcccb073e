/**
 * checkInvariants(): the promises the model keeps after every call, as readable violations. Used
 * by the property tests after every random step; empty means sound.
 *
 * - every idr entry points at a struct pid whose number at that level is the entry's key, on the
 *   namespace chain of the pid, and that something still uses (no number held by nothing — the
 *   leak of the RFC's first TODO);
 * - a namespace's count equals its idr entries; every used struct pid has exactly one number per
 *   level up to its own level, each found in that level's namespace;
 * - a struct pid's use count equals its real links (own PID/TGID, PGID and SID of processes);
 * - an active namespace's reaper is alive; a live process's parent is alive and lists it.
 */
import type { KernelState, Task } from './types.ts';
import { NO_TASK } from './types.ts';
import { nsView } from './describe.ts';

function linkCounts(s: KernelState): number[] {
  const refs: number[] = new Array<number>(s.tasks.length).fill(0);
  const bump = (id: number): void => {
    refs[id] = (refs[id] ?? 0) + 1;
  };
  for (const t of s.tasks) {
    if (!t.hashed) continue;
    bump(t.id);
    if (t.leader !== t.id) continue;
    bump(t.id);
    bump(t.pgrp);
    bump(t.session);
  }
  return refs;
}

function checkIdrs(s: KernelState, out: string[]): void {
  for (const n of s.namespaces) {
    let entries = 0;
    for (let key = 0; key < n.idr.length; key++) {
      if (n.idr[key] === undefined) continue;
      entries++;
      const owner = s.tasks[n.idr[key] ?? -1];
      if (owner === undefined) { out.push(`ns${n.id}: ${key} points at nothing`); continue; }
      if (owner.numbers[n.level] !== Number(key)) out.push(`ns${n.id}: ${key} is not ${owner.label}'s number there`);
      if (owner.pidRefs <= 0) out.push(`ns${n.id}: ${key} is held by nothing (leak)`);
    }
    if (entries !== n.count) out.push(`ns${n.id}: count ${n.count} but ${entries} numbers`);
    const high = n.idr.reduce((h, owner, nr) => (owner !== undefined && nr >= 300 ? h + 1 : h), 0);
    if (high !== n.high) out.push(`ns${n.id}: high ${n.high} but ${high} numbers from 300`);
  }
}

function chainOf(s: KernelState, t: Task): number[] {
  const chain: number[] = [];
  for (let id: number | null = t.ns; id !== null; id = s.namespaces[id]?.parent ?? null) chain.unshift(id);
  return chain;
}

function checkPids(s: KernelState, out: string[]): void {
  const refs = linkCounts(s);
  for (const t of s.tasks) {
    if (refs[t.id] !== t.pidRefs) out.push(`${t.label}: pid used ${t.pidRefs} times, links say ${refs[t.id]}`);
    if (t.pidRefs === 0) continue;
    const chain = chainOf(s, t);
    if (chain.length !== t.numbers.length) out.push(`${t.label}: ${t.numbers.length} numbers for ${chain.length} levels`);
    chain.forEach((nsId, level) => {
      const nr = t.numbers[level] ?? 0;
      if (s.namespaces[nsId]?.idr[nr] !== t.id) out.push(`${t.label}: number ${nr} missing from ns${nsId}`);
    });
  }
}

function checkFamilies(s: KernelState, out: string[]): void {
  for (const t of s.tasks) {
    if (!t.hashed || t.leader !== t.id || t.realParent === NO_TASK) continue;
    const parent = s.tasks[t.realParent];
    if (parent === undefined || !parent.hashed || parent.exitState !== 'none') {
      out.push(`${t.label}: parent ${parent?.label ?? '?'} is gone`);
    }
  }
  for (const n of s.namespaces) {
    if (n.reaper === NO_TASK || nsView(s, n.id).state !== 'active') continue;
    const r = s.tasks[n.reaper];
    if (r === undefined || r.exiting || r.exitState !== 'none') out.push(`ns${n.id}: active but its reaper is gone`);
  }
}

/** Every broken promise of the model in `s` (empty when sound). */
export function checkInvariants(s: KernelState): string[] {
  const out: string[] = [];
  checkIdrs(s, out);
  checkPids(s, out);
  checkFamilies(s, out);
  return out;
}
