/**
 * Vitest for the test run of `npm run mutation` (StrykerJS mutating src/kernel): the kernel's own
 * unit tests, without the seeded property tests of src/kernel/__fuzz__. Those replay 40 seeds of
 * 400 random calls (about 4 s) and cover nearly every mutant, so Stryker ran them for each of the
 * 2,630 mutants (about 24 s a mutant on two shared cores); `npx vitest run src/kernel` and
 * `npm test` still run them. The unit tests share no module state (no vi.mock outside __fuzz__),
 * so the files run in one context: importing the kernel afresh for every test file of every
 * mutant's run cost about a second a file on the loaded machine.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/kernel/**/*.test.ts'],
    exclude: ['src/kernel/__fuzz__/**', '**/node_modules/**'],
    environment: 'node',
    isolate: false,
    testTimeout: 10_000,
  },
});
