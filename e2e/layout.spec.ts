/**
 * The page on the screens of a classroom: a 1920×1080 projector or monitor (type grows, the
 * tables' columns hold their text), the presentation there, an 800×640 iframe of a course page,
 * and a phone held upright (390×844).
 */
import { execFileSync } from 'node:child_process';
import type { Locator, Page } from '@playwright/test';
import { encodeFragment } from '../src/scenario/index.ts';
import { atStep, expect, table, test } from './fixtures.ts';

const RFC_TOTAL = 15;
const PREDICT = execFileSync('node', ['bin/pidns-lab.mjs', 'url', '/work/shared/scenarios/predict-pid-inside-outside.pidns'], { encoding: 'utf8' }).trim();

const fontSize = (l: Locator) => l.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
const firstCell = (page: Page, ns: string) => table(page, ns).getByRole('cell').first();

/** the cell's text is all shown: not cut by an ellipsis or its column */
const whole = (cell: Locator) => cell.evaluate((td) => td.scrollWidth <= td.clientWidth);

/** every part of the box lies inside the viewport's width */
async function insideWidth(page: Page, l: Locator): Promise<boolean> {
  const box = await l.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  return box !== null && box.x >= 0 && box.x + box.width <= width;
}

async function rfcAt8(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await atStep(page, 0, RFC_TOTAL);
  await page.getByRole('slider', { name: 'Timeline' }).fill('8');
  await atStep(page, 8, RFC_TOTAL);
}

test.describe('a big screen', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('at 1920 the type is larger than at 1280 and the panels fill the height', async ({ page }) => {
    await page.goto('/');
    await atStep(page, 0, RFC_TOTAL);
    expect(await fontSize(firstCell(page, 'ns0'))).toBeGreaterThanOrEqual(16);
    expect(await fontSize(page.getByRole('button', { name: 'Step forward' }))).toBeGreaterThanOrEqual(17);
    const tree = await page.getByRole('tree', { name: 'Namespace tree' }).boundingBox();
    expect(tree?.height).toBeGreaterThan(1080 * 0.38);
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await fontSize(firstCell(page, 'ns0'))).toBeGreaterThanOrEqual(12.5);
    expect(await fontSize(page.getByRole('button', { name: 'Step forward' }))).toBe(14);
  });

  test('presenting: CMD whole, the player and the tree controls in the type of the screen', async ({ page }) => {
    await rfcAt8(page, '/');
    await page.getByRole('button', { name: 'Present' }).click();
    await expect(page.getByRole('button', { name: 'Leave presentation' })).toBeVisible();
    const cmd = table(page, 'ns0').getByRole('cell', { name: '/usr/sbin/sshd -D -p 2100' });
    await expect(cmd).toBeVisible();
    expect(await whole(cmd)).toBe(true);
    expect(await fontSize(page.getByRole('button', { name: 'Step forward' }))).toBeGreaterThanOrEqual(22);
    expect(await fontSize(page.locator('.step-result'))).toBeGreaterThanOrEqual(20);
    expect(await fontSize(page.getByRole('checkbox', { name: 'Outer pids' }).locator('..'))).toBeGreaterThanOrEqual(18);
    expect(await fontSize(page.getByRole('button', { name: 'Fit' }))).toBeGreaterThanOrEqual(18);
    const status = await page.getByRole('status').filter({ hasText: /^Step 8 of 15$/ }).boundingBox();
    const speed = await page.getByLabel('Speed').boundingBox();
    expect(status && speed && speed.x - (status.x + status.width)).toBeGreaterThan(20);
    const tree = await page.getByRole('tree', { name: 'Namespace tree' }).boundingBox();
    expect(tree?.height).toBeGreaterThan(1080 * 0.55);
  });
});

test.describe('an iframe of a course page', () => {
  test.use({ viewport: { width: 800, height: 640 } });

  test('?embed at 800×640: the tree toolbar fits and CMD is whole', async ({ page }) => {
    await rfcAt8(page, '/?embed');
    expect(await insideWidth(page, page.getByRole('button', { name: 'Fit' }))).toBe(true);
    const panel = page.getByRole('tree', { name: 'Namespace tree' }).locator('..');
    const fit = await page.getByRole('button', { name: 'Fit' }).boundingBox();
    const panelBox = await panel.boundingBox();
    expect(fit && panelBox && fit.x + fit.width).toBeLessThanOrEqual((panelBox?.x ?? 0) + (panelBox?.width ?? 0));
    expect(await whole(table(page, 'ns0').getByRole('cell', { name: '/usr/sbin/sshd -D -p 2100' }))).toBe(true);
  });
});

test.describe('a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('an answered question shows its text once', async ({ page }) => {
    await page.goto(`/${PREDICT}`);
    await page.getByRole('button', { name: 'Last step' }).click();
    const question = page.getByRole('group', { name: 'Question' });
    await question.getByRole('textbox', { name: 'Your answer' }).fill('2');
    await question.getByRole('button', { name: 'Check answer' }).click();
    await expect(question.getByRole('status')).toHaveText(/^Correct/);
    await expect(page.getByText('Which pid does shell see for itself?').filter({ visible: true })).toHaveCount(1);
    await expect(page.getByText(/getpid is the caller's number/).filter({ visible: true })).toHaveCount(1);
  });

  test('the lessons are one tap from the top; the tables scroll sideways, PID kept in sight', async ({ page }) => {
    await rfcAt8(page, '/');
    const go = page.getByRole('button', { name: 'Go to the lessons' });
    expect((await go.boundingBox())?.y).toBeLessThan(300);
    await go.click();
    await expect(page.getByRole('navigation', { name: 'Lessons' })).toBeInViewport();
    await page.getByRole('slider', { name: 'Timeline' }).scrollIntoViewIfNeeded();
    expect(await insideWidth(page, page.getByRole('button', { name: 'Fit' }))).toBe(true);
    const ns0 = table(page, 'ns0');
    await ns0.scrollIntoViewIfNeeded();
    const task = ns0.getByRole('button', { name: 'Inspect sshd2' });
    await task.scrollIntoViewIfNeeded();
    await expect(task).toBeInViewport();
    expect(await whole(ns0.getByRole('cell', { name: '/usr/sbin/sshd -D -p 2100' }))).toBe(true);
    await expect(firstCell(page, 'ns0')).toBeInViewport();
    await expect(page.getByRole('button', { name: 'Step back' })).toBeInViewport();
  });

  test('presenting on a phone: the whole tree, then the tables with every column', async ({ page }) => {
    await page.goto(`/?present${encodeFragment('init fork as a\na unshare NEWPID\na fork as b cmd "/usr/sbin/sshd -D -p 2100"\n', 3)}`);
    await atStep(page, 3, 3);
    const tree = page.getByRole('tree', { name: 'Namespace tree' });
    const treeBox = await tree.boundingBox();
    const items = await tree.getByRole('treeitem').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().bottom));
    expect(Math.max(...items)).toBeLessThanOrEqual((treeBox?.y ?? 0) + (treeBox?.height ?? 0));
    const ns1 = table(page, 'ns1');
    const task = ns1.getByRole('button', { name: 'Inspect b' });
    await task.scrollIntoViewIfNeeded();
    await expect(task).toBeInViewport();
    expect(await whole(ns1.getByRole('cell', { name: '/usr/sbin/sshd -D -p 2100' }))).toBe(true);
    await expect(page.getByRole('button', { name: 'Step back' })).toBeInViewport();
  });
});
