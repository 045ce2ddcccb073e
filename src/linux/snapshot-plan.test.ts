import { describe, expect, it } from 'vitest';
import { runScenario } from '../scenario/index.ts';
import type { SnapNs, SnapProcess, Snapshot } from './snapshot-model.ts';
import { planSnapshot } from './snapshot-plan.ts';
import { psNotes } from './snapshot.ts';

type Spec = Partial<SnapProcess> & Pick<SnapProcess, 'id' | 'ns' | 'chain' | 'parent' | 'pgid' | 'sid'>;

function proc(spec: Spec, start: number): SnapProcess {
  return { state: 'S', cmd: `cmd ${spec.id}`, comm: `p`, start, exitStatus: 0, threads: [], threadCount: 1, ...spec };
}

function snapshot(namespaces: Omit<SnapNs, 'init'>[], specs: Spec[]): Snapshot {
  const processes = specs.map(proc);
  return {
    root: 'R',
    namespaces: namespaces.map((n) => {
      const init = processes.findIndex((p) => p.ns === n.key && p.chain[n.level] === 1);
      return { ...n, init: init === -1 ? null : init };
    }),
    processes,
    left: [],
  };
}

/** the engine's run of the plan shows every host ps row, in every namespace */
function rebuilt(snap: Snapshot): string[] {
  const plan = planSnapshot(snap, { threads: true, exclude: new Set(), rootPidMax: 32768, rootLastPid: 999 });
  const doc = runScenario(`${plan.statements.join('\n')}\n`, { steps: true });
  expect(doc.error, plan.statements.join('\n')).toBeNull();
  expect(doc.steps.filter((s) => s.result?.startsWith('E') === true), plan.statements.join('\n')).toEqual([]);
  return [...plan.notes, ...psNotes(snap, plan, doc).notes];
}

const R = { key: 'R', level: 0, parent: null };
const N = { key: 'N', level: 1, parent: 'R' };

