/**
 * `--random N --seed S [--steps K]`: N generated scenarios (seeds S, S+1, …; K statements at most,
 * default 24) on the engine and the kernel, generated under the engine's guidance when it exists
 * (guided.ts), else from random.ts's conservative model.
 * Each one that differs is minimised (statements dropped one at a time while the same difference
 * — same kind of field, same two values — remains), printed, and kept as
 * conformance/regressions/random-<seed>.pidns.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareScenario, unallowed, type ScenarioVerdict } from '../src/linux/compare.ts';
import { REGRESSIONS_DIR } from '../src/linux/corpus.ts';
import type { Difference } from '../src/linux/diff.ts';
import type { EngineRun } from '../src/linux/engine-run.ts';
import { inParallel } from './parallel.ts';
import { generateGuided } from './guided.ts';
import { generateScenario } from './random.ts';
import { summarize, summaryLine, verdictLines } from '../src/linux/report.ts';

/** What makes a difference "the same one" while minimising: its kind of field and both values. */
function signature(d: Difference): string {
  return `${d.path.replace(/\[\d+\]/g, '[]')} ${JSON.stringify(d.engine)} ${JSON.stringify(d.kernel)}`;
}

function targetOf(v: ScenarioVerdict): string | null {
  if (v.kind !== 'compared') return null;
  const open = v.diffs.filter((d) => d.allowance === null && d.path !== 'error' && !/^steps\[\d+\]$/.test(d.path));
  const d = open[0];
  return d === undefined ? null : signature(d);
}

async function stillFails(text: string, engine: EngineRun | null, target: string): Promise<boolean> {
  const v = await compareScenario('random', text, engine, []);
  return v.kind === 'compared' && v.diffs.some((d) => d.allowance === null && signature(d) === target);
}

export async function minimise(text: string, engine: EngineRun | null, first: ScenarioVerdict): Promise<string> {
  const target = targetOf(first);
  let lines = text.split('\n').filter((l) => l.trim() !== '');
  if (target === null) return text;
  // line 0 is the title header; statements follow
  for (let i = lines.length - 1; i >= 1; i--) {
    const candidate = [...lines.slice(0, i), ...lines.slice(i + 1)];
    if (await stillFails(`${candidate.join('\n')}\n`, engine, target)) lines = candidate;
  }
  return `${lines.join('\n')}\n`;
}

export async function runRandom(
  count: number, seed: number, engine: EngineRun | null, jobs: number, steps: number,
): Promise<number> {
  const seeds = Array.from({ length: count }, (_, i) => seed + i);
  const verdicts: ScenarioVerdict[] = await inParallel(seeds, jobs, async (s) => {
    const text = engine === null ? generateScenario(s, steps) : generateGuided(s, steps, engine);
    const v = await compareScenario(`random/seed-${s}`, text, engine, []);
    if (unallowed(v) === 0) return v;
    for (const l of verdictLines(v)) console.log(l);
    if (v.kind !== 'compared') return v;
    const small = await minimise(text, engine, v);
    console.log(`minimised scenario (seed ${s}):\n${small}`);
    mkdirSync(REGRESSIONS_DIR, { recursive: true });
    writeFileSync(join(REGRESSIONS_DIR, `random-${s}.pidns`), small.replace(/^title: .*$/m, `title: random regression, seed ${s} (engine differed from Linux)`));
    return v;
  });
  console.log(summaryLine(summarize(verdicts)));
  return verdicts.some((v) => unallowed(v) > 0) ? 1 : 0;
}
