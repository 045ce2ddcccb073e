/**
 * Browser benchmark of the page, against the production build served by `vite preview`, in
 * Debian's Chromium. Prints figures (it does not judge them); run with `npm run bench:ui`.
 *   - JavaScript shipped, gzipped (every .js under dist/assets, the worker included), and the part a
 *     visit to `/` loads (first-load JS; what is loaded on first use is not in it)
 *   - time from navigation to the namespace tree on `/` (median of 5)
 *   - the fork bomb (scenarios/library/fork-bomb.pidns): load time, frame times while it plays at
 *     full speed (p95, max), real clicks answered during play (max), the final tables
 *   - seeking to random steps of the fork bomb (median, p95, max), and from its first step to its last
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { encodeFragment } from '../src/scenario/index.ts';
import { startPreview } from './preview.ts';

const PORT = 4319;
const BASE = `http://127.0.0.1:${PORT}`;

function jsGzipBytes(): number {
  const dir = 'dist/assets';
  return readdirSync(dir).filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + gzipSync(readFileSync(`${dir}/${f}`), { level: 9 }).length, 0);
}

/** the JavaScript a visit to `/` loads (page, chunks, worker) until the tree shows and a
 * second passes: what a visitor downloads before using anything that is loaded on first use */
async function firstLoadGzipBytes(page: Page): Promise<number> {
  const files = new Set<string>();
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.includes('/assets/') && path.endsWith('.js')) files.add(path.slice(path.lastIndexOf('/') + 1));
  });
  await page.goto(`${BASE}/`);
  await page.getByRole('treeitem', { name: /^ns0 / }).waitFor();
  await page.waitForTimeout(1000);
  return [...files].reduce((sum, f) => sum + gzipSync(readFileSync(`dist/assets/${f}`), { level: 9 }).length, 0);
}


const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** in-page probes are plain strings: the TypeScript runner's helpers do not exist in the page */
const TREE_PROBE = `
  new MutationObserver((_, observer) => {
    if (document.querySelector('[role=treeitem]')) {
      window.__treeAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });`;

async function timeToTree(page: Page): Promise<number> {
  await page.addInitScript(TREE_PROBE);
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    await page.goto(`${BASE}/`);
    await page.getByRole('treeitem', { name: /^ns0 / }).waitFor();
    runs.push(await page.evaluate('window.__treeAt'));
  }
  return quantile(runs, 0.5);
}

const PLAY_PROBE = `
  window.__frames = [];
  window.__clicks = [];
  let last = performance.now();
  const loop = (now) => { window.__frames.push(now - last); last = now; requestAnimationFrame(loop); };
  requestAnimationFrame(loop);
  let down = 0;
  document.addEventListener('pointerdown', (e) => { down = e.timeStamp; }, true);
  document.addEventListener('click', () => requestAnimationFrame(() => window.__clicks.push(performance.now() - down)), true);`;

const SEEK_PROBE = `async (k) => {
  const app = document.querySelector('.app');
  const slider = document.querySelector('input[aria-label="Timeline"]');
  const start = performance.now();
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(slider, String(k));
  slider.dispatchEvent(new Event('input', { bubbles: true }));
  while (app.getAttribute('data-frame-step') !== String(k)) await new Promise((r) => requestAnimationFrame(r));
  return performance.now() - start;
}`;

async function playForkBomb(page: Page) {
  const text = readFileSync('scenarios/library/fork-bomb.pidns', 'utf8');
  const t0 = Date.now();
  await page.goto(`${BASE}/${encodeFragment(text)}`);
  await page.getByRole('status').filter({ hasText: /Step 0 of 9\d{4}/ }).waitFor({ timeout: 120_000 });
  const loadMs = Date.now() - t0;
  await page.evaluate(PLAY_PROBE);
  await page.getByLabel('Speed').selectOption('20000');
  const started = Date.now();
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  const zoom = page.getByRole('button', { name: 'Zoom in' });
  while (await page.getByRole('button', { name: 'Pause' }).isVisible()) {
    await zoom.click();
    await page.waitForTimeout(300);
  }
  const playMs = Date.now() - started;
  const figures = (await page.evaluate('({ frames: window.__frames.slice(2), clicks: window.__clicks })')) as
    { frames: number[]; clicks: number[] };
  const status = await page.getByRole('status').textContent();
  const total = /of (\d+)/.exec(status ?? '')?.[1] ?? '';
  await page.locator(`.app[data-frame-step="${total}"]`).waitFor();
  const counts = (await page.evaluate(`Array.from(document.querySelectorAll('table[aria-label]'))
    .map((t) => t.getAttribute('aria-label') + ': ' + (Number(t.getAttribute('aria-rowcount')) - 1) + ' rows')`)) as string[];
  return { loadMs, playMs, status, counts, ...figures };
}

async function seeks(page: Page): Promise<number[]> {
  const total = Number(/of (\d+)/.exec((await page.getByRole('status').textContent()) ?? '')?.[1]);
  const times: number[] = [];
  let seed = 7;
  for (let i = 0; i < 12; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const step = seed % (total + 1);
    times.push((await page.evaluate(`(${SEEK_PROBE})(${step})`)) as number);
  }
  return times;
}

/** the first step, a moment of idle (the engine prepares likely next states), then Last step */
async function firstToLast(page: Page): Promise<number[]> {
  const total = Number(/of (\d+)/.exec((await page.getByRole('status').textContent()) ?? '')?.[1]);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    await page.evaluate(`(${SEEK_PROBE})(0)`);
    await page.waitForTimeout(1000);
    times.push((await page.evaluate(`(${SEEK_PROBE})(${total})`)) as number);
  }
  return times;
}

async function main(): Promise<void> {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  console.log(`JS shipped (gzip): ${(jsGzipBytes() / 1024).toFixed(1)} KB (budget 200 KB)`);
  const stop = await startPreview('dist', PORT);
  const browser = await chromium.launch({
    executablePath: process.env.PIDNS_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  try {
    const fresh = await browser.newPage();
    console.log(`first-load JS on / (gzip): ${(await firstLoadGzipBytes(fresh) / 1024).toFixed(1)} KB (budget 150 KB)`);
    await fresh.close();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    console.log(`time to tree on /: ${ms(await timeToTree(page))} (median of 5, budget 1000 ms)`);
    const bomb = await playForkBomb(page);
    console.log(`fork bomb load (run + checkpoints in the worker): ${ms(bomb.loadMs)}`);
    console.log(`fork bomb play at 20k steps/s: ${ms(bomb.playMs)}; ${bomb.frames.length} frames;` +
      ` p95 frame ${ms(quantile(bomb.frames, 0.95))}, max ${ms(Math.max(...bomb.frames))} (budget p95 50 ms)`);
    console.log(`clicks during play: ${bomb.clicks.length}, slowest answered in ${ms(Math.max(...bomb.clicks))} (budget 100 ms)`);
    console.log(`final: ${bomb.status}; ${bomb.counts.join('; ')}`);
    const seekTimes = await seeks(page);
    console.log(`seek to a random step: median ${ms(quantile(seekTimes, 0.5))}, p95 ${ms(quantile(seekTimes, 0.95))},` +
      ` max ${ms(Math.max(...seekTimes))} (budget 300 ms)`);
    const endTimes = await firstToLast(page);
    console.log(`seek from the first to the last step: median ${ms(quantile(endTimes, 0.5))}, max ${ms(Math.max(...endTimes))}` +
      ` (budget 100 ms)`);
  } finally {
    await browser.close();
    stop();
  }
}

await main();
