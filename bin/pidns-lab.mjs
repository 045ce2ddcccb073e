#!/usr/bin/env node
// The `pidns-lab` command. It runs a bundle of src/cli (with the kernel and scenario layers)
// built by esbuild, and rebuilds it first whenever a source file is newer, so `npx pidns-lab`
// works right after `npm ci` with no build step by hand and never runs stale code.
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'node_modules', '.cache', 'pidns-lab', 'cli.mjs');
const sources = ['src/kernel', 'src/scenario', 'src/linux', 'src/cli'].map((d) => join(root, d));

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

async function ensureBundle() {
  const built = existsSync(bundle) ? statSync(bundle).mtimeMs : 0;
  if (built > Math.max(...sources.map(newestSource))) return;
  mkdirSync(dirname(bundle), { recursive: true });
  const { build } = await import('esbuild');
  await build({
    entryPoints: [join(root, 'src/cli/main.ts')], bundle: true, platform: 'node', format: 'esm',
    target: 'node20', outfile: bundle, logLevel: 'warning',
  });
}

process.stdout.on('error', (e) => {
  // a reader that went away (`pidns-lab run … | head`) is not an error of ours
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

await ensureBundle();
const { main } = await import(bundle);
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: async () => {
    const chunks = [];
    for await (const chunk of process.stdin) chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
  },
  readFile: async (path) => (await import('node:fs/promises')).readFile(path, 'utf8'),
});
