/**
 * In class: presenting on a projector (keys, large type, a link that opens presenting, the QR
 * code), the embedded read-only player, Share's iframe code and its clipboard fallback, offline
 * use after one visit, the built site under a sub-path of a plain file server, the first-visit
 * guide, and the player on a phone.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeFragment } from '../src/scenario/index.ts';
import type { Page } from '@playwright/test';
import { atStep, expect, settled, table, test } from './fixtures.ts';

const RFC_TOTAL = 15;
const TWO_NS = '## Before anything: only init.\ninit fork as a\n## a unshares: its next child is pid 1 of a new namespace.\na unshare NEWPID\na fork as b\nb fork as c\n';

/** the default scenario is shown and its first step plays (online or not, at any path) */
async function showsTheRfcAndPlaysAStep(page: Page): Promise<void> {
  await expect(page.getByRole('tree', { name: 'Namespace tree' })).toBeVisible();
  await atStep(page, 0, RFC_TOTAL);
  await page.getByRole('button', { name: 'Step forward' }).click();
  await atStep(page, 1, RFC_TOTAL);
  await settled(page);
  await expect(table(page, 'ns0').getByRole('row')).toHaveCount(3);
}

test.describe('presenting', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('Present shows the caption as a heading, the tree, large tables and the player; no editor', async ({ page }) => {
    await page.goto(`/${encodeFragment(TWO_NS, 3)}`);
    await atStep(page, 3, 4);
    await page.getByRole('button', { name: 'Present' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/a unshares: its next child is pid 1/);
    await expect(page.getByRole('tree', { name: 'Namespace tree' })).toBeVisible();
    await expect(table(page, 'ns1')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Step forward' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Scenario' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Share' })).toHaveCount(0);
    await expect(page.getByRole('log', { name: 'Events' })).toHaveCount(0);
    const cellSize = await table(page, 'ns0').getByRole('cell').first()
      .evaluate((td) => parseFloat(getComputedStyle(td).fontSize));
    expect(cellSize).toBeGreaterThanOrEqual(24);
    const box = await page.getByRole('main').boundingBox();
    expect(box?.height).toBeGreaterThan(1080 * 0.6);
  });

  test('clicker and keyboard keys step, Escape leaves; p presents', async ({ page }) => {
    await page.goto('/');
    await atStep(page, 0, RFC_TOTAL);
    await page.keyboard.press('p');
    await expect(page.getByRole('button', { name: 'Leave presentation' })).toBeVisible();
    for (const [key, step] of [['PageDown', 1], ['ArrowRight', 2], [' ', 3], ['PageUp', 2], ['ArrowLeft', 1], ['End', RFC_TOTAL], ['Home', 0]] as const) {
      await page.keyboard.press(key === ' ' ? 'Space' : key);
      await atStep(page, step, RFC_TOTAL);
    }
    await expect(page.getByRole('button', { name: 'Pause' })).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('textbox', { name: 'Scenario' })).toBeVisible();
    await page.getByRole('button', { name: 'Present' }).click();
    await page.getByRole('button', { name: 'Leave presentation' }).click();
    await expect(page.getByRole('textbox', { name: 'Scenario' })).toBeVisible();
  });

  test('a ?present link, as pidns-lab url --present prints it, opens straight into the presentation', async ({ page, baseURL }) => {
    const cli = ['bin/pidns-lab.mjs', 'url', '-', '--step', '4', '--base', `${baseURL}/`, '--present'];
    const link = execFileSync('node', cli, { input: TWO_NS, encoding: 'utf8' }).trim();
    expect(link).toBe(`${baseURL}/?present${encodeFragment(TWO_NS, 4)}`);
    await page.goto(link);
    await atStep(page, 4, 4);
    await settled(page);
    await expect(page.getByRole('button', { name: 'Leave presentation' })).toBeVisible();
    await expect(table(page, 'ns1').getByRole('row')).toHaveCount(3);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('textbox', { name: 'Scenario' })).toBeVisible();
    expect(new URL(page.url()).search).toBe('');
  });

  test('a question shows large; a step forward (as a clicker sends it) reveals the answer', async ({ page }) => {
    const quiz = `${TWO_NS.split('\n').slice(0, 5).join('\n')}\n## b is the first process of the new namespace. Which pid does it see for itself?\nb getpid => ?\n`;
    await page.goto(`/?present${encodeFragment(quiz)}`);
    await expect(page.getByRole('button', { name: 'Leave presentation' })).toBeVisible();
    await page.keyboard.press('End');
    const question = page.getByRole('group', { name: 'Question' });
    await expect(question).toContainText('Which pid does it see for itself?');
    await expect(page.getByRole('slider', { name: 'Timeline' })).toHaveValue('3');
    const size = await question.getByText('Which pid').evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
    expect(size).toBeGreaterThanOrEqual(24);
    await expect(question.getByRole('textbox', { name: 'Your answer' })).toBeFocused();
    await page.keyboard.press('PageDown');
    await expect(question.getByRole('status')).toHaveText(/^The answer is 1/);
    await expect(page.getByRole('slider', { name: 'Timeline' })).toHaveValue('4');
  });

  test('the QR code of the current link shows on request (q or the button); Escape hides it first', async ({ page }) => {
    await page.goto('/?present');
    await atStep(page, 0, RFC_TOTAL);
    await expect(page.getByRole('button', { name: 'Leave presentation' })).toBeVisible();
    const qr = page.getByRole('img', { name: 'QR code of this link' });
    await expect(qr).toHaveCount(0);
    await page.keyboard.press('q');
    await expect(qr).toBeVisible();
    await expect(page.getByRole('button', { name: 'QR code' })).toHaveAttribute('aria-pressed', 'true');
    const box = await qr.boundingBox();
    expect(box?.width).toBeGreaterThan(300);
    await page.getByRole('button', { name: 'QR code' }).click();
    await expect(qr).toHaveCount(0);
    await page.keyboard.press('q');
    await expect(qr).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(qr).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Leave presentation' })).toBeVisible();
  });

  test('a link too long to scan well gets a note with the QR code', async ({ page }) => {
    // captions of scrambled words: they do not compress, so the link passes 1,000 characters
    const scrambled = (i: number) => `${((i + 1) * 2654435761 % 2 ** 32).toString(36)} ${((i + 7) * 40503 % 65521).toString(36)}`;
    const long = `${TWO_NS}${Array.from({ length: 80 }, (_, i) => `## note ${scrambled(i)}\n`).join('')}`;
    await page.goto(`/?present${encodeFragment(long)}`);
    await expect(page.getByRole('button', { name: 'Leave presentation' })).toBeVisible();
    await page.keyboard.press('q');
    await expect(page.getByRole('img', { name: 'QR code of this link' })).toBeVisible();
    await expect(page.getByText(/This link is long \([\d,]+ characters\)/)).toBeVisible();
  });
});

