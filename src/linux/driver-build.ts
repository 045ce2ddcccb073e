/**
 * Compiles the C driver (conformance/driver/*.c) with the machine's `cc` into conformance/build/
 * when a source is newer than the binary. The binary is written under a temporary name and
 * renamed, so parallel callers never run a half-written file.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const SRC = join(HERE, 'driver');
export const DRIVER_PATH = join(HERE, 'build', 'driver');

export function ensureDriver(): string {
  const sources = readdirSync(SRC).filter((f) => f.endsWith('.c') || f.endsWith('.h'));
  const newest = Math.max(...sources.map((f) => statSync(join(SRC, f)).mtimeMs));
  if (existsSync(DRIVER_PATH) && statSync(DRIVER_PATH).mtimeMs >= newest) return DRIVER_PATH;
  mkdirSync(dirname(DRIVER_PATH), { recursive: true });
  const tmp = `${DRIVER_PATH}.${process.pid}.tmp`;
  const cfiles = sources.filter((f) => f.endsWith('.c')).map((f) => join(SRC, f));
  execFileSync('cc', ['-O1', '-Wall', '-Wextra', '-o', tmp, ...cfiles], { stdio: 'pipe' });
  renameSync(tmp, DRIVER_PATH);
  return DRIVER_PATH;
}

/** The real-kernel runner needs Linux, root, and a C compiler. Why not, or null when it can run. */
export function kernelUnavailable(): string | null {
  if (process.platform !== 'linux') return `not Linux (${process.platform})`;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return 'not running as root';
  try {
    execFileSync('cc', ['--version'], { stdio: 'pipe' });
  } catch {
    return 'no C compiler (cc)';
  }
  return null;
}
