/**
 * `npm run conformance` — every scenario on the engine and on the real kernel, compared.
 *   --only TEXT        only scenarios whose id contains TEXT
 *   --jobs N           scenarios run in parallel (default 2)
 *   --random N --seed S [--steps K]  N generated scenarios instead of the corpus (random.ts)
 *   --report FILE      also writes every verdict as JSON (which scenarios were checked against
 *                      which kernel release, for the "checked against Linux" marks)
 * An exercise runs as its goal (its statements, then its solution block's: goalScenario), so the
 * kernel checks the solution too; questions (`=> ?`) are steps without an expectation.
 * Exit status: 0 when every difference is on the allow-list, 1 otherwise, 2 when the real kernel
 * cannot be used here (not Linux, not root, no cc).
 */
import { writeFileSync } from 'node:fs';
import { release } from 'node:os';
import { loadAllowList, type AllowEntry } from '../src/linux/allow-list.ts';
import { compareScenario, unallowed, type ScenarioVerdict } from '../src/linux/compare.ts';
import { ALLOW_LIST_FILE, listScenarios } from '../src/linux/corpus.ts';
import { ensureDriver, kernelUnavailable } from '../src/linux/driver-build.ts';
import { loadEngine } from '../src/linux/engine-run.ts';
import { goalScenario } from '../src/scenario/index.ts';
import { inParallel } from './parallel.ts';
import { runRandom } from './random-run.ts';
import { summarize, summaryDetail, summaryLine, verdictLines } from '../src/linux/report.ts';

function option(name: string): string | null {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? null) : null;
}

/** allow-list entries of scenarios that ran but that no difference needed any more */
function staleEntries(allow: readonly AllowEntry[], verdicts: readonly ScenarioVerdict[]): string[] {
  const used = new Set(verdicts.flatMap((v) => (v.kind === 'compared' ? v.diffs.map((d) => d.allowance) : [])));
  const ran = new Set(verdicts.filter((v) => v.kind === 'compared').map((v) => v.id));
  return allow
    .filter((e) => ran.has(e.scenario) && !used.has(e))
    .map((e) => `note: allow-list entry for ${e.scenario}${e.line !== undefined ? ` line ${e.line}` : ''} matched no difference (${e.category}); remove it if it stays unused`);
}

function reportJson(verdicts: readonly ScenarioVerdict[]): unknown {
  return {
    kernel: `Linux ${release()}`,
    scenarios: verdicts.map((v) => {
      if (v.kind !== 'compared') return { id: v.id, verdict: v.kind === 'skipped' ? 'skipped' : 'runner', why: v.kind === 'skipped' ? v.reason : v.message };
      const open = v.diffs.filter((d) => d.allowance === null).length;
      const verdict = v.diffs.length === 0 ? 'identical' : open === 0 ? 'allowed' : 'differ';
      return { id: v.id, verdict, differences: v.diffs.map(({ allowance, ...d }) => ({ ...d, allowed: allowance?.category ?? null })) };
    }),
  };
}

async function main(): Promise<number> {
  const why = kernelUnavailable();
  if (why !== null) {
    console.error(`conformance: the real kernel cannot be used here: ${why}`);
    return 2;
  }
  ensureDriver();
  const engine = await loadEngine();
  if (engine === null) console.log('note: the engine (runScenario) is not available; comparing Linux against each scenario\'s expectations');
  const allow = loadAllowList(ALLOW_LIST_FILE);
  const jobs = Number(option('--jobs') ?? 2);
  const random = option('--random');
  if (random !== null)
    return runRandom(Number(random), Number(option('--seed') ?? 1), engine, jobs, Number(option('--steps') ?? 24));
  const only = option('--only');
  const files = listScenarios().filter((f) => only === null || f.id.includes(only));
  const started = Date.now();
  const verdicts: ScenarioVerdict[] = await inParallel(files, jobs, async (f) => {
    const v = await compareScenario(f.id, goalScenario(f.text), engine, allow);
    for (const l of verdictLines(v)) console.log(l);
    return v;
  });
  const report = option('--report');
  if (report !== null) writeFileSync(report, `${JSON.stringify(reportJson(verdicts), null, 2)}\n`);
  for (const note of staleEntries(allow, verdicts)) console.log(note);
  const s = summarize(verdicts);
  console.log(`${summaryDetail(s)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(summaryLine(s));
  return verdicts.some((v) => unallowed(v) > 0) ? 1 : 0;
}

process.exitCode = await main();
