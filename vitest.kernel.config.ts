/**
 * Vitest for the kernel's own tests only: the test run of `npm run mutation` (StrykerJS), which
 * mutates src/kernel and must stay practical on two cores.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/kernel/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
