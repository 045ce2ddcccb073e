/**
 * The `checked: Linux 6.18` header is a promise the page shows to students: every built-in
 * scenario that carries it must be identical on the engine and on the real kernel — no
 * difference at all, not even an allowed one. An exercise is compared as its goal run (its
 * statements, then its solution block's: goalScenario). Runs where the conformance runner can
 * (root on Linux with cc); elsewhere it only checks that the header names this kernel.
 */
import { describe, expect, it } from 'vitest';
import { compareScenario } from '../src/linux/compare.ts';
import { listScenarios } from '../src/linux/corpus.ts';
import { ensureDriver, kernelUnavailable } from '../src/linux/driver-build.ts';
import { loadEngine } from '../src/linux/engine-run.ts';
import { goalScenario, readHeaders } from '../src/scenario/index.ts';
import { inParallel } from './parallel.ts';

const claims = listScenarios()
  .map((f) => ({ ...f, kernel: readHeaders(f.text).checked }))
  .filter((f) => (f.id.startsWith('library/') || f.id.startsWith('lessons/')) && f.kernel !== null);
const why = kernelUnavailable();

describe('built-in scenarios marked checked: against Linux', () => {
  it('name the kernel the project models', () => {
    expect(claims.length).toBeGreaterThanOrEqual(16);
    for (const c of claims) expect(c.kernel, c.id).toBe('Linux 6.18');
  });

  it.skipIf(why !== null)('are identical on the engine and on the real kernel', { timeout: 200_000 }, async () => {
    ensureDriver();
    const engine = await loadEngine();
    const verdicts = await inParallel(claims, 2, (f) => compareScenario(f.id, goalScenario(f.text), engine, []));
    const broken = verdicts.flatMap((v) =>
      v.kind === 'compared' ? v.diffs.map((d) => `${v.id} ${d.path}: engine ${JSON.stringify(d.engine)}, Linux ${JSON.stringify(d.kernel)}`)
        : [`${v.id}: ${v.kind === 'skipped' ? v.reason : v.message}`]);
    expect(broken.join('\n')).toBe('');
  });
});
