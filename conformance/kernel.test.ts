/**
 * The conformance comparison as part of the test run: every scenario on the engine and on the
 * real kernel (Linux, root and cc required; skipped with a message otherwise). Fails on any
 * difference the allow-list does not explain, and checks the runner leaves no process behind.
 * An exercise runs as its goal (goalScenario), as in `npm run conformance`.
 */
import { readdirSync, readlinkSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAllowList } from '../src/linux/allow-list.ts';
import { compareScenario, unallowed } from '../src/linux/compare.ts';
import { ALLOW_LIST_FILE, listScenarios } from '../src/linux/corpus.ts';
import { DRIVER_PATH, ensureDriver, kernelUnavailable } from '../src/linux/driver-build.ts';
import { loadEngine } from '../src/linux/engine-run.ts';
import { runOnKernel } from '../src/linux/kernel-run.ts';
import { goalScenario } from '../src/scenario/index.ts';
import { inParallel } from './parallel.ts';
import { verdictLines } from '../src/linux/report.ts';

const why = kernelUnavailable();
if (why !== null) console.warn(`conformance against the real kernel skipped: ${why}`);

function driverProcesses(): number {
  let n = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (readlinkSync(`/proc/${pid}/exe`).startsWith(DRIVER_PATH)) n++;
    } catch {
      // a process that ended meanwhile, or a kernel thread
    }
  }
  return n;
}

describe.skipIf(why !== null)('conformance: engine vs Linux 6.18', () => {
  it('allow-list entries name scenarios that exist, with a reason', () => {
    const ids = new Set(listScenarios().map((s) => s.id));
    for (const e of loadAllowList(ALLOW_LIST_FILE)) {
      expect(ids.has(e.scenario), e.scenario).toBe(true);
      expect(e.reason.length).toBeGreaterThan(20);
    }
  });

  it('runs a scenario on the real kernel and cleans up after itself', async () => {
    ensureDriver();
    const r = await runOnKernel('init fork as a cmd "sleep 1000"\na unshare NEWPID\na fork as b\nb getpid => 1\nb ps => 1 2 3\n');
    expect(r.kind).toBe('ran');
    if (r.kind !== 'ran') return;
    expect(r.harness).toBeNull();
    expect(r.doc.ok).toBe(true);
    expect(r.doc.tasks.map((t) => [t.label, t.ns, t.nspid])).toEqual([['init', 'ns0', [1]], ['a', 'ns0', [2]], ['b', 'ns1', [3, 1]]]);
    expect(r.doc.namespaces[0]?.ps.find((p) => p.label === 'a')?.cmd).toBe('sleep 1000');
    expect(driverProcesses()).toBe(0);
  });

  it('every scenario behaves on the engine as on Linux', { timeout: 280_000 }, async () => {
    ensureDriver();
    const engine = await loadEngine();
    expect(engine, 'runScenario is exported by src/scenario').not.toBeNull();
    const allow = loadAllowList(ALLOW_LIST_FILE);
    const verdicts = await inParallel(listScenarios(), 2, (f) => compareScenario(f.id, goalScenario(f.text), engine, allow));
    const failing = verdicts.filter((v) => unallowed(v) > 0).flatMap(verdictLines);
    expect(failing.join('\n')).toBe('');
    expect(driverProcesses()).toBe(0);
  });
});
