import { describe, expect, it } from 'vitest';
import type { ScenarioVerdict } from './compare.ts';
import { uncertainPaths } from './kernel-run.ts';
import { summarize, summaryLine, verdictLines } from './report.ts';
import type { DriverTask, RunDocument } from './types.ts';

const doc: RunDocument = { ok: true, error: null, steps: [], namespaces: [], tasks: [] };
const allowance = { scenario: 'b', category: 'host-imposed' as const, reason: 'r' };
const verdicts: ScenarioVerdict[] = [
  { id: 'a', kind: 'compared', diffs: [], ms: 5, kernel: doc },
  { id: 'b', kind: 'compared', diffs: [{ path: 'steps[0].result', line: 3, engine: '2', kernel: 'EEXIST', allowance }], ms: 5, kernel: doc },
  { id: 'c', kind: 'compared', diffs: [{ path: 'tasks[x].exit', line: null, engine: null, kernel: { code: 1 }, allowance: null }], ms: 5, kernel: doc },
  { id: 'd', kind: 'skipped', reason: 'too big' },
];

describe('report', () => {
  it('prints the summary line of the contract', () => {
    const s = summarize(verdicts);
    expect(summaryLine(s)).toBe('4 scenarios, 1 identical, 2 differ');
    expect(s).toMatchObject({ allowedOnly: 1, skipped: 1, runner: 0 });
  });

  it('prints each difference with scenario, line, field, engine and Linux values', () => {
    expect(verdictLines(verdicts[1] as ScenarioVerdict)).toEqual([
      'allowed b: 1 difference(s), 0 not allowed',
      '  ~ [host-imposed] b line 3 steps[0].result: engine "2", Linux "EEXIST"',
    ]);
    expect(verdictLines(verdicts[2] as ScenarioVerdict)[1]).toBe('  ✗ c tasks[x].exit: engine null, Linux {"code":1}');
  });
});

describe('uncertainPaths', () => {
  const t = (over: Partial<DriverTask>): DriverTask => ({
    ev: 'task', i: 0, label: 'x', thread: 0, leader: 0, ns: 1, nspid: [3, 1], state: 'X', exiting: 0,
    exit: 9, exitSrc: 'pidfd', ppid: -1, pgid: [], sid: [], cmd: '', ...over,
  });
  it('marks exits no wait could read: /proc stat ones, and pidfd ones of namespace inits', () => {
    expect(uncertainPaths([t({ label: 'a' }), t({ label: 'b', nspid: [3, 2] }), t({ label: 'c', exitSrc: 'stat', nspid: [4] }), t({ label: 'd', exitSrc: 'wait' })]))
      .toEqual(['tasks[a].exit', 'tasks[c].exit']);
  });
});
