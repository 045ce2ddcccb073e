/**
 * Browser benchmark: a snapshot of a few hundred processes in the page. Opens
 * e2e/fixtures/snapshot-300.pidns (310 processes in 3 nested namespaces, written by
 * `pidns-lab snapshot`) through Open… in the production build served by `vite preview`, and
 * prints (it does not judge): the time from choosing the file to the player showing its steps,
 * the time to play every step at full speed, and the frame times while it plays (p95, max).
 * Run: `npx vite build --outDir dist-bench && node bin/tsx-run.mjs bench/snapshot.ts` (port 4436).
 */
import { chromium } from '@playwright/test';
import { runScenario } from '../src/scenario/index.ts';
import { readFileSync } from 'node:fs';
import { startPreview } from './preview.ts';

const PORT = 4436;
const BASE = `http://127.0.0.1:${PORT}`;
const FILE = 'e2e/fixtures/snapshot-300.pidns';
const OUT_DIR = process.env.PIDNS_BENCH_DIST ?? 'dist-bench';


const FRAMES = `new Promise((done) => {
  const gaps = []; let last = performance.now();
  const tick = (now) => { gaps.push(now - last); last = now; if (window.__stop) done(gaps); else requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})`;

async function main(): Promise<void> {
  const steps = runScenario(readFileSync(FILE, 'utf8')).steps.length;
  const stop = await startPreview(OUT_DIR, PORT);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    for (let run = 1; run <= 3; run++) {
      const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
      await page.addInitScript(() => window.localStorage.setItem('pidns-lab:guide-seen', '1'));
      await page.goto(BASE);
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open…' }).click()]);
      const opened = performance.now();
      await chooser.setFiles(FILE);
      await page.getByRole('status').filter({ hasText: `Step 0 of ${steps}` }).waitFor({ timeout: 60_000 });
      const loaded = performance.now() - opened;
      const speed = page.getByLabel('Speed');
      await speed.selectOption({ index: (await speed.locator('option').count()) - 1 });
      const frames = page.evaluate(FRAMES) as Promise<number[]>;
      const started = performance.now();
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await page.getByRole('status').filter({ hasText: `Step ${steps} of ${steps}` }).waitFor({ timeout: 120_000 });
      const played = performance.now() - started;
      await page.evaluate('window.__stop = true');
      const gaps = (await frames).sort((a, b) => a - b);
      const p95 = gaps[Math.floor(gaps.length * 0.95)] ?? NaN;
      console.log(`run ${run}: ${steps} steps; open→steps shown ${loaded.toFixed(0)} ms; played in ${played.toFixed(0)} ms; frames p95 ${p95.toFixed(1)} ms, max ${(gaps.at(-1) ?? NaN).toFixed(1)} ms`);
      await page.close();
    }
  } finally {
    await browser.close();
    stop();
  }
}

await main();