test.describe('embedding', () => {
  test('?embed is a read-only player: tree, tables, captions, player; no editor or toolbar', async ({ page }) => {
    const fragment = encodeFragment(TWO_NS, 1);
    await page.goto(`/?embed${fragment}`);
    await atStep(page, 1, 4);
    await expect(page.getByRole('tree', { name: 'Namespace tree' })).toBeVisible();
    await expect(table(page, 'ns0')).toBeVisible();
    await expect(page.getByText('Before anything: only init.')).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Scenario' })).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'Scenario tools' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Share' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Present' })).toHaveCount(0);
    const open = page.getByRole('link', { name: 'Open in pidns-lab' });
    await expect(open).toHaveAttribute('target', '_blank');
    await expect(open).toHaveAttribute('href', `${new URL('/', page.url()).href}${fragment}`);
    await page.getByRole('button', { name: 'Step forward' }).click();
    await atStep(page, 2, 4);
    await expect(open).toHaveAttribute('href', `${new URL('/', page.url()).href}${encodeFragment(TWO_NS, 2)}`);
    await page.keyboard.press('p');
    await expect(page.getByRole('button', { name: 'Leave presentation' })).toHaveCount(0);
  });

  test('the embedded player works inside an iframe of another page', async ({ page }) => {
    await page.goto('/');
    const src = new URL(`/?embed${encodeFragment(TWO_NS)}`, page.url()).href;
    await page.setContent(`<h1>Course page</h1><iframe src="${src}" title="pidns-lab" width="900" height="640"></iframe>`);
    const frame = page.frameLocator('iframe[title="pidns-lab"]');
    await expect(frame.getByRole('status')).toContainText('Step 0 of 4');
    await frame.getByRole('button', { name: 'Last step' }).click();
    await expect(frame.getByRole('status')).toContainText('Step 4 of 4');
    await expect(frame.getByRole('table', { name: 'Processes in ns1' })).toBeVisible();
  });
});

