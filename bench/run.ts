/**
 * `npm run bench`: every benchmark, each in its own Node process so that heap figures are not
 * mixed: the engine alone, the whole CLI on the fork bomb, the page (when Chromium exists) and its
 * editor holding 1 MiB (bench/editor.ts). Prints figures; asserts nothing. Arguments name the
 * sections to run (`engine`, `cli`, `page`); none runs them all.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

function section(title: string, args: string[]): void {
  console.log(`\n## ${title}`);
  const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (r.status !== 0) console.log(`(exited with ${r.status})`);
}

/** Wall times of `runs` runs of `node ARGS`, in ms (the bundle is built before the first). */
function wallTimes(args: string[], runs: number, env: NodeJS.ProcessEnv = process.env): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { stdio: 'ignore', env });
    times.push(performance.now() - t0);
    if (r.status !== 0) console.log(`(node ${args.join(' ')} exited with ${r.status})`);
  }
  return times;
}

const best = (times: readonly number[]): string => `best ${Math.min(...times).toFixed(0)} ms`;
const median = (times: readonly number[]): number => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? NaN;

function cli(): void {
  const cliRun = (...args: string[]): string[] => ['bin/pidns-lab.mjs', 'run', ...args];
  wallTimes(['bin/pidns-lab.mjs', '--help'], 1);
  const bomb = wallTimes(cliRun('scenarios/library/fork-bomb.pidns', '--no-steps'), 5);
  const bare = wallTimes(['-e', '0'], 10);
  const small = wallTimes(cliRun('scenarios/library/rfc-test1-test2.pidns'), 10);
  console.log('\n## CLI');
  console.log(`npx pidns-lab run scenarios/library/fork-bomb.pidns --no-steps  ${bomb.map((t) => `${t.toFixed(0)} ms`).join(', ')} (${best(bomb)}, median ${median(bomb).toFixed(0)} ms)`);
  console.log(`node -e 0  ${best(bare)} of 10`);
  console.log(`npx pidns-lab run scenarios/library/rfc-test1-test2.pidns  ${best(small)} of 10: ${(Math.min(...small) - Math.min(...bare)).toFixed(0)} ms above node -e 0`);
  // Node reads the whole certificate file named there at every start, before any of our code
  if (process.env.NODE_EXTRA_CA_CERTS !== undefined) {
    const env = { ...process.env, NODE_EXTRA_CA_CERTS: undefined };
    const plain = wallTimes(['-e', '0'], 10, env);
    console.log(`node -e 0 without NODE_EXTRA_CA_CERTS (${process.env.NODE_EXTRA_CA_CERTS} here)  ${best(plain)} of 10`);
  }
}

const wanted = process.argv.slice(2);
const runs = (name: string): boolean => wanted.length === 0 || wanted.includes(name);
if (runs('engine')) section('engine', ['--expose-gc', '--import', 'tsx', 'bench/kernel.ts']);
if (runs('cli')) cli();
if (runs('page') && existsSync(process.env.PIDNS_CHROMIUM ?? '/usr/bin/chromium')) {
  section('page', ['bin/tsx-run.mjs', 'bench/ui.ts']);
  section('page: 1 MiB in the editor', ['bin/tsx-run.mjs', 'bench/editor.ts']);
} else if (runs('page')) console.log('\n## page\n(skipped: no Chromium)');
