/**
 * `npm run bench`: every benchmark, each in its own Node process so that heap figures are not
 * mixed: the engine alone, the whole CLI on the fork bomb, and the page (when Chromium exists).
 * Prints figures; asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

function section(title: string, args: string[]): void {
  console.log(`\n## ${title}`);
  const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (r.status !== 0) console.log(`(exited with ${r.status})`);
}

function cliForkBomb(): void {
  const file = existsSync('../shared/scenarios/fork-bomb.pidns')
    ? '../shared/scenarios/fork-bomb.pidns'
    : 'scenarios/library/fork-bomb.pidns';
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ['bin/pidns-lab.mjs', 'run', file, '--no-steps'], { stdio: 'ignore' });
    times.push(performance.now() - t0);
    if (r.status !== 0) console.log(`(run exited with ${r.status})`);
  }
  console.log('\n## CLI');
  console.log(`npx pidns-lab run fork-bomb.pidns --no-steps  ${times.map((t) => `${t.toFixed(0)} ms`).join(', ')} (best ${Math.min(...times).toFixed(0)} ms)`);
}

section('engine', ['--expose-gc', '--import', 'tsx', 'bench/kernel.ts']);
cliForkBomb();
if (existsSync(process.env.PIDNS_CHROMIUM ?? '/usr/bin/chromium')) section('page', ['bin/tsx-run.mjs', 'bench/ui.ts']);
else console.log('\n## page\n(skipped: no Chromium)');
