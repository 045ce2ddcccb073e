/**
 * Big worlds in the page: the longest main-thread task (PerformanceObserver 'longtask') while a
 * link to a huge scenario opens, goes to its last step, seeks to its middle, "View as" is
 * searched and chosen, and Share makes its link; the page's JS heap after them (the worker's is
 * not counted: the world lives there); the same for a loop that captions and fails an expectation
 * at each of its steps; also the longest task while a hostile link (a few KB that would inflate to
 * gigabytes) is opened; and a world of many pid namespaces (a fan below the root): Last step, then
 * "and K more namespaces" and choosing a namespace beyond the first window.
 * Against the production build in Debian's Chromium. Prints figures; asserts nothing.
 * Run: `node bin/tsx-run.mjs bench/big-worlds.ts [tasks,…] [namespaces,…]` (part of `npm run bench`).
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

/**
 * Opens a link to `text`, a scenario of `n` steps, and plays it to its last step (`shown` appears
 * then): the load time and the longest main-thread task while loading and after Last step.
 */
async function openAndPlayToEnd(page: Page, text: string, n: number, shown = page.locator(`.app[data-frame-step="${n}"]`)) {
  const fragment = encodeFragment(text);
  const t0 = Date.now();
  await page.goto(`${BASE}/${fragment}`);
  await page.getByRole('status').filter({ hasText: new RegExp(`Step 0 of ${n}\\b`) }).waitFor({ timeout: 600_000 });
  const loadMs = Date.now() - t0;
  const atLoad = await longest(page);
  await page.getByRole('button', { name: 'Last step' }).click();
  await shown.waitFor({ timeout: 600_000 });
  await page.waitForTimeout(1500);
  return { fragment, loadMs, atLoad, atLast: await longest(page) };
}

async function bigWorld(page: Page, n: number): Promise<string> {
  const { fragment, loadMs, atLoad, atLast } = await openAndPlayToEnd(page, forks(n), n);
  const middle = Math.floor(n / 2);
  await page.getByRole('slider', { name: 'Timeline' }).fill(String(middle));
  await page.locator(`.app[data-frame-step="${middle}"]`).waitFor({ timeout: 600_000 });
  await page.waitForTimeout(1500);
  const atSeek = await longest(page);
  const wanted = `w${Math.floor(middle / 2)}`;
  await page.getByRole('searchbox', { name: 'Find a task to view as' }).fill(wanted);
  const viewAs = page.getByRole('combobox', { name: 'View as' });
  await viewAs.locator('option', { hasText: wanted }).first().waitFor({ state: 'attached' });
  await viewAs.selectOption(wanted);
  await page.waitForFunction((label) => (document.querySelector('.view-as select') as HTMLSelectElement | null)?.value === label, wanted);
  await page.waitForTimeout(1500);
  const atSearch = await longest(page);
  await page.getByRole('button', { name: 'Share' }).click();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  await page.waitForTimeout(500);
  const atShare = await longest(page);
  if (!link.includes('#v1.')) throw new Error(`Share gave no link: ${link}`);
  return `${n} forks (link of ${fragment.length} characters): loaded in ${loadMs} ms, longest main-thread task ` +
    `${atLoad.max.toFixed(0)} ms while loading, ${atLast.max.toFixed(0)} ms after Last step, ` +
    `${atSeek.max.toFixed(0)} ms seeking to step ${middle}, ${atSearch.max.toFixed(0)} ms searching and choosing View as, ` +
    `${atShare.max.toFixed(0)} ms on Share; page JS heap ${await heapMb(page)} MB`;
}

/** the page's JS heap after a garbage collection, in MB (the engine worker's is apart) */
async function heapMb(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return (usedSize / 1e6).toFixed(1);
}

/** a loop that narrates and fails an expectation at every step: as many captions and failures as steps */
const narrated = (n: number) => `title: ${n} narrated steps\nrepeat ${n}\n  ## step {i} of the loop\n  init getpid => 5\nend\n`;

async function narratedWorld(page: Page, n: number): Promise<string> {
  const { loadMs, atLoad, atLast } = await openAndPlayToEnd(page, narrated(n), n, page.getByText(`step ${n} of the loop`));
  return `${n} narrated steps, each failing its expectation: loaded in ${loadMs} ms, longest main-thread task ` +
    `${atLoad.max.toFixed(0)} ms while loading, ${atLast.max.toFixed(0)} ms after Last step; page JS heap ${await heapMb(page)} MB`;
}

/** `n` namespaces, each made by the root's init: a fan of n boxes below ns0 */
const fan = (n: number) => `title: ${n} namespaces\npid_max: 4194304\nrepeat ${n}\n  init clone NEWPID as c{i}\nend\n`;

async function namespaceWorld(page: Page, n: number): Promise<string> {
  const { loadMs, atLoad, atLast } = await openAndPlayToEnd(page, fan(n), n);
  const tree = page.getByRole('tree', { name: 'Namespace tree' });
  await tree.getByRole('treeitem', { name: /more namespaces$/ }).click();
  await tree.getByRole('treeitem', { name: /^ns40 / }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('table', { name: 'Processes in ns40' }).waitFor({ timeout: 600_000 });
  await page.waitForTimeout(1000);
  const atChoose = await longest(page);
  return `${n} pid namespaces: loaded in ${loadMs} ms, longest main-thread task ${atLoad.max.toFixed(0)} ms while loading, ` +
    `${atLast.max.toFixed(0)} ms after Last step, ${atChoose.max.toFixed(0)} ms listing more namespaces and choosing ns40; ` +
    `page JS heap ${await heapMb(page)} MB`;
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
    for (const n of sizes) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.addInitScript(LONG_TASKS);
      console.log(await narratedWorld(page, n));
      await page.close();
    }
    for (const n of (process.argv[3] ?? '1000,100000').split(',').map(Number)) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.addInitScript(LONG_TASKS);
      console.log(await namespaceWorld(page, n));
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
