/**
 * The layering rules of `npm run lint:deps`, each seen failing: a small tree of layers is laid in
 * a temporary folder inside the repository (so that npm packages resolve), one planted file
 * breaks each rule, and dependency-cruiser runs on it with the project's own config. Files that
 * keep the rules (a type-only import of the kernel from the UI, a test importing vitest) must
 * not be reported.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

/** files that keep every rule */
const GOOD: Record<string, string> = {
  'src/kernel/index.ts': "export const dispatch = (n: number): number => n;\nexport type TaskId = number;\n",
  'src/kernel/dispatch.test.ts': "import { it } from 'vitest';\nimport { dispatch } from './index.ts';\nit('runs', () => void dispatch(1));\n",
  'src/scenario/interpreter.ts': "import { dispatch } from '../kernel/index.ts';\nexport const next = (): number => dispatch(1);\n",
  'src/scenario/index.ts': "export { next } from './interpreter.ts';\n",
  'src/protocol/index.ts': "import type { TaskId } from '../kernel/index.ts';\nexport type Reply = { task: TaskId };\n",
  'src/worker/host.ts': "import { next } from '../scenario/index.ts';\nimport type { Reply } from '../protocol/index.ts';\nexport const reply = (): Reply => ({ task: next() });\n",
  'src/store/store.ts': "import type { TaskId } from '../kernel/index.ts';\nimport type { Reply } from '../protocol/index.ts';\nexport const tasks: TaskId[] = [];\nexport const last: Reply | null = null;\n",
  'src/ui/App.tsx': "import type { TaskId } from '../kernel/index.ts';\nimport { tasks } from '../store/store.ts';\nexport const first = (): TaskId | undefined => tasks[0];\n",
  'src/linux/driver.ts': "import { readFileSync } from 'node:fs';\nimport { next } from '../scenario/index.ts';\nexport const both = (): [string, number] => [readFileSync('x', 'utf8'), next()];\n",
  'src/cli/main.ts': "import { next } from '../scenario/index.ts';\nimport { both } from '../linux/driver.ts';\nexport const main = (): number => next() + both()[1];\n",
  'conformance/main.ts': "export const corpus: string[] = [];\n",
};

/** each planted file and the rule it must break */
const PLANTED: Record<string, { text: string; rule: string }> = {
  'src/kernel/up.ts': { text: "import { next } from '../scenario/index.ts';\nexport const up = next;\n", rule: 'kernel-imports-only-itself' },
  'src/kernel/conformance.ts': { text: "import { corpus } from '../../conformance/main.ts';\nexport const c = corpus;\n", rule: 'kernel-imports-only-itself' },
  'src/kernel/node.ts': { text: "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n", rule: 'kernel-imports-only-itself' },
  'src/kernel/npm.ts': { text: "import fc from 'fast-check';\nexport const f = fc;\n", rule: 'kernel-imports-only-itself' },
  'src/kernel/missing.ts': { text: "import { gone } from './gone.ts';\nexport const g = gone;\n", rule: 'no-unresolvable-import' },
  'src/kernel/__fuzz__/higher.ts': { text: "import { next } from '../../scenario/index.ts';\nexport const h = next;\n", rule: 'kernel-imports-only-lower-layers' },
  'src/scenario/higher.test.ts': { text: "import { reply } from '../worker/host.ts';\nexport const h = reply;\n", rule: 'scenario-imports-only-lower-layers' },
  'src/worker/store.ts': { text: "import { tasks } from '../store/store.ts';\nexport const t = tasks;\n", rule: 'worker-imports-only-lower-layers' },
  'src/store/ui.ts': { text: "import { first } from '../ui/App.tsx';\nexport const f = first;\n", rule: 'store-imports-only-lower-layers' },
  'src/ui/worker.ts': { text: "import { reply } from '../worker/host.ts';\nexport const r = reply;\n", rule: 'ui-imports-only-lower-layers' },
  'src/ui/engine.ts': { text: "import { dispatch } from '../kernel/index.ts';\nexport const d = dispatch;\n", rule: 'ui-and-store-take-only-types-from-the-engine' },
  'src/store/interpreter.ts': { text: "import { next } from '../scenario/interpreter.ts';\nexport const n = next;\n", rule: 'ui-and-store-take-only-types-from-the-engine' },
  'src/protocol/scenario.ts': { text: "import { next } from '../scenario/index.ts';\nexport const n = next;\n", rule: 'protocol-is-a-leaf' },
  'src/linux/ui.ts': { text: "import { first } from '../ui/App.tsx';\nexport const f = first;\n", rule: 'linux-imports-only-lower-layers' },
  'src/cli/worker.ts': { text: "import { reply } from '../worker/host.ts';\nexport const r = reply;\n", rule: 'cli-imports-only-lower-layers' },
  'src/worker/cycle-a.ts': { text: "import type { B } from './cycle-b.ts';\nexport type A = { b: B | null };\n", rule: 'no-circular' },
};
/** the other half of the planted cycle (the cruiser reports a cycle once, from its first file) */
const CYCLE_PARTNER = { 'src/worker/cycle-b.ts': "import type { A } from './cycle-a.ts';\nexport type B = { a: A | null };\n" };

interface Violation {
  from: string;
  rule: { name: string };
}

let dir = '';
let violations: Violation[] = [];

function lay(files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(ROOT, '.depcruise-plant-'));
  copyFileSync(join(ROOT, '.dependency-cruiser.cjs'), join(dir, '.dependency-cruiser.cjs'));
  copyFileSync(join(ROOT, 'tsconfig.base.json'), join(dir, 'tsconfig.base.json'));
  lay(GOOD);
  lay(Object.fromEntries(Object.entries(PLANTED).map(([path, p]) => [path, p.text])));
  lay(CYCLE_PARTNER);
  const cruiser = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
  const r = spawnSync(process.execPath, [cruiser, 'src/**/*.{ts,tsx}', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], { cwd: dir, encoding: 'utf8' });
  violations = (JSON.parse(r.stdout) as { summary: { violations: Violation[] } }).summary.violations;
}, 60_000);

afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

describe('npm run lint:deps', () => {
  for (const [path, { rule }] of Object.entries(PLANTED)) {
    it(`fails on ${path}: ${rule}`, () => {
      expect(violations.filter((v) => v.from === path).map((v) => v.rule.name)).toContain(rule);
    });
  }
  it('reports nothing about the files that keep the rules', () => {
    expect(violations.filter((v) => v.from in GOOD)).toEqual([]);
  });
});
