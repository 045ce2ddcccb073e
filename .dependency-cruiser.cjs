/**
 * The layering rule of pidns-lab, enforced in the test run:
 *   kernel <- scenario <- worker <- store <- ui ; kernel <- scenario <- linux (the real machine);
 *   the CLI uses kernel, scenario and linux only;
 *   src/kernel imports nothing outside itself (no npm, no Node built-ins, no conformance/ or
 *   scripts/); src/protocol (the page↔engine contract) imports nothing but the kernel's types;
 *   src/ui and src/store take only types from the engine (kernel, interpreter): engine code runs
 *   in the worker, never on the main thread; no cycle anywhere; no import that does not resolve.
 * Test files and __fuzz__ folders follow their layer's rule too; they may add test libraries.
 * scripts/dependency-rules.test.ts plants a file breaking each rule and sees it fail.
 * (TypeScript 6 is newer than dependency-cruiser 16 knows, so package.json gives it every
 * source file by a glob rather than the folder, which it would find empty.)
 */
const notTest = '\\.test\\.tsx?$|/__fuzz__/';
const layer = (name, forbidden) => ({
  name: `${name}-imports-only-lower-layers`,
  severity: 'error',
  from: { path: `^src/${name}/` },
  to: { path: `^src/(${forbidden.join('|')})/` },
});

module.exports = {
  forbidden: [
    layer('kernel', ['scenario', 'worker', 'store', 'ui', 'cli', 'protocol', 'linux']),
    layer('scenario', ['worker', 'store', 'ui', 'cli', 'linux']),
    layer('worker', ['store', 'ui', 'cli', 'linux']),
    layer('store', ['ui', 'cli', 'linux']),
    layer('ui', ['worker', 'cli', 'linux']),
    // the real machine (/proc, the C driver): Node-only, used by the CLI and the conformance run
    layer('linux', ['worker', 'store', 'ui', 'cli']),
    layer('cli', ['worker', 'store', 'ui']),
    {
      // the page↔engine contract is a leaf: kernel types at most, so both sides can share it
      name: 'protocol-is-a-leaf',
      severity: 'error',
      from: { path: '^src/protocol/', pathNot: notTest },
      to: { pathNot: '^src/protocol/|^src/kernel/' },
    },
    {
      // npm packages, Node built-ins, conformance/, scripts/, …: the model is plain code
      name: 'kernel-imports-only-itself',
      severity: 'error',
      from: { path: '^src/kernel/', pathNot: notTest },
      to: { pathNot: '^src/kernel/' },
    },
    {
      // engine code on the main thread; `import type` costs nothing at run time
      name: 'ui-and-store-take-only-types-from-the-engine',
      severity: 'error',
      from: { path: '^src/(ui|store)/', pathNot: notTest },
      to: {
        path: '^src/kernel/|^src/scenario/(interpreter|expand|document|exercise)\\.ts$',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      // but Vite's virtual modules and a package's types-only entry (`/// <reference types>`),
      // which Vite and tsc resolve
      name: 'no-unresolvable-import',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '^virtual:|^vite-plugin-pwa/client$' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
