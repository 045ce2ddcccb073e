/**
 * The pidns-lab package's own folder, found from this module's location: the C driver's sources
 * and the corpus are read from there, never from the working directory. This module runs both
 * from src/linux/ (tsx, vitest) and from the CLI bundle in node_modules/.cache/pidns-lab/, so it
 * walks up to the package.json that names pidns-lab rather than assuming a fixed depth.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function isPackageRoot(dir: string): boolean {
  const manifest = join(dir, 'package.json');
  if (!existsSync(manifest)) return false;
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'pidns-lab';
  } catch {
    return false;
  }
}

function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (isPackageRoot(dir)) return dir;
    if (dirname(dir) === dir) throw new Error(`pidns-lab: no pidns-lab package.json above ${start}`);
  }
}

export const PACKAGE_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));
