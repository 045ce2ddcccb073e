/**
 * The layering rule of pidns-lab, enforced in the test run:
 *   kernel <- scenario <- worker <- store <- ui ; kernel <- scenario <- linux (the real machine);
 *   the CLI uses kernel, scenario and linux only;
 *   src/kernel imports nothing outside itself (no npm, no Node built-ins);
 *   src/protocol (the page↔engine contract) imports nothing but the kernel's types.
 * Test files beside the code may import test libraries.
 * (TypeScript 6 is newer than dependency-cruiser 16 knows, so package.json gives it every
 * source file by a glob rather than the folder, which it would find empty.)
 */
const notTest = '\\.test\\.tsx?$|/__fuzz__/';
const layer = (name, forbidden) => ({
  name: `${name}-imports-only-lower-layers`,
  severity: 'error',
  from: { path: `^src/${name}/`, pathNot: notTest },
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
      name: 'kernel-has-no-npm-or-node-imports',
      severity: 'error',
      from: { path: '^src/kernel/', pathNot: notTest },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'core'] },
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
