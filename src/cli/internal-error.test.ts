/**
 * An engine bug in the middle of a call: the CLI stops with `internal error at line N`, status 70,
 * and prints the world of the step before (a fault is injected inside setsid, after the session
 * changed and before the group does).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fault } from '../kernel/__fuzz__/faults.ts';
import { runCli } from './testing.ts';

vi.mock('../kernel/pgrp.ts', async (load) => {
  const { faultyPgrp } = await import('../kernel/__fuzz__/faults.ts');
  return faultyPgrp(await load(), await import('../kernel/pid.ts'));
});

afterEach(() => {
  fault.kind = null;
});

const TEXT = 'init fork as A\nA setsid\nA getpid\n';
const rowOfA = /^ +2 +1 +(\d+) +(\d+) S +\/sbin\/init +# A$/m;

describe('an internal error during run', () => {
  it('exits 70 naming the line, with the report of the step before', async () => {
    fault.kind = 'throws';
    const r = await runCli(['run', '-'], { stdin: TEXT });
    expect(r.code).toBe(70);
    expect(r.stderr).toMatch(/^pidns-lab: internal error at line 2: boom\n/);
    expect(r.stdout).toContain('1 step, no expectations');
    expect(rowOfA.exec(r.stdout)?.slice(1)).toEqual(['1', '1']);
  });
  it('puts it in the JSON document, with the world of the step before', async () => {
    fault.kind = 'throws';
    const r = await runCli(['run', '--json', '-'], { stdin: TEXT });
    expect(r.code).toBe(70);
    const doc = JSON.parse(r.stdout) as { ok: boolean; error: unknown; steps: unknown[]; namespaces: { ps: { label: string; pgid: number; sid: number }[] }[] };
    expect(doc).toMatchObject({ ok: false, error: { line: 2, message: 'internal error at line 2: boom' } });
    expect(doc.steps).toHaveLength(1);
    expect(doc.namespaces[0]?.ps.find((p) => p.label === 'A')).toMatchObject({ pgid: 1, sid: 1 });
  });
  it('leaves a run without the fault as it was', async () => {
    const r = await runCli(['run', '-'], { stdin: TEXT });
    expect(r.code).toBe(0);
    expect(rowOfA.exec(r.stdout)?.slice(1)).toEqual(['2', '2']);
  });
});
