/**
 * The editor, the library, files in and out, and export.
 */
import { readFile } from 'node:fs/promises';
import { atStep, expect, settled, tableRows, test } from './fixtures.ts';

/** the statements of scenarios/library/orphans-go-to-namespace-init.pidns */
const ORPHANS_TOTAL = 10;

test('an error in the editor is reported at its line, and fixing it re-runs', async ({ page }) => {
  await page.goto('/');
  const editor = page.getByRole('textbox', { name: 'Scenario' });
  await editor.fill('init fork as a\na fork as b\nb frok\n');
  await expect(page.getByRole('alert')).toContainText('line 3');
  await expect(page.getByRole('list', { name: 'Problems' })).toContainText('line 3');
  await editor.fill('init fork as a\na fork as b\nb fork as c\n');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByRole('button', { name: 'Last step' }).click();
  await atStep(page, 3, 3);
  await settled(page);
  expect(await tableRows(page, 'ns0')).toHaveLength(4);
});

test('the player keeps its step when an edit re-runs the scenario', async ({ page }) => {
  await page.goto('/');
  await atStep(page, 0, 15);
  await page.getByRole('slider', { name: 'Timeline' }).fill('6');
  await atStep(page, 6, 15);
  const editor = page.getByRole('textbox', { name: 'Scenario' });
  await editor.press('Control+End');
  await editor.pressSequentially('init fork as late\n');
  await atStep(page, 6, 16);
});

test('a library entry loads and plays', async ({ page }) => {
  await page.goto('/');
  await page.getByText('Library', { exact: true }).click();
  await page.getByRole('button', { name: /Orphans are adopted by their namespace's init/ }).click();
  await expect(page.getByRole('textbox', { name: 'Scenario' })).toHaveValue(/title: Orphans are adopted/);
  // The text shows at once; the player has the entry's steps once the engine has run it.
  await atStep(page, 0, ORPHANS_TOTAL);
  await page.getByLabel('Speed').selectOption('1000');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await atStep(page, ORPHANS_TOTAL, ORPHANS_TOTAL);
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
});

test('a .pidns file opens from the picker, and the scenario downloads', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Open scenario file').setInputFiles({
    name: 'mine.pidns', mimeType: 'text/plain', buffer: Buffer.from('title: From a file\ninit fork as f\n'),
  });
  await expect(page.getByRole('textbox', { name: 'Scenario' })).toHaveValue(/From a file/);
  await atStep(page, 0, 1);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).click()]);
  expect(download.suggestedFilename()).toBe('from-a-file.pidns');
  expect(await readFile(await download.path(), 'utf8')).toBe('title: From a file\ninit fork as f\n');
});

test('a file dropped on the page opens', async ({ page }) => {
  await page.goto('/');
  const drop = await page.evaluateHandle(() => {
    const data = new DataTransfer();
    data.items.add(new File(['title: Dropped\ninit fork as d\n'], 'd.pidns', { type: 'text/plain' }));
    return data;
  });
  await page.locator('.app').dispatchEvent('drop', { dataTransfer: drop });
  await expect(page.getByRole('textbox', { name: 'Scenario' })).toHaveValue(/Dropped/);
});

test('the tree and tables export as a valid SVG and PNG', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Last step' }).click();
  await atStep(page, 15, 15);
  await settled(page);
  const [svgFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export SVG' }).click()]);
  const svg = await readFile(await svgFile.path(), 'utf8');
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(svg).toContain('Processes in ns1');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return { error: doc.querySelector('parsererror') !== null, root: doc.documentElement.nodeName };
  }, svg);
  expect(parsed).toEqual({ error: false, root: 'svg' });
  const [pngFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PNG' }).click()]);
  const png = await readFile(await pngFile.path());
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.length).toBeGreaterThan(2000);
});
