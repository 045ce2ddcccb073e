/**
 * Sessions and process groups for the snapshot (snapshot-plan.ts): a member inherits its session
 * from whoever makes it (R28), so a process in another session than its parent's is made by a
 * task in that session that leaves at the end, and is then adopted (R51, R84); a session or
 * group whose leader is gone gets a stand-in leader with its pid (R3). Pure.
 */
import type { SnapProcess } from './snapshot-model.ts';
import { deepestVisible, labelFor, reverse, WORLD, type Actor, type Builder, type Leaving } from './snapshot-builder.ts';

function isNsInit(b: Builder, a: Actor): boolean {
  const n = b.ns(a.ns);
  const init = n === undefined || n.init === null ? undefined : b.snap.processes[n.init];
  return init !== undefined && labelFor(init) === a.label;
}

function isAncestor(b: Builder, older: string, of: Actor): boolean {
  for (let a: Actor | undefined = of; a !== undefined && a.label !== WORLD; a = b.actors.get(a.parent)) if (a.parent === older) return true;
  return false;
}

/**
 * A process that is not the one that made its child, and not its namespace's init, can only
 * have adopted it as a child subreaper (R51, R84): it is marked one, so that the helper's exit
 * hands the child to it.
 */
function becomeSubreaper(b: Builder, a: Actor): void {
  if (b.subreapers.has(a.label)) return;
  b.subreapers.add(a.label);
  b.emit(`${a.label} prctl SUBREAPER 1`);
  b.notes.push(`${a.label} is made a child subreaper: on the host it is the parent of processes of another session, which only adoption gives`);
}

/**
 * A task in session `sid` living in namespace `ns`, made on first use, for a member whose parent
 * is `adopter`: when the task leaves, the member is adopted by `adopter` if that is the
 * namespace's init or a subreaper above the task.
 */
export function sessionCreator(b: Builder, sid: number, ns: string, member: SnapProcess, adopter: Actor): Actor | null {
  const key = `${sid}@${ns}`;
  const known = b.creators.get(key);
  if (known !== undefined) return known;
  const leader = sid === 0 ? b.actors.get(WORLD) : sessionLeader(b, sid, member, adopter);
  if (leader === undefined || leader === null) return null;
  // a stand-in leaves at the end, so what it makes is adopted; a real leader stays
  if (leader.ns === ns && leader.label === `session_${sid}`) return leader;
  const label = b.helperLabel(`session_${sid}_helper`);
  if (!b.clone(leader, ns, '', b.spareTids(ns), label, null)) return null;
  const helper: Actor = { label, parent: leader.label, ns, sid: leader.sid, pgid: leader.pgid };
  b.actors.set(label, helper);
  b.creators.set(key, helper);
  (b.leaving[1] as Leaving[]).push({ label, reaper: leader.label === WORLD ? null : leader.label });
  if (adopter.ns === ns && !isNsInit(b, adopter) && isAncestor(b, adopter.label, helper)) becomeSubreaper(b, adopter);
  return helper;
}

/**
 * The session's leader, or a stand-in with its pid when the leader is gone: made by `adopter`
 * when it lives where the session did (it then adopts what the stand-in makes), else by ns0's init.
 */
function sessionLeader(b: Builder, sid: number, member: SnapProcess, adopter: Actor): Actor | null {
  const real = b.proc(sid);
  if (real !== undefined) return b.actors.get(labelFor(real)) ?? null;
  const label = `session_${sid}`;
  const known = b.actors.get(label);
  if (known !== undefined) return known;
  const j = deepestVisible(member.sid);
  const home = b.ancestorAt(member.ns, j);
  const by = adopter.ns === home && adopter.label !== WORLD && !isNsInit(b, adopter) ? adopter : (b.actors.get(WORLD) as Actor);
  if (!b.clone(by, home, '', reverse(member.sid.slice(0, j + 1)), label, null)) return null;
  b.emit(`${label} setsid`);
  const actor: Actor = { label, parent: by.label, ns: home, sid, pgid: sid };
  b.actors.set(label, actor);
  (b.leaving[2] as Leaving[]).push({ label, reaper: by.label === WORLD ? null : by.label });
  if (by !== b.actors.get(WORLD)) becomeSubreaper(b, by);
  return actor;
}

/** A stand-in leader with the pid of a group whose leader is gone. */
function groupStandIn(b: Builder, member: SnapProcess): Actor | null {
  const pgid = member.pgid[0] as number;
  const label = `group_${pgid}`;
  const known = b.actors.get(label);
  if (known !== undefined) return known;
  const j = deepestVisible(member.pgid);
  const home = b.ancestorAt(member.ns, j);
  const sid = member.sid[0] as number;
  const leader = sid === 0 ? null : b.proc(sid);
  const leaderActor = leader === undefined || leader === null ? undefined : b.actors.get(labelFor(leader));
  const world = b.actors.get(WORLD) as Actor;
  const by = leaderActor !== undefined && b.contains(leaderActor.ns, home) ? leaderActor : sessionCreator(b, sid, home, member, world);
  if (by === null || !b.clone(by, home, '', reverse(member.pgid.slice(0, j + 1)), label, null)) return null;
  b.emit(`${label} setpgid 0 0`);
  const actor: Actor = { label, parent: by.label, ns: home, sid, pgid };
  b.actors.set(label, actor);
  (b.leaving[0] as Leaving[]).push({ label, reaper: by.label === WORLD ? null : by.label });
  return actor;
}

/** `p` (just made by `by`) moves into its group, now or once the group's leader exists. */
export function joinGroup(b: Builder, p: SnapProcess, me: Actor, by: Actor): void {
  const pgid = p.pgid[0] as number;
  if (pgid === 0) return;
  const leader = b.proc(pgid);
  if (leader !== undefined && !b.actors.has(labelFor(leader))) {
    b.pendingJoins.set(pgid, [...(b.pendingJoins.get(pgid) ?? []), p]);
    return;
  }
  if (leader === undefined && groupStandIn(b, p) === null) return;
  const own = p.pgid[b.level(me.ns)] ?? 0;
  const fromParent = p.pgid[b.level(by.ns)] ?? 0;
  if (own !== 0) b.emit(`${me.label} setpgid 0 ${own}`);
  else if (by.label !== WORLD && fromParent !== 0) b.emit(`${by.label} setpgid ${me.label} ${fromParent}`);
  else return;
  me.pgid = pgid;
}