describe('planSnapshot', () => {
  it('rebuilds a root init whose session lies outside, and children outside parents made', () => {
    expect(rebuilt(snapshot([R], [
      { id: 1, ns: 'R', chain: [1], parent: null, pgid: [0], sid: [0] },
      { id: 2, ns: 'R', chain: [2], parent: null, pgid: [0], sid: [0] },
      { id: 3, ns: 'R', chain: [3], parent: 2, pgid: [0], sid: [0] },
    ]))).toEqual([]);
  });

  it('gives a daemon whose session and group leader are gone a stand-in, and init as parent', () => {
    expect(rebuilt(snapshot([R], [
      { id: 1, ns: 'R', chain: [1], parent: null, pgid: [1], sid: [1] },
      { id: 50, ns: 'R', chain: [50], parent: 1, pgid: [40], sid: [40] },
      { id: 51, ns: 'R', chain: [51], parent: 50, pgid: [51], sid: [40] },
      { id: 52, ns: 'R', chain: [52], parent: 1, pgid: [40], sid: [40] },
    ]))).toEqual([]);
  });

  it('makes a parent that adopted processes of another session a subreaper (systemd --user)', () => {
    const notes = rebuilt(snapshot([R], [
      { id: 1, ns: 'R', chain: [1], parent: null, pgid: [1], sid: [1] },
      { id: 900, ns: 'R', chain: [900], parent: 1, pgid: [900], sid: [900] },
      { id: 800, ns: 'R', chain: [800], parent: 900, pgid: [800], sid: [800] },
      { id: 950, ns: 'R', chain: [950], parent: 900, pgid: [940], sid: [940] },
      { id: 960, ns: 'R', chain: [960], parent: 900, pgid: [960], sid: [800] },
    ]));
    expect(notes).toEqual(['p_900 is made a child subreaper: on the host it is the parent of processes of another session, which only adoption gives']);
  });

  it('rebuilds a pipeline whose group leader is gone, and a member that joined a later group', () => {
    expect(rebuilt(snapshot([R], [
      { id: 1, ns: 'R', chain: [1], parent: null, pgid: [1], sid: [1] },
      { id: 10, ns: 'R', chain: [10], parent: 1, pgid: [10], sid: [10] },
      { id: 12, ns: 'R', chain: [12], parent: 10, pgid: [11], sid: [10] },
      { id: 13, ns: 'R', chain: [13], parent: 10, pgid: [11], sid: [10] },
      { id: 14, ns: 'R', chain: [14], parent: 10, pgid: [15], sid: [10] },
      { id: 15, ns: 'R', chain: [15], parent: 10, pgid: [15], sid: [10] },
    ]))).toEqual([]);
  });

  it('rebuilds nested namespaces: injected children, an init made from further up, a pid below its parent\'s', () => {
    const M = { key: 'M', level: 2, parent: 'N' };
    expect(rebuilt(snapshot([R, N, M], [
      { id: 1, ns: 'R', chain: [1], parent: null, pgid: [1], sid: [1] },
      { id: 100, ns: 'R', chain: [100], parent: 1, pgid: [100], sid: [100] },
      { id: 20, ns: 'N', chain: [20, 1], parent: 100, pgid: [100, 0], sid: [100, 0] },
      { id: 30, ns: 'N', chain: [30, 2], parent: null, pgid: [0, 0], sid: [0, 0] },
      { id: 31, ns: 'N', chain: [31, 3], parent: 100, pgid: [100, 0], sid: [100, 0] },
      { id: 5, ns: 'N', chain: [5, 7], parent: 20, pgid: [5, 7], sid: [5, 7] },
      { id: 40, ns: 'M', chain: [40, 4, 1], parent: 100, pgid: [100, 0, 0], sid: [100, 0, 0] },
      { id: 41, ns: 'M', chain: [41, 5, 2], parent: 40, pgid: [100, 0, 0], sid: [100, 0, 0] },
    ].map((s, i) => ({ ...s, start: i }))))).toEqual([]);
  });

  it('leaves zombies unreaped and stopped processes stopped, a zombie init included', () => {
    const Z = { key: 'Z', level: 1, parent: 'R' };
    expect(rebuilt(snapshot([R, Z], [
      { id: 1, ns: 'R', chain: [1], parent: null, pgid: [1], sid: [1] },
      { id: 60, ns: 'R', chain: [60], parent: 1, pgid: [1], sid: [1], state: 'T' },
      { id: 61, ns: 'R', chain: [61], parent: 1, pgid: [1], sid: [1], state: 'Z', exitStatus: 3 << 8 },
      { id: 62, ns: 'R', chain: [62], parent: 1, pgid: [1], sid: [1], state: 'Z', exitStatus: 15 },
      { id: 70, ns: 'Z', chain: [70, 1], parent: 1, pgid: [1, 0], sid: [1, 0], state: 'Z' },
      { id: 80, ns: 'R', chain: [80], parent: null, pgid: [0], sid: [0], state: 'Z' },
    ]))).toEqual([]);
  });

  it('rebuilds threads with their tids, and a leader that exited while its threads live', () => {
    const snap = snapshot([R], [
      { id: 1, ns: 'R', chain: [1], parent: null, pgid: [1], sid: [1] },
      { id: 90, ns: 'R', chain: [90], parent: 1, pgid: [1], sid: [1], threads: [[93], [91]], threadCount: 3 },
      { id: 95, ns: 'R', chain: [95], parent: 1, pgid: [1], sid: [1], state: 'Z', threads: [[96]], threadCount: 2 },
    ]);
    expect(rebuilt(snap)).toEqual([]);
    const plan = planSnapshot(snap, { threads: true, exclude: new Set(), rootPidMax: null, rootLastPid: null });
    const tasks = runScenario(`${plan.statements.join('\n')}\n`).tasks;
    expect(tasks.filter((t) => t.label.startsWith('p_90')).map((t) => t.nspid.slice(1))).toEqual([[90], [93], [91]]);
  });

  it('says which processes it leaves out', () => {
    const plan = planSnapshot(snapshot([R, { key: 'D', level: 1, parent: 'R' }], [
      { id: 1, ns: 'R', chain: [1], parent: null, pgid: [1], sid: [1] },
      { id: 7, ns: 'D', chain: [7, 2], parent: null, pgid: [0, 0], sid: [0, 0] },
    ]), { threads: false, exclude: new Set(), rootPidMax: null, rootLastPid: null });
    expect(plan.notes).toEqual(['pid 7 (p) is left out: its namespace D has no init left (it is being torn down)']);
  });
});
