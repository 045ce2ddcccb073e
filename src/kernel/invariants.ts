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
 * - an active namespace's reaper is alive; a live process's parent is alive and lists it;
 * - every task column has one entry per task, and each process's thread list runs both ways.
 */
import type { KernelState } from './types.ts';
import { NO_TASK } from './types.ts';
import { nsView, taskCount } from './describe.ts';

const at = (s: KernelState, t: number, level: number): number => s.tasks.nrs[s.tasks.nrAt[t] + level];
const levelOf = (s: KernelState, t: number): number => s.namespaces[s.tasks.ns[t]]?.level ?? -1;

function linkCounts(s: KernelState): number[] {
  const T = s.tasks;
  const refs: number[] = new Array<number>(taskCount(s)).fill(0);
  const bump = (id: number): void => {
    refs[id] = (refs[id] ?? 0) + 1;
  };
  for (let t = 0; t < taskCount(s); t++) {
    if (!T.hashed[t]) continue;
    bump(t);
    if (T.leader[t] !== t) continue;
    bump(t);
    bump(T.pgrp[t]);
    bump(T.session[t]);
  }
  return refs;
}

/** Every typed column of a table has room for the same rows (signal sets: two words per row). */
function checkTable(name: string, table: object, capacity: number, count: number, out: string[]): void {
  if (count > capacity) out.push(`${name}: ${count} rows in room for ${capacity}`);
  for (const [key, column] of Object.entries(table)) {
    if (!ArrayBuffer.isView(column) || key === 'nrs') continue;
    const size = (column as Uint8Array).length;
    if (size !== capacity && size !== 2 * capacity) out.push(`${name}.${key} has room for ${size}, not ${capacity} rows`);
  }
}

function checkColumns(s: KernelState, out: string[]): void {
  const T = s.tasks;
  checkTable('tasks', T, T.leader.length, T.count, out);
  if (T.label.length !== T.count) out.push(`${T.label.length} labels for ${T.count} tasks`);
  if (T.nrCount > T.nrs.length) out.push(`${T.nrCount} pid numbers in room for ${T.nrs.length}`);
  checkTable('sighands', s.sighands, s.sighands.reapAuto.length, s.sighands.count, out);
  for (let t = 0; t < T.count; t++) {
    if (T.cmd[t] < 0 || T.cmd[t] >= s.cmds.length) out.push(`${T.label[t]}: no command line ${T.cmd[t]}`);
    if (T.sighand[t] < 0 || T.sighand[t] >= s.sighands.count) out.push(`${T.label[t]}: no sighand ${T.sighand[t]}`);
  }
}

function checkIdrs(s: KernelState, out: string[]): void {
  for (const n of s.namespaces) {
    let entries = 0;
    for (let key = 0; key < n.idr.length; key++) {
      if (n.idr[key] === undefined) continue;
      entries++;
      const owner = n.idr[key];
      if (owner < 0 || owner >= taskCount(s)) { out.push(`ns${n.id}: ${key} points at nothing`); continue; }
      if (at(s, owner, n.level) !== key) out.push(`ns${n.id}: ${key} is not ${s.tasks.label[owner]}'s number there`);
      if (s.tasks.pidRefs[owner] <= 0) out.push(`ns${n.id}: ${key} is held by nothing (leak)`);
    }
    if (entries !== n.count) out.push(`ns${n.id}: count ${n.count} but ${entries} numbers`);
    const high = n.idr.reduce((h, owner, nr) => (owner !== undefined && nr >= 300 ? h + 1 : h), 0);
    if (high !== n.high) out.push(`ns${n.id}: high ${n.high} but ${high} numbers from 300`);
  }
}

function chainOf(s: KernelState, t: number): number[] {
  const chain: number[] = [];
  for (let id: number | null = s.tasks.ns[t]; id !== null; id = s.namespaces[id]?.parent ?? null) chain.unshift(id);
  return chain;
}

function checkPids(s: KernelState, out: string[]): void {
  const T = s.tasks;
  const refs = linkCounts(s);
  for (let t = 0; t < taskCount(s); t++) {
    if (refs[t] !== T.pidRefs[t]) out.push(`${T.label[t]}: pid used ${T.pidRefs[t]} times, links say ${refs[t]}`);
    if (T.pidRefs[t] === 0) continue;
    const chain = chainOf(s, t);
    if (chain.length !== levelOf(s, t) + 1) out.push(`${T.label[t]}: ${levelOf(s, t) + 1} numbers for ${chain.length} levels`);
    chain.forEach((nsId, level) => {
      const nr = at(s, t, level);
      if (s.namespaces[nsId]?.idr[nr] !== t) out.push(`${T.label[t]}: number ${nr} missing from ns${nsId}`);
    });
  }
}

function checkThreads(s: KernelState, out: string[]): void {
  const T = s.tasks;
  for (let p = 0; p < taskCount(s); p++) {
    if (T.leader[p] !== p || !T.hashed[p]) continue;
    let last = p;
    for (let th = T.nextThread[p]; th !== NO_TASK; th = T.nextThread[th]) {
      if (T.prevThread[th] !== last || T.leader[th] !== p || !T.hashed[th]) out.push(`${T.label[p]}: thread list broken at ${T.label[th]}`);
      last = th;
    }
    if (T.lastThread[p] !== last) out.push(`${T.label[p]}: thread list ends at ${T.label[last]}, tail says ${T.label[T.lastThread[p]]}`);
  }
}

function checkFamilies(s: KernelState, out: string[]): void {
  const T = s.tasks;
  for (let t = 0; t < taskCount(s); t++) {
    if (!T.hashed[t] || T.leader[t] !== t || T.realParent[t] === NO_TASK) continue;
    const parent = T.realParent[t];
    if (!T.hashed[parent] || T.exitState[parent] !== 0) out.push(`${T.label[t]}: parent ${T.label[parent]} is gone`);
  }
  for (const n of s.namespaces) {
    if (n.reaper === NO_TASK || nsView(s, n.id).state !== 'active') continue;
    const r = n.reaper;
    if (T.exiting[r] || T.exitState[r] !== 0) out.push(`ns${n.id}: active but its reaper is gone`);
  }
}

/** Every broken promise of the model in `s` (empty when sound). */
export function checkInvariants(s: KernelState): string[] {
  const out: string[] = [];
  checkColumns(s, out);
  if (out.length > 0) return out;
  checkIdrs(s, out);
  checkPids(s, out);
  checkThreads(s, out);
  checkFamilies(s, out);
  return out;
}
