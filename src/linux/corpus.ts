/**
 * Every scenario the conformance run covers, with a stable id (`shared/…`, `library/…`, `lessons/…`,
 * `golden/…`, `rules/…`, `conformance/…`, `regressions/…`) used in reports and the allow-list.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { PACKAGE_ROOT } from './package-root.ts';

const REPO = PACKAGE_ROOT;

export const SOURCES: readonly { prefix: string; dir: string }[] = [
  { prefix: 'shared', dir: resolve(REPO, '..', 'shared', 'scenarios') },
  { prefix: 'library', dir: join(REPO, 'scenarios', 'library') },
  { prefix: 'lessons', dir: join(REPO, 'scenarios', 'lessons') },
  { prefix: 'golden', dir: join(REPO, 'scenarios', 'golden') },
  { prefix: 'rules', dir: join(REPO, 'scenarios', 'rules') },
  { prefix: 'conformance', dir: join(REPO, 'scenarios', 'conformance') },
  { prefix: 'regressions', dir: join(REPO, 'conformance', 'regressions') },
];

export const REGRESSIONS_DIR = join(REPO, 'conformance', 'regressions');
export const ALLOW_LIST_FILE = join(REPO, 'conformance', 'allow-list.json');

export interface ScenarioFile {
  id: string;
  path: string;
  text: string;
}

export function listScenarios(): ScenarioFile[] {
  const out: ScenarioFile[] = [];
  for (const { prefix, dir } of SOURCES) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.pidns')).sort()) {
      const path = join(dir, name);
      out.push({ id: `${prefix}/${name}`, path, text: readFileSync(path, 'utf8') });
    }
  }
  return out;
}

/** The corpus id of the scenario file at `path` (as the allow-list names it), or null. */
export function corpusId(path: string): string | null {
  const dir = resolve(dirname(path));
  const source = SOURCES.find((s) => s.dir === dir);
  return source === undefined ? null : `${source.prefix}/${basename(path)}`;
}
