/**
 * Big worlds in the page: the longest main-thread task (PerformanceObserver 'longtask') while a
 * link to a huge scenario opens, goes to its last step, and "View as" is searched; also the
 * longest task while a hostile link (a few KB that would inflate to gigabytes) is opened.
 * Against the production build in Debian's Chromium. Prints figures; asserts nothing.
 * Run: `node bin/tsx-run.mjs bench/big-worlds.ts` (part of `npm run bench`).
 */
import { execFileSync } from 'node:child_process';
import { deflateSync, strToU8 } from 'fflate';
import { chromium, type Page } from '@playwright/test';
import { squeeze, toBase64url } from '../src/scenario/codec-bytes.ts';
import { DICTIONARY_V1 } from '../src/scenario/codec-dictionary.ts';
import { encodeFragment } from '../src/scenario/index.ts';
import { startPreview } from './preview.ts';

const PORT = Number(process.env.PIDNS_BENCH_PORT ?? 4432);
const BASE = `http://127.0.0.1:${PORT}`;
const OUT = process.env.PIDNS_BENCH_PORT ? `dist-bench-big-${PORT}` : 'dist-bench-big';

const LONG_TASKS = `
  window.__long = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push(e.duration); })
    .observe({ type: 'longtask', buffered: true });`;


async function longest(page: Page): Promise<{ max: number; count: number }> {
  const all = (await page.evaluate('window.__long.splice(0)')) as number[];
  return { max: Math.max(0, ...all), count: all.length };
}

const forks = (n: number) => `title: ${n} forks\npid_max: 4194304\nrepeat ${n}\n  init fork as w{i}\nend\n`;

async function bigWorld(page: Page, n: number): Promise<string> {
  const fragment = encodeFragment(forks(n));
  const t0 = Date.now();
  await page.goto(`${BASE}/${fragment}`);
  await page.getByRole('status').filter({ hasText: new RegExp(`Step 0 of ${n}\\b`) }).waitFor({ timeout: 600_000 });
  const loadMs = Date.now() - t0;
  const atLoad = await longest(page);
  await page.getByRole('button', { name: 'Last step' }).click();
  await page.locator(`.app[data-frame-step="${n}"]`).waitFor({ timeout: 600_000 });
  await page.waitForTimeout(1500);
  const atLast = await longest(page);
  const search = page.getByRole('searchbox', { name: 'Find a task to view as' });
  await search.fill(`w${Math.floor(n / 2)}`);
  await page.getByRole('combobox', { name: 'View as' }).locator('option', { hasText: `w${Math.floor(n / 2)}` }).first().waitFor({ state: 'attached' });
  await page.waitForTimeout(500);
  const atSearch = await longest(page);
  return `${n} forks (link of ${fragment.length} characters): loaded in ${loadMs} ms, longest main-thread task ` +
    `${atLoad.max.toFixed(0)} ms while loading, ${atLast.max.toFixed(0)} ms after Last step, ` +
    `${atSearch.max.toFixed(0)} ms while searching View as`;
}

async function hostileLink(page: Page): Promise<string> {
  // each 3 squeezed bytes (spaces to column 255, a newline) stand for 256: 4 M of them, ~1 GB
  const squeezed = new Uint8Array(3 * 4_000_000).map((_, i) => [0xf8, 255, 0x0a][i % 3] as number);
  const data = deflateSync(squeezed, { level: 9, mem: 12, dictionary: squeeze(strToU8(DICTIONARY_V1)) });
  const fragment = `#v1.z${toBase64url(data)}.AAAAAA`;
  await page.goto(`${BASE}/`);
  await page.getByRole('treeitem', { name: /^ns0 / }).waitFor();
  await longest(page);
  const t0 = Date.now();
  await page.goto(`${BASE}/${fragment}`);
  await page.getByRole('alert').filter({ hasText: 'larger than 1 MiB' }).waitFor({ timeout: 60_000 });
  const ms = Date.now() - t0;
  const worst = await longest(page);
  return `hostile link (${fragment.length} characters, inflates to ~1 GB): refused in ${ms} ms, ` +
    `longest main-thread task ${worst.max.toFixed(0)} ms`;
}

async function main(): Promise<void> {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', OUT], { stdio: 'inherit' });
  const stop = await startPreview(OUT, PORT);
  const browser = await chromium.launch({
    executablePath: process.env.PIDNS_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const sizes = (process.argv[2] ?? '100000,1000000').split(',').map(Number);
    for (const n of sizes) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.addInitScript(LONG_TASKS);
      console.log(await bigWorld(page, n));
      await page.close();
    }
    const page = await browser.newPage();
    await page.addInitScript(LONG_TASKS);
    console.log(await hostileLink(page));
  } finally {
    await browser.close();
    stop();
  }
}

await main();
