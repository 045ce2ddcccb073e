/**
 * Browser benchmark of the scenario editor holding 1 MiB (issue 12), against the production build
 * served by `vite preview`, in Debian's Chromium: the longest main-thread task (PerformanceObserver
 * `longtask`) of pasting 1 MiB, of nine keys typed right after it, and of what follows the pause
 * (the run, the address bar, the autosave), in a bare textarea on the same page and in the page's
 * editor. Three rounds, each in a fresh context; prints every round and the best. Asserts
 * nothing. `node bin/tsx-run.mjs bench/editor.ts` (PIDNS_BENCH_PORT picks another port).
 */
import { execFileSync } from 'node:child_process';
import { chromium, type Browser, type Page } from '@playwright/test';
import { startPreview } from './preview.ts';

const PORT = Number(process.env.PIDNS_BENCH_PORT ?? 4433);
const BASE = `http://127.0.0.1:${PORT}`;
const OUT = `dist-bench-editor-${PORT}`;
const LINE = 'init getpid                                                      => 1\n';
const LINES = Math.floor((1024 * 1024 - 64) / LINE.length);
const TEXT = LINE.repeat(LINES);
const SETTLE_MS = 1500;

/** in-page probes are plain strings: the TypeScript runner's helpers do not exist in the page */
const WATCH = `window.__longest = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
  }).observe({ type: 'longtask' });`;
/** the longest task since the last reading, once the page has drawn twice more */
const TAKE = `new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
  const longest = window.__longest;
  window.__longest = 0;
  done(Math.round(longest));
}, 50))))`;
const BARE = `(() => {
  const bare = document.createElement('textarea');
  bare.id = 'bare';
  bare.wrap = 'off';
  Object.assign(bare.style, { position: 'fixed', top: '0', left: '0', width: '500px', height: '300px', zIndex: '99', whiteSpace: 'pre' });
  document.body.append(bare);
})()`;

interface Figures { paste: number; keys: number; typing: number; pause: number }

const take = async (page: Page): Promise<number> => (await page.evaluate(TAKE)) as number;

/** Ctrl+V of TEXT into the focused field, nine keys, a pause; `loaded` waits for what the paste starts */
async function pasteAndType(page: Page, loaded: (lines: number) => Promise<void>): Promise<Figures> {
  await take(page);
  await page.keyboard.press('Control+V');
  await loaded(LINES);
  await page.waitForTimeout(SETTLE_MS);
  const paste = await take(page);
  const started = Date.now();
  await page.keyboard.type('init fork');
  const typing = Date.now() - started;
  const keys = await take(page);
  await loaded(LINES + 1);
  await page.waitForTimeout(SETTLE_MS);
  return { paste, keys, typing, pause: await take(page) };
}

async function round(browser: Browser): Promise<{ bare: Figures; page: Figures }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE });
  await context.addInitScript(() => window.localStorage.setItem('pidns-lab:guide-seen', '1'));
  const page = await context.newPage();
  await page.goto(`${BASE}/`);
  const steps = (lines: number) => page.getByRole('status').filter({ hasText: `Step 0 of ${lines}` }).waitFor({ timeout: 120_000 });
  await steps(15);
  await page.evaluate(WATCH);
  await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(TEXT)})`);
  await page.evaluate(BARE);
  await page.locator('#bare').focus();
  const bare = await pasteAndType(page, async () => {});
  await page.locator('#bare').evaluate((e) => e.remove());
  await page.getByRole('textbox', { name: 'Scenario' }).click();
  await page.keyboard.press('Control+A');
  const ours = await pasteAndType(page, steps);
  await context.close();
  return { bare, page: ours };
}

const show = (f: Figures) => `paste ${f.paste} ms, 9 keys ${f.keys} ms (typed in ${f.typing} ms), after the pause ${f.pause} ms`;
const best = (runs: Figures[]): Figures => ({
  paste: Math.min(...runs.map((r) => r.paste)), keys: Math.min(...runs.map((r) => r.keys)),
  typing: Math.min(...runs.map((r) => r.typing)), pause: Math.min(...runs.map((r) => r.pause)),
});

async function main(): Promise<void> {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', OUT], { stdio: 'inherit' });
  const stop = await startPreview(OUT, PORT);
  const browser = await chromium.launch({
    executablePath: process.env.PIDNS_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  try {
    const rounds = [];
    for (let i = 0; i < 3; i++) rounds.push(await round(browser));
    console.log(`1 MiB in the editor, longest main-thread task (${LINES} lines):`);
    rounds.forEach((r, i) => console.log(`  round ${i + 1}: bare textarea: ${show(r.bare)}\n           the page: ${show(r.page)}`));
    console.log(`  best: bare textarea: ${show(best(rounds.map((r) => r.bare)))}`);
    console.log(`        the page:      ${show(best(rounds.map((r) => r.page)))}`);
  } finally {
    await browser.close();
    stop();
  }
}

await main();