test.describe('Share', () => {
  test('offers the iframe code with the embed link, and says copied only when it was', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/');
    await atStep(page, 0, RFC_TOTAL);
    await page.getByRole('button', { name: 'Step forward' }).click();
    await atStep(page, 1);
    await page.getByRole('button', { name: 'Share' }).click();
    const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
    await expect(page.getByText('Copied to the clipboard.')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    const fragment = link.slice(link.indexOf('#'));
    const code = await page.getByRole('textbox', { name: 'Embed code' }).inputValue();
    expect(code).toMatch(/^<iframe src="[^"]+" title="pidns-lab: [^"]+"[^>]*><\/iframe>$/);
    expect(code).toContain(`src="${new URL('/', page.url()).href}?embed${fragment}"`);
    await expect(page.getByRole('textbox', { name: 'Presentation link' })).toHaveValue(`${new URL('/', page.url()).href}?present${fragment}`);

    const embed = await context.newPage();
    await embed.goto(/src="([^"]+)"/.exec(code)?.[1] ?? '');
    await atStep(embed, 1, RFC_TOTAL);
    await expect(embed.getByRole('textbox', { name: 'Scenario' })).toHaveCount(0);
    await embed.close();
  });

  test('when the clipboard refuses, the link is selected in its field to copy by hand', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) },
      });
    });
    await page.goto('/');
    await atStep(page, 0, RFC_TOTAL);
    await page.getByRole('button', { name: 'Share' }).click();
    const field = page.getByRole('textbox', { name: 'Share link' });
    await expect(field).toBeFocused();
    await expect(page.getByText(/did not let the page copy it/)).toBeVisible();
    await expect(page.getByText('Copied to the clipboard.')).toHaveCount(0);
    const selected = await field.evaluate((input: HTMLInputElement) => input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0));
    expect(selected).toBe(await field.inputValue());
    await page.getByRole('button', { name: 'Copy embed code' }).click();
    await expect(page.getByRole('textbox', { name: 'Embed code' })).toBeFocused();
  });
});

