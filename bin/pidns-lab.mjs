#!/usr/bin/env node
// The `pidns-lab` command. It runs a bundle of src/cli (with the layers it uses) built by esbuild
// at install time (bin/link-self.mjs) and rebuilt first whenever one of the bundle's input files
// changed, so `npx pidns-lab` works right after `npm ci` and never runs stale code. The check is
// one stat per input file that the last build named — no walk of the source folders, no bundler
// loaded unless a rebuild is due.
import { closeSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, 'node_modules', '.cache', 'pidns-lab');
const outdir = join(cache, 'cli');
const stamp = join(outdir, 'build.json');

function isFresh() {
  let built;
  try {
    built = JSON.parse(readFileSync(stamp, 'utf8'));
  } catch {
    return false;
  }
  return built.inputs.every((file) => {
    try {
      return statSync(join(root, file)).mtimeMs < built.startedAt;
    } catch {
      return false;
    }
  });
}

/** Builds into a private folder, then swaps it in, so that a run beside this one never loads half a build. */
async function build() {
  const { build } = await import('esbuild');
  const startedAt = Date.now();
  const tmp = `${outdir}.${process.pid}`;
  const { metafile } = await build({
    absWorkingDir: root, entryPoints: ['src/cli/main.ts'], bundle: true, splitting: true, metafile: true,
    platform: 'node', format: 'esm', target: 'node20', outdir: tmp, logLevel: 'warning',
    // .mjs: Node then knows the format from the name, where a .js file outside any package.json
    // with a "type" is parsed once more to detect its syntax
    outExtension: { '.js': '.mjs' },
    // fflate's Node build loads worker_threads for its async API, which the CLI never uses: the
    // browser build has the same synchronous codec without that cost at every start
    alias: { fflate: './node_modules/fflate/esm/browser.js' },
  });
  // this file too: a change to how the bundle is built (or named) makes it stale
  const inputs = [...Object.keys(metafile.inputs).filter((f) => !f.startsWith('node_modules/')), 'bin/pidns-lab.mjs'];
  writeFileSync(join(tmp, 'build.json'), JSON.stringify({ startedAt, inputs }));
  rmSync(outdir, { recursive: true, force: true });
  try {
    renameSync(tmp, outdir);
  } catch {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * At most `limit` bytes of a file, read until its end or the limit: the rest is never read. Read
 * in place, not through a stream, whose modules cost a fresh process more than the read; the size
 * is not asked first, as a pipe (`run <(…)`) has none.
 */
function readFileUpTo(path, limit) {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(limit);
    let size = 0;
    while (size < limit) {
      const n = readSync(fd, buffer, size, limit - size, null);
      if (n === 0) break;
      size += n;
    }
    return buffer.toString('utf8', 0, size);
  } finally {
    closeSync(fd);
  }
}

/** At most `limit` bytes of a stream: reading stops there, the rest is never read. */
async function readUpTo(stream, limit) {
  const chunks = [];
  let size = 0;
  for await (const chunk of stream) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= limit) break;
  }
  return Buffer.concat(chunks).subarray(0, limit).toString('utf8');
}

process.stdout.on('error', (e) => {
  // a reader that went away (`pidns-lab run … | head`) is not an error of ours
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

mkdirSync(cache, { recursive: true });
if (!isFresh()) await build();
const { main } = await import(pathToFileURL(join(outdir, 'main.mjs')).href);
const status = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: (limit) => readUpTo(process.stdin, limit),
  readFile: async (path, limit) => readFileUpTo(path, limit),
});
process.exitCode = status;
// Leave as soon as the output is written: a process that ends by itself first frees its heap —
// tens of megabytes after a big run — for nobody (10–20 ms of the CLI fork bomb's 0.45 s).
process.stdout.write('', () => process.stderr.write('', () => process.exit(status)));
