/**
 * `--random N --seed S [--steps K]`: N generated scenarios (seeds S, S+1, …; K statements at most,
 * default 24) on the engine and the kernel.
 * Each one that differs is minimised (statements dropped one at a time while a difference not
 * on the allow-list remains and neither side stops on an error), printed, and kept as
 * conformance/regressions/random-<seed>.pidns.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareScenario, unallowed, type ScenarioVerdict } from './compare.ts';
import { REGRESSIONS_DIR } from './corpus.ts';
import type { EngineRun } from './engine-run.ts';
import { inParallel } from './parallel.ts';
import { generateScenario } from './random.ts';
import { summarize, summaryLine, verdictLines } from './report.ts';

async function stillFails(text: string, engine: EngineRun | null): Promise<boolean> {
  const v = await compareScenario('random', text, engine, []);
  if (v.kind !== 'compared' || v.kernel.error !== null) return false;
  if (engine !== null && engine(text).error !== null) return false;
  return unallowed(v) > 0;
}

export async function minimise(text: string, engine: EngineRun | null): Promise<string> {
  let lines = text.split('\n').filter((l) => l.trim() !== '');
  // line 0 is the title header; statements follow
  for (let i = lines.length - 1; i >= 1; i--) {
    const candidate = [...lines.slice(0, i), ...lines.slice(i + 1)];
    if (await stillFails(`${candidate.join('\n')}\n`, engine)) lines = candidate;
  }
  return `${lines.join('\n')}\n`;
}

export async function runRandom(
  count: number, seed: number, engine: EngineRun | null, jobs: number, steps: number,
): Promise<number> {
  const seeds = Array.from({ length: count }, (_, i) => seed + i);
  const verdicts: ScenarioVerdict[] = await inParallel(seeds, jobs, async (s) => {
    const text = generateScenario(s, steps);
    const v = await compareScenario(`random/seed-${s}`, text, engine, []);
    if (unallowed(v) === 0) return v;
    for (const l of verdictLines(v)) console.log(l);
    if (v.kind !== 'compared') return v;
    const small = await minimise(text, engine);
    console.log(`minimised scenario (seed ${s}):\n${small}`);
    mkdirSync(REGRESSIONS_DIR, { recursive: true });
    writeFileSync(join(REGRESSIONS_DIR, `random-${s}.pidns`), small.replace(/^title: .*$/m, `title: random regression, seed ${s} (engine differed from Linux)`));
    return v;
  });
  console.log(summaryLine(summarize(verdicts)));
  return verdicts.some((v) => unallowed(v) > 0) ? 1 : 0;
}
