/**
 * Compiles the C driver (src/linux/driver/*.c, found from the package root) with the machine's
 * `cc` into the package's cache folder (node_modules/.cache/pidns-lab/) when a source is newer
 * than the binary. The binary is written under a temporary name and renamed, so parallel
 * callers never run a half-written file.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PACKAGE_ROOT } from './package-root.ts';

const SRC = join(PACKAGE_ROOT, 'src', 'linux', 'driver');
export const DRIVER_PATH = join(PACKAGE_ROOT, 'node_modules', '.cache', 'pidns-lab', 'driver');

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

/**
 * The real-kernel runner needs Linux with pid namespaces, root, and a C compiler. Why not, or
 * null when it can run.
 */
export function kernelUnavailable(): string | null {
  if (process.platform !== 'linux') return `not Linux (${process.platform})`;
  if (!existsSync('/proc/self/ns/pid')) return 'no pid namespaces (/proc/self/ns/pid is missing)';
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return 'not running as root';
  try {
    execFileSync('cc', ['--version'], { stdio: 'pipe' });
  } catch {
    return 'no C compiler (cc)';
  }
  return null;
}