test('after one visit, a reload with no network shows the tree and plays', async ({ page, context }) => {
  await page.goto('/');
  await atStep(page, 0, RFC_TOTAL);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await context.setOffline(true);
  await page.reload();
  await showsTheRfcAndPlaysAStep(page);
  await page.getByRole('button', { name: 'Present' }).click();
  await expect(page.getByRole('button', { name: 'Leave presentation' })).toBeVisible();
  await page.keyboard.press('Escape');
  // a lesson is a chunk of its own, loaded on demand: it was kept too, and so is its address
  await page.getByRole('navigation', { name: 'Lessons' }).getByRole('link', { name: /^3\. / }).click();
  await expect(page).toHaveURL(/\?lesson=03(#|$)/);
  await expect(page.getByRole('slider', { name: 'Timeline' })).toHaveAttribute('aria-valuetext', /^Step 0 of 8/);
  await page.reload();
  await expect(page.getByRole('tree', { name: 'Namespace tree' })).toBeVisible();
  await expect(page.getByRole('slider', { name: 'Timeline' })).toHaveAttribute('aria-valuetext', /^Step \d+ of 8/);
  await context.setOffline(false);
});

test.describe('a plain file server, under a sub-path', () => {
  // one copy of the site and one server for the tests below, in order: the last one changes the copy
  test.describe.configure({ mode: 'serial' });
  const port = Number(process.env.PIDNS_E2E_PORT ?? 4317);
  const dist = port === 4317 ? 'dist' : `dist-${port}`;
  let root = '';
  let site = '';
  let server: ChildProcess | null = null;

  test.beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'pidns-site-'));
    cpSync(dist, join(root, 'x', 'y'), { recursive: true });
    // port 0: the system picks a free port, which the server names in its first line
    server = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', root], { stdio: ['ignore', 'pipe', 'ignore'] });
    const staticPort = await new Promise<string>((resolve, reject) => {
      server?.stdout?.on('data', (chunk: Buffer) => {
        const found = /port (\d+)/.exec(chunk.toString());
        if (found) resolve(found[1] as string);
      });
      server?.on('exit', () => reject(new Error('python3 -m http.server did not start')));
    });
    site = `http://127.0.0.1:${staticPort}/x/y/`;
  });
  test.afterAll(() => {
    server?.kill();
    rmSync(root, { recursive: true, force: true });
  });

  test('the built site opens at /x/y/ and plays; its embed too', async ({ page }) => {
    await page.goto(site);
    await showsTheRfcAndPlaysAStep(page);
    await page.goto(`${site}?embed${encodeFragment(TWO_NS, 4)}`);
    await atStep(page, 4, 4);
    await expect(page.getByRole('link', { name: 'Open in pidns-lab' }))
      .toHaveAttribute('href', `${site}${encodeFragment(TWO_NS, 4)}`);
  });

  test('a new version announces itself and waits for the reload it offers', async ({ page }) => {
    await page.goto(site);
    await atStep(page, 0, RFC_TOTAL);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    const prompt = page.getByText('A new version of pidns-lab is ready.');
    await expect(prompt).toHaveCount(0);
    appendFileSync(join(root, 'x', 'y', 'sw.js'), '\n// the next version\n');
    await page.reload();
    await expect(prompt).toBeVisible();
    await expect(page.getByRole('tree', { name: 'Namespace tree' })).toBeVisible();
    await page.getByRole('button', { name: 'Reload to update' }).click();
    await page.waitForEvent('load');
    await atStep(page, 0, RFC_TOTAL);
    await expect(prompt).toHaveCount(0);
  });
});

test.describe('first visit', () => {
  test.use({ firstVisit: true });

  test('a short guide shows once and can be dismissed', async ({ page }) => {
    await page.goto('/');
    const guide = page.getByRole('region', { name: 'Getting started' });
    await expect(guide).toBeVisible();
    await expect(guide).toContainText('player');
    await expect(guide).toContainText('pid tables');
    await expect(guide).toContainText('library');
    await guide.getByRole('button', { name: 'Got it' }).click();
    await expect(guide).toHaveCount(0);
    await page.reload();
    await atStep(page, 0, RFC_TOTAL);
    await expect(guide).toHaveCount(0);
  });

  test('it is not shown in an embedded player or a presentation', async ({ page }) => {
    await page.goto(`/?embed${encodeFragment(TWO_NS)}`);
    await atStep(page, 0, 4);
    await expect(page.getByRole('region', { name: 'Getting started' })).toHaveCount(0);
    await page.goto(`/?present${encodeFragment(TWO_NS)}`);
    await expect(page.getByRole('button', { name: 'Leave presentation' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Getting started' })).toHaveCount(0);
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the player stays reachable while the tables scroll', async ({ page }) => {
    const deep = 'init fork as a\na unshare NEWPID\na fork as b\nb unshare NEWPID\nb fork as c\nc unshare NEWPID\nc fork as d\n';
    await page.goto(`/${encodeFragment(deep, 7)}`);
    await atStep(page, 7, 7);
    await settled(page);
    await table(page, 'ns3').scrollIntoViewIfNeeded();
    await expect(table(page, 'ns3')).toBeInViewport();
    const back = page.getByRole('button', { name: 'Step back' });
    await expect(back).toBeInViewport();
    await back.click();
    await atStep(page, 6, 7);
    await expect(page.getByRole('slider', { name: 'Timeline' })).toBeInViewport();
  });
});
