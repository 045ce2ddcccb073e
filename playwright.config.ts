/**
 * End-to-end tests in Chromium (scripts/chromium.mjs: $PIDNS_CHROMIUM, Debian's, or Playwright's
 * own) against the production build served by `vite preview`
 * on a fixed port, 4317 unless PIDNS_E2E_PORT names another (never a server that happens to be
 * running: reuseExistingServer is false).
 * The JSON report goes to reports/ (Playwright empties test-results/ at start).
 */
import { defineConfig } from '@playwright/test';
import { findChromium } from './scripts/chromium.mjs';

const PORT = Number(process.env.PIDNS_E2E_PORT ?? 4317);
// Another port means another run beside this one (two developers, two checkouts of a branch):
// it gets its own build folder, report and results so that neither overwrites the other's.
const OWN = PORT === 4317 ? '' : `-${PORT}`;
const OUT_DIR = `dist${OWN}`;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // a test walks through a page as a person would: several steps of the engine on two shared cores
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  // One retry: on a shared, loaded machine a page can miss a timing once. A test that passes only
  // on its retry is still named as flaky in the closing count (scripts/count-results.mjs), so it
  // is seen and fixed, not hidden; one that fails twice fails the run.
  retries: 1,
  outputDir: `test-results${OWN}`,
  reporter: [['list'], ['json', { outputFile: `reports/playwright${OWN}.json` }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: findChromium() ?? undefined,
      args: [
        '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `npx vite build --logLevel warn --outDir ${OUT_DIR} && npx vite preview --outDir ${OUT_DIR} --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
